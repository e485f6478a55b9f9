import Foundation

/// A moment as the register writes it beside a session or in the server's log: ISO 8601 in
/// UTC to the second (`2026-12-01T15:49:46Z`), the text `ISO8601DateFormatter` gives.
///
/// A value-type format style, made once and shared by every request: a new
/// `ISO8601DateFormatter` per request (one to check the session, one for the access log)
/// was a tenth of the server's time on a member's page (BENCHMARKS.md), and one formatter
/// shared between threads is not safe on Linux.
public enum Timestamp {
    private static let style = Date.ISO8601FormatStyle()

    public static func text(_ date: Date) -> String { style.format(date) }
}
