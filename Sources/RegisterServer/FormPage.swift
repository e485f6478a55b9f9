import Hummingbird
import RegisterStore
import UnionRegister

/// A page holding one form of fields (`Templates/form.mustache`): the admission and the
/// member's writes. Shown first with start values, then again after a refusal with what
/// was typed and the refusal in the CLI's words, under the refusal's status.
struct FormPage {
    var id: String
    var action: String
    var title: Text
    var fields: [FormField]
    /// The words of the page: `submit`, `refused`, `back`.
    var words: [String: Text]

    func render(_ routes: PageRoutes, _ request: Request, _ context: ServerContext, values: [String: String],
                member: Member?, refusal: Refusal?) -> Response {
        let language = routes.language(request)
        var model: [String: Any] = [
            "id": id, "action": action, "fields": fields.map { $0.view(values[$0.name], language) },
            "t": PageWords.words(words, language),
        ]
        // Mustache would enter a section for an Optional wrapped in Any even when it is nil.
        if let member { model["member"] = MemberPages.heading(member) }
        if let refusal { model["refusal"] = refusal }
        return routes.page(request, context, "form", title: title(language), model: model, status: refusal.map(\.status) ?? .ok)
    }
}
