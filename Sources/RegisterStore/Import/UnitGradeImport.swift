import Foundation
import UnionRegister

/// The columns of a unit grades file: one grade per unit and year.
public enum UnitGradeColumn: String, CSVColumns {
    case unit
    case year
    case grade

    public var aliases: [String] {
        switch self {
        case .unit: return ["Đơn vị", "Mã đơn vị"]
        case .year: return ["Năm"]
        case .grade: return ["Xếp loại"]
        }
    }

    public var isRequired: Bool { true }
}

/// One run of `import unit-grades`: each row is checked and written exactly as `unit
/// grade` does it (`UnitGradeRule`); a new (unit, year) is added, a different grade for one
/// already kept is an audited update, the same grade is unchanged.
struct UnitGradeImport: RowImport {
    var report: ImportReport
    private var keysInFile: [String: Int] = [:]

    static let action = "unit-grade.import"
    static let ruleColumns: [RuleCode: UnitGradeColumn] = [.unitGradeKind: .unit, .unitGradeMonths: .year]

    init(file: String) {
        report = ImportReport(file: file)
    }

    mutating func importRow(_ row: CSVRow<UnitGradeColumn>, in tx: WriteTransaction) throws {
        let unit = try row.required(.unit)
        let year = try row.required(.year, as: Text(vi: "năm", en: "year"), Int.init)
        let grade = try row.required(.grade, as: Text(vi: "xếp loại (excellent|good|pass|fail)", en: "grade (excellent|good|pass|fail)"),
                                     Grade.init(codeOrName:))
        if let first = keysInFile.updateValue(row.line, forKey: "\(unit) \(year)") {
            throw row.problem(.year, Text(vi: "Đơn vị \(unit) đã có xếp loại năm \(year) ở dòng \(first) của tệp.",
                                          en: "Unit \(unit) already has a \(year) grade on line \(first) of the file."))
        }
        let (old, audit) = try tx.setUnitGrade(unit, year: year, grade: grade)
        guard let audit else { report.unchanged += 1; return }
        try tx.audit(audit)
        if old == nil { report.added += 1 } else { report.updated += 1 }
    }
}
