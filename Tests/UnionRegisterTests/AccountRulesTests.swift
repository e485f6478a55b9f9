import Testing
import UnionRegister

@Suite("AccountRules: names and passwords of server accounts")
struct AccountRulesTests {
    @Test func aPasswordOfNineCharactersIsRefusedWithItsLength() {
        let error = refusal { try AccountRules.checkPassword("xk4-Tq9#z", account: "bt.cd1") }
        #expect(error?.rule == .passwordStrength)
        #expect(error?.kind == .ruleRefused)
        #expect(error?.message.en.contains("9 characters; at least 10") == true)
        #expect(error?.message.vi.contains("9 ký tự") == true)
    }

    @Test func aPasswordOfTenCharactersIsAccepted() throws {
        try AccountRules.checkPassword("xk4-Tq9#zW", account: "bt.cd1")
    }

    @Test(arguments: ["aaaaaaaaaaaa", "Password123", "1234567890", "xx-BT.CD1-yy"])
    func easyPasswordsAreRefusedWhateverTheirLength(_ password: String) {
        #expect(refusal { try AccountRules.checkPassword(password, account: "bt.cd1") }?.rule == .passwordStrength)
    }

    @Test func namesAreUnaccentedLettersDigitsAndDotsUpToThirtyTwo() throws {
        try AccountRules.checkName(String(repeating: "a", count: 32))
        try AccountRules.checkName("bt.cd1_2-x")
        #expect(refusal { try AccountRules.checkName(String(repeating: "a", count: 33)) }?.kind == .badInput)
        #expect(refusal { try AccountRules.checkName("bí.thư") }?.kind == .badInput)
        #expect(refusal { try AccountRules.checkName("a b") }?.kind == .badInput)
        #expect(refusal { try AccountRules.checkName("") }?.kind == .badInput)
    }
}

@Suite("AccountRole: what each role may do in its subtree")
struct AccountRoleTests {
    @Test func officeAndSecretaryReadAndWriteViewerOnlyReads() {
        #expect(AccountRole.office.allows(.read) && AccountRole.office.allows(.write))
        #expect(AccountRole.secretary.allows(.read) && AccountRole.secretary.allows(.write))
        #expect(AccountRole.viewer.allows(.read) && !AccountRole.viewer.allows(.write))
        #expect(AccountRole.office.allows(.reorganise) && !AccountRole.secretary.allows(.reorganise) && !AccountRole.viewer.allows(.reorganise))
    }
}
