import RegisterStore
import UnionRegister

/// Renders `member list` as a table, JSON or CSV.
struct MemberListView {
    var rows: [MemberListing]
    var asOf: Day
    var language: Language

    func render(_ format: OutputFormat) throws -> String {
        let items = rows.map { MemberJSON($0.member, unit: $0.unitCode, status: $0.status, flag: $0.flag, on: asOf) }
        switch format {
        case .json: return try JSONOutput.encode(items)
        case .csv:
            return CSVWriter.document(header: ["code", "full_name", "birth_date", "age", "gender", "unit", "status", "flag"],
                                      rows: items.map { [$0.code, $0.full_name, $0.birth_date, $0.age.map(String.init) ?? "", $0.gender, $0.unit ?? "", $0.status, $0.flag ?? ""] })
        default:
            let vi = language == .vi
            var table = TextTable(vi ? ["Mã", "Họ và tên", "Ngày sinh", "Tuổi", "Giới tính", "Chi đoàn", "Tình trạng", "Lưu ý"]
                                     : ["Code", "Full name", "Born", "Age", "Gender", "Unit", "Status", "Note"], rightAligned: [3])
            for (row, item) in zip(rows, items) {
                table.append([item.code, item.full_name, item.birth_date, item.age.map(String.init) ?? "",
                              row.member.gender.name(language), row.unitCode, statusName(row.status), note(row)])
            }
            let footer = vi ? "\(rows.count) đoàn viên, tính đến ngày \(asOf)." : "\(rows.count) members as of \(asOf)."
            return table.render() + footer + "\n"
        }
    }

    private func statusName(_ code: String) -> String {
        let vi = language == .vi
        switch code {
        case "active": return vi ? "Đang sinh hoạt" : "active"
        case MembershipStatus.temporaryCode: return vi ? "Sinh hoạt tạm thời" : "temporary"
        case MembershipStatus.temporaryEndedCode: return vi ? "Hết sinh hoạt tạm thời" : "temporary stay ended"
        default: return MembershipEventKind(rawValue: code)?.name(language) ?? code
        }
    }

    /// The maturity flag, and where a member hosted, away or gone is and until when.
    private func note(_ row: MemberListing) -> String {
        [row.flag?.name(language) ?? "", whereabouts(row.lastEvent)].filter { !$0.isEmpty }.joined(separator: "; ")
    }

    private func whereabouts(_ event: MembershipEvent) -> String {
        let vi = language == .vi, place = event.place ?? ""
        switch event.kind {
        case .hosted: return (vi ? "từ \(place)" : "from \(place)") + (event.until.map { vi ? ", đến hết \($0)" : ", through \($0)" } ?? "")
        case .away where event.until.map { asOf <= $0 } ?? false:
            return vi ? "tạm thời tại \(place) đến hết \(event.until!)" : "away at \(place) through \(event.until!)"
        case .left: return vi ? "đến \(place)" : "to \(place)"
        default: return ""
        }
    }
}
