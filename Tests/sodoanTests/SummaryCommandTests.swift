import Foundation
import PostgresTestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("sodoan report summary and trend, end to end", .serialized)
struct SummaryCommandTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "samples").path

    /// The sample register, loaded as the demo loads it.
    func sampleRegister(_ kind: RegisterEngineKind = .file) throws -> CLI {
        let cli = try CLI(kind)
        try cli.ok(["demo", "--samples", Self.samples, "--db", cli.db])
        return cli
    }

    func json(_ cli: CLI, _ arguments: [String]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try cli.ok(arguments).utf8))
    }

    @Test(arguments: RegisterEngineKind.allCases) func theSummaryStatesExactlyTheAnnualReportsFiguresAndComparesWithEarlierYears(_ kind: RegisterEngineKind) throws {
        let cli = try sampleRegister(kind)
        defer { cli.cleanUp() }
        let summary = try json(cli, ["report", "summary", "--year", "2025", "--compare", "2", "--format", "json"]) as! [String: Any]
        var figures: [String: [String: Any]] = [:]
        for sentence in summary["sentences"] as! [[String: Any]] {
            for figure in sentence["figures"] as! [[String: Any]] { figures[figure["key"] as! String] = figure }
        }
        for year in [2025, 2024, 2023] {
            let annual = try json(cli, ["report", "annual", "--year", String(year), "--format", "json"]) as! [String: Any]
            let members = annual["members"] as! [String: Int], referral = annual["referral"] as! [String: Int]
            func value(_ key: String) -> Int? {
                let figure = figures[key]!
                if year == 2025 { return figure["value"] as? Int }
                return (figure["compared"] as! [[String: Int]]).first { $0["year"] == year }?["value"]
            }
            #expect(value("members") == members["end"], "\(year)")
            #expect(value("admitted") == members["admitted"], "\(year)")
            #expect(value("referred_to_class") == referral["referred_to_class"], "\(year)")
            #expect(value("admitted_to_party") == referral["admitted"], "\(year)")
            if year == 2025 {
                #expect(summary["fingerprint"] as? String == annual["fingerprint"] as? String)
                let text = try cli.ok(["report", "summary", "--year", "2025"])
                #expect(text.contains("với tổng số \(members["end"]!) đoàn viên"))
            }
        }
        #expect(try cli.ok(["report", "summary", "--year", "2025", "--format", "html"]) == cli.ok(["report", "summary", "--year", "2025", "--format", "html"]))
    }

    /// Counts the SVG elements of a class, parsing the document with an XML parser.
    final class SVGCounter: NSObject, XMLParserDelegate {
        var points: [String: Int] = [:]
        var bars = 0
        var series: [String] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if attributes["class"] == "series" { series.append(attributes["data-series"]!) }
            if attributes["class"] == "point" { points[series.last!, default: 0] += 1 }
            if attributes["class"] == "bar" { bars += 1 }
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func theTrendChartsAreWellFormedSVGWithOnePointPerYearPerSeries(_ kind: RegisterEngineKind) throws {
        let cli = try sampleRegister(kind)
        defer { cli.cleanUp() }
        let svg = try cli.ok(["report", "trend", "--from-year", "2021", "--to-year", "2025", "--format", "svg"])
        let documents = svg.components(separatedBy: "</svg>\n").filter { !$0.isEmpty }.map { $0 + "</svg>\n" }
        #expect(documents.count == 2)
        let lines = SVGCounter(), funnel = SVGCounter()
        for (document, counter) in zip(documents, [lines, funnel]) {
            let parser = XMLParser(data: Data(document.utf8))
            parser.delegate = counter
            #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        }
        let units = (try json(cli, ["report", "annual", "--year", "2025", "--format", "json"]) as! [String: Any])["children"] as! [[String: Any]]
        #expect(lines.series == ["DK"] + units.map { $0["unit"] as! String })
        #expect(lines.points.values.allSatisfy { $0 == 5 } && lines.points.count == lines.series.count)
        #expect(funnel.bars == 5 * 5)
        let table = try json(cli, ["report", "trend", "--from-year", "2021", "--to-year", "2025", "--format", "json"]) as! [String: Any]
        let years = table["years"] as! [[String: Int]]
        #expect(years.map { $0["year"] } == [2021, 2022, 2023, 2024, 2025])
        let annual2024 = (try json(cli, ["report", "annual", "--year", "2024", "--format", "json"]) as! [String: Any])["members"] as! [String: Int]
        #expect(years[3]["members_end"] == annual2024["end"])
        #expect(try cli.ok(["report", "trend", "--from-year", "2021", "--to-year", "2025", "--format", "html"]).contains("<svg"))
        // The HTML year-end report ends with the charts of its last five years.
        #expect(try cli.ok(["report", "annual", "--year", "2025", "--format", "html"]).components(separatedBy: "<svg ").count == 3)
    }
}
