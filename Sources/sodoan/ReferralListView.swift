import RegisterStore
import RegisterViews
import Spreadsheet
import UnionRegister

/// Renders `referral list` (a table, JSON, CSV or a workbook): each referral's member, branch, stage on the day, stage dates,
/// resolution and decision numbers, and vote ratios.
struct ReferralListView {
    var entries: [ReferralEntry]
    var on: Day
    var language: Language

    struct Item: Encodable {
        var member: String
        var full_name: String
        var unit: String
        var stage: String?
        var nominated_on: String?
        var nomination_vote: String?
        var referred_to_class_on: String?
        var referred_on: String?
        var resolution_no: String?
        var resolution_vote: String?
        var admitted_on: String?
        var admission_decision_no: String?
        var official_on: String?
        var closed_on: String?
        var reason: String?
    }

    func item(_ entry: ReferralEntry) -> Item {
        let r = entry.referral
        let exit = r.step(.rejected) ?? r.step(.withdrawn)
        return Item(member: entry.member.code, full_name: entry.member.fullName, unit: entry.unitCode,
                    stage: r.stage(on: on)?.rawValue,
                    nominated_on: r.step(.nominated)?.on.description, nomination_vote: r.step(.nominated)?.vote?.ratio,
                    referred_to_class_on: r.step(.referredToClass)?.on.description,
                    referred_on: r.step(.referred)?.on.description, resolution_no: r.step(.referred)?.resolutionNo,
                    resolution_vote: r.step(.referred)?.vote?.ratio,
                    admitted_on: r.step(.admitted)?.on.description, admission_decision_no: r.step(.admitted)?.decisionNo,
                    official_on: r.step(.official)?.on.description, closed_on: r.closedOn(asOf: on)?.description, reason: exit?.reason)
    }

    /// The CSV header; the workbook has the same columns under Vietnamese (or English) headings.
    static let csvHeader = ["member", "full_name", "unit", "stage", "nominated_on", "nomination_vote", "referred_to_class_on", "referred_on",
                            "resolution_no", "resolution_vote", "admitted_on", "admission_decision_no", "official_on", "closed_on", "reason"]

    var headings: [Text] {
        [Heading.code, Heading.fullName, Heading.branch, Heading.stage, Text(vi: "Ngày đề xuất", en: "Nominated on"),
         Text(vi: "Biểu quyết đề xuất", en: "Nomination vote"), Text(vi: "Ngày giới thiệu học lớp", en: "Referred to class on"),
         Text(vi: "Ngày giới thiệu", en: "Referred on"), Text(vi: "Số nghị quyết", en: "Resolution no."),
         Text(vi: "Biểu quyết nghị quyết", en: "Resolution vote"), Text(vi: "Ngày kết nạp Đảng", en: "Admitted on"),
         Text(vi: "Số quyết định kết nạp", en: "Admission decision no."), Text(vi: "Ngày chính thức", en: "Official on"),
         Text(vi: "Ngày kết thúc", en: "Closed on"), Text(vi: "Lý do", en: "Reason")]
    }

    /// The cells of the CSV and the workbook, one row per referral.
    func cells(_ items: [Item]) -> [[String]] {
        items.map { i in
            [i.member, i.full_name, i.unit, i.stage, i.nominated_on, i.nomination_vote, i.referred_to_class_on, i.referred_on,
             i.resolution_no, i.resolution_vote, i.admitted_on, i.admission_decision_no, i.official_on, i.closed_on, i.reason]
                .map { $0 ?? "" }
        }
    }

    /// `--format xlsx`: the CSV's cells as one sheet with the headings of `headings`.
    func workbook() throws -> WorkbookWriter {
        let title = language == .vi ? "Giới thiệu đoàn viên ưu tú cho Đảng, ngày \(on)" : "Referrals to the Party as of \(on)"
        return try WorkbookOutput.table(language == .vi ? "Giới thiệu" : "Referrals", header: headings.map { $0(language) },
                                        rows: cells(entries.map(item)), title: title)
    }

    func render(_ format: OutputFormat) throws -> String {
        let items = entries.map(item)
        switch format {
        case .json:
            return try JSONOutput.encode(items)
        case .csv:
            return CSVWriter.document(header: Self.csvHeader, rows: cells(items))
        default:
            var table = TextTable([Heading.code, Heading.fullName, Heading.branch, Heading.stage, Text(vi: "Đề xuất", en: "Nominated"),
                                   Text(vi: "Học lớp", en: "Class"), Text(vi: "Nghị quyết", en: "Resolution"),
                                   Text(vi: "Kết nạp", en: "Admitted"), Text(vi: "Chính thức", en: "Official")], language)
            for (entry, i) in zip(entries, items) {
                let stage = entry.referral.stage(on: on).map { $0.name(language) } ?? ""
                let nominated = [i.nominated_on, i.nomination_vote].compactMap { $0 }.joined(separator: " ")
                let resolution = [i.referred_on, i.resolution_no, i.resolution_vote].compactMap { $0 }.joined(separator: " ")
                table.append([i.member, i.full_name, i.unit, stage + (i.closed_on.map { " (\($0))" } ?? ""), nominated,
                              i.referred_to_class_on ?? "", resolution, i.admitted_on ?? "", i.official_on ?? ""])
            }
            return table.render()
        }
    }
}
