import ArgumentParser
import RegisterStore
import RegisterViews
import UnionRegister

struct ReferralCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referral",
        abstract: "Put outstanding members forward to the Party: eligibility, stages, the referral resolution.",
        subcommands: [Check.self, Candidates.self, Nominate.self, ReferToClass.self, Refer.self, Admit.self, Confirm.self,
                      Reject.self, Withdraw.self, List.self, Document.self])

    struct Check: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Every eligibility criterion for a step, with its evidence (exit 0 whether or not eligible).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: DataFormatOption
        @Argument(help: "The member's code.") var code: String
        @Option(help: "nominate, refer-to-class or refer.") var step: EligibilityStep
        @Option(help: "The day of the step (default: today).") var on: String?

        func execute() throws {
            let eligibility = try openRegister().checkReferral(code, step: step, on: try day(on, option: "--on", default: today))
            print(try EligibilityView(eligibility: eligibility, language: global.language).render(output.format))
        }
    }

    struct Candidates: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "candidates",
            abstract: "Members of a unit's subtree who pass every criterion for a step, and those one criterion short.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: DataFormatOption
        @Option(help: "nominate, refer-to-class or refer.") var step: EligibilityStep
        @Option(help: "The unit whose subtree to search (default: the whole register).") var unit: String?
        @Option(help: "The day of the step (default: today).") var on: String?

        func execute() throws {
            let register = try openRegister()
            let day = try day(on, option: "--on", default: today)
            let candidates = try register.referralCandidates(step: step, unitCode: unit, on: day)
            print(try ReferralCandidatesView(candidates: candidates, step: step, on: day, unitCode: unit,
                                             policy: try register.policy(on: day), language: global.language).render(output.format))
        }
    }

    struct Nominate: ReferralStageCommand {
        static let configuration = CommandConfiguration(
            commandName: "nominate", abstract: "Record the branch meeting's nomination (opens a referral).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's code.") var code: String
        @Option(help: "The day of the branch meeting.") var on: String
        @OptionGroup var vote: VoteOptions

        func action() throws -> ReferralAction { .nominate(vote.vote) }
    }

    struct ReferToClass: ReferralStageCommand {
        static let configuration = CommandConfiguration(
            commandName: "refer-to-class", abstract: "Record the introduction to the Party-awareness class.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's code.") var code: String
        @Option(help: "The day of the introduction.") var on: String

        func action() throws -> ReferralAction { .referToClass }
    }

    struct Refer: ReferralStageCommand {
        static let configuration = CommandConfiguration(
            commandName: "refer", abstract: "Record the referral resolution (form 4-KNĐ) and its vote.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's code.") var code: String
        @Option(help: "The day of the committee's meeting.") var on: String
        @Option(help: "The resolution's number, e.g. 12-NQ/ĐTN.") var resolution: String
        @OptionGroup var vote: VoteOptions

        func action() throws -> ReferralAction { .refer(resolutionNo: resolution, vote.vote) }
    }

    struct Admit: ReferralStageCommand {
        static let configuration = CommandConfiguration(
            commandName: "admit", abstract: "Record the Party's admission (probationary member).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's code.") var code: String
        @Option(help: "The day of admission.") var on: String
        @Option(help: "The admission decision's number.") var decision: String?

        func action() throws -> ReferralAction { .admit(decisionNo: decision) }
    }

    struct Confirm: ReferralStageCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirm", abstract: "Record full Party membership after 12 months of probation.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's code.") var code: String
        @Option(help: "The day of confirmation.") var on: String
        @Option(help: "The confirmation decision's number.") var decision: String?

        func action() throws -> ReferralAction { .confirm(decisionNo: decision) }
    }

    struct Reject: ReferralStageCommand {
        static let configuration = CommandConfiguration(
            commandName: "reject", abstract: "Record that a vote or the Party turned the referral down.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's code.") var code: String
        @Option(help: "The day of the decision.") var on: String
        @Option(help: "Why.") var reason: String

        func action() throws -> ReferralAction { .reject(reason: reason) }
    }

    struct Withdraw: ReferralStageCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw", abstract: "Record that the referral was withdrawn.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's code.") var code: String
        @Option(help: "The day of withdrawal.") var on: String
        @Option(help: "Why.") var reason: String

        func action() throws -> ReferralAction { .withdraw(reason: reason) }
    }

    struct List: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "The referrals, in Vietnamese name order, with stage dates, numbers and votes.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ListFormatOption
        @Option(help: "Only referrals nominated by branches in this unit's subtree.") var unit: String?
        @Option(help: "Only referrals with a stage dated in this year.") var year: Int?
        @Option(help: "Only referrals at this stage on --on (lapsed included).") var stage: ReferralStage?
        @Option(help: "The day stages are read on (default: today).") var on: String?

        func execute() throws {
            let day = try day(on, option: "--on", default: today)
            let entries = try openRegister().referralList(unitCode: unit, year: year, stage: stage, on: day)
            let view = ReferralListView(entries: entries, on: day, language: global.language)
            if let file = output.output {
                try WorkbookOutput.write(try view.workbook(), to: file)
            } else {
                print(try view.render(output.format))
            }
        }
    }

    struct Document: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "document",
            abstract: "The referral resolution (form 4-KNĐ) of the member's latest referral, in Vietnamese.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's code.") var code: String
        @Option(help: "md or html (HTML prints on A4).") var format: OutputFormat = .md
        @Option(help: "The place written before the date, e.g. \"Quảng Ninh\".") var place: String?
        @Option(help: "The Party cell the resolution is addressed to.") var partyCell: String?
        @Option(help: "The Party committee the resolution is addressed to.") var partyCommittee: String?
        @Option(help: "The secretary who signs.") var signer: String?

        func validate() throws {
            guard format == .md || format == .html else { throw ValidationError("--format takes md or html here.") }
        }

        func execute() throws {
            let document = ReferralDocument(resolution: try openRegister().referralResolution(code), place: place,
                                            partyCell: partyCell, partyCommittee: partyCommittee, signer: signer)
            print(format == .html ? document.html() : document.markdown())
        }
    }
}

/// A command that records one referral stage: parse, let the domain decide, print what
/// was recorded. Refusals name the failing criteria and exit 1.
protocol ReferralStageCommand: RegisterCommand {
    var code: String { get }
    var on: String { get }
    func action() throws -> ReferralAction
}

extension ReferralStageCommand {
    func execute() throws {
        let step = try openRegister().recordReferral(code, try action(), on: try day(on, option: "--on"))
        say(Says.referralRecorded(step, of: code))
    }
}

/// The vote of the meeting that decided a step.
struct VoteOptions: ParsableArguments {
    @Option(help: "Members (or committee members) convened.") var convened: Int
    @Option(help: "Of them, present.") var present: Int
    @Option(name: .customLong("for"), help: "Of those present, voting for.") var votesFor: Int

    var vote: Vote { Vote(convened: convened, present: present, votesFor: votesFor) }
}

extension EligibilityStep: ExpressibleByArgument {}
extension ReferralStage: ExpressibleByArgument {}
