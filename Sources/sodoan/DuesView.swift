import RegisterStore
import RegisterViews
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
            let headings = [Heading.unit, Text(vi: "Thu của đoàn viên", en: "Collected"), Text(vi: "Cấp dưới nộp", en: "From below"),
                            Text(vi: "Giữ lại", en: "Kept"), Text(vi: "Nộp cấp trên", en: "Sent up"),
                            Text(vi: "Nợ từ 3 tháng", en: "Owing 3+ months")]
            let cells = rows.map { row -> [String] in
                let f = row.flow
                return [Money.text(f.collected, language), Money.text(f.receivedFromBelow, language), Money.text(f.kept, language),
                        Money.text(f.sentUp, language), String(f.membersOwing)]
            }
            let heading = Text(vi: "Đoàn phí từ tháng \(Month(period.from).vietnamese) đến tháng \(Month(period.to).vietnamese): \(flow.unit.name) (\(flow.unit.code))",
                               en: "Union dues from \(Month(period.from)) through \(Month(period.to)): \(flow.unit.name) (\(flow.unit.code))")
            let balance = flow.isBalanced ? Text(vi: "Cân đối: thu + cấp dưới nộp = giữ lại + nộp cấp trên ở mọi đơn vị",
                                                 en: "Balanced: collected + from below = kept + sent up at every unit")
                                          : Text(vi: "KHÔNG CÂN ĐỐI", en: "NOT BALANCED")
            let fingerprintLine = Text(vi: "Mã kiểm tra dữ liệu sổ (SHA-256): ", en: "Register fingerprint (SHA-256): ")(language) + fingerprint
            switch format {
            case .md:
                return "# \(Escaping.markdown(heading(language)))\n\n\(Escaping.markdown(balance(language)))\n\n\(fingerprintLine)\n\n"
                    + "| " + headings.map { Escaping.markdown($0(language)) }.joined(separator: " | ") + " |\n|---" + String(repeating: "|--:", count: 5) + "|\n"
                    + zip(rows, cells).map { row, cells in
                        "| " + ([String(repeating: "\u{2003}", count: row.depth) + Escaping.markdown("\(row.flow.unit.name) (\(row.flow.unit.code))")] + cells)
                            .joined(separator: " | ") + " |\n"
                    }.joined()
            case .html:
                return """
                    <!DOCTYPE html>
                    <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(Escaping.html(heading(language)))</title>
                    <style>@page { size: A4 landscape; margin: 1.5cm } body { font-family: "Times New Roman", serif; } table { border-collapse: collapse; }
                    td, th { border: 1px solid black; padding: 2px 6px; } td.n { text-align: right; }</style></head><body>
                    <h1>\(Escaping.html(heading(language)))</h1>
                    <p>\(Escaping.html(balance(language)))<br><small>\(Escaping.html(fingerprintLine))</small></p>
                    <table><thead><tr>\(headings.map { "<th>\(Escaping.html($0(language)))</th>" }.joined())</tr></thead><tbody>
                    \(zip(rows, cells).map { row, cells in
                        "<tr><td style=\"padding-left: \(1 + row.depth * 5)mm\">\(Escaping.html("\(row.flow.unit.name) (\(row.flow.unit.code))"))</td>"
                            + cells.map { "<td class=\"n\">\(Escaping.html($0))</td>" }.joined() + "</tr>"
                    }.joined(separator: "\n"))
                    </tbody></table></body></html>

                    """
            default:
                var table = TextTable(headings, language, rightAligned: [1, 2, 3, 4, 5])
                for (row, cells) in zip(rows, cells) { table.append([String(repeating: "  ", count: row.depth) + row.flow.unit.code] + cells) }
                return heading(language) + "\n" + balance(language) + "\n" + fingerprintLine + "\n\n" + table.render() + "\n"
            }
        }
    }
}
