import RegisterStore
import RegisterViews
import Spreadsheet
import UnionRegister

/// Renders `member list` as a table, JSON, CSV or a workbook.
struct MemberListView {
    var rows: [MemberListing]
    var asOf: Day
    var language: Language

    /// The CSV header; the workbook has the same columns under the table's headings.
    static let csvHeader = ["code", "full_name", "birth_date", "age", "gender", "unit", "status", "flag"]

    var headings: [String] {
        language == .vi ? ["Mã", "Họ và tên", "Ngày sinh", "Tuổi", "Giới tính", "Chi đoàn", "Tình trạng", "Lưu ý"]
                        : ["Code", "Full name", "Born", "Age", "Gender", "Unit", "Status", "Note"]
    }

    /// The cells of the CSV and the workbook, one row per member.
    var cells: [[String]] {
        rows.map { MemberJSON($0, on: asOf) }.map {
            [$0.code, $0.full_name, $0.birth_date, $0.age.map(String.init) ?? "", $0.gender, $0.unit ?? "", $0.status, $0.flag ?? ""]
        }
    }

    /// `--format xlsx`: the CSV's cells as one sheet with the table's headings.
    func workbook() throws -> WorkbookWriter {
        let title = language == .vi ? "Danh sách đoàn viên ngày \(asOf)" : "Members as of \(asOf)"
        return try WorkbookOutput.table(language == .vi ? "Đoàn viên" : "Members", header: headings, rows: cells, title: title)
    }

    func render(_ format: OutputFormat) throws -> String {
        let items = rows.map { MemberJSON($0, on: asOf) }
        switch format {
        case .json: return try JSONOutput.encode(items)
        case .csv:
            return CSVWriter.document(header: Self.csvHeader, rows: cells)
        default:
            let vi = language == .vi
            var table = TextTable(headings, rightAligned: [3])
            for (row, item) in zip(rows, items) {
                table.append([item.code, item.full_name, item.birth_date, item.age.map(String.init) ?? "",
                              row.member.gender.name(language), row.unitCode, ListingWording.status(row.status, language), note(row)])
            }
            let footer = vi ? "\(rows.count) đoàn viên, tính đến ngày \(asOf)." : "\(rows.count) members as of \(asOf)."
            return table.render() + footer + "\n"
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
