import ArgumentParser
import RegisterStore
import RegisterViews
import UnionRegister

/// Formats of `report trend`: the table ones, and the charts as SVG, in HTML or in Markdown.
enum TrendFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json, md, html, svg
}

/// Year-end figures over several years, from one `report annual` per year.
struct YearlyFigures {
    var reports: [YearEndReport]
    var years: [Int] { reports.map(\.period.from.year) }
    var fingerprint: String { reports.last?.fingerprint ?? "" }

    /// Members at each year's end per unit directly below, the unit itself first.
    var membersChart: LineChart {
        let top = reports.last!.root
        let children = top.children.map(\.unit.code)
        let series = [LineChart.Series(name: top.unit.code, values: reports.map(\.root.members.end))]
            + children.map { code in
                LineChart.Series(name: code, values: reports.map { $0.root.children.first { $0.unit.code == code }?.members.end ?? 0 })
            }
        return LineChart(title: "", years: years, series: series)
    }

    func funnel(_ language: Language) -> FunnelChart {
        FunnelChart(title: Text(vi: "Giới thiệu đoàn viên ưu tú cho Đảng theo năm", en: "Referral to the Party by year")(language),
                    years: years, stages: ReferralFigures.countedStages.map { $0.name(language) },
                    counts: reports.map { report in ReferralFigures.countedStages.map { report.root.referral.count($0) } })
    }
}

/// Renders `report trend`.
struct TrendView {
    var trend: YearlyFigures
    var language: Language

    private var columns: [(Text, (UnitFigures) -> Int)] {
        [(Text(vi: "Đoàn viên cuối năm", en: "Members at end"), { $0.members.end }),
         (Text(vi: "Kết nạp mới", en: "Admitted"), { $0.members.admitted }),
         (Text(vi: "Giới thiệu học lớp", en: "Referred to class"), { $0.referral.referredToClass }),
         (Text(vi: "Vào Đảng", en: "Admitted to the Party"), { $0.referral.admitted })]
    }

    private var keys: [String] { ["members_end", "admitted", "referred_to_class", "admitted_to_party"] }

    private var membersChart: LineChart {
        var chart = trend.membersChart
        chart.title = Text(vi: "Đoàn viên cuối mỗi năm", en: "Members at each year's end")(language)
        return chart
    }

    /// Both charts, one SVG document after the other.
    var charts: String { membersChart.svg() + trend.funnel(language).svg() }

    func render(_ format: TrendFormat) throws -> String {
        switch format {
        case .svg: return charts
        case .json:
            let rows = zip(trend.years, trend.reports).map { year, report in
                Dictionary(uniqueKeysWithValues: zip(keys, columns.map { $0.1(report.root) })).merging(["year": year]) { $1 }
            }
            struct Document: Encodable { var unit: String; var fingerprint: String; var years: [[String: Int]] }
            return try JSONOutput.encode(Document(unit: trend.reports.last!.root.unit.code, fingerprint: trend.fingerprint, years: rows))
        case .csv:
            return CSVWriter.document(header: ["year"] + keys, rows: zip(trend.years, trend.reports).map { year, report in
                [String(year)] + columns.map { String($0.1(report.root)) }
            })
        case .html:
            return """
                <!DOCTYPE html>
                <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(Escaping.html(title))</title>
                <style>body { font-family: sans-serif; max-width: 18cm; margin: 1cm auto; } svg { max-width: 100%; height: auto; page-break-inside: avoid; }</style>
                </head><body>
                <h1>\(Escaping.html(title))</h1>
                \(charts)<p><small>\(Escaping.html(fingerprintLine))</small></p>
                </body></html>

                """
        case .md:
            return "# \(Escaping.markdown(title))\n\n" + charts + "\n" + fingerprintLine + "\n"
        case .text:
            var table = TextTable([Heading.year] + columns.map(\.0), language, rightAligned: Set(0...columns.count))
            for (year, report) in zip(trend.years, trend.reports) {
                table.append([String(year)] + columns.map { Numerals.count($0.1(report.root), language) })
            }
            return title + "\n\n" + table.render() + "\n" + fingerprintLine + "\n"
        }
    }

    private var title: String {
        let unit = trend.reports.last!.root.unit
        return Text(vi: "Số liệu qua các năm \(trend.years.first!)–\(trend.years.last!): \(unit.name) (\(unit.code))",
                    en: "Figures over the years \(trend.years.first!)–\(trend.years.last!): \(unit.name) (\(unit.code))")(language)
    }

    private var fingerprintLine: String {
        Text(vi: "Mã kiểm tra dữ liệu sổ (SHA-256): ", en: "Register fingerprint (SHA-256): ")(language) + trend.fingerprint
    }
}
