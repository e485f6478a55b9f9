/// Why a file cannot be read as a workbook, or one of its cells as a value. Cells and
/// ranges are named as in the sheet being read (`C7`, `A1:B1`); the wording for a person
/// is the caller's, in the caller's languages.
public enum SpreadsheetError: Error, Equatable, Sendable {
    /// Not a ZIP container with a workbook part in it.
    case notAWorkbook
    /// An Excel 97–2003 `.xls` file (an OLE2 compound document).
    case legacyExcel
    /// A password-protected workbook: an OLE2 container holding `EncryptionInfo`.
    case encrypted
    /// No sheet of this name; `available` lists the workbook's sheets in order.
    case missingSheet(String, available: [String])
    /// The workbook's XML cannot be read (damaged part); `part` names it.
    case damaged(part: String, reason: String)
    /// A formula cell saved without its computed value (written by a program that does not
    /// compute formulas): the value cannot be known without a spreadsheet program.
    case formulaWithoutValue(cell: String)
    /// Cells of the header row are merged: the columns under them have no name.
    case mergedHeader(range: String)
}
