public enum Gender: String, CaseIterable, Codable, Sendable {
    case male
    case female

    /// Accepts the codes and the Vietnamese words used on forms and spreadsheets.
    public init?(parsing text: String) {
        if let gender = Gender(rawValue: text) { self = gender; return }  // the common case, without folding
        switch VietnameseText.fold(text) {
        case "male", "nam", "m": self = .male
        case "female", "nu", "f": self = .female
        default: return nil
        }
    }

    public var name: Text {
        self == .male ? Text(vi: "Nam", en: "male") : Text(vi: "Nữ", en: "female")
    }
}
