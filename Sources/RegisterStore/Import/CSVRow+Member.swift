import UnionRegister

extension CSVRow {
    /// The member whose code is in `column`, or a problem pointing at that cell.
    func member(_ column: Column, in db: any SQLConnection) throws -> (id: Int64, member: Member) {
        let code = try required(column)
        guard let found = try? MemberTable.find(code, in: db) else {
            throw problem(column, RegisterError.unknownMember(code).message)
        }
        return found
    }
}
