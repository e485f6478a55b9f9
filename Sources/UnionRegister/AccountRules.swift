/// Rules on accounts before the store keeps them: a name that can be typed and logged
/// safely, and a password that is not trivially guessed (docs/SECURITY.md).
public enum AccountRules {
    /// The shortest password accepted. Ten characters: the length NIST SP 800-63B asks of
    /// a password chosen by its user is eight; two more for a register of personal data.
    public static let minimumPasswordLength = 10

    /// Passwords refused whatever their length: the ones people type first.
    static let commonPasswords: Set<String> = [
        "1234567890", "0123456789", "12345678910", "qwertyuiop", "password123", "matkhau123",
        "doanthanhnien", "doanvien123", "abc1234567", "1111111111", "iloveyou12", "admin12345",
    ]

    /// 1–32 unaccented letters, digits, dots, hyphens or underscores: safe in a log line
    /// and a URL as it is.
    public static func isValidName(_ name: String) -> Bool {
        (1...32).contains(name.unicodeScalars.count) && name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
        }
    }

    public static func checkName(_ name: String) throws {
        guard isValidName(name) else {
            throw RegisterError.badInput(
                Text(vi: "Tên tài khoản \"\(name)\" không hợp lệ.", en: "The account name \"\(name)\" is not valid."),
                fix: Text(vi: "Dùng 1–32 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.",
                          en: "Use 1–32 unaccented letters, digits, dots, hyphens or underscores."))
        }
    }

    /// Refuses a password that is short, one repeated character, a common one, or the
    /// account's own name inside it.
    public static func checkPassword(_ password: String, account: String) throws {
        let fix = Text(vi: "Chọn mật khẩu ít nhất \(minimumPasswordLength) ký tự, không chứa tên tài khoản, không phải mật khẩu phổ biến.",
                       en: "Choose a password of at least \(minimumPasswordLength) characters that does not contain the account name and is not a common one.")
        if password.count < minimumPasswordLength {
            throw RegisterError.refused(.passwordStrength, Text(
                vi: "Mật khẩu chỉ có \(password.count) ký tự; cần ít nhất \(minimumPasswordLength).",
                en: "The password has \(password.count) characters; at least \(minimumPasswordLength) are needed."), fix: fix)
        }
        let lower = password.lowercased()
        if Set(password).count == 1 || commonPasswords.contains(lower) || lower.contains(account.lowercased()) {
            throw RegisterError.refused(.passwordStrength, Text(
                vi: "Mật khẩu quá dễ đoán (lặp một ký tự, phổ biến, hoặc chứa tên tài khoản).",
                en: "The password is too easy to guess (one repeated character, a common one, or containing the account name)."),
                fix: fix)
        }
    }
}
