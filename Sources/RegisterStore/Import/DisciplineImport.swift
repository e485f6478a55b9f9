import Foundation
import UnionRegister

/// The columns of a discipline file.
public enum DisciplineColumn: String, CSVColumns {
    case code
    case level
    case on
    case reason

    public var aliases: [String] {
        switch self {
        case .code: return ["Số thẻ", "Mã", "Mã đoàn viên"]
        case .level: return ["Hình thức"]
        case .on: return ["Ngày"]
        case .reason: return ["Lý do"]
        }
    }

    public var isRequired: Bool { true }
}

/// One run of `import discipline`: each row is checked and written exactly as
/// `discipline add` does it (an expulsion ends membership in the same transaction).
struct DisciplineImport: RowImport {
    var report: ImportReport

    static let action = "discipline.import"
    static let ruleColumns: [RuleCode: DisciplineColumn] = [.disciplineMembership: .on, .eventOrder: .on, .disciplineOffice: .level]

    init(file: String) {
        report = ImportReport(file: file)
    }

    mutating func importRow(_ row: CSVRow<DisciplineColumn>, in tx: WriteTransaction) throws {
        let record = DisciplineRecord(
            level: try row.required(.level, as: Text(vi: "hình thức (reprimand|warning|expulsion)", en: "level (reprimand|warning|expulsion)"),
                                    DisciplineLevel.init(codeOrName:)),
            on: try row.requiredDay(.on), reason: VietnameseText.normalized(try row.required(.reason)))
        let (id, member) = try row.member(.code, in: tx.connection)
        // The same decision already kept (a file imported twice) changes nothing.
        if try DisciplineTable.disciplines(memberID: id, in: tx.connection).contains(record) {
            report.unchanged += 1
            return
        }
        let audit = try tx.recordDiscipline(memberID: id, member, record)
        report.added += 1
        try tx.audit(audit)
    }
}
