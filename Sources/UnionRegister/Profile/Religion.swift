/// A member's religion (tôn giáo) as the Union book records it: none, or the religion's
/// name as written (docs/DOMAIN.md#the-union-book). The register does not keep a list of
/// religions: the State recognises many organisations and a bloc writes their names in
/// several ways, so the name is kept as given, normalised.
public enum Religion: Hashable, Sendable, Codable {
    case none
    case named(String)

    /// How a religion is stored: `none`, or its name.
    public var stored: String {
        switch self {
        case .none: return Self.noneCode
        case .named(let name): return name
        }
    }

    static let noneCode = "none"

    /// A stored or typed value: "none", "Không" or "Không có" is no religion, anything else
    /// is the religion's name; an empty text is nil (not recorded).
    public init?(parsing text: String) {
        let name = VietnameseText.normalized(text)
        guard !name.isEmpty else { return nil }
        switch VietnameseText.fold(name) {
        case Self.noneCode, "khong", "khong co", "khong theo ton giao": self = .none
        default: self = .named(name)
        }
    }

    public var name: Text {
        switch self {
        case .none: return Text(vi: "Không", en: "none")
        case .named(let name): return Text(vi: name, en: name)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(stored)
    }

    public init(from decoder: Decoder) throws {
        self = Religion(parsing: try decoder.singleValueContainer().decode(String.self)) ?? .none
    }
}
