import ArgumentParser
import RegisterStore
import RegisterViews
import UnionRegister

struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: "Register members and record every change in their membership.",
        subcommands: [Add.self, Show.self, List.self, Update.self, Transfer.self, Arrive.self, Leave.self,
                      Host.self, Away.self, Letter.self, Mature.self, Remove.self, Decease.self, History.self])

    struct Add: RegisterCommand, NewMemberCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Register a member admitted to a branch, or admitted elsewhere and arrived (--arrived --from).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The branch (or grassroots branch) the member joins.") var unit: String
        @Option(help: "Register code, e.g. the Union card number (default: the next DVnnnnnn).") var code: String?
        @OptionGroup var fields: MemberFieldOptions
        @Option(help: "For a member admitted elsewhere (on --joined): the day they came into the branch.") var arrived: String?
        @Option(help: "With --arrived: the unit they came from (chuyển đến từ).") var from: String?
        @Option(help: "With --arrived: the transfer letter's number.") var letter: String?

        func validate() throws {
            try validateFields()
            guard (arrived == nil) == (from == nil), letter == nil || arrived != nil else {
                throw ValidationError("--arrived and --from go together (and --letter with them).")
            }
            guard arrived == nil || fields.joined != nil else {
                throw ValidationError("--arrived needs --joined: the day the member was admitted to the Union elsewhere.")
            }
        }

        func execute() throws {
            let arrival = try arrived.map { Arrival(on: try day($0, option: "--arrived"), from: from ?? "", letterNo: letter) }
            say(Says.memberAdded(try addMember(arrival: arrival), to: unit, arrival))
        }
    }

    struct Update: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "update", abstract: "Correct or complete a member's facts.")
        @OptionGroup var global: GlobalOptions
        @Argument var code: String
        @OptionGroup var fields: MemberFieldOptions

        func execute() throws {
            let register = try openRegister()
            let updated = try register.updateMember(code) { member in
                try fields.apply(to: &member) { try day($0, option: $1) }
            }
            say(Says.memberUpdated(updated))
        }
    }

    struct Transfer: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "transfer", abstract: "Move a member to another branch from a date.")
        @OptionGroup var global: GlobalOptions
        @Argument var code: String
        @Option(help: "The branch the member moves to.") var to: String
        @Option(help: "The day of the move.") var on: String

        func execute() throws {
            let register = try openRegister()
            let day = try day(on, option: "--on")
            try register.transferMember(code, to: to, on: day)
            say(Says.memberTransferred(code, to: to, on: day))
        }
    }

    struct Mature: RegisterCommand, MembershipEnding {
        static let configuration = CommandConfiguration(
            commandName: "mature", abstract: "Record a member's maturity (trưởng thành Đoàn).")
        static let kind = MembershipEventKind.matured
        @OptionGroup var global: GlobalOptions
        @OptionGroup var ending: EndingOptions
    }

    struct Remove: RegisterCommand, MembershipEnding {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Strike a member off the register (xóa tên).")
        static let kind = MembershipEventKind.removed
        @OptionGroup var global: GlobalOptions
        @OptionGroup var ending: EndingOptions
    }

    struct Decease: RegisterCommand, MembershipEnding {
        static let configuration = CommandConfiguration(
            commandName: "decease", abstract: "Record a member's death (từ trần).")
        static let kind = MembershipEventKind.deceased
        @OptionGroup var global: GlobalOptions
        @OptionGroup var ending: EndingOptions
    }

    struct Show: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a member: facts, status, history, grades, training, discipline.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: DataFormatOption
        @Argument var code: String

        func execute() throws {
            let record = try openRegister().memberFacts(code)
            print(try MemberView(record: record, today: today, language: global.language).render(output.format))
        }
    }

    struct History: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "history", abstract: "A member's dated history: membership events, discipline, training, grades.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: DataFormatOption
        @Argument var code: String

        func execute() throws {
            let record = try openRegister().memberFacts(code)
            print(try MemberTimeline(record: record, today: today).render(output.format, language: global.language))
        }
    }

    struct List: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List members in Vietnamese name order.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ListFormatOption
        @Option(help: "Only members of this unit and the units below it.") var unit: String?
        @Option(help: "active (default), temporary, temporary-ended, left, matured, removed, expelled, deceased, or all.")
        var status: String = "active"
        @Option(help: "Words of the name or the code; case and diacritics ignored.") var search: String?
        @Flag(help: "Only members over 30 holding no office, and members over 35 still active.") var dueMaturity = false
        @Option(help: "The day to look at (default: today).") var asOf: String?

        func validate() throws {
            guard status == "all" || MembershipStatus.codes.contains(status), status != "not-yet-member" else {
                throw ValidationError("--status takes active, temporary, temporary-ended, left, matured, removed, expelled, deceased or all.")
            }
        }

        func execute() throws {
            let register = try openRegister()
            let day = try day(asOf, option: "--as-of", default: today)
            let query = MemberQuery(unitCode: unit, status: status == "all" ? nil : status, search: search,
                                    dueMaturity: dueMaturity, asOf: day)
            let view = MemberListView(rows: try register.members(query), asOf: day, language: global.language)
            if let file = output.output {
                try WorkbookOutput.write(try view.workbook(), to: file)
            } else {
                print(try view.render(output.format))
            }
        }
    }
}

/// The options of the commands that end a membership.
struct EndingOptions: ParsableArguments {
    @Argument var code: String
    @Option(help: "The day membership ends.") var on: String
    @Option(help: "Why (the branch meeting's decision, …).") var reason: String?
}

/// `member mature|remove|decease`: the same command for three kinds of ending.
protocol MembershipEnding: RegisterCommand {
    static var kind: MembershipEventKind { get }
    var ending: EndingOptions { get }
}

extension MembershipEnding {
    func execute() throws {
        let register = try openRegister()
        let day = try day(ending.on, option: "--on")
        try register.endMembership(ending.code, Self.kind, on: day, reason: ending.reason)
        print(global.language == .vi ? "Đã ghi \(Self.kind.name.vi.lowercased()): \(ending.code) ngày \(day)."
                                     : "Recorded \(Self.kind.name.en): \(ending.code) on \(day).")
    }
}
