import RegisterStore
import RegisterViews
import UnionRegister

/// Renders `office list` as a table, JSON or CSV.
struct OfficeListView {
    var listings: [OfficeListing]
    var language: Language

    struct Item: Encodable {
        var unit, role, member, full_name, from: String
        var to, title: String?
    }

    func render(_ format: OutputFormat) throws -> String {
        let items = listings.map {
            Item(unit: $0.office.unitCode, role: $0.office.role.rawValue, member: $0.office.memberCode, full_name: $0.fullName,
                 from: $0.office.from.description, to: $0.office.to?.description, title: $0.office.title)
        }
        switch format {
        case .json:
            return try JSONOutput.encode(items)
        case .csv:
            return CSVWriter.document(header: ["unit", "role", "member", "full_name", "from", "to", "title"],
                                      rows: items.map { [$0.unit, $0.role, $0.member, $0.full_name, $0.from, $0.to ?? "", $0.title ?? ""] })
        default:
            var table = TextTable([Heading.unit, Heading.role, Heading.code, Heading.fullName, Heading.from, Heading.to, Heading.note], language)
            for listing in listings {
                let office = listing.office
                table.append([office.unitCode, office.role.name(language), office.memberCode, listing.fullName,
                              office.from.description, office.to?.description ?? "", office.title ?? ""])
            }
            return table.render()
        }
    }
}
