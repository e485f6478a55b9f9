import RegisterStore
import UnionRegister

/// Why a PostgreSQL database is not a register this sodoan may read or make, worded as
/// `RegisterFile` words the same refusals for a file (exit 65, or 66 for no register).
enum PostgresRefusal {
    static func newerSchema(_ address: PostgresAddress) -> RegisterError {
        .badInput(Text(
            vi: "Sổ \(address) được tạo bởi phiên bản sodoan mới hơn; không mở để khỏi làm hỏng.",
            en: "The register \(address) was made by a newer sodoan; it is not opened, so as not to damage it."),
            fix: Text(vi: "Cập nhật sodoan.", en: "Update sodoan."))
    }

    static func notEmpty(_ address: PostgresAddress, _ why: Text) -> RegisterError {
        .badInput(Text(
            vi: "Cơ sở dữ liệu \(address) không trống: \(why.vi). `sodoan init` và `sodoan copy` chỉ tạo sổ trong cơ sở dữ liệu trống; không ghi gì.",
            en: "The database \(address) is not empty: \(why.en). `sodoan init` and `sodoan copy` make a register in an empty database only; nothing was written."),
            fix: Text(vi: "Chọn một cơ sở dữ liệu trống (createdb TÊN_MỚI).", en: "Choose an empty database (createdb NEW_NAME)."))
    }

    static func notRegister(_ address: PostgresAddress) -> RegisterError {
        .badInput(Text(
            vi: "Cơ sở dữ liệu \(address) không phải sổ đoàn viên: nó có những bảng không phải của sổ. Không ghi gì vào nó.",
            en: "The database \(address) is not a register: it holds tables that are not a register's. Nothing was written to it."),
            fix: Text(vi: "Chọn đúng cơ sở dữ liệu bằng --db / SODOAN_DB.", en: "Choose the register's database with --db / SODOAN_DB."))
    }

    static func noRegister(_ address: PostgresAddress) -> RegisterError {
        RegisterError(.missingFile, Text(
            vi: "Cơ sở dữ liệu \(address) trống: chưa có sổ nào.",
            en: "The database \(address) is empty: it holds no register."),
            fix: Text(vi: "Tạo sổ bằng `sodoan init --db \(address) --name TÊN`, hoặc chép một sổ vào bằng `sodoan copy`.",
                      en: "Create one with `sodoan init --db \(address) --name NAME`, or copy one in with `sodoan copy`."))
    }

    /// A table or column of this sodoan's schema missing from a register that records every
    /// migration: the database was changed behind sodoan's back.
    static func missingTable(_ address: PostgresAddress, _ name: String) -> RegisterError {
        .badInput(Text(
            vi: "Sổ \(address) thiếu \(name) mà lược đồ của nó phải có: nó đã bị sửa ngoài sodoan. Không có gì bị thay đổi.",
            en: "The register \(address) lacks \(name), which its schema must have: it was changed outside sodoan. Nothing was changed."),
            fix: Text(vi: "Khôi phục cơ sở dữ liệu từ bản sao lưu.", en: "Restore the database from a backup."))
    }
}
