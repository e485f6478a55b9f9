import Foundation
import GRDB
import UnionRegister

/// The columns of a membership events file: transfers and endings, in date order.
public enum EventColumn: String, CSVColumns {
    case code
    case event
    case on
    case unit
    case reason

    public var aliases: [String] {
        switch self {
        case .code: return ["Số thẻ", "Mã", "Mã đoàn viên"]
        case .event: return ["Sự kiện"]
        case .on: return ["Ngày"]
        case .unit: return ["Chi đoàn", "Đơn vị"]
        case .reason: return ["Lý do"]
        }
    }

    public var isRequired: Bool { self == .code || self == .event || self == .on }
}

/// One run of `import events`: each row is one membership event after admission
/// (`transferred` into `unit`, or `matured`, `removed`, `deceased` from the member's
/// branch), checked exactly as `member transfer|mature|remove|decease` check it.
/// Admission comes from `import members`; expulsion from `import discipline`.
struct EventImport: RowImport {
    var context: ImportContext
    var report: ImportReport

    static let action = "event.import"
    static let ruleColumns: [String: EventColumn] = [
        "event-order": .on, "transfer-same-unit": .unit, "member-unit-kind": .unit, "member-unit-open": .unit,
    ]

    init(_ context: ImportContext) {
        self.context = context
        report = ImportReport(file: context.file)
    }

    mutating func importRow(_ row: CSVRow<EventColumn>, in db: Database) throws {
        let code = try row.required(.code)
        let kind = try row.required(.event, as: Text(vi: "sự kiện (transferred|matured|removed|deceased)",
                                                      en: "event (transferred|matured|removed|deceased)")) { text in
            MembershipEventKind(codeOrName: text).flatMap { $0 == .admitted || $0 == .expelled ? nil : $0 }
        }
        let on = try row.requiredDay(.on)
        let (id, _) = try row.member(.code, in: db)
        let history = try MemberTable.history(memberID: id, in: db)
        let current = history.events.last?.unitCode ?? ""
        let event: MembershipEvent
        var destination: UnionRegister.Unit?
        if kind == .transferred {
            let to = try row.required(.unit)
            guard let unit = try? UnitTable.find(to, in: db).unit else { throw row.problem(.unit, RegisterError.unknownUnit(to).message) }
            destination = unit
            event = MembershipEvent(kind: .transferred, on: on, unitCode: to, fromUnitCode: current, reason: row[.reason])
        } else {
            if let given = row[.unit], given != current {
                throw row.problem(.unit, Text(vi: "Đoàn viên \(code) đang ở \(current), không phải \(given).",
                                              en: "Member \(code) is in \(current), not \(given)."))
            }
            event = MembershipEvent(kind: kind, on: on, unitCode: current, reason: row[.reason])
        }
        // The same event already kept (a file imported twice) changes nothing.
        if history.events.contains(where: { $0.kind == event.kind && $0.on == event.on && $0.unitCode == event.unitCode }) {
            report.unchanged += 1
            return
        }
        _ = try history.recording(event, today: today, destination: destination)  // the checks of `member transfer|mature|…`
        report.added += 1
        try MemberTable.insert(event, memberID: id, in: db)
        try context.audit(AuditEntry(action: "member.\(kind.rawValue)", memberCode: code, unitCode: event.unitCode,
                       oldValue: AuditEntry.json(history.events.last), newValue: AuditEntry.json(event)), in: db)
    }
}
