import ArgumentParser
import Foundation
import PostgresStore
import RegisterStore
import RegisterViews
import UnionRegister

/// `sodoan grant ROLE`: gives a PostgreSQL role what `sodoan serve` needs and no more
/// (`PostgresServerRole`), so the servers run as a role that cannot alter the audit log.
struct GrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "PostgreSQL only: give a role what `sodoan serve` needs and no more (it may add to the audit log, never change it).",
        discussion: "Run as the register's owner, after the PostgreSQL administrator has created the role (CREATE ROLE NAME LOGIN), and again after an upgrade. Then run `sodoan serve --db postgres://NAME@HOST:PORT/DB`.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The PostgreSQL role the servers connect as.") var role: String

    func run() throws {
        try reportingRefusals(global.language) {
            guard case .postgres(let address) = try global.location() else { throw RegisterError.grantNeedsPostgres }
            let granted = try PostgresServerRole.grant(role, at: address)
            FileHandle.standardOutput.write(Data((OutputText.safe(Says.roleGranted(granted, register: address.description)(global.language)) + "\n").utf8))
        }
    }
}

extension RegisterError {
    /// `sodoan grant` given a register file: a file's readers and writers are whoever its
    /// permissions let in.
    static var grantNeedsPostgres: RegisterError {
        .badInput(Text(
            vi: "`sodoan grant` cấp quyền trên sổ PostgreSQL; với sổ là tệp, ai đọc ghi được là do quyền của tệp.",
            en: "`sodoan grant` grants rights on a PostgreSQL register; who may read and write a register file is set by the file's permissions."),
            fix: Text(vi: "Dùng --db postgres://CHỦ@MÁY:CỔNG/TÊN, hoặc đặt quyền của tệp (chmod 600).",
                      en: "Give --db postgres://OWNER@HOST:PORT/NAME, or set the file's permissions (chmod 600)."))
    }
}
