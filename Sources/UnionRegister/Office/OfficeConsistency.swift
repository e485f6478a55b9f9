/// The office rules replayed on the offices a register keeps, for `sodoan check`: an office
/// written behind sodoan's back (a second secretary, a term in a closed unit, a holder not
/// in the unit) is found by the same `OfficeRule` that refuses it on the way in.
public enum OfficeConsistency {
    /// `facts` are the members' by code, `units` every unit by code, and `tree` the units'
    /// parents over time: an office is judged by the tree of its first day, as it was when
    /// it was given (a branch moved since does not make it wrong).
    public static func check(_ offices: [Office], facts: [String: MemberFacts], units: [String: Unit], tree: UnitLineage<String>,
                             today: Day) -> [Finding] {
        let byUnit = Dictionary(grouping: offices.indices, by: { offices[$0].unitCode })
        return offices.indices.compactMap { index in
            let office = offices[index]
            guard let holder = facts[office.memberCode], let unit = units[office.unitCode] else { return nil }
            let others = (byUnit[office.unitCode] ?? []).filter { $0 != index }.map { offices[$0] }
            do {
                try OfficeRule.check(office, holder: holder.member, history: holder.history, unit: unit,
                                     // A tree that loops (which check names) judges no office's place.
                                     lineage: { (try? tree.chain(of: $0, on: office.from)) ?? Array(units.keys) },
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
