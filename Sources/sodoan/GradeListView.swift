import RegisterStore
import UnionRegister

/// Renders `grade list` as a table, JSON or CSV.
struct GradeListView {
    var listings: [GradeListing]
    var language: Language

    struct Item: Encodable {
        var year: Int
        var member: String
        var full_name: String
        var unit: String
        var grade: String
    }

    func render(_ format: OutputFormat) throws -> String {
        let items = listings.map {
            Item(year: $0.record.year, member: $0.memberCode, full_name: $0.fullName, unit: $0.unitCode, grade: $0.record.grade.rawValue)
        }
        switch format {
        case .json:
            return try JSONOutput.encode(items)
        case .csv:
            return CSVWriter.document(header: ["year", "member", "full_name", "unit", "grade"],
                                      rows: items.map { [String($0.year), $0.member, $0.full_name, $0.unit, $0.grade] })
        default:
            var table = TextTable([Heading.year, Heading.code, Heading.fullName, Heading.branch, Heading.grade], language)
            for listing in listings {
                table.append([String(listing.record.year), listing.memberCode, listing.fullName, listing.unitCode,
                              listing.record.grade.name(language)])
            }
            return table.render()
        }
    }
}
