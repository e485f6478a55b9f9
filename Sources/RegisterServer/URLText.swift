import Foundation

/// Text put into a link: a member code in a path (codes may hold `/`, as card numbers like
/// 12/2019 do), a unit or a search in a query. Everything but ASCII letters, digits and
/// `-._~` (RFC 3986's unreserved characters) is percent-encoded, so a `/`, `&`, `#` or a
/// space stays part of the value; routes decode it (`ServerContext.codeParameter`,
/// `Request.query`).
enum URLText {
    static func escaped(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
