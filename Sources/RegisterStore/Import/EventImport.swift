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
    var report: ImportReport

    static let action = "event.import"
    static let ruleColumns: [RuleCode: EventColumn] = [
        .eventOrder: .on, .transferSameUnit: .unit, .memberUnitKind: .unit, .memberUnitOpen: .unit,
    ]

    init(file: String) {
        report = ImportReport(file: file)
    }

    mutating func importRow(_ row: CSVRow<EventColumn>, in tx: WriteTransaction) throws {
        let code = try row.required(.code)
        let kind = try row.required(.event, as: Text(vi: "sự kiện (transferred|matured|removed|deceased)",
                                                      en: "event (transferred|matured|removed|deceased)")) { text in
            MembershipEventKind(codeOrName: text).flatMap { $0 == .admitted || $0 == .expelled ? nil : $0 }
        }
        let on = try row.requiredDay(.on)
        let (id, _) = try row.member(.code, in: tx.db)
        if kind == .transferred, let to = row[.unit], !(try UnitTable.exists(code: to, in: tx.db)) {
            throw row.problem(.unit, RegisterError.unknownUnit(to).message)
        }
        let audit = try tx.recordEvent(memberID: id, code: code, action: AuditEntry.action(of: kind)) { history in
            let current = history.events.last?.unitCode ?? ""
            let event: MembershipEvent
            if kind == .transferred {
                event = MembershipEvent(kind: .transferred, on: on, unitCode: try row.required(.unit), fromUnitCode: current,
                                        reason: row[.reason])
            } else {
                if let given = row[.unit], given != current {
                    throw row.problem(.unit, Text(vi: "Đoàn viên \(code) đang ở \(current), không phải \(given).",
                                                  en: "Member \(code) is in \(current), not \(given)."))
                }
                event = MembershipEvent(kind: kind, on: on, unitCode: current, reason: row[.reason])
            }
            // The same event already kept (a file imported twice) changes nothing.
            let kept = history.events.contains { $0.kind == event.kind && $0.on == event.on && $0.unitCode == event.unitCode }
            return kept ? nil : event
        }
        guard let audit else { report.unchanged += 1; return }
        report.added += 1
        try tx.audit(audit)
    }
}
