/// Why a command could not do what was asked. Every refusal names what went wrong, the
/// facts behind it and, where there is one, the fix (the style of Beancount's bean-check).
///
/// The kind decides the exit status (docs/CLI.md): a rule refused is 1, bad input data 65,
/// a missing register or input file 66, a register that cannot be read or written now 74.
public struct RegisterError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A domain rule refused the request (exit 1).
        case ruleRefused
        /// The input was malformed or named something that does not exist (exit 65).
        case badInput
        /// The register or an input file is missing (exit 66).
        case missingFile
        /// The register file could not be read or written: read-only, locked past the busy
        /// timeout, disk full, an I/O error (exit 74). Nothing was changed.
        case storageFailed
    }

    public let kind: Kind
    /// The rule that refused (printed as its code, e.g. `admission-age`), for scripts and tests.
    public let rule: RuleCode?
    public let message: Text
    public let fix: Text?

    public init(_ kind: Kind, rule: RuleCode? = nil, _ message: Text, fix: Text? = nil) {
        self.kind = kind
        self.rule = rule
        self.message = message
        self.fix = fix
    }

    public static func refused(_ rule: RuleCode, _ message: Text, fix: Text? = nil) -> RegisterError {
        RegisterError(.ruleRefused, rule: rule, message, fix: fix)
    }

    public static func badInput(_ message: Text, fix: Text? = nil) -> RegisterError {
        RegisterError(.badInput, message, fix: fix)
    }

    public static func unknownMember(_ code: String) -> RegisterError {
        .badInput(Text(vi: "Không có đoàn viên mã \(code) trong sổ.",
                       en: "There is no member with code \(code) in the register."),
                  fix: Text(vi: "Xem danh sách bằng `sodoan member list --search`.",
                            en: "Look the member up with `sodoan member list --search`."))
    }

    public static func unknownUnit(_ code: String) -> RegisterError {
        .badInput(Text(vi: "Không có đơn vị mã \(code) trong sổ.",
                       en: "There is no unit with code \(code) in the register."),
                  fix: Text(vi: "Xem các đơn vị bằng `sodoan unit list --tree`.",
                            en: "See the units with `sodoan unit list --tree`."))
    }

    public static func badDate(_ text: String, field: String) -> RegisterError {
        .badInput(Text(vi: "\(field): \"\(text)\" không phải ngày hợp lệ.",
                       en: "\(field): \"\(text)\" is not a valid date."),
                  fix: Text(vi: "Viết ngày dạng YYYY-MM-DD hoặc DD/MM/YYYY.",
                            en: "Write dates as YYYY-MM-DD or DD/MM/YYYY."))
    }

    /// The whole refusal in one language: message, then the fix on its own line.
    public func text(_ language: Language) -> String {
        guard let fix else { return message(language) }
        return message(language) + "\n" + fix(language)
    }
}
