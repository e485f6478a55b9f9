import UnionRegister

/// A member's dues as `dues status` lists them: the account and the branch they are in.
public struct DuesStanding: Sendable {
    public var account: DuesAccount
    public var unitCode: String
}

extension Register {
    public func duesSchedule() throws -> DuesSchedule {
        try readSQL { db in try DuesTable.schedule(in: db) }
    }

    public func duesKeptFrom() throws -> Month {
        try readSQL { db in try DuesTable.keptFrom(in: db) }
    }

    /// Sets the month the register keeps dues from: nobody owes for months before it.
    public func setDuesKeptFrom(_ month: Month) throws {
        try write { tx in
            let old = try DuesTable.keptFrom(in: tx.connection)
            guard old != month else { return ((), nil) }
            try DuesTable.setKeptFrom(month, in: tx.connection)
            return ((), AuditEntry(action: "dues.start", oldValue: AuditEntry.json(old), newValue: AuditEntry.json(month)))
        }
    }

    public func setDuesRate(_ rate: DuesRate) throws {
        try write { tx in
            let old = try tx.setDuesRate(rate)
            guard old != rate else { return ((), nil) }
            return ((), AuditEntry(action: "dues.rate", oldValue: AuditEntry.json(old), newValue: AuditEntry.json(rate)))
        }
    }

    public func setDuesClass(_ code: String, _ change: DuesClassChange) throws {
        try write { tx in
            let (id, member) = try MemberTable.find(code, in: tx.connection)
            let old = try tx.setDuesClass(memberID: id, change)
            return ((), AuditEntry(action: "dues.class", memberCode: member.code, oldValue: AuditEntry.json(old),
                                   newValue: AuditEntry.json(change)))
        }
    }

    @discardableResult
    public func payDues(_ code: String, through: Month, amount: Int64?, on day: Day) throws -> DuesPayment {
        try write { tx in
            let (id, member) = try MemberTable.find(code, in: tx.connection)
            let payment = try tx.payDues(memberID: id, through: through, amount: amount, on: day)
            return (payment, AuditEntry(action: "dues.pay", memberCode: member.code, newValue: AuditEntry.json(payment)))
        }
    }

    public func exemptDues(_ code: String, _ exemption: DuesExemption) throws {
        var exemption = exemption
        exemption.reason = VietnameseText.normalized(exemption.reason)
        try write { tx in
            let (id, member) = try MemberTable.find(code, in: tx.connection)
            try tx.exemptDues(memberID: id, exemption)
            return ((), AuditEntry(action: "dues.exempt", memberCode: member.code, newValue: AuditEntry.json(exemption)))
        }
    }

    public func duesAccount(_ code: String) throws -> DuesAccount {
        try readSQL { db in
            let id = try MemberTable.find(code, in: db).id
            return try DuesTable.accounts(ofMembers: "SELECT :member", arguments: ["member": id], in: db)[0]
        }
    }

    /// The active members of `unitCode`'s subtree (the whole register when nil) on `day`,
    /// with their dues, in Vietnamese name order.
    public func duesStandings(unitCode: String?, on day: Day) throws -> [DuesStanding] {
        try readSQL { db in
            let (members, arguments) = try MembershipSQL.activeMembers(of: unitCode, on: day, in: db)
            return try DuesTable.accounts(ofMembers: members, arguments: arguments, in: db).compactMap { account in
                account.history.status(on: day).activeUnitCode.map { DuesStanding(account: account, unitCode: $0) }
            }
        }
    }

    /// The dues flows of `unitCode`'s subtree (the whole register when nil) over the days of
    /// `period`: collected by the day payments were received, members owing at its end.
    public func duesReport(unitCode: String?, period: ReportPeriod) throws -> (flow: DuesFlow, fingerprint: String) {
        let fingerprint = try fingerprint()
        let flow = try readSQL { db -> DuesFlow in
            let top = try unitCode.map { try UnitTable.find($0, in: db).unit } ?? UnitTable.root(in: db).unit
            let units = try UnitTable.subtree(of: top.code, in: db)
            let children = Dictionary(grouping: units.filter { $0.code != top.code }, by: { $0.parentCode ?? "" })
            let collected = try DuesTable.collected(from: period.from, to: period.to, in: db)
            let (members, arguments) = try MembershipSQL.activeMembers(of: top.code, on: period.to, in: db)
            var owing: [String: Int] = [:]
            for account in try DuesTable.accounts(ofMembers: members, arguments: arguments, in: db)
            where account.behind(on: period.to.adding(days: 1)).count >= DuesFlow.owingMonths {
                if let unit = account.history.status(on: period.to).activeUnitCode { owing[unit, default: 0] += 1 }
            }
            return DuesFlow(top, collected: collected, owing: owing, children: children)
        }
        return (flow, fingerprint)
    }
}
