import Foundation
import Hummingbird
import Mustache
import UnionRegister

/// The page templates (Resources `Templates/*.mustache`, one per page, each filling the
/// `layout` parent) and what every page shows around its content. Mustache escapes every
/// `{{value}}` for HTML; the templates use no triple mustaches, so no value reaches a page
/// unescaped (docs/SECURITY.md).
struct Pages: Sendable {
    let library: MustacheLibrary
    let language: Language

    init(language: Language) async throws {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Templates").path else {
            throw RegisterError(.missingFile, Text(vi: "Không thấy thư mục mẫu trang.", en: "The page templates are missing."))
        }
        library = try await MustacheLibrary(directory: folder)
        self.language = language
    }

    /// The page `template` for `model`, inside the layout: title, account, language switch.
    func render(_ template: String, title: String, model: Any, chrome: Chrome, status: HTTPResponse.Status = .ok) -> Response {
        let context: [String: Any] = ["page": TemplateModel.flattened(model), "chrome": TemplateModel.flattened(chrome), "title": title]
        let html = library.render(context, withTemplate: template) ?? ""
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// What the layout shows on every page: the language and its switch, the account and
/// the logout form with its CSRF token, the navigation and its words.
struct Chrome {
    var lang: String
    var otherLang: String
    var otherLangName: String
    /// The current path, for the language switch's link.
    var path: String
    var account: String?
    var accountUnit: String?
    var csrf: String?
    var words: [String: String]

    init(_ request: Request, context: ServerContext, language: Language) {
        lang = language.rawValue
        otherLang = language == .vi ? "en" : "vi"
        otherLangName = language == .vi ? "English" : "Tiếng Việt"
        path = request.uri.path
        account = context.identity?.session.account.name
        accountUnit = context.identity?.session.account.unitCode
        csrf = context.identity?.session.csrfToken
        words = PageWords.chrome.mapValues { $0(language) }
    }
}
