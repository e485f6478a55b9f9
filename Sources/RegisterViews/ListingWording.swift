import UnionRegister

/// The words of a member list's status column, on the command line and on pages.
public enum ListingWording {
    public static func status(_ code: String, _ language: Language) -> String {
        let vi = language == .vi
        switch code {
        case "active": return vi ? "Đang sinh hoạt" : "active"
        case MembershipStatus.temporaryCode: return vi ? "Sinh hoạt tạm thời" : "temporary"
        case MembershipStatus.temporaryEndedCode: return vi ? "Hết sinh hoạt tạm thời" : "temporary stay ended"
        default: return MembershipEventKind(rawValue: code)?.name(language) ?? code
        }
    }
}
