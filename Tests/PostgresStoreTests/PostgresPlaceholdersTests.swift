@testable import PostgresStore
import RegisterStore
import Testing

/// The numbering of SQLite's placeholders for PostgreSQL: what is a placeholder and what
/// only looks like one.
@Suite("SQLite placeholders numbered for PostgreSQL")
struct PostgresPlaceholdersTests {
    @Test func positionalPlaceholdersAreNumberedInOrder() throws {
        let (sql, values) = try PostgresPlaceholders.numbered("INSERT INTO unit (code, parent_id) VALUES (?, ?)", ["YT", Int64?.none])
        #expect(sql == "INSERT INTO unit (code, parent_id) VALUES ($1, $2)")
        #expect(values == [.text("YT"), .null])
    }

    @Test func aNameUsedTwiceGetsOneNumber() throws {
        let (sql, values) = try PostgresPlaceholders.numbered("SELECT 1 WHERE a <= :day AND (b IS NULL OR b > :day) AND c = :unit", ["day": "2024-01-01", "unit": 7])
        #expect(sql == "SELECT 1 WHERE a <= $1 AND (b IS NULL OR b > $1) AND c = $2")
        #expect(values == [.text("2024-01-01"), .integer(7)])
    }

    @Test func stringsQuotedNamesCommentsAndCastsAreLeftAlone() throws {
        let (sql, values) = try PostgresPlaceholders.numbered("""
            SELECT 'what? :no', 'it''s ?', "odd?:name", x::text -- a comment? :none
            FROM t WHERE y = ?
            """, [1])
        #expect(sql == """
            SELECT 'what? :no', 'it''s ?', "odd?:name", x::text -- a comment? :none
            FROM t WHERE y = $1
            """)
        #expect(values == [.integer(1)])
    }

    @Test func placeholdersThatDoNotMatchTheirArgumentsAreRefused() {
        #expect(throws: (any Error).self) { try PostgresPlaceholders.numbered("SELECT ?, ?", [1]) }
        #expect(throws: (any Error).self) { try PostgresPlaceholders.numbered("SELECT ?", [1, 2]) }
        #expect(throws: (any Error).self) { try PostgresPlaceholders.numbered("SELECT :day", ["unit": 1]) }
        #expect(throws: (any Error).self) { try PostgresPlaceholders.numbered("SELECT :day", [1]) }
    }
}
