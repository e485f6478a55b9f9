/// Formula neutralisation for CSV (docs/SECURITY.md, "Output"): a spreadsheet opening a cell that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return may run it as a formula
/// (`=HYPERLINK(…)`, `@SUM(A1)`), so every CSV sodoan writes puts an apostrophe before such
/// a cell, the usual mark spreadsheets read as "text, not formula" and do not show. The
/// import reads that apostrophe away again, so an export imports back unchanged.
public enum CSVFormula {
    /// The characters a spreadsheet may read as the start of a formula.
    static func startsFormula(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first == "=" || first == "+" || first == "-" || first == "@" || first == "\t" || first == "\r"
    }

    /// The cell as written to a CSV file.
    public static func neutralised(_ cell: String) -> String {
        startsFormula(cell[...]) ? "'" + cell : cell
    }

    /// The cell as read from a CSV file: one apostrophe before a formula start removed.
    public static func restored(_ cell: String) -> String {
        cell.hasPrefix("'") && startsFormula(cell.dropFirst()) ? String(cell.dropFirst()) : cell
    }
}
