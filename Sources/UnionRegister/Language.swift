/// The languages user-facing text comes in. Reports and documents are Vietnamese by
/// default; English is there for `--lang en`.
public enum Language: String, CaseIterable, Sendable {
    case vi
    case en
}

/// A piece of user-facing text in both languages, built where the facts are known (the
/// domain) and picked where the output is rendered (the CLI).
public struct Text: Sendable, Hashable {
    public let vi: String
    public let en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    public func callAsFunction(_ language: Language) -> String {
        language == .vi ? vi : en
    }
}
