/// The office rules replayed on the offices a register keeps, for `sodoan check`: an office
/// written behind sodoan's back (a second secretary, a term in a closed unit, a holder not
/// in the unit) is found by the same `OfficeRule` that refuses it on the way in.
public enum OfficeConsistency {
    /// `facts` are the members' by code, `units` every unit by code.
    public static func check(_ offices: [Office], facts: [String: MemberFacts], units: [String: Unit], today: Day) -> [Finding] {
        // The unit's code and its ancestors', bounded by the number of units (a cycle ends it).
        func lineage(_ code: String) -> [String] {
            var codes: [String] = [], next: String? = code
            while let current = next, codes.count <= units.count {
                codes.append(current)
                next = units[current]?.parentCode
            }
            return codes
        }
        let byUnit = Dictionary(grouping: offices.indices, by: { offices[$0].unitCode })
        return offices.indices.compactMap { index in
            let office = offices[index]
            guard let holder = facts[office.memberCode], let unit = units[office.unitCode] else { return nil }
            let others = (byUnit[office.unitCode] ?? []).filter { $0 != index }.map { offices[$0] }
            do {
                try OfficeRule.check(office, holder: holder.member, history: holder.history, unit: unit, lineage: lineage,
                                     others: others, today: today)
                return nil
            } catch let refusal as RegisterError {
                return Finding(.error, code: refusal.rule?.code ?? "office", subject: office.memberCode, refusal.message)
            } catch {
                return nil
            }
        }
    }
}
