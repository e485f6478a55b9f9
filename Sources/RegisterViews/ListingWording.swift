import UnionRegister

/// The words of a member list's status column, on the command line and on pages.
public enum ListingWording {
    public static func status(_ code: String, _ language: Language) -> String {
        if code == "active" { return Text(vi: "Đang sinh hoạt", en: "active")(language) }
        return MembershipEventKind(rawValue: code)?.name(language) ?? code
    }
}
