import GRDB

/// Rows of a query keyed by their `member_id` column, each member's in the query's order:
/// how the set-based loaders (`MemberFactsTable`, `DuesTable`) read one kind of record for
/// many members in one query.
func rowsByMember<T>(_ sql: String, arguments: StatementArguments, in db: Database,
                     _ make: (Row) throws -> T) throws -> [Int64: [T]] {
    var result: [Int64: [T]] = [:]
    let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
    while let row = try rows.next() { result[row["member_id"], default: []].append(try make(row)) }
    return result
}
