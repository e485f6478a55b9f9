import ArgumentParser
import Foundation
import RegisterViews

/// The command tree, read top to bottom. Each group lives in its own file; commands parse
/// and render, the domain decides, the store writes.
@main
struct Sodoan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sodoan",
        abstract: "Sổ đoàn viên: the membership and Party-referral register of a Youth Union bloc.",
        version: "0.1.0",
        subcommands: [
            InitCommand.self,
            DemoCommand.self,
            UnitCommand.self,
            MemberCommand.self,
            TrainingCommand.self,
            GradeCommand.self,
            OfficeCommand.self,
            DisciplineCommand.self,
            ReportCommand.self,
            DuesCommand.self,
            LogCommand.self,
            CheckCommand.self,
            BackupCommand.self,
            CopyCommand.self,
            ImportCommand.self,
            AbsorbCommand.self,
            ExportCommand.self,
            UserCommand.self,
            ServeCommand.self,
            GrantCommand.self,
            ReferralCommand.self,
            PolicyCommand.self,
        ]
    )

    /// Parses and runs like the argument parser's own `main`, but writes its messages
    /// (usage errors, help) through `OutputText.safe`: a usage error quotes what was typed,
    /// and a value holding an escape sequence must not reach the terminal raw
    /// (docs/SECURITY.md). Exit statuses are the parser's: 0 for help, 64 for usage.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let status = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                let handle = status == .success ? FileHandle.standardOutput : FileHandle.standardError
                handle.write(Data((OutputText.safe(message) + "\n").utf8))
            }
            Foundation.exit(status.rawValue)
        }
    }
}
