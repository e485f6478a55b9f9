import UnionRegister

/// One field of a page form: the name it is sent under (the same as the API body's key),
/// its label, and how it is typed. The forms of the member's writes are lists of these,
/// rendered by the one `form` template.
struct FormField: Sendable {
    enum Kind: Sendable {
        case text
        case day
        case number
        /// A select box: each option's value and its label.
        case choice([(value: String, label: Text)])
    }

    var name: String
    var label: Text
    var kind: Kind = .text
    var required = false

    /// The options of every case of an enumeration named in both languages.
    static func choices<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ name: (T) -> Text) -> Kind where T.RawValue == String {
        .choice(T.allCases.map { ($0.rawValue, name($0)) })
    }

    /// The options of an optional fact: a blank first (not recorded, or cleared), then `options`.
    static func optionalChoices(_ options: [(value: String, label: Text)]) -> Kind {
        .choice([("", Text(vi: "— chưa ghi —", en: "— not recorded —"))] + options)
    }

    /// The field as the template shows it, holding `value` (what was typed, or the start value).
    func view(_ value: String?, _ language: Language) -> View {
        var choices: [Choice] = []
        if case .choice(let options) = kind {
            choices = options.map { Choice(value: $0.value, label: $0.label(language), selected: $0.value == value) }
        }
        return View(name: name, label: label(language), value: value ?? "", required: required, isChoice: !choices.isEmpty,
                    choices: choices, isDay: { if case .day = kind { true } else { false } }(),
                    isNumber: { if case .number = kind { true } else { false } }())
    }

    struct View {
        var name: String
        var label: String
        var value: String
        var required: Bool
        var isChoice: Bool
        var choices: [Choice]
        var isDay: Bool
        var isNumber: Bool
    }
}

/// One option of a select box.
struct Choice {
    var value: String
    var label: String
    var selected: Bool
}
