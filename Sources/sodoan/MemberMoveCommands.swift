import ArgumentParser
import RegisterStore
import RegisterViews
import UnionRegister

/// A command that registers a new member (`member add`, `member host`): the facts every
/// new member needs, then the register decides.
protocol NewMemberCommand: RegisterCommand {
    var unit: String { get }
    var code: String? { get }
    var fields: MemberFieldOptions { get }
}

extension NewMemberCommand {
    func validateFields() throws {
        guard fields.name != nil, fields.born != nil, fields.gender != nil else {
            throw ValidationError("A new member needs --name, --born and --gender.")
        }
        guard fields.education != nil else {
            throw ValidationError("A new member needs --education: the admission rule needs at least primary education.")
        }
    }

    func addMember(arrival: Arrival?) throws -> Member {
        let register = try openRegister()
        var member = Member(code: code ?? "", fullName: "", birthDate: today, gender: .male, education: .none, joinedOn: today)
        try fields.apply(to: &member) { try day($0, option: $1) }
        return try register.addMember(member, unitCode: unit, arrival: arrival)
    }
}

/// Moves across the register's boundary (chuyển sinh hoạt đến / đi) and temporary stays
/// (sinh hoạt tạm thời, guidance 22-HD/TWĐTN).
extension MemberCommand {
    struct Arrive: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "arrive",
            abstract: "Record that a member who left (or was hosted here) arrives in a branch for good.")
        @OptionGroup var global: GlobalOptions
        @Argument var code: String
        @Option(help: "The branch the member comes into.") var unit: String
        @Option(help: "The day of arrival.") var on: String
        @Option(help: "The unit outside the register they come from.") var from: String
        @Option(help: "The transfer letter's number.") var letter: String?

        func execute() throws {
            let arrival = Arrival(on: try day(on, option: "--on"), from: from, letterNo: letter)
            try openRegister().arriveMember(code, to: unit, arrival)
            say(Says.memberArrived(code, in: unit, arrival))
        }
    }

    struct Leave: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "leave",
            abstract: "Record that a member moves to a unit outside the register (chuyển sinh hoạt đi; not a removal).")
        @OptionGroup var global: GlobalOptions
        @Argument var code: String
        @Option(help: "The day of the move.") var on: String
        @Option(help: "The receiving unit outside the register.") var to: String
        @Option(help: "The introduction letter's number, e.g. 15-GGT/ĐTN.") var letter: String?

        func execute() throws {
            let day = try day(on, option: "--on")
            try openRegister().leaveMember(code, on: day, to: to, letterNo: letter)
            say(Says.memberLeft(code, to: to, on: day))
        }
    }

    struct Host: RegisterCommand, NewMemberCommand {
        static let configuration = CommandConfiguration(
            commandName: "host",
            abstract: "Record a member of another unit hosted in a branch for a while (listed, not counted).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The branch that hosts the member.") var unit: String
        @Option(help: "Register code, e.g. the Union card number (default: the next DVnnnnnn).") var code: String?
        @OptionGroup var fields: MemberFieldOptions
        @Option(help: "The member's home unit.") var from: String
        @Option(help: "The first day of the stay.") var on: String
        @Option(help: "The last day of the stay.") var until: String

        func validate() throws {
            try validateFields()
            guard fields.joined != nil else { throw ValidationError("member host needs --joined: the day the member was admitted to the Union.") }
        }

        func execute() throws {
            let stay = Arrival(on: try day(on, option: "--on"), from: from, until: try day(until, option: "--until"))
            say(Says.memberAdded(try addMember(arrival: stay), to: unit, stay))
        }
    }

    struct Away: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "away",
            abstract: "Record that a member works elsewhere for a while (still counted in their branch).")
        @OptionGroup var global: GlobalOptions
        @Argument var code: String
        @Option(help: "Where the member stays temporarily.") var to: String
        @Option(help: "The first day away.") var on: String
        @Option(help: "The last day away.") var until: String

        func execute() throws {
            let from = try day(on, option: "--on"), last = try day(until, option: "--until")
            try openRegister().sendAway(code, on: from, to: to, until: last)
            say(Says.memberAway(code, at: to, from: from, through: last))
        }
    }

    struct Letter: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "letter",
            abstract: "The introduction letter (giấy giới thiệu sinh hoạt đoàn) of the member's latest departure, in Vietnamese.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's code.") var code: String
        @Option(help: "md or html (HTML prints on A4).") var format: OutputFormat = .md
        @Option(help: "The place written before the date, e.g. \"Quảng Ninh\".") var place: String?
        @Option(help: "The secretary who signs.") var signer: String?

        func validate() throws {
            guard format == .md || format == .html else { throw ValidationError("--format takes md or html here.") }
        }

        func execute() throws {
            let document = DepartureLetterDocument(letter: try openRegister().departureLetter(code), place: place, signer: signer)
            print(format == .html ? document.html() : document.markdown())
        }
    }
}
