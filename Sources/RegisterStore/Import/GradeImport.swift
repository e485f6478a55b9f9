import Foundation
import UnionRegister

/// The columns of a grades file: one grade per member and year.
public enum GradeColumn: String, CSVColumns {
    case code
    case year
    case grade

    public var aliases: [String] {
        switch self {
        case .code: return ["Số thẻ", "Mã", "Mã đoàn viên"]
        case .year: return ["Năm"]
        case .grade: return ["Xếp loại"]
        }
    }

    public var isRequired: Bool { true }
}

/// One run of `import grades`: each row is checked with `GradeRule` against the member's
/// history; a new (member, year) is added, a different grade for one already kept is an
/// audited update, the same grade is unchanged.
struct GradeImport: RowImport {
    var report: ImportReport
    private var keysInFile: [String: Int] = [:]

    static let action = "grade.import"
    static let ruleColumns: [RuleCode: GradeColumn] = [.gradeMonths: .year, .gradeNotHere: .year]

    init(file: String) {
        report = ImportReport(file: file)
    }

    mutating func importRow(_ row: CSVRow<GradeColumn>, in tx: WriteTransaction) throws {
        let code = try row.required(.code)
        let year = try row.required(.year, as: Text(vi: "năm", en: "year"), Int.init)
        let grade = try row.required(.grade, as: Text(vi: "xếp loại (excellent|good|pass|fail)", en: "grade (excellent|good|pass|fail)"),
                                     Grade.init(codeOrName:))
        if let first = keysInFile.updateValue(row.line, forKey: "\(code) \(year)") {
            throw row.problem(.year, Text(vi: "Đoàn viên \(code) đã có xếp loại năm \(year) ở dòng \(first) của tệp.",
                                          en: "Member \(code) already has a \(year) grade on line \(first) of the file."))
        }
        let (id, member) = try row.member(.code, in: tx.connection)
        let change = try tx.setGrade(memberID: id, member, year: year, grade: grade)
        guard let old = change.old else { report.added += 1; return }
        guard old != grade else { report.unchanged += 1; return }
        report.updated += 1
        try tx.audit(AuditEntry(action: "grade.set", memberCode: code, unitCode: change.unitCode,
                                oldValue: AuditEntry.json(GradeRecord(year: year, grade: old)),
                                newValue: AuditEntry.json(GradeRecord(year: year, grade: grade))))
    }
}
