import ArgumentParser
import Foundation
import RegisterStore
import RegisterViews
import UnionRegister

/// `sodoan user …`: the accounts that work through `sodoan serve`, each in the subtree of
/// its unit (docs/SECURITY.md). The command line itself is the file's owner and needs none.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Accounts of the web interface: who may read or change which units.",
        subcommands: [Add.self, List.self, Passwd.self, Disable.self])

    struct Add: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Create an account working in a unit and everything below it.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The account's login name.") var name: String
        @Option(help: "office (everything, accounts included), secretary (members and records) or viewer (read only).")
        var role: AccountRole
        @Option(help: "The unit whose subtree the account works in.") var unit: String
        @OptionGroup var password: PasswordOptions

        func execute() throws {
            let register = try openRegister()
            try register.addAccount(Account(name: name, role: role, unitCode: unit), password: try password.read(global.language))
            print(global.language == .vi ? "Đã tạo tài khoản \(name) (\(role.name.vi), \(unit))."
                                         : "Created the account \(name) (\(role.name.en), \(unit)).")
        }
    }

    struct List: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the accounts.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: DataFormatOption

        func execute() throws {
            let accounts = try openRegister().accounts()
            switch output.format {
            case .json: print(try JSONOutput.encode(accounts))
            case .csv:
                print(CSVWriter.document(header: ["name", "role", "unit", "disabled"],
                                         rows: accounts.map { [$0.name, $0.role.rawValue, $0.unitCode, String($0.disabled)] }))
            default:
                let vi = global.language == .vi
                var table = TextTable(vi ? ["Tài khoản", "Vai trò", "Đơn vị", "Tình trạng"] : ["Account", "Role", "Unit", "State"])
                for account in accounts {
                    table.append([account.name, account.role.name(global.language), account.unitCode,
                                  account.disabled ? (vi ? "đã khóa" : "disabled") : (vi ? "đang dùng" : "enabled")])
                }
                print(table.render())
            }
        }
    }

    struct Passwd: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd", abstract: "Set an account's password; its open sessions end.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        @OptionGroup var password: PasswordOptions

        func execute() throws {
            let register = try openRegister()
            try register.changePassword(of: name, to: try password.read(global.language))
            print(global.language == .vi ? "Đã đổi mật khẩu của \(name); các phiên đăng nhập cũ đã kết thúc."
                                         : "Changed the password of \(name); its open sessions have ended.")
        }
    }

    struct Disable: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable", abstract: "Disable an account for good; its open sessions end.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String

        func execute() throws {
            try openRegister().disableAccount(name)
            print(global.language == .vi ? "Đã khóa tài khoản \(name)." : "Disabled the account \(name).")
        }
    }
}

/// Where a new password comes from: asked twice at the terminal, or one line of standard
/// input for scripts.
struct PasswordOptions: ParsableArguments {
    @Flag(help: "Read the password from the first line of standard input instead of asking.")
    var passwordStdin = false

    func read(_ language: Language) throws -> String {
        let vi = language == .vi
        if passwordStdin {
            guard let line = Swift.readLine(strippingNewline: true) else {
                throw RegisterError.badInput(Text(vi: "Không đọc được mật khẩu từ đầu vào chuẩn.",
                                                  en: "No password on standard input."))
            }
            return line
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw ValidationError(vi ? "Không có thiết bị đầu cuối để hỏi mật khẩu; dùng --password-stdin."
                                     : "No terminal to ask the password at; use --password-stdin.")
        }
        let first = String(cString: getpass(vi ? "Mật khẩu: " : "Password: "))
        let second = String(cString: getpass(vi ? "Nhập lại mật khẩu: " : "Password again: "))
        guard first == second else {
            throw RegisterError.badInput(Text(vi: "Hai lần nhập mật khẩu không khớp.", en: "The two passwords differ."))
        }
        return first
    }
}

extension AccountRole: ExpressibleByArgument {}
