import GRDB
import UnionRegister

/// The histories an import has touched, as the import has left them so far.
///
/// A real import writes each row before reading the next, so the database alone would do;
/// a dry run writes nothing, and without this cache a file that transfers a member and
/// later matures them would be judged against the history before the transfer.
struct MemberHistories {
    private var cache: [String: (id: Int64, member: Member, history: MembershipHistory)] = [:]

    /// The member with this code and their history so far, or a problem for the row.
    mutating func find<Column>(_ code: String, for row: CSVRow<Column>, column: Column, in db: Database) throws
        -> (id: Int64, member: Member, history: MembershipHistory) {
        if let known = cache[code] { return known }
        guard let (id, member) = try? MemberTable.find(code, in: db) else {
            throw row.problem(column, RegisterError.unknownMember(code).message)
        }
        let entry = (id, member, try MemberTable.history(memberID: id, in: db))
        cache[code] = entry
        return entry
    }

    mutating func update(_ code: String, to history: MembershipHistory) {
        cache[code]?.history = history
    }
}
