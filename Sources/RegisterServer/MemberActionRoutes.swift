import Hummingbird
import RegisterStore
import RegisterViews
import UnionRegister

/// The routes of every `MemberAction`: its form page (`GET` and `POST
/// /members/{code}/{path}`) and its API route (`POST /api/members/{code}/{path}`, a JSON
/// object of the same fields, answering the member as `member show --format json` does).
struct MemberActionRoutes {
    let services: ServerServices

    func addPages(to pages: RouterGroup<ServerContext>) {
        let memberPages = MemberPages(services: services)
        for action in MemberAction.all {
            pages.get("/members/:code/\(action.path)") { request, context in
                let register = try services.scoped(context, request)
                let facts = try register.memberFacts(try context.codeParameter())
                return form(action, request, context, facts.member, action.start(facts, register.today), nil)
            }
            pages.post("/members/:code/\(action.path)") { request, context in
                let code = try context.codeParameter()
                let fields = try await request.formFields(context: context)
                try context.requireCSRF(fields["csrf"])
                let register = try services.scoped(context, request)
                // Outside the subtree, the refusal is the error page, not the form.
                let member = try register.memberFacts(code).member
                do {
                    let done = try action.perform(register, code, FormInput(fields))
                    return try memberPages.memberPage(request, context, register, code) { _ in done }
                } catch let error where error is RegisterError || error is AccessRefused {
                    return form(action, request, context, member, fields, Refusal(error, language: memberPages.routes.language(request)))
                }
            }
        }
    }

    /// The action's form about `member`, holding `values`.
    func form(_ action: MemberAction, _ request: Request, _ context: ServerContext, _ member: Member,
              _ values: [String: String], _ refusal: Refusal?) -> Response {
        FormPage(id: action.path, action: "/members/\(URLText.escaped(member.code))/\(action.path)", title: action.title,
                 fields: action.fields, words: PageWords.form)
            .render(PageRoutes(services: services), request, context, values: values, member: member, refusal: refusal)
    }

    func addAPI(to api: RouterGroup<ServerContext>) {
        for action in MemberAction.all {
            api.postWrite("members/:code/\(action.path)", services) { register, code, input in
                _ = try action.perform(register, code, input)
                return try APIResponse.json(MemberBookJSON(try register.memberFacts(code), today: register.today))
            }
        }
    }
}
