/// The Union offices a member holds in a unit (docs/DOMAIN.md#union-offices): the
/// committee's secretary and deputy, the standing committee and the committee, and the
/// full-time cadre of a unit. Any of them keeps a member over 30 in the Union.
public enum OfficeRole: String, CaseIterable, Codable, Sendable, NamedCode {
    case secretary
    case deputySecretary = "deputy-secretary"
    case standingCommittee = "standing-committee"
    case committee
    case fullTimeCadre = "full-time-cadre"

    public var name: Text {
        switch self {
        case .secretary: return Text(vi: "Bí thư", en: "secretary")
        case .deputySecretary: return Text(vi: "Phó Bí thư", en: "deputy secretary")
        case .standingCommittee: return Text(vi: "Ủy viên Ban Thường vụ", en: "standing committee member")
        case .committee: return Text(vi: "Ủy viên Ban Chấp hành", en: "committee member")
        case .fullTimeCadre: return Text(vi: "Cán bộ chuyên trách", en: "full-time cadre")
        }
    }

    /// The code, the Vietnamese name, or the usual abbreviations (`UV BCH`, `UV BTV`).
    public init?(parsing text: String) {
        if let role = OfficeRole(codeOrName: text) { self = role; return }
        switch VietnameseText.fold(text) {
        case "uv bch", "uvbch", "uy vien bch", "uy vien ban chap hanh": self = .committee
        case "uv btv", "uvbtv", "uy vien btv", "uy vien ban thuong vu": self = .standingCommittee
        case "pho bi thu": self = .deputySecretary
        case "bi thu": self = .secretary
        case "chuyen trach", "can bo chuyen trach": self = .fullTimeCadre
        default: return nil
        }
    }

    /// The role a free-text office written before offices had units and dates most likely
    /// names ("Bí thư chi đoàn", "Phó bí thư Đoàn cơ sở", "UV BTV"); `committee` when the
    /// text names none of the others, since every such text named some Union office.
    public init(recognising text: String) {
        let folded = " " + VietnameseText.fold(text).replacingOccurrences(of: ".", with: " ") + " "
        if folded.contains(" pho bi thu ") { self = .deputySecretary }
        else if folded.contains(" bi thu ") { self = .secretary }
        else if folded.contains("thuong vu") || folded.contains(" btv ") { self = .standingCommittee }
        else if folded.contains("chuyen trach") { self = .fullTimeCadre }
        else { self = .committee }
    }
}
