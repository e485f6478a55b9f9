import PostgresStore
import RegisterStore
import RegisterViews
import UnionRegister

/// Wording only the command line uses (dues amounts are written by its Money); what the
/// server says too is in RegisterViews (`Heading`, `Says`).
extension Says {
    static func duesStart(_ month: Month) -> Text {
        Text(vi: "Sổ tính đoàn phí từ tháng \(month.vietnamese).", en: "The register keeps dues from \(month).")
    }

    static func duesRateSet(_ rate: DuesRate) -> Text {
        Text(vi: "Mức đoàn phí \(rate.duesClass.name.vi.lowercased()) từ tháng \(rate.from.vietnamese): \(Money.text(rate.amount, .vi)) một tháng.",
             en: "Dues for \(rate.duesClass.name.en.lowercased()) members from \(rate.from): \(Money.text(rate.amount, .en)) a month.")
    }

    static func duesClassSet(_ change: DuesClassChange, of code: String) -> Text {
        Text(vi: "\(code) đóng đoàn phí loại \(change.duesClass.name.vi.lowercased()) từ tháng \(change.from.vietnamese).",
             en: "\(code) pays dues as \(change.duesClass.name.en.lowercased()) from \(change.from).")
    }

    static func duesPaid(_ payment: DuesPayment, by code: String) -> Text {
        Text(vi: "Đã ghi \(code) đóng \(Money.text(payment.amount, .vi)) đoàn phí từ tháng \(payment.from.vietnamese) đến tháng \(payment.through.vietnamese) ngày \(payment.on).",
             en: "Recorded \(Money.text(payment.amount, .en)) of dues from \(code) for \(payment.from) through \(payment.through) on \(payment.on).")
    }

    static func duesExempt(_ exemption: DuesExemption, of code: String) -> Text {
        Text(vi: "Đã ghi miễn đoàn phí cho \(code) từ tháng \(exemption.from.vietnamese) đến tháng \(exemption.to.vietnamese) (quyết định \(exemption.decisionNo)).",
             en: "Recorded \(code)'s exemption from dues from \(exemption.from) through \(exemption.to) (decision \(exemption.decisionNo)).")
    }
}

extension Finding.Severity {
    /// The label `check` prints before a finding.
    var label: Text {
        switch self {
        case .error: return Text(vi: "LỖI", en: "ERROR")
        case .warning: return Text(vi: "Lưu ý", en: "warning")
        }
    }
}

extension TextTable {
    /// A table whose headings are picked in `language`.
    init(_ header: [Text], _ language: Language, rightAligned: Set<Int> = []) {
        self.init(header.map { $0(language) }, rightAligned: rightAligned)
    }
}

extension RegisterCommand {
    /// Prints `text` in the command's language.
    func say(_ text: Text) {
        print(text(global.language))
    }
}

extension Says {
    static func registerCreated(_ register: String, root code: String, name: String) -> Text {
        Text(vi: "Đã tạo sổ \(register) với đơn vị gốc \(code) (\(name)).",
             en: "Created register \(register) with root unit \(code) (\(name)).")
    }

    static func registerCopied(from source: String, to target: String, tables: Int, rows: Int) -> Text {
        Text(vi: "Đã chép sổ \(source) sang \(target): \(rows) dòng trong \(tables) bảng.",
             en: "Copied the register \(source) to \(target): \(rows) rows in \(tables) tables.")
    }

    /// `sodoan grant`'s report of what the role may now do.
    static func roleGranted(_ granted: PostgresServerRole.Granted, register: String) -> Text {
        let appendOnly = granted.appendOnly.joined(separator: ", "), readOnly = granted.readOnly.joined(separator: ", ")
        return Text(
            vi: "Vai trò \(granted.role) trên sổ \(register): đọc và ghi \(granted.readWrite) bảng; chỉ đọc và thêm dòng vào \(appendOnly), không sửa, xoá được dòng nào; chỉ đọc \(readOnly).",
            en: "The role \(granted.role) on the register \(register): reads and writes \(granted.readWrite) tables; only reads and adds rows to \(appendOnly), never changes or removes one; only reads \(readOnly).")
    }

    /// `sodoan serve`'s warning when its PostgreSQL role could undo the audit log's guards.
    static func servingUnrestrained(role: String) -> Text {
        Text(vi: "sodoan serve: cảnh báo: vai trò PostgreSQL \(role) sở hữu các bảng của sổ (hoặc là siêu người dùng), nên gỡ được các khoá của nhật ký. Hãy chạy máy chủ với một vai trò đã cấp bằng `sodoan grant`.",
             en: "sodoan serve: warning: the PostgreSQL role \(role) owns the register's tables (or is a superuser), so it can remove the audit log's guards. Run the servers as a role given its rights with `sodoan grant`.")
    }
}
