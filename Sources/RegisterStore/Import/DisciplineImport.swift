import Foundation
import GRDB
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
    var context: ImportContext
    var report: ImportReport

    static let action = "discipline.import"
    static let ruleColumns: [String: DisciplineColumn] = ["discipline-membership": .on, "event-order": .on]

    init(_ context: ImportContext) {
        self.context = context
        report = ImportReport(file: context.file)
    }

    mutating func importRow(_ row: CSVRow<DisciplineColumn>, in db: Database) throws {
        let record = DisciplineRecord(
            level: try row.required(.level, as: Text(vi: "hình thức (reprimand|warning|expulsion)", en: "level (reprimand|warning|expulsion)"),
                                    DisciplineLevel.init(codeOrName:)),
            on: try row.requiredDay(.on), reason: try row.required(.reason))
        let (id, member) = try row.member(.code, in: db)
        // The same decision already kept (a file imported twice) changes nothing.
        if try RecordTables.disciplines(memberID: id, in: db).contains(where: {
            $0.level == record.level && $0.on == record.on && $0.reason == VietnameseText.normalized(record.reason)
        }) {
            report.unchanged += 1
            return
        }
        let audit = try register.recordDiscipline(record, memberID: id, member: member,
                                                  history: try MemberTable.history(memberID: id, in: db), today: today, in: db)
        report.added += 1
        try context.audit(audit, in: db)
    }
}
