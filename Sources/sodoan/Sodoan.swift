import ArgumentParser

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
            ImportCommand.self,
            ExportCommand.self,
            UserCommand.self,
            ServeCommand.self,
            ReferralCommand.self,
            PolicyCommand.self,
        ]
    )
}
