import Foundation
import Hummingbird
import RegisterStore
import RegisterViews
import UnionRegister

/// The member's page (the Union book), the admission form and the referral-step form.
/// A refused form is shown again with what was typed and the refusal in the CLI's words.
struct MemberPages {
    let services: ServerServices
    var routes: PageRoutes { PageRoutes(services: services) }

    func add(to pages: RouterGroup<ServerContext>) {
        pages.get("/members/new") { request, context in
            let unit = try request.query("unit") ?? services.scoped(context, request).account.unitCode
            return admissionPage(request, context, values: ["unit": unit], refusal: nil)
        }
        pages.post("/members") { request, context in
            let fields = try await request.formFields(context: context)
            try context.requireCSRF(fields["csrf"])
            let input = FormInput(fields)
            do {
                let register = try services.scoped(context, request)
                let added = try register.addMember(try MemberFields.newMember(input, today: register.today),
                                                   unitCode: try input.required("unit"))
                return Response.redirect(to: "/members/\(URLText.escaped(added.code))?admitted=1", type: .normal)
            } catch let error where error is RegisterError || error is AccessRefused {
                return admissionPage(request, context, values: fields, refusal: Refusal(error, language: routes.language(request)))
            }
        }
        pages.get("/members/:code") { request, context in
            let code = try context.codeParameter()
            let register = try services.scoped(context, request)
            let admitted = request.query("admitted") != nil
            return try memberPage(request, context, register, code) { facts in
                admitted ? Says.memberAdded(facts.member, to: MemberStanding(facts, today: register.today).unitCode ?? "", nil) : nil
            }
        }
        pages.get("/members/:code/referral") { request, context in
            let code = try context.codeParameter()
            let register = try services.scoped(context, request)
            let facts = try register.memberFacts(code)
            return referralPage(request, context, facts: facts, fields: ["on": register.today.description], eligibility: nil, refusal: nil)
        }
        pages.post("/members/:code/referral") { request, context in
            let code = try context.codeParameter()
            let fields = try await request.formFields(context: context)
            try context.requireCSRF(fields["csrf"])
            let register = try services.scoped(context, request)
            let facts = try register.memberFacts(code)
            do {
                let form = ReferralStepForm(input: FormInput(fields))
                let step = try register.recordReferral(code, try form.action(), on: try form.day())
                return try memberPage(request, context, register, code) { _ in Says.referralRecorded(step, of: code) }
            } catch let error where error is RegisterError || error is AccessRefused {
                // A step the eligibility rules refused is shown with every criterion and its evidence.
                let form = ReferralStepForm(input: FormInput(fields))
                let step = (try? form.action())?.eligibilityStep
                let day = try? form.day()
                let eligibility = try step.flatMap { step in try day.map { try register.checkReferral(code, step: step, on: $0) } }
                return referralPage(request, context, facts: facts, fields: fields, eligibility: eligibility,
                                    refusal: Refusal(error, language: routes.language(request)))
            }
        }
    }

    /// The step whose criteria the member's page lists: the one after the open referral's
    /// stage (`EligibilityStep.follows`), a new nomination when none is open (unless the
    /// member is now in the Party), nil past `refer`.
    static func nextStep(_ facts: MemberFacts, today: Day) -> EligibilityStep? {
        guard let stage = facts.latestReferral?.stage(on: today) else { return .nominate }
        if stage.isFinal { return stage == .official ? nil : .nominate }
        return EligibilityStep.allCases.first { $0.follows == stage }
    }

    /// The member's page, with the `notice` (from the member's facts) saying what was just
    /// written. One scope check and one read (`ScopedRegister.memberBook`) per page.
    func memberPage(_ request: Request, _ context: ServerContext, _ register: ScopedRegister, _ code: String,
                    notice: (MemberFacts) -> Text?) throws -> Response {
        let language = routes.language(request)
        let today = register.today
        let (facts, eligibility) = try register.memberBook(code, eligibilityFor: { Self.nextStep($0, today: today) }, on: today)
        return routes.page(request, context, "member", title: facts.member.fullName,
                           model: MemberPage(facts, today: today, eligibility: eligibility, language: language,
                                             notice: notice(facts)?(language), actions: MemberAction.all))
    }

    func admissionPage(_ request: Request, _ context: ServerContext, values: [String: String], refusal: Refusal?) -> Response {
        FormPage(id: "admit", action: "/members", title: PageWords.admit["heading"]!, fields: MemberFields.admission,
                 words: PageWords.admit)
            .render(routes, request, context, values: values, member: nil, refusal: refusal)
    }

    func referralPage(_ request: Request, _ context: ServerContext, facts: MemberFacts, fields: [String: String],
                      eligibility: Eligibility?, refusal: Refusal?) -> Response {
        let language = routes.language(request)
        let stages = ReferralStepForm.stages.map {
            Choice(value: $0.rawValue, label: $0.name(language), selected: $0.rawValue == fields["stage"])
        }
        var model: [String: Any] = [
            "member": Self.heading(facts.member),
            "fields": fields, "stages": stages, "t": PageWords.words(PageWords.referral, language),
        ]
        if let refusal { model["refusal"] = refusal }
        if let eligibility { model["explained"] = ["criteria": MemberPage.criteria(of: eligibility, language)] }
        return routes.page(request, context, "referral", title: PageWords.referral["heading"]!(language), model: model,
                           status: refusal.map(\.status) ?? .ok)
    }

    /// Whom a form is about, as the form pages show it above the form.
    static func heading(_ member: Member) -> [String: String] {
        ["code": member.code, "name": member.fullName, "path": URLText.escaped(member.code)]
    }
}
