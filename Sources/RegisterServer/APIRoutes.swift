import Foundation
import HTTPTypes
import Hummingbird
import RegisterStore
import RegisterViews
import UnionRegister

/// The JSON API under /api (docs/CLI.md, "HTTP API"; the contract is
/// Resources/openapi.json). Every answer has the shape of the matching `--format json`;
/// every refusal is one `error` object: 400 bad input, 401 no session, 403 outside the
/// account's subtree or role (or a missing CSRF token), 422 a rule refused, naming it.
struct APIRoutes {
    let services: ServerServices

    func add(to api: RouterGroup<ServerContext>) {
        api.add(middleware: APIErrorMiddleware(language: services.settings.language))
        api.get("openapi.json") { _, _ in try OpenAPIDocument.response() }
        api.post("session", use: logIn)
        api.delete("session", use: logOut)
        api.get("units") { request, context in
            let register = try services.scoped(context, request)
            let units = try register.unitTree(on: try request.day("as_of", default: register.today))
            return try APIResponse.json(units.map { UnitJSON($0, language: language(request)) })
        }
        api.get("members") { request, context in
            let register = try services.scoped(context, request)
            let day = try request.day("as_of", default: register.today)
            let query = MemberQuery(unitCode: request.query("unit"), search: request.query("search"), asOf: day)
            return try APIResponse.json(try register.members(query).map { MemberJSON($0, on: day) })
        }
        api.post("members") { request, context in
            try context.requireCSRF(request.headers[.csrfToken])
            let input = FormInput(try await request.jsonFields(context: context))
            let register = try services.scoped(context, request)
            let added = try register.addMember(try MemberFields.newMember(input, today: register.today), unitCode: try input.required("unit"))
            return try APIResponse.json(MemberBookJSON(try register.memberFacts(added.code), today: register.today), status: .created)
        }
        api.get("members/:code") { request, context in
            let code = try context.codeParameter()
            let register = try services.scoped(context, request)
            return try APIResponse.json(MemberBookJSON(try register.memberFacts(code), today: register.today))
        }
        MemberActionRoutes(services: services).addAPI(to: api)
        UnitReorganisationRoutes(services: services).addAPI(to: api)
        ImportAPIRoute(services: services).add(to: api)
        api.get("referral/candidates") { request, context in
            let step = try Self.step(request.query("step"))
            let register = try services.scoped(context, request)
            let day = try request.day("on", default: register.today)
            let unit = request.query("unit") ?? register.account.unitCode
            let candidates = try register.referralCandidates(step: step, unitCode: unit, on: day)
            return try APIResponse.json(ReferralCandidatesJSON(candidates, step: step, on: day, unitCode: unit,
                                                               policy: try register.policy(on: day), language: language(request)))
        }
        api.get("reports/annual") { request, context in
            guard let text = request.query("year"), let year = Int(text) else {
                throw RegisterError.badInput(Text(vi: "year: cần một năm, ví dụ 2024.", en: "year: a year is needed, e.g. 2024."))
            }
            let report = try services.scoped(context, request).yearEndReport(unitCode: request.query("unit"), period: try ReportPeriod.year(year))
            return try APIResponse.json(ReportJSON(report.root, report: report))
        }
    }

    private func language(_ request: Request) -> Language { request.language(default: services.settings.language) }

    struct Credentials: Decodable { var name: String; var password: String }

    /// What a login answers: the account, and the token every write must send back in
    /// the `X-CSRF-Token` header.
    struct SessionJSON: Encodable {
        var account: Account
        var csrf_token: String
        var expires_at: String
    }

    @Sendable func logIn(_ request: Request, context: ServerContext) async throws -> Response {
        let credentials = try await request.json(Credentials.self, context: context)
        guard let (token, session) = try await services.logIn(credentials.name, credentials.password, context: context,
                                                              command: "POST /api/session") else {
            throw HTTPError(.unauthorized)
        }
        var response = try APIResponse.json(SessionJSON(account: session.account, csrf_token: session.csrfToken,
                                                        expires_at: session.expiresAt))
        response.setCookie(SessionAuthenticator.cookie(token, lifetime: Int(services.settings.sessionLifetime)))
        return response
    }

    @Sendable func logOut(_ request: Request, context: ServerContext) async throws -> Response {
        try context.requireCSRF(request.headers[.csrfToken])
        try services.register.endSession(token: try context.requireIdentity().token)
        var response = Response(status: .noContent)
        response.setCookie(SessionAuthenticator.expired)
        return response
    }

    static func step(_ text: String?) throws -> EligibilityStep {
        guard let text, let step = EligibilityStep(rawValue: text) else {
            throw RegisterError.badInput(Text(
                vi: "step: \"\(text ?? "")\" không phải bước xét; dùng \(EligibilityStep.allCases.map(\.rawValue).joined(separator: ", ")).",
                en: "step: \"\(text ?? "")\" is not a step; use \(EligibilityStep.allCases.map(\.rawValue).joined(separator: ", "))."))
        }
        return step
    }
}

extension RouterGroup where Context == ServerContext {
    /// An API write about the `:code` of `path`: checks the CSRF token, reads the JSON
    /// body's fields and hands them, with the code, to `body` on the account's register.
    func postWrite(_ path: RouterPath, _ services: ServerServices,
                   _ body: @escaping @Sendable (ScopedRegister, String, FormInput) throws -> Response) {
        post(path) { request, context in
            try context.requireCSRF(request.headers[.csrfToken])
            let code = try context.codeParameter()
            let input = FormInput(try await request.jsonFields(context: context))
            return try body(try services.scoped(context, request), code, input)
        }
    }
}

extension HTTPField.Name {
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
}

/// Turns anything an API route throws into the JSON refusal, so that no error reaches
/// the client as an HTML page or an empty 500.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let language: Language

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return APIResponse.error(error, language: request.language(default: language))
        }
    }
}

extension ServerServices {
    /// Checks a name and password after the throttle's wait; nil when refused. The login's
    /// audit row names the account.
    func logIn(_ name: String, _ password: String, context: ServerContext, command: String) async throws -> (String, AccountSession)? {
        let wait = await throttle.delay(name: name, address: context.remoteAddress)
        if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
        let actor = AccountRules.isValidName(name) ? name : "-"
        guard let opened = try register.acting(as: actor, command: command)
            .logIn(name, password: password, lifetime: settings.sessionLifetime) else {
            await throttle.failed(name: name, address: context.remoteAddress)
            return nil
        }
        await throttle.succeeded(name: name)
        return (opened.token, opened.session)
    }
}
