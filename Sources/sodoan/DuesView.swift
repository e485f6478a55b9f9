import RegisterStore
import UnionRegister

/// Renders `dues rate show`, `dues status` and `dues report` as a text table, JSON or CSV.
/// Money is whole đồng: a plain integer in JSON and CSV, grouped for reading in text.
enum DuesView {
    struct RateItem: Encodable {
        var `class`: String
        var from: String
        var amount: Int64
    }

    static func rates(_ schedule: DuesSchedule, _ format: OutputFormat, _ language: Language) throws -> String {
        let items = schedule.rates.map { RateItem(class: $0.duesClass.rawValue, from: $0.from.description, amount: $0.amount) }
        switch format {
        case .json: return try JSONOutput.encode(items)
        case .csv: return CSVWriter.document(header: ["class", "from", "amount"], rows: items.map { [$0.class, $0.from, String($0.amount)] })
        default:
            var table = TextTable([Heading.kind, Text(vi: "Từ tháng", en: "From"), Text(vi: "Mức một tháng", en: "Monthly")],
                                  language, rightAligned: [2])
            for rate in schedule.rates {
                table.append([rate.duesClass.name(language), rate.from.vietnamese, Money.text(rate.amount, language)])
            }
            return table.render()
        }
    }

    struct StatusItem: Encodable {
        var member: String
        var full_name: String
        var unit: String
        var `class`: String
        var paid_through: String?
        var months_behind: Int
        var behind: [String]
        var exempt: [String]
    }

    static func status(_ standings: [DuesStanding], on day: Day, _ format: OutputFormat, _ language: Language) throws -> String {
        let items = standings.map { standing in
            let account = standing.account
            return StatusItem(member: account.member.code, full_name: account.member.fullName, unit: standing.unitCode,
                              class: account.duesClass(in: Month(day)).rawValue, paid_through: account.paidThrough(on: day)?.description,
                              months_behind: account.behind(on: day).count, behind: account.behind(on: day).map(\.description),
                              exempt: account.exemptions.flatMap { Array($0.from...$0.to) }.map(\.description))
        }
        switch format {
        case .json: return try JSONOutput.encode(items)
        case .csv:
            return CSVWriter.document(header: ["member", "full_name", "unit", "class", "paid_through", "months_behind", "behind", "exempt"],
                                      rows: items.map { [$0.member, $0.full_name, $0.unit, $0.class, $0.paid_through ?? "",
                                                         String($0.months_behind), $0.behind.joined(separator: " "), $0.exempt.joined(separator: " ")] })
        default:
            var table = TextTable([Heading.code, Heading.fullName, Heading.branch, Heading.kind,
                                   Text(vi: "Đã đóng đến", en: "Paid through"), Text(vi: "Số tháng nợ", en: "Months behind")],
                                  language, rightAligned: [5])
            for (standing, item) in zip(standings, items) {
                table.append([item.member, item.full_name, item.unit, standing.account.duesClass(in: Month(day)).name(language),
                              standing.account.paidThrough(on: day)?.vietnamese ?? "—", String(item.months_behind)])
            }
            let footer = Text(vi: "\(items.count) đoàn viên, tính đến ngày \(day).", en: "\(items.count) members as of \(day).")
            return table.render() + "\n" + footer(language) + "\n"
        }
    }

    /// The fixed JSON shape of `dues report`: one object per unit, children nested.
    struct ReportItem: Encodable {
        var unit: String
        var name: String
        var from: String
        var to: String
        var collected: Int64
        var received_from_below: Int64
        var kept: Int64
        var sent_up: Int64
        var members_owing_3_months: Int
        var balanced: Bool
        var fingerprint: String
        var children: [ReportItem]

        init(_ flow: DuesFlow, period: ReportPeriod, fingerprint: String) {
            unit = flow.unit.code
            name = flow.unit.name
            from = Month(period.from).description
            to = Month(period.to).description
            collected = flow.collected
            received_from_below = flow.receivedFromBelow
            kept = flow.kept
            sent_up = flow.sentUp
            members_owing_3_months = flow.membersOwing
            balanced = flow.isBalanced
            self.fingerprint = fingerprint
            children = flow.children.map { ReportItem($0, period: period, fingerprint: fingerprint) }
        }
    }

    static func report(_ flow: DuesFlow, period: ReportPeriod, fingerprint: String, _ format: OutputFormat,
                       _ language: Language) throws -> String {
        var rows: [(depth: Int, flow: DuesFlow)] = []
        func walk(_ flow: DuesFlow, _ depth: Int) {
            rows.append((depth, flow))
            flow.children.forEach { walk($0, depth + 1) }
        }
        walk(flow, 0)
        switch format {
        case .json: return try JSONOutput.encode(ReportItem(flow, period: period, fingerprint: fingerprint))
        case .csv:
            return CSVWriter.document(
                header: ["unit", "name", "parent", "depth", "from", "to", "collected", "received_from_below", "kept", "sent_up", "members_owing_3_months"],
                rows: rows.map { row in
                    [row.flow.unit.code, row.flow.unit.name, row.flow.unit.parentCode ?? "", String(row.depth),
                     Month(period.from).description, Month(period.to).description, String(row.flow.collected),
                     String(row.flow.receivedFromBelow), String(row.flow.kept), String(row.flow.sentUp), String(row.flow.membersOwing)]
                })
        default:
            var table = TextTable([Heading.unit, Text(vi: "Thu của đoàn viên", en: "Collected"), Text(vi: "Cấp dưới nộp", en: "From below"),
                                   Text(vi: "Giữ lại", en: "Kept"), Text(vi: "Nộp cấp trên", en: "Sent up"),
                                   Text(vi: "Nợ từ 3 tháng", en: "Owing 3+ months")], language, rightAligned: [1, 2, 3, 4, 5])
            for row in rows {
                let f = row.flow
                table.append([String(repeating: "  ", count: row.depth) + f.unit.code, Money.text(f.collected, language),
                              Money.text(f.receivedFromBelow, language), Money.text(f.kept, language), Money.text(f.sentUp, language),
                              String(f.membersOwing)])
            }
            let heading = Text(vi: "Đoàn phí từ tháng \(Month(period.from).vietnamese) đến tháng \(Month(period.to).vietnamese): \(flow.unit.name) (\(flow.unit.code))",
                               en: "Union dues from \(Month(period.from)) through \(Month(period.to)): \(flow.unit.name) (\(flow.unit.code))")
            let balance = flow.isBalanced ? Text(vi: "Cân đối: thu + cấp dưới nộp = giữ lại + nộp cấp trên ở mọi đơn vị",
                                                 en: "Balanced: collected + from below = kept + sent up at every unit")
                                          : Text(vi: "KHÔNG CÂN ĐỐI", en: "NOT BALANCED")
            return heading(language) + "\n" + balance(language) + "\n"
                + Text(vi: "Mã kiểm tra dữ liệu sổ (SHA-256): ", en: "Register fingerprint (SHA-256): ")(language) + fingerprint + "\n\n"
                + table.render() + "\n"
        }
    }
}
