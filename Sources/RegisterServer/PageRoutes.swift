import Foundation
import Hummingbird
import RegisterStore
import RegisterViews
import UnionRegister

/// The pages: server-rendered HTML in Vietnamese (English with the switch), working
/// without JavaScript, each form carrying the session's CSRF token. Pages call the
/// account's `ScopedRegister` and render; refusals are shown in the words of the CLI.
struct PageRoutes {
    let services: ServerServices
    static let loginCSRFCookie = "sodoan_login_csrf"

    func add(to router: Router<ServerContext>) {
        router.get("/static/:file") { _, context in try StaticFile.response(try context.parameters.require("file")) }
        router.get("/login") { request, context in loginPage(request, context, refused: false) }
        router.post("/login", use: logIn)
        let pages = router.group().add(middleware: PageErrorMiddleware(services: services))
            .add(middleware: RequireSignIn())
        pages.get("/") { _, _ in Response.redirect(to: "/units", type: .found) }
        pages.post("/logout") { request, context in
            let fields = try await request.formFields(context: context)
            try context.requireCSRF(fields["csrf"])
            try services.register.endSession(token: try context.requireIdentity().token)
            var response = Response.redirect(to: "/login", type: .normal)
            response.setCookie(SessionAuthenticator.expired)
            return response
        }
        pages.get("/units") { request, context in
            let language = language(request)
            let register = try services.scoped(context, request)
            let units = try register.unitTree(on: register.today).map { summary in
                UnitRow(json: UnitJSON(summary, language: language), kindName: summary.unit.kind.name(language),
                        indent: String(repeating: "— ", count: summary.depth))
            }
            return page(request, context, "units", title: PageWords.units["heading"]!(language),
                        model: ["units": units, "t": PageWords.words(PageWords.units, language)])
        }
        pages.get("/members") { request, context in
            let language = language(request)
            let register = try services.scoped(context, request)
            let unit = request.query("unit") ?? register.account.unitCode
            let search = request.query("search")
            let day = register.today
            let listed = try register.members(MemberQuery(unitCode: unit, search: search, asOf: day))
            let paging = try ListPaging(count: listed.count, requested: request.query("page"))
            let rows = listed[paging.range].map { row in
                ListingRow.fields(MemberJSON(row, on: day), status: ListingWording.status(row.status, language),
                                  flag: row.flag?.name(language) ?? "")
            }
            var model: [String: Any] = [
                "members": rows, "unit": unit, "search": search ?? "", "count": listed.count,
                "t": PageWords.words(PageWords.members, language),
            ]
            if let links = paging.links(unit: unit, search: search, language: language) { model["paging"] = links }
            return page(request, context, "members", title: PageWords.members["heading"]!(language), model: model)
        }
        pages.get("/reports/annual") { request, context in
            let language = language(request)
            let register = try services.scoped(context, request)
            let year = request.query("year").flatMap(Int.init) ?? register.today.year - 1
            let unit = request.query("unit") ?? register.account.unitCode
            let report = try register.yearEndReport(unitCode: unit, period: try ReportPeriod.year(year))
            return page(request, context, "report", title: report.period.title(language),
                        model: ReportPage(report, language: language, unit: unit, year: year))
        }
        MemberPages(services: services).add(to: pages)
        MemberActionRoutes(services: services).addPages(to: pages)
        DocumentPages(services: services).add(to: pages)
        DataPages(services: services).add(to: pages)
    }

    func language(_ request: Request) -> Language { request.language(default: services.settings.language) }

    func page(_ request: Request, _ context: ServerContext, _ template: String, title: String, model: Any,
              status: HTTPResponse.Status = .ok) -> Response {
        let language = language(request)
        var response = services.pages.render(template, title: title, model: model,
                                             chrome: Chrome(request, context: context, language: language), status: status)
        if request.query("lang") != nil {
            response.setCookie(Cookie(name: Request.languageCookie, value: language.rawValue, path: "/", httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// The login form, with a fresh token in a cookie and in the form (a login needs no
    /// session, so its CSRF check is the double-submitted cookie).
    func loginPage(_ request: Request, _ context: ServerContext, refused: Bool) -> Response {
        let language = language(request)
        let token = UUID().uuidString + UUID().uuidString
        var response = page(request, context, "login", title: PageWords.login["heading"]!(language),
                            model: ["t": PageWords.words(PageWords.login, language), "loginToken": token, "refused": refused],
                            status: refused ? .unauthorized : .ok)
        response.setCookie(Cookie(name: Self.loginCSRFCookie, value: token, path: "/login", httpOnly: true, sameSite: .strict))
        return response
    }

    @Sendable func logIn(_ request: Request, context: ServerContext) async throws -> Response {
        let fields = try await request.formFields(context: context)
        guard let sent = fields["login_token"], let kept = request.cookies[Self.loginCSRFCookie]?.value,
              ServerContext.constantTimeEqual(sent, kept) else {
            return loginPage(request, context, refused: true)
        }
        guard let (token, _) = try await services.logIn(fields["name"] ?? "", fields["password"] ?? "", context: context,
                                                         command: "POST /login") else {
            return loginPage(request, context, refused: true)
        }
        var response = Response.redirect(to: "/units", type: .normal)
        response.setCookie(SessionAuthenticator.cookie(token, lifetime: Int(services.settings.sessionLifetime)))
        return response
    }
}

/// One row of the unit tree page.
struct UnitRow {
    var json: UnitJSON
    var kindName: String
    var indent: String
}

/// One row of the member list page as the template reads it (`code`, `path` for its link,
/// `full_name`,
/// `birth_date`, `unit`, `status`, `flag`): a flat dictionary made by hand rather than a
/// struct for `TemplateModel` to reflect on, since a list has a hundred rows and rendering
/// them is most of its time (BENCHMARKS.md). Every key is there, empty when it has no
/// value, so that a name is never looked for again in the page around the row (whose
/// `unit` is the unit listed).
enum ListingRow {
    static func fields(_ json: MemberJSON, status: String, flag: String) -> [String: String] {
        ["code": json.code, "path": URLText.escaped(json.code), "full_name": json.full_name, "birth_date": json.birth_date, "unit": json.unit ?? "",
         "status": status, "flag": flag]
    }
}

/// Sends a page request without a session to the login page.
struct RequireSignIn: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.identity != nil else { return .redirect(to: "/login", type: .normal) }
        return try await next(request, context)
    }
}

/// Shows a refusal a page route threw (outside the subtree, unknown code, missing CSRF
/// token) as a page in the request's language, with its status.
struct PageErrorMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let services: ServerServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let language = request.language(default: services.settings.language)
            let refusal = Refusal(error, language: language)
            if refusal.status == .internalServerError { ServerLog.write("error: \(error)") }
            return services.pages.render("error", title: refusal.message, model: refusal,
                                         chrome: Chrome(request, context: context, language: language), status: refusal.status)
        }
    }
}
