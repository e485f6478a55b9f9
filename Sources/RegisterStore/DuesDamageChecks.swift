import UnionRegister

/// The dues tables' share of `DamageChecks`: values the schema's CHECK constraints keep
/// out, found when a change behind sodoan's back switched those off. A month that is not
/// a month or a class no enum has makes the dues unreadable (the account's own checks then
/// cannot run); an amount or a span out of bounds is readable but wrong.
extension DamageChecks {
    /// Impossible months and classes, one finding per row.
    static func impossibleDuesValues(in db: any SQLConnection) throws -> [Finding] {
        let months = monthColumns.map { column in
            ("SELECT \(column.subject), t.\(column.name) FROM \(column.table) t \(column.join) WHERE \(db.dialect.notAMonth("t.\(column.name)"))",
             { (value: String) in Text(vi: "\(column.table).\(column.name) là \"\(value)\", không phải một tháng có thật (YYYY-MM).",
                                       en: "\(column.table).\(column.name) is \"\(value)\", not a month that exists (YYYY-MM).") })
        }
        let codes = DuesClass.allCases.map(\.rawValue)
        let list = codes.map { "'\($0)'" }.joined(separator: ", ")
        let classes = ["dues_rate", "member_dues_class"].map { table in
            let column = column(table, "class")
            return ("SELECT \(column.subject), t.class FROM \(table) t \(column.join) WHERE t.class NOT IN (\(list))",
                    { (value: String) in Text(vi: "\(table).class là \"\(value)\", không phải mã hợp lệ (\(codes.joined(separator: ", "))).",
                                              en: "\(table).class is \"\(value)\", not a valid code (\(codes.joined(separator: ", "))).") })
        }
        let start = ("SELECT 'dues', 'dues_start' WHERE NOT EXISTS (SELECT 1 FROM dues_start)",
                     { (_: String) in Text(vi: "Thiếu dòng dues_start (tháng bắt đầu tính đoàn phí).",
                                           en: "The dues_start row (the month dues are kept from) is missing.") })
        return try rows(in: db, code: "impossible-value", months + classes + [start])
    }

    /// Amounts and spans outside what the dues writes accept (docs/DOMAIN.md#union-dues).
    static func duesBounds(in db: any SQLConnection) throws -> [Finding] {
        let payment = column("dues_payment", "amount"), exemption = column("dues_exemption", "to_month")
        return try rows(in: db, code: "dues-value", [
            ("SELECT 'dues', t.class || ' ' || t.from_month || ': ' || t.amount FROM dues_rate t WHERE t.amount NOT BETWEEN 1 AND \(DuesRate.maximum)",
             { Text(vi: "Mức đoàn phí \($0) đồng ngoài 1–\(DuesRate.maximum) đồng.", en: "The dues rate \($0) VND is outside 1–\(DuesRate.maximum) VND.") }),
            ("SELECT \(payment.subject), t.on_date || ': ' || t.amount FROM dues_payment t \(payment.join) WHERE t.amount < 1 OR t.from_month > t.through_month",
             { Text(vi: "Lần nộp đoàn phí \($0) không hợp lệ (số tiền phải dương, tháng đầu không sau tháng cuối).",
                    en: "The dues payment \($0) is not valid (the amount must be positive, the first month not after the last).") }),
            ("""
             SELECT \(exemption.subject), t.from_month || '…' || t.to_month FROM dues_exemption t \(exemption.join)
             WHERE t.from_month > t.to_month
                OR \(db.dialect.monthNumber("t.to_month")) - \(db.dialect.monthNumber("t.from_month")) >= \(DuesExemption.longest)
             """,
             { Text(vi: "Miễn đoàn phí \($0) không hợp lệ: tối đa \(DuesExemption.longest) tháng, tháng đầu không sau tháng cuối.",
                    en: "The dues exemption \($0) is not valid: at most \(DuesExemption.longest) months, the first not after the last.") }),
        ])
    }

    private static let monthColumns = [
        column("dues_start", "kept_from"), column("dues_rate", "from_month"), column("member_dues_class", "from_month"),
        column("dues_payment", "from_month"), column("dues_payment", "through_month"),
        column("dues_exemption", "from_month"), column("dues_exemption", "to_month"),
    ]
}
