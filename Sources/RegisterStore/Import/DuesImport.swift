import Foundation
import UnionRegister

/// The columns of a dues book: one dated record a row, of the kind `record` names.
public enum DuesColumn: String, CSVColumns {
    /// `start` (the month dues are kept from), `rate`, `class`, `exemption` or `payment`.
    case record
    case code
    case `class`
    case from
    /// The last month of a payment or an exemption.
    case through
    case on
    case amount
    case decisionNo = "decision_no"
    case reason

    public var aliases: [String] {
        switch self {
        case .record: return ["Loại bản ghi"]
        case .code: return ["Số thẻ", "Mã", "Mã đoàn viên"]
        case .class: return ["Loại đoàn phí"]
        case .from: return ["Từ tháng"]
        case .through: return ["Đến tháng"]
        case .on: return ["Ngày đóng"]
        case .amount: return ["Số tiền"]
        case .decisionNo: return ["Số quyết định"]
        case .reason: return ["Lý do"]
        }
    }

    public var isRequired: Bool { self == .record || self == .from }
}

/// One run of `import dues`: each row is checked as the matching `dues` command checks it,
/// in the order of the file (an export writes the start month and the rates first, then
/// each member's classes, exemptions and payments). A payment keeps the amount the file
/// records, so that a register's own export comes back unchanged even after its rates
/// moved; one that differs from what its months cost at the rates in the file is imported
/// with a warning.
struct DuesImport: RowImport {
    var report: ImportReport

    static let action = "dues.import"
    static let ruleColumns: [RuleCode: DuesColumn] = [
        .duesAmount: .amount, .duesExemption: .through, .duesMonths: .through, .duesRate: .amount,
    ]

    init(file: String) {
        report = ImportReport(file: file)
    }

    enum Record: String, CaseIterable {
        case start, rate, `class`, exemption, payment
    }

    mutating func importRow(_ row: CSVRow<DuesColumn>, in tx: WriteTransaction) throws {
        let record = try row.required(.record, as: Text(vi: "loại bản ghi (start, rate, class, exemption, payment)",
                                                        en: "record (start, rate, class, exemption, payment)"), Record.init(rawValue:))
        let from = try row.required(.from, as: Self.monthText, Month.init(parsing:))
        switch record {
        case .start:
            if try DuesTable.keptFrom(in: tx.connection) == from { report.unchanged += 1; return }
            try DuesTable.setKeptFrom(from, in: tx.connection)
            report.updated += 1
        case .rate:
            let rate = DuesRate(try duesClass(row), from: from, amount: try row.required(.amount, as: Self.amountText, Amount.parse))
            let old = try tx.setDuesRate(rate)
            count(changed: old != rate, new: old == nil)
        case .class:
            let (id, _) = try row.member(.code, in: tx.connection)
            let change = DuesClassChange(try duesClass(row), from: from)
            if try tx.duesAccount(memberID: id).classes.contains(change) { report.unchanged += 1; return }
            _ = try tx.setDuesClass(memberID: id, change)
            report.added += 1
        case .exemption:
            let (id, _) = try row.member(.code, in: tx.connection)
            let exemption = DuesExemption(from: from, to: try row.required(.through, as: Self.monthText, Month.init(parsing:)),
                                          decisionNo: try row.required(.decisionNo), reason: VietnameseText.normalized(try row.required(.reason)))
            if try tx.duesAccount(memberID: id).exemptions.contains(exemption) { report.unchanged += 1; return }
            try tx.exemptDues(memberID: id, exemption)
            report.added += 1
        case .payment:
            try importPayment(row, from: from, in: tx)
        }
    }

    private mutating func importPayment(_ row: CSVRow<DuesColumn>, from: Month, in tx: WriteTransaction) throws {
        let (id, member) = try row.member(.code, in: tx.connection)
        let payment = DuesPayment(on: try row.requiredDay(.on), from: from,
                                  through: try row.required(.through, as: Self.monthText, Month.init(parsing:)),
                                  amount: try row.required(.amount, as: Self.amountText, Amount.parse))
        let account = try tx.duesAccount(memberID: id)
        if account.payments.contains(payment) { report.unchanged += 1; return }
        let expected = try account.payment(through: payment.through, amount: nil, on: payment.on,
                                           schedule: try DuesTable.schedule(in: tx.connection), today: tx.today)
        guard expected.from == payment.from else {
            throw row.problem(.from, Text(
                vi: "Khoản đóng của \(member.code) phải bắt đầu từ tháng \(expected.from.vietnamese), tháng sau tháng đã đóng gần nhất.",
                en: "\(member.code)'s payment must start in \(expected.from), the month after the last one paid."))
        }
        if expected.amount != payment.amount {
            report.warnings.append(row.problem(.amount, Text(
                vi: "Theo mức đoàn phí, các tháng này là \(expected.amount) đồng; tệp ghi \(payment.amount) đồng.",
                en: "At the rates, these months cost \(expected.amount) VND; the file records \(payment.amount) VND.")))
        }
        try DuesTable.insert(payment, memberID: id, in: tx.connection)
        report.added += 1
    }

    private func duesClass(_ row: CSVRow<DuesColumn>) throws -> DuesClass {
        try row.required(.class, as: Text(vi: "loại đoàn phí (unsalaried, salaried, abroad)", en: "dues class (unsalaried, salaried, abroad)"),
                         DuesClass.init(codeOrName:))
    }

    private mutating func count(changed: Bool, new: Bool) {
        if !changed { report.unchanged += 1 } else if new { report.added += 1 } else { report.updated += 1 }
    }

    static let monthText = Text(vi: "tháng (YYYY-MM hoặc MM/YYYY)", en: "month (YYYY-MM or MM/YYYY)")
    static let amountText = Text(vi: "số tiền (số đồng nguyên dương)", en: "amount (a whole positive number of đồng)")
}
