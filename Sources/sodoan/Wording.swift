import RegisterStore
import RegisterViews
import UnionRegister

/// Wording only the command line uses; the rest is in RegisterViews (`Heading`, `Says`).
extension Finding.Severity {
    /// The label `check` prints before a finding.
    var label: Text {
        switch self {
        case .error: return Text(vi: "LỖI", en: "ERROR")
        case .warning: return Text(vi: "Lưu ý", en: "warning")
        }
    }
}

extension TextTable {
    /// A table whose headings are picked in `language`.
    init(_ header: [Text], _ language: Language, rightAligned: Set<Int> = []) {
        self.init(header.map { $0(language) }, rightAligned: rightAligned)
    }
}

extension RegisterCommand {
    /// Prints `text` in the command's language.
    func say(_ text: Text) {
        print(text(global.language))
    }
}
