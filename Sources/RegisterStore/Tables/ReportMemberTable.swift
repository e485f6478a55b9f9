import UnionRegister

/// `report_member` (migration 16): per member with an event, what the year-end report
/// counts about them, packed into three integers and the religion's text by the schema's
/// view `report_member_derived` and kept equal to it by triggers. The report's pass over
/// every member reads this one narrow row instead of `member_state` and eight text columns
/// of `member` (BENCHMARKS.md, issue 10, sixth round). Nothing in it is classified: the
/// schema writes each code as its position in its own list and each day as a number, and
/// this type reads them back into the domain's values, which classify (`MemberProfile`).
enum ReportMemberTable {
    /// Every member's row, in member order (the table's rowid order: no sort).
    static let scanSQL = "SELECT r.member_id, r.unit_id, r.state, r.profile, r.religion FROM report_member r ORDER BY r.member_id"

    /// The columns of `scanSQL`.
    enum Column {
        static let member: Int32 = 0, unit: Int32 = 1, state: Int32 = 2, profile: Int32 = 3, religion: Int32 = 4
    }

    /// The kind and unit of member `:member`'s last event on or before `:day`: the history,
    /// for a member whose latest event is later than the day and whose first is not.
    static let stateOnDaySQL = """
        SELECT e.kind, e.unit_id FROM membership_event e WHERE e.member_id = :member AND e.on_date <= :day
        ORDER BY e.on_date DESC, e.id DESC LIMIT 1
        """

    /// The event kinds in the order of the schema's list (migration 11), as `state` numbers them.
    static let kinds: [MembershipEventKind] = [.admitted, .transferred, .reorganised, .arrived, .left, .hosted, .away,
                                               .matured, .removed, .expelled, .deceased]

    /// The members whose row differs from what the view derives from `member_state` and
    /// `member` (missing, extra or with other values), by member code where the member
    /// exists (else `member #id`), at most `limit` of them, in member order.
    static func wrongRows(limit: Int, in db: any SQLConnection) throws -> [String] {
        try db.storedRows("""
            SELECT COALESCE(m.code, 'member #' || w.member_id) AS subject FROM (
                SELECT member_id FROM (SELECT * FROM report_member_derived EXCEPT SELECT * FROM report_member) missing
                UNION
                SELECT member_id FROM (SELECT * FROM report_member EXCEPT SELECT * FROM report_member_derived) extra
            ) w LEFT JOIN member m ON m.id = w.member_id
            ORDER BY w.member_id LIMIT ?
            """, .positional([.integer(Int64(limit))])) { row in try row.text("subject") }
    }

    /// Writes the row of every member with a latest event and no row: what the trigger on
    /// `member_state` would have written while a bulk import had it suspended (for the new
    /// members, and for a member of the register whose latest event was written again).
    static func fillMissing(in db: any SQLConnection) throws {
        try db.execute("""
            INSERT INTO report_member (member_id, unit_id, state, profile, religion)
            SELECT * FROM report_member_derived WHERE member_id IN (
                SELECT s.member_id FROM member_state s WHERE NOT EXISTS (SELECT 1 FROM report_member r WHERE r.member_id = s.member_id))
            ORDER BY member_id
            """, .none)
    }

    /// The days the schema writes as numbers: days since 1970-01-01 plus 2^20 (1048576).
    enum DayNumber {
        static let offset: Int64 = 1 << 20

        /// `Day.ordinal` of 1970-01-01, the day SQLite's `julianday(x) - 2440587.5` counts from.
        private static let unixEpoch = 719_468

        /// The number of `day` (proleptic Gregorian, as SQLite's julianday).
        static func of(_ day: Day) -> Int64 {
            Int64(day.ordinal - unixEpoch) + offset
        }

        /// The day numbered `number`, nil outside the days `Day` holds.
        static func day(_ number: Int64) -> Day? {
            Day(checkedOrdinal: Int(number - offset) + unixEpoch)
        }
    }

    /// A row's `state`: the latest event (its day and kind) and the first event's day.
    struct State {
        let latestDay: Int64
        let firstDay: Int64
        /// Position in `kinds`; another number is a text sodoan never writes.
        let kind: Int

        init(_ packed: Int64) {
            kind = Int(packed & 15)
            firstDay = (packed >> 4) & 0x1F_FFFF
            latestDay = packed >> 25
        }
    }

    /// A row's `profile`: the codes as positions in their lists and the two days' numbers.
    struct Profile {
        let gender: Int, education: Int, theory: Int, ethnicity: Int
        let born: Int64
        /// 0: not a Party member before the register knew them.
        let party: Int64

        init(_ packed: Int64) {
            party = packed & 0x1F_FFFF
            born = (packed >> 21) & 0x1F_FFFF
            let facets = Int(packed >> 42)
            gender = facets & 3
            education = (facets >> 2) & 15
            theory = (facets >> 6) & 7
            ethnicity = facets >> 9
        }
    }
}
