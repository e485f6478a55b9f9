import Spreadsheet
import UnionRegister

/// One thing wrong with an input file, pointing at the cell: file, line, column, reason.
public struct ImportProblem: Sendable, Equatable {
    public var file: String
    /// 1-based line of the file where the record starts.
    public var line: Int
    /// The column's English name (`birth_date`), or nil when the whole row or file is at fault.
    public var column: String?
    public var message: Text
    /// For a workbook: the sheet, and the letters of the cell's column when one cell is at
    /// fault (`line` is then the sheet's row number).
    public var sheet: String?
    public var sheetColumn: String?

    public init(file: String, line: Int, column: String?, message: Text, sheet: String? = nil, sheetColumn: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.sheet = sheet
        self.sheetColumn = sheetColumn
    }

    /// Where the problem is, as its file's own notation names it: `members.csv:7` for a
    /// CSV line, `members.xlsx: Sheet1!C7` for a cell and `members.xlsx: Sheet1!7:7` for a
    /// whole row of a sheet; the file alone when the whole file is at fault (line 0).
    public var place: String {
        guard line > 0 else { return file }
        guard let sheet else { return "\(file):\(line)" }
        let prefix = CellReference.sheetPrefix(sheet)
        return "\(file): " + prefix + (sheetColumn.map { "\($0)\(line)" } ?? "\(line):\(line)")
    }
}

extension ImportReport {
    /// A row about something the register already keeps: unchanged when its facts are the
    /// kept ones, else the `conflict` problem (an import does not edit what history hangs on).
    mutating func countUnchanged<T: Equatable>(_ given: T, kept: T, conflict: @autoclosure () -> ImportProblem) throws {
        guard given == kept else { throw conflict() }
        unchanged += 1
    }
}

/// What an import did, or with `--dry-run` would do.
public struct ImportReport: Sendable, Equatable {
    public var file: String
    /// Data rows read (the header not counted).
    public var rows = 0
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    /// Rows that stop the import: with any of them, nothing is written.
    public var problems: [ImportProblem] = []
    /// Rows that are imported but deserve a look (a likely duplicate person).
    public var warnings: [ImportProblem] = []

    public init(file: String) { self.file = file }
}

/// An import refused because of the problems in its report; nothing was written.
public struct ImportRefused: Error, Sendable {
    public var report: ImportReport
}

/// How far a long import or export has gone, for a progress line on a terminal.
public struct BulkProgress: Sendable {
    public var rows: Int
    /// Bytes of the input read so far and in all (0 when unknown, as for an export).
    public var bytesDone: Int
    public var bytesTotal: Int

    public init(rows: Int, bytesDone: Int, bytesTotal: Int) {
        self.rows = rows
        self.bytesDone = bytesDone
        self.bytesTotal = bytesTotal
    }
}
