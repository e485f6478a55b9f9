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
    let db: Database
    /// The command line recorded in the audit rows of this write.
    let command: String
    /// Who the audit rows of this write name.
    let actor: String
    let now: Date
    let today: Day

    /// Appends one audit row to this write.
    func audit(_ entry: AuditEntry) throws {
        try AuditTable.insert(entry, command: command, actor: actor, at: now, in: db)
    }
}
