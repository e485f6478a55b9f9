import PostgresNIO
import RegisterStore
import UnionRegister

/// PostgreSQL's failures turned into refusals that name the register and the way out, as
/// `StorageFailure` does for a file: a database that does not exist is a missing register
/// (66); a refused password or user, and data that breaks the schema's constraints, are bad
/// input (65); a server that cannot be reached or fails the request is a storage failure (74). A failed transaction is rolled back, so in
/// every case nothing was changed. The password never appears in a message.
enum PostgresFailure {
    ///
    /// With `keepingUniqueViolations` (the store's statements, `PostgresSQLConnection`), a
    /// repeated UNIQUE value (SQLSTATE 23505) comes out as the store's `UniqueViolation`
    /// around its refusal, which the store may catch inside a write (`import members` names
    /// the earlier line of the file) and `PostgresEngine` unwraps at the write's end.
    static func naming<T>(_ address: PostgresAddress, keepingUniqueViolations: Bool = false, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PSQLError {
            throw kept(refusal(error, address: address), state: error.serverInfo?[.sqlState], keepingUniqueViolations)
        } catch PostgresError.server(let error) {
            // The library's older calls report the server's error in this shape.
            let state = error.fields[.sqlState] ?? ""
            throw kept(refusal(state: state, message: error.fields[.message] ?? "\(error)", address: address), state: state,
                       keepingUniqueViolations)
        } catch let error as RegisterError {
            throw error
        } catch {
            throw unreachable(address, detail: "\(error)")
        }
    }

    private static func kept(_ refusal: RegisterError, state: String?, _ keepingUniqueViolations: Bool) -> Error {
        keepingUniqueViolations && state == "23505" ? UniqueViolation(refusal: refusal) : refusal
    }

    static func refusal(_ error: PSQLError, address: PostgresAddress) -> RegisterError {
        if error.code == .server {
            return refusal(state: error.serverInfo?[.sqlState] ?? "", message: error.serverInfo?[.message] ?? "\(error.code)", address: address)
        }
        if error.code == .authMechanismRequiresPassword {
            return RegisterError.badInput(Text(
                vi: "Máy chủ PostgreSQL đòi mật khẩu cho \(address.user) (\(address)) mà không có mật khẩu nào.",
                en: "The PostgreSQL server asks for a password for \(address.user) (\(address)) and none was given."),
                fix: Text(vi: "Đặt mật khẩu trong ~/.pgpass (hoặc tệp PGPASSFILE) hay biến PGPASSWORD.",
                          en: "Put the password in ~/.pgpass (or the file PGPASSFILE names) or in PGPASSWORD."))
        }
        return unreachable(address, detail: "\(error.code)")
    }

    /// The refusal for an error the server sent, by its SQLSTATE.
    static func refusal(state: String, message: String, address: PostgresAddress) -> RegisterError {
        switch state {
        case "3D000":
            return RegisterError(.missingFile, Text(
                vi: "Máy chủ PostgreSQL không có cơ sở dữ liệu \(address.database) (\(address)).",
                en: "The PostgreSQL server has no database \(address.database) (\(address))."),
                fix: Text(vi: "Người quản trị PostgreSQL tạo nó (createdb \(address.database)), rồi `sodoan init --db \(address)`.",
                          en: "Have the PostgreSQL administrator create it (createdb \(address.database)), then run `sodoan init --db \(address)`."))
        case "28P01", "28000":
            return RegisterError.badInput(Text(
                vi: "Máy chủ PostgreSQL không nhận người dùng \(address.user) hoặc mật khẩu (\(address)): \(message).",
                en: "The PostgreSQL server does not accept the user \(address.user) or the password (\(address)): \(message)."),
                fix: Text(vi: "Đặt đúng mật khẩu trong ~/.pgpass (hoặc tệp PGPASSFILE) hay biến PGPASSWORD.",
                          en: "Put the right password in ~/.pgpass (or the file PGPASSFILE names) or in PGPASSWORD."))
        case "42501":
            return RegisterError.badInput(Text(
                vi: "Vai trò PostgreSQL \(address.user) không có quyền làm việc này trên sổ \(address) (\(message)). Không có gì bị thay đổi.",
                en: "The PostgreSQL role \(address.user) may not do this on the register \(address) (\(message)). Nothing was changed."),
                fix: Text(vi: "Chủ của sổ cấp cho vai trò này đúng những quyền `sodoan serve` cần (`sodoan grant \(address.user) --db postgres://CHỦ@…`); nâng cấp lược đồ thì chạy với vai trò chủ.",
                          en: "Have the register's owner give this role what `sodoan serve` needs (`sodoan grant \(address.user) --db postgres://OWNER@…`); run schema upgrades as the owner."))
        case let state where state.hasPrefix("23"):
            return RegisterError.badInput(Text(
                vi: "Sổ \(address) từ chối dữ liệu trái ràng buộc của nó (\(message)). Không có gì bị thay đổi.",
                en: "The register \(address) refused data that breaks its constraints (\(message)). Nothing was changed."),
                fix: Text(vi: "Chạy `sodoan check` trên sổ nguồn để tìm dữ liệu hỏng.", en: "Run `sodoan check` on the source register to find the damaged data."))
        default:
            return RegisterError(.storageFailed, Text(
                vi: "Sổ \(address): PostgreSQL từ chối (\(state): \(message)). Không có gì bị thay đổi.",
                en: "Register \(address): PostgreSQL refused (\(state): \(message)). Nothing was changed."),
                fix: Text(vi: "Xem nhật ký của máy chủ PostgreSQL, rồi chạy lại.", en: "Look at the PostgreSQL server's log, then run the command again."))
        }
    }

    static func unreachable(_ address: PostgresAddress, detail: String) -> RegisterError {
        RegisterError(.storageFailed, Text(
            vi: "Không kết nối được máy chủ PostgreSQL \(address.host):\(address.port) (\(detail)). Không có gì bị thay đổi.",
            en: "Could not reach the PostgreSQL server \(address.host):\(address.port) (\(detail)). Nothing was changed."),
            fix: Text(vi: "Kiểm tra máy chủ đang chạy và địa chỉ, cổng trong --db / SODOAN_DB.",
                      en: "Check that the server is running and the host and port in --db / SODOAN_DB."))
    }
}
