import RegisterStore
import UnionRegister

/// Renders `training list` as a table, JSON or CSV.
struct TrainingListView {
    var listings: [TrainingListing]
    var language: Language

    struct Item: Encodable {
        var member: String
        var full_name: String
        var unit: String
        var kind: String
        var started_on: String?
        var completed_on: String
        var provider: String?
        var certificate_no: String?
        var result: String?
    }

    func render(_ format: OutputFormat) throws -> String {
        let items = listings.map { listing in
            Item(member: listing.memberCode, full_name: listing.fullName, unit: listing.unitCode,
                 kind: listing.record.kind.rawValue, started_on: listing.record.startedOn?.description,
                 completed_on: listing.record.completedOn.description, provider: listing.record.provider,
                 certificate_no: listing.record.certificateNo, result: listing.record.result)
        }
        switch format {
        case .json:
            return try JSONOutput.encode(items)
        case .csv:
            return CSVWriter.document(
                header: ["member", "full_name", "unit", "kind", "started_on", "completed_on", "provider", "certificate_no", "result"],
                rows: items.map { [$0.member, $0.full_name, $0.unit, $0.kind, $0.started_on ?? "", $0.completed_on,
                                   $0.provider ?? "", $0.certificate_no ?? "", $0.result ?? ""] })
        default:
            var table = TextTable([Heading.code, Heading.fullName, Heading.branch, Heading.kind, Heading.started, Heading.completed,
                                   Text(vi: "Số chứng nhận", en: "Certificate"), Text(vi: "Nơi tổ chức", en: "Provider"),
                                   Text(vi: "Kết quả", en: "Result")], language)
            for listing in listings {
                let record = listing.record
                table.append([listing.memberCode, listing.fullName, listing.unitCode, record.kind.name(language),
                              record.startedOn?.description ?? "", record.completedOn.description,
                              record.certificateNo ?? "", record.provider ?? "", record.result ?? ""])
            }
            return table.render()
        }
    }
}
