import UnionRegister

/// Reads the values the schema's CHECK constraints guard (dates, codes of enums, years)
/// without trusting them: a row written behind sodoan's back (with the checks switched off
/// in the sqlite3 shell) may hold anything, and must give a refusal that says so, not a
/// crash. They read GRDB's rows and engine-neutral ones alike (`StoredRow`).
enum StoredValue {
    static func day(_ row: some StoredRow, _ column: String) throws -> Day {
        let text = try row.text(column)
        guard let day = Day(parsing: text) else { throw damaged(column, text) }
        return day
    }

    static func optionalDay(_ row: some StoredRow, _ column: String) throws -> Day? {
        guard let text = try row.optionalText(column) else { return nil }
        return try day(row, column)
    }

    static func code<T: RawRepresentable>(_ row: some StoredRow, _ column: String) throws -> T where T.RawValue == String {
        let text = try row.text(column)
        guard let value = T(rawValue: text) else { throw damaged(column, text) }
        return value
    }

    /// A code counted by a report's SQL, named by its type in the refusal (`Gender`,
    /// `EducationLevel`, …) since the count no longer knows its row.
    static func code<T: RawRepresentable>(_ text: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else { throw damaged(String(describing: T.self), text) }
        return value
    }

    static func optionalCode<T: RawRepresentable>(_ row: some StoredRow, _ column: String) throws -> T? where T.RawValue == String {
        guard try row.optionalText(column) != nil else { return nil }
        return try code(row, column) as T
    }

    /// An ethnic group's stored code.
    static func optionalEthnicity(_ row: some StoredRow, _ column: String) throws -> Ethnicity? {
        guard let text = try row.optionalText(column) else { return nil }
        guard let group = Ethnicity(code: text) else { throw damaged(column, text) }
        return group
    }

    static func month(_ row: some StoredRow, _ column: String) throws -> Month {
        let text = try row.text(column)
        guard let month = Month(parsing: text) else { throw damaged(column, text) }
        return month
    }

    /// A calendar year a `Day` can hold.
    static func year(_ row: some StoredRow, _ column: String) throws -> Int {
        let year = try row.integer(column)
        guard (1...9999).contains(year) else { throw damaged(column, String(year)) }
        return Int(year)
    }

    static func damaged(_ column: String, _ value: String) -> RegisterError {
        RegisterError.badInput(Text(
            vi: "Sổ chứa giá trị \"\(value)\" ở cột \(column), giá trị sodoan không bao giờ ghi: tệp đã bị sửa ngoài sodoan.",
            en: "The register holds \"\(value)\" in the column \(column), a value sodoan never writes: the file was changed behind its back."),
            fix: Text(vi: "Chạy `sodoan check` để xem mọi dòng hỏng, rồi sửa chúng hoặc khôi phục từ bản sao.",
                      en: "Run `sodoan check` to see every damaged row, then repair them or restore a backup."))
    }
}
