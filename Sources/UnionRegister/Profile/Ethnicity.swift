/// A member's ethnic group (dân tộc): one of the 54 groups the State recognises, by its
/// official Vietnamese name, or `foreign` for a member who is not of a Vietnamese ethnic
/// group (docs/DOMAIN.md#the-union-book).
///
/// The stored code is the official name folded to ASCII with hyphens between its words
/// (`kinh`, `gia-rai`, `bru-van-kieu`): the statistics office's two-digit numbers are not
/// used because its lists of 1979 and 2019 number the groups differently.
public struct Ethnicity: Hashable, Sendable, Codable, Comparable {
    public let code: String
    /// The official Vietnamese name, e.g. "Ê Đê".
    public let vietnamese: String
    /// Other spellings the forms of the bloc write (older official spellings, the common
    /// names), accepted on input.
    let otherNames: [String]

    private init(_ vietnamese: String, _ otherNames: [String] = []) {
        self.vietnamese = vietnamese
        self.otherNames = otherNames
        code = VietnameseText.fold(vietnamese).split(separator: " ").joined(separator: "-")
    }

    private init(code: String, vietnamese: String, otherNames: [String]) {
        self.code = code
        self.vietnamese = vietnamese
        self.otherNames = otherNames
    }

    public static let kinh = Ethnicity("Kinh", ["Việt"])
    public static let foreign = Ethnicity(code: "foreign", vietnamese: "Người nước ngoài", otherNames: ["nước ngoài", "ngoại quốc"])

    /// The 54 groups by population (2019 census), then `foreign`.
    public static let all: [Ethnicity] = [
        kinh, Ethnicity("Tày"), Ethnicity("Thái"), Ethnicity("Mường"), Ethnicity("Khmer", ["Khơ Me", "Khơ-me", "Khơ Me Krôm"]),
        Ethnicity("Hoa", ["Hán"]), Ethnicity("Nùng"), Ethnicity("Mông", ["H'Mông", "Hmông", "Mèo"]), Ethnicity("Dao"),
        Ethnicity("Gia Rai", ["Gia-rai", "Jrai"]), Ethnicity("Ê Đê", ["Ê-đê", "Rađê"]), Ethnicity("Ba Na", ["Ba-na", "Bahnar"]),
        Ethnicity("Sán Chay", ["Sán Chày", "Cao Lan"]), Ethnicity("Chăm", ["Chàm"]), Ethnicity("Cơ Ho", ["Cơ-ho", "K'Ho"]),
        Ethnicity("Xơ Đăng", ["Xơ-đăng", "Sê Đăng"]), Ethnicity("Sán Dìu"), Ethnicity("Hrê", ["H'rê"]),
        Ethnicity("Ra Glai", ["Ra-glai", "Raglay", "Ra Giai"]), Ethnicity("Mnông", ["M'Nông"]), Ethnicity("Thổ"),
        Ethnicity("Xtiêng", ["X'tiêng", "Stiêng"]), Ethnicity("Khơ Mú", ["Khơ-mú", "Khmu"]),
        Ethnicity("Bru Vân Kiều", ["Bru-Vân Kiều", "Vân Kiều"]), Ethnicity("Cơ Tu", ["Cơ-tu", "Ca Tu"]), Ethnicity("Giáy"),
        Ethnicity("Tà Ôi", ["Tà-ôi", "Pa Cô"]), Ethnicity("Mạ"), Ethnicity("Giẻ Triêng", ["Gié Triêng", "Gié-Triêng"]),
        Ethnicity("Co", ["Cor"]), Ethnicity("Chơ Ro", ["Chơ-ro", "Châu Ro"]), Ethnicity("Xinh Mun", ["Xinh-mun"]),
        Ethnicity("Hà Nhì"), Ethnicity("Chu Ru", ["Chu-ru"]), Ethnicity("Lào"), Ethnicity("La Chí"), Ethnicity("Kháng"),
        Ethnicity("Phù Lá"), Ethnicity("La Hủ"), Ethnicity("La Ha"), Ethnicity("Pà Thẻn"), Ethnicity("Lự"), Ethnicity("Ngái"),
        Ethnicity("Chứt"), Ethnicity("Lô Lô"), Ethnicity("Mảng"), Ethnicity("Cơ Lao", ["Cờ Lao"]), Ethnicity("Bố Y"),
        Ethnicity("Cống"), Ethnicity("Si La"), Ethnicity("Pu Péo", ["Pu Piéo"]), Ethnicity("Rơ Măm", ["Rơ-măm"]),
        Ethnicity("Brâu"), Ethnicity("Ơ Đu", ["Ơ-đu"]), foreign,
    ]

    /// Every group except the Kinh majority and `foreign`: what the report counts as
    /// ethnic minorities.
    public var isMinority: Bool { self != .kinh && self != .foreign }

    public var name: Text {
        self == .foreign ? Text(vi: vietnamese, en: "foreign") : Text(vi: vietnamese, en: vietnamese)
    }

    public static func < (lhs: Ethnicity, rhs: Ethnicity) -> Bool {
        all.firstIndex(of: lhs)! < all.firstIndex(of: rhs)!
    }

    /// The group stored under `code`, or nil for a code no group has.
    public init?(code: String) {
        guard let match = Self.byCode[code] else { return nil }
        self = match
    }

    /// The group a cell or an option names: its code, its official name or one of its other
    /// names, ignoring case, diacritics, spaces, hyphens and apostrophes ("ede", "Ê-đê",
    /// "EDE"). Refused with the three nearest names for anything else.
    public init(parsing text: String) throws {
        let key = Self.compact(text)
        if let match = Self.byKey[key] { self = match; return }
        let nearest = Self.all.map { group in
            (group, ([group.vietnamese] + group.otherNames).map { EditDistance.between(key, Self.compact($0)) }.min()!)
        }.sorted { $0.1 < $1.1 }.prefix(3).map { $0.0.vietnamese }
        throw RegisterError.badInput(Text(
            vi: "\"\(text)\" không phải tên một dân tộc trong danh mục 54 dân tộc Việt Nam. Gần nhất: \(nearest.joined(separator: ", ")).",
            en: "\"\(text)\" is not one of the 54 ethnic groups of Vietnam. Nearest: \(nearest.joined(separator: ", ")).",
        ), fix: Text(vi: "Ghi tên chính thức của dân tộc (ví dụ \"Tày\", \"Ê Đê\"), hoặc \"nước ngoài\".",
                     en: "Give the group's official name (e.g. \"Tày\", \"Ê Đê\"), or \"foreign\"."))
    }

    /// Lower-case ASCII letters only: "H'Mông" and "Hmông" are both "hmong".
    private static func compact(_ text: String) -> String {
        String(VietnameseText.fold(text).unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
    }

    private static let byCode = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    private static let byKey: [String: Ethnicity] = {
        var keys: [String: Ethnicity] = [:]
        for group in all {
            for name in [group.code, group.vietnamese] + group.otherNames { keys[compact(name)] = group }
        }
        return keys
    }()

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    public init(from decoder: Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        guard let match = Self.byCode[code] else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown ethnicity \(code)"))
        }
        self = match
    }
}
