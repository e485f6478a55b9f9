/// Rows of a query keyed by their `member_id` column, each member's in the query's order:
/// how the set-based loaders (`MemberFactsTable`, `DuesTable`) read one kind of record for
/// many members in one query, on either engine (a file's rows read in place,
/// `SQLConnection.forEachStoredRow`).
func rowsByMember<T>(_ sql: String, arguments: SQLArguments, in db: any SQLConnection,
                     _ make: (any StoredRow) throws -> T) throws -> [Int64: [T]] {
    var result: [Int64: [T]] = [:]
    try db.forEachStoredRow(sql, arguments) { row in result[try row.integer("member_id"), default: []].append(try make(row)) }
    return result
}
