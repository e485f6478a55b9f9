import GRDB
import UnionRegister


/// `sodoan export`: every `DataKind` comes out in exactly the columns its import reads and
/// in an order the import accepts (parents before children, each member's events and
/// referral steps by date), so exporting every kind with `--include-personal` and
/// importing the files in `DataKind` order into a new register rebuilds the same register
/// (the same report fingerprint). Without it the members file leaves the personal columns
/// out (`MemberColumn.isPersonal`), birth dates included, so it cannot create members.
extension Register {
    /// The header of an export: the import's column names.
    public static func exportHeader(_ kind: DataKind, includePersonal: Bool) -> [String] {
        kind.columns.filter { includePersonal || !$0.isPersonal }.map(\.name)
    }

    /// Streams the rows of an export, in code order, to `body` (empty cells as ""), from
    /// one read transaction. With `unitCode`, only that unit's subtree: its units, and the
    /// members whose latest unit is in it. Personal columns are left out unless `includePersonal`.
    public func export(_ kind: DataKind, unitCode: String?, includePersonal: Bool,
                       _ body: ([String]) throws -> Void) throws {
        try readSQL { db in
            let unitID = try unitCode.map { try UnitTable.find($0, in: db).id }
            // The unit of the member's latest event, whatever its date.
            let latestEvent = MembershipSQL.lastEventID(memberColumn: "m.id", dayArgument: "'9999-12-31'")
            let latestUnit = "(SELECT lu.unit_id FROM membership_event lu WHERE lu.id = \(latestEvent))"
            // The event that brought the member into the register: their admission, arrival or stay.
            let firstEvent = "(SELECT fe.id FROM membership_event fe WHERE fe.member_id = m.id ORDER BY fe.on_date, fe.id LIMIT 1)"
            /// Unit `column` is the unit exported or below it now.
            func inSubtree(_ column: String) -> String {
                "\(column) IN (SELECT descendant_id FROM unit_closure c WHERE ancestor_id = :unit AND \(UnitTreeSQL.current("c")))"
            }
            let filter = unitID == nil ? "" : "WHERE \(inSubtree(latestUnit))"
            // The start month and the rates are the whole register's.
            let wholeRegisterOnly = unitID == nil ? "" : "WHERE false"
            let unitFilter = unitID == nil ? "" : "WHERE \(inSubtree("u.id"))"
            let sql: String
            switch kind {
            case .units:
                // Each unit as it was added (its first name and parent), parents first in
                // that first tree, the roots in the order added (the register's own root
                // first: `Register.load` makes it of the first row); the unit-changes file
                // replays the renames and moves.
                let depth = "(SELECT MAX(depth) FROM unit_closure c WHERE descendant_id = u.id AND c.from_on IS NULL)"
                sql = """
                    SELECT u.code, \(UnitTreeSQL.name(on: "''")), u.kind, p.code, u.opened_on, u.closed_on FROM \(UnitTable.from(on: "''"))
                    \(unitFilter)
                    ORDER BY \(depth), CASE WHEN \(depth) = 0 THEN u.id END, u.code
                    """
            case .unitChanges:
                // In the order recorded, which is the order the rules accepted them in.
                sql = """
                    SELECT \(UnitChangeTable.columns) FROM \(UnitChangeTable.from)
                    \(unitID == nil ? "" : "WHERE \(inSubtree("c.unit_id"))") ORDER BY c.id
                    """
            case .events:
                // Each member's first event (admission, arrival or stay) is the members file;
                // expulsions come with their discipline row.
                sql = """
                    SELECT m.code, e.kind, e.on_date, u.code, e.reason, e.place, e.letter_no, e.until_on
                    FROM member m JOIN membership_event e ON e.member_id = m.id JOIN unit u ON u.id = e.unit_id
                    \(filter.isEmpty ? "WHERE" : filter + " AND") e.kind <> 'expelled' AND e.id <> \(firstEvent)
                    ORDER BY e.on_date, e.id
                    """
            case .discipline:
                sql = """
                    SELECT m.code, d.level, d.on_date, d.reason FROM member m JOIN discipline d ON d.member_id = m.id
                    \(filter) ORDER BY d.on_date, d.id
                    """
            case .members:
                sql = """
                    SELECT m.code, m.full_name, m.birth_date, m.gender, u.code AS unit, m.joined_on, m.education,
                           m.id_number, m.phone, m.email, m.workplace, m.party_joined_on,
                           CASE WHEN a.kind <> 'admitted' THEN a.on_date END, a.place, a.letter_no, a.until_on,
                           m.ethnicity, m.religion, m.qualification, m.theory_level, m.central_id
                    FROM member m
                    JOIN membership_event a ON a.id = \(firstEvent)
                    JOIN unit u ON u.id = a.unit_id
                    \(filter) ORDER BY m.code
                    """
            case .offices:
                sql = """
                    SELECT m.code, u.code, o.role, o.from_on, o.to_on, o.title
                    FROM member m JOIN office o ON o.member_id = m.id JOIN unit u ON u.id = o.unit_id
                    \(filter) ORDER BY o.from_on, o.id
                    """
            case .grades:
                sql = "SELECT m.code, g.year, g.grade FROM member m JOIN grade g ON g.member_id = m.id \(filter) ORDER BY m.code, g.year"
            case .unitGrades:
                sql = "SELECT u.code, g.year, g.grade FROM unit u JOIN unit_grade g ON g.unit_id = u.id \(unitFilter) ORDER BY u.code, g.year"
            case .trainings:
                sql = """
                    SELECT m.code, t.kind, t.started_on, t.completed_on, t.provider, t.certificate_no, t.result
                    FROM member m JOIN training t ON t.member_id = m.id \(filter) ORDER BY m.code, t.completed_on, t.id
                    """
            case .dues:
                // The start month and the rates first, then each member's classes,
                // exemptions and payments, in the order an import replays them.
                sql = """
                    SELECT record, code, class, from_month, through, on_date, amount, decision_no, reason FROM (
                        SELECT 0 AS rank, 'start' AS record, NULL AS code, NULL AS class, kept_from AS from_month,
                               NULL AS through, NULL AS on_date, NULL AS amount, NULL AS decision_no, NULL AS reason, 0 AS seq
                        FROM dues_start \(wholeRegisterOnly)
                        UNION ALL
                        SELECT 1, 'rate', NULL, class, from_month, NULL, NULL, amount, NULL, NULL, 0
                        FROM dues_rate \(wholeRegisterOnly)
                        UNION ALL
                        SELECT 2, 'class', m.code, c.class, c.from_month, NULL, NULL, NULL, NULL, NULL, 0
                        FROM member m JOIN member_dues_class c ON c.member_id = m.id \(filter)
                        UNION ALL
                        SELECT 2, 'exemption', m.code, NULL, x.from_month, x.to_month, NULL, NULL, x.decision_no, x.reason, 1
                        FROM member m JOIN dues_exemption x ON x.member_id = m.id \(filter)
                        UNION ALL
                        SELECT 2, 'payment', m.code, NULL, p.from_month, p.through_month, p.on_date, p.amount, NULL, NULL, 2
                        FROM member m JOIN dues_payment p ON p.member_id = m.id \(filter)) AS dues
                    ORDER BY rank, code, seq, class, from_month
                    """
            case .referrals:
                sql = """
                    SELECT m.code, s.stage, s.on_date, s.convened, s.present, s.votes_for, s.resolution_no, s.decision_no, s.reason
                    FROM member m JOIN referral r ON r.member_id = m.id JOIN referral_step s ON s.referral_id = r.id
                    \(filter) ORDER BY m.code, r.id, s.on_date, s.id
                    """
            }
            let personal = includePersonal ? [] : Set(kind.columns.indices.filter { kind.columns[$0].isPersonal })
            try Self.exportRows(sql, sql.contains(":unit") ? ["unit": unitID] : .none, leavingOut: personal, in: db, body)
        }
    }

    /// Hands `body` each row of `sql` as its cells (a number in digits, NULL as ""), but the
    /// columns at `personal`. On a file GRDB's cursor is read in place, as the export of a
    /// million members read it before it ran on two engines; another engine gives its rows,
    /// whose values (the STRICT tables' integers and texts) come out the same.
    private static func exportRows(_ sql: String, _ arguments: SQLArguments, leavingOut personal: Set<Int>,
                                   in connection: any SQLConnection, _ body: ([String]) throws -> Void) throws {
        guard let db = connection as? Database else {
            return try connection.forEachRow(sql, arguments) { row in
                try body(row.values.indices.filter { !personal.contains($0) }.map { index in
                    switch row.values[index] {
                    case .null: return ""
                    case .integer(let number): return String(number)
                    case .text(let text): return text
                    case let other: throw StoredValue.damaged(row.columns[index], "\(other)")
                    }
                })
            }
        }
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments.statementArguments)
        while let row = try rows.next() {
            var cells: [String] = []
            cells.reserveCapacity(row.count)
            for index in 0..<row.count where !personal.contains(index) {
                cells.append(String.fromDatabaseValue(row[index]) ?? (row[index] as Int64?).map(String.init) ?? "")
            }
            try body(cells)
        }
    }
}
