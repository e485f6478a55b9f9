import Foundation
import GRDB
import UnionRegister

/// One write of the register in progress: the open IMMEDIATE transaction, the command line
/// that asked for it and who did (the operating-system user, or the server's account), the
/// moment it happens and the day the rules take as today.
///
/// Every write goes through one, a command's (`Register.write`) and each row of an import
/// alike, so a row of `import grades` is decided and written by exactly the code that
/// decides and writes `grade set`. The writes themselves are extensions of this type, one
/// file per concept (`MemberWrites`, `GradeWrites`, …); the SQL they run is in the table
/// types (`MemberTable`, `EventTable`, `GradeTable`, …), each table's in one place.
struct WriteTransaction {
    /// The open transaction, through the engine-neutral surface: what the writes ported to
    /// both engines use.
    let connection: any SQLConnection
    /// The same transaction as GRDB's `Database`, for the writes still written against it;
    /// a register on another engine refuses them.
    var db: Database {
        get throws {
            guard let file else { throw RegisterError.fileOnly(register) }
            return file
        }
    }
    /// `connection` when it is a file's, cast once.
    private let file: Database?
    /// The register, as messages name it.
    private let register: String
    /// The command line recorded in the audit rows of this write.
    let command: String
    /// Who the audit rows of this write name.
    let actor: String
    let now: Date
    let today: Day

    init(connection: any SQLConnection, register: String, command: String, actor: String, now: Date, today: Day) {
        self.connection = connection
        self.file = connection as? Database
        self.register = register
        self.command = command
        self.actor = actor
        self.now = now
        self.today = today
    }

    /// Appends one audit row to this write.
    func audit(_ entry: AuditEntry) throws {
        try AuditTable.insert(entry, command: command, actor: actor, at: now, in: connection)
    }
}
