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
    let register: Register
    let today: Day
    let writing: Bool
    let now: Date
    var report: ImportReport
    private var histories = MemberHistories()

    static let action = "discipline.import"
    static let ruleColumns: [String: DisciplineColumn] = ["discipline-membership": .on, "event-order": .on]

    init(register: Register, file: String, today: Day, writing: Bool, now: Date) {
        self.register = register
        self.today = today
        self.writing = writing
        self.now = now
        report = ImportReport(file: file)
    }

    mutating func prepare(in db: Database) throws {}

    mutating func importRow(_ row: CSVRow<DisciplineColumn>, in db: Database) throws {
        let code = try row.required(.code)
        let record = DisciplineRecord(
            level: try row.required(.level, as: Text(vi: "hình thức (reprimand|warning|expulsion)", en: "level (reprimand|warning|expulsion)"),
                                    DisciplineLevel.init(rawValue:)),
            on: try row.requiredDay(.on), reason: try row.required(.reason))
        let (id, member, history) = try histories.find(code, for: row, column: .code, in: db)
        // The same decision already kept (a file imported twice) changes nothing.
        if try RecordTables.disciplines(memberID: id, in: db).contains(where: {
            $0.level == record.level && $0.on == record.on && $0.reason == VietnameseText.normalized(record.reason)
        }) {
            report.unchanged += 1
            return
        }
        let (after, audit) = try register.recordDiscipline(record, memberID: id, member: member, history: history,
                                                           today: today, writing: writes, in: db)
        histories.update(code, to: after)
        report.added += 1
        if writes { try audit.insert(db, command: register.command, at: now) }
    }
}
