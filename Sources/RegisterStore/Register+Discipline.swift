import UnionRegister

extension Register {
    /// Records a discipline decision; an expulsion also ends membership on its date, in the
    /// same transaction.
    public func addDiscipline(_ code: String, _ record: DisciplineRecord) throws {
        var record = record
        record.reason = VietnameseText.normalized(record.reason)
        try write { tx in
            let (id, member) = try MemberTable.find(code, in: tx.connection)
            return ((), try tx.recordDiscipline(memberID: id, member, record))
        }
    }
}
