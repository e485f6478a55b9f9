/// One row of a sheet that holds at least one value.
public struct SheetRow: Sendable, Equatable {
    /// 1-based row number, as the spreadsheet shows it.
    public var number: Int
    /// The row's non-empty cells, in column order.
    public var cells: [SheetCell]
}
