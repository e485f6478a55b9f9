import Foundation
import UnionRegister

/// The member list page shows a hundred rows at a time, with links to the pages before and
/// after and to the whole list (for printing a roll). A search in a grassroots union can
/// find a thousand members; rendering them all was most of a list's cost and held other
/// requests back (BENCHMARKS.md, issue 14). The count above the table is always the
/// whole list's.
struct ListPaging {
    static let size = 100

    /// The rows shown.
    let range: Range<Int>
    /// The page shown (from 1), nil for the whole list.
    let page: Int?
    let pages: Int

    /// `?page=N` (from 1; past the last page, the last: a list can shrink after its link
    /// was made) or `?page=all`; the first page when absent. Anything else is refused.
    init(count: Int, requested: String?) throws {
        pages = max(1, (count + Self.size - 1) / Self.size)
        guard let requested else {
            page = 1
            range = 0..<min(count, Self.size)
            return
        }
        if requested == "all" {
            page = nil
            range = 0..<count
            return
        }
        guard let number = Int(requested), number >= 1 else {
            throw RegisterError.badInput(
                Text(vi: "Số trang \"\(requested)\" không hợp lệ.", en: "The page number \"\(requested)\" is not valid."),
                fix: Text(vi: "Dùng page=1, page=2, … hoặc page=all.", en: "Use page=1, page=2, … or page=all."))
        }
        let shown = min(number, pages)
        page = shown
        range = ((shown - 1) * Self.size)..<min(count, shown * Self.size)
    }

    /// What the template shows under the table: where this page is, and the links; nothing
    /// when the whole list fits one page.
    func links(unit: String, search: String?, language: Language) -> [String: Any]? {
        guard pages > 1 else { return nil }
        func link(_ page: String) -> String {
            var query = [("unit", unit)]
            if let search { query.append(("search", search)) }
            query.append(("page", page))
            return "/members?" + query.map { "\($0.0)=\(URLText.escaped($0.1))" }.joined(separator: "&")
        }
        var model: [String: Any] = ["all": link("all")]
        if let page {
            model["at"] = PageWords.listPage(page, of: pages)(language)
            if page > 1 { model["previous"] = link(String(page - 1)) }
            if page < pages { model["next"] = link(String(page + 1)) }
        } else {
            model["first"] = link("1")
        }
        return model
    }
}
