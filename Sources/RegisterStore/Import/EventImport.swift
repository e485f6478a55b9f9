import Foundation
import UnionRegister

/// The columns of a membership events file: transfers, arrivals, departures, temporary
/// stays and endings, in date order.
public enum EventColumn: String, CSVColumns {
    case code
    case event
    case on
    case unit
    case reason
    /// The unit outside the register an arrival or a stay comes from, a departure or a
    /// member away goes to.
    case place
    case letter
    /// The last day of a temporary stay.
    case until

    public var aliases: [String] {
        switch self {
        case .code: return ["Số thẻ", "Mã", "Mã đoàn viên"]
        case .event: return ["Sự kiện"]
        case .on: return ["Ngày"]
        case .unit: return ["Chi đoàn", "Đơn vị"]
        case .reason: return ["Lý do"]
        case .place: return ["Nơi đến, nơi đi", "Nơi chuyển đến", "Nơi chuyển đi"]
        case .letter: return ["Số giấy giới thiệu"]
        case .until: return ["Đến ngày"]
        }
    }

    public var isRequired: Bool { self == .code || self == .event || self == .on }
}

/// One run of `import events`: each row is one membership event after the member came
/// into the register (`transferred`, `reorganised`, `arrived` or `hosted` into `unit`; `left`, `away`,
/// `matured`, `removed`, `deceased` from the member's branch), checked exactly as the
/// `member` commands check it. The first event comes from `import members`; expulsion
/// from `import discipline`.
struct EventImport: RowImport {
    var report: ImportReport

    static let action = "event.import"
    static let ruleColumns: [RuleCode: EventColumn] = [
        .eventOrder: .on, .transferSameUnit: .unit, .memberUnitKind: .unit, .memberUnitOpen: .unit,
        .arrivalActive: .event, .departureNotActive: .event, .temporaryMember: .event,
        .temporaryPeriod: .until, .arrivalBeforeAdmission: .on,
    ]

    /// The kinds a row may have: not the admission (members file) nor the expulsion (discipline file).
    private static let kinds = MembershipEventKind.allCases.filter { $0 != .admitted && $0 != .expelled }

    init(file: String) {
        report = ImportReport(file: file)
    }

    mutating func importRow(_ row: CSVRow<EventColumn>, in tx: WriteTransaction) throws {
        let code = try row.required(.code)
        let names = Self.kinds.map(\.rawValue).joined(separator: "|")
        let kind = try row.required(.event, as: Text(vi: "sự kiện (\(names))", en: "event (\(names))")) { text in
            MembershipEventKind(codeOrName: text).flatMap { Self.kinds.contains($0) ? $0 : nil }
        }
        let on = try row.requiredDay(.on)
        let (id, _) = try row.member(.code, in: tx.connection)
        let placing = kind.movesWithin || kind == .arrived || kind == .hosted
        if placing, let to = row[.unit], !(try UnitTable.exists(code: to, in: tx.connection)) {
            throw row.problem(.unit, RegisterError.unknownUnit(to).message)
        }
        let place = kind.namesPlace ? try row.required(.place) : nil
        let until = kind.hasUntil ? try row.required(.until, as: Text(vi: "ngày", en: "date"), Day.init(parsing:)) : nil
        let audit = try tx.recordEvent(memberID: id, code: code, action: AuditEntry.action(of: kind)) { history in
            let current = history.events.last?.unitCode ?? ""
            var event = MembershipEvent(kind: kind, on: on, unitCode: row[.unit] ?? current, reason: row[.reason],
                                        place: place.map(VietnameseText.normalized), letterNo: row[.letter], until: until)
            if placing {
                event.unitCode = try row.required(.unit)
                event.fromUnitCode = kind.movesWithin ? current : nil
            }
            // The same event already kept (a file imported twice) changes nothing. A row
            // without a unit means the member's branch on its day, which later moves may
            // have changed since: such a row is the kept event of its kind and day.
            let unitGiven = placing || row[.unit] != nil
            if history.events.contains(where: { $0.kind == event.kind && $0.on == event.on && (!unitGiven || $0.unitCode == event.unitCode) }) {
                return nil
            }
            if !placing, event.unitCode != current {
                throw row.problem(.unit, Text(vi: "Đoàn viên \(code) đang ở \(current), không phải \(event.unitCode).",
                                              en: "Member \(code) is in \(current), not \(event.unitCode)."))
            }
            return event
        }
        guard let audit else { report.unchanged += 1; return }
        report.added += 1
        try tx.audit(audit)
    }
}
