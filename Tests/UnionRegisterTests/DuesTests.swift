import Testing
import UnionRegister

/// `m("2025-03")`: a month from a literal known to be valid.
private func m(_ text: String) -> Month { Month(parsing: text)! }

@Suite("Union dues: months owed, payments, exemptions and the thirds sent up")
struct DuesTests {
    let schedule = DuesSchedule(DuesRate.defaults)

    /// A salaried member admitted on `joined`, with `events` after it, keeping dues from `keptFrom`.
    func account(joined: String = "2024-03-15", events: [MembershipEvent] = [], classes: [DuesClassChange] = [],
                 payments: [DuesPayment] = [], exemptions: [DuesExemption] = [], keptFrom: String = "2024-01") -> DuesAccount {
        let admitted = MembershipEvent(kind: .admitted, on: d(joined), unitCode: "CD1")
        return DuesAccount(member: member(born: "2000-01-01", joined: joined), history: MembershipHistory(events: [admitted] + events),
                           classes: classes, payments: payments, exemptions: exemptions, keptFrom: m(keptFrom))
    }

    @Test func monthsReadBothWaysAndRefuseWhatIsNotAMonth() {
        #expect(Month(parsing: "09/2025") == Month(year: 2025, month: 9))
        #expect(Month(parsing: "9/2025") == Month(year: 2025, month: 9))
        #expect(Month(parsing: "2025-09")?.vietnamese == "09/2025")
        for bad in ["2025-13", "13/2025", "2025-9", "2025", "", "0/2025", "2025-00", "+1/2025", "２０２５-09"] {
            #expect(Month(parsing: bad) == nil, "\(bad)")
        }
        #expect(m("2024-12").advanced(by: 1) == m("2025-01"))
        #expect(m("2024-01").distance(to: m("2025-03")) == 14)
    }

    @Test func theMonthOfAdmissionIsOwedAndSoIsTheMonthMembershipEndsUnlessItEndsOnTheFirst() {
        let a = account(joined: "2024-03-31")
        #expect(!a.owes(m("2024-02")))
        #expect(a.owes(m("2024-03")))
        let endsOnTheFirst = account(events: [MembershipEvent(kind: .matured, on: d("2024-06-01"), unitCode: "CD1")])
        #expect(endsOnTheFirst.owes(m("2024-05")))
        #expect(!endsOnTheFirst.owes(m("2024-06")))
        let endsOnTheSecond = account(events: [MembershipEvent(kind: .matured, on: d("2024-06-02"), unitCode: "CD1")])
        #expect(endsOnTheSecond.owes(m("2024-06")))
        #expect(!endsOnTheSecond.owes(m("2024-07")))
        #expect(!account(keptFrom: "2024-05").owes(m("2024-04")))
    }

    @Test func theCurrentMonthIsNotLateUntilItIsOver() {
        let paid = DuesPayment(on: d("2024-03-20"), from: m("2024-03"), through: m("2024-05"), amount: 15_000)
        let a = account(payments: [paid])
        #expect(a.behind(on: d("2024-06-30")).isEmpty)
        #expect(a.behind(on: d("2024-07-01")) == [m("2024-06")])
        #expect(a.behind(on: d("2024-08-31")).count == 2)
        #expect(a.behind(on: d("2024-09-01")).count == DuesFlow.owingMonths)
    }

    @Test func aPaymentCountsFromTheDayItIsReceived() {
        let late = DuesPayment(on: d("2024-07-10"), from: m("2024-03"), through: m("2024-07"), amount: 25_000)
        let a = account(payments: [late])
        #expect(a.behind(on: d("2024-07-09")).count == 4)
        #expect(a.behind(on: d("2024-07-10")).isEmpty)
        #expect(a.paidThrough(on: d("2024-07-09")) == nil)
        #expect(a.paidThrough(on: d("2024-07-10")) == m("2024-07"))
    }

    @Test func aMemberWhoLeftAndCameBackOwesNothingForTheMonthsBetween() throws {
        let away = [MembershipEvent(kind: .left, on: d("2024-04-01"), unitCode: "CD1"),
                    MembershipEvent(kind: .arrived, on: d("2024-07-20"), unitCode: "CD1")]
        let paid = DuesPayment(on: d("2024-03-20"), from: m("2024-03"), through: m("2024-03"), amount: 5_000)
        let a = account(events: away, payments: [paid])
        #expect(!a.owes(m("2024-05")) && a.owes(m("2024-07")))
        #expect(a.behind(on: d("2024-09-01")) == [m("2024-07"), m("2024-08")])
        let next = try a.payment(through: m("2024-08"), amount: nil, on: d("2024-08-05"), schedule: schedule, today: d("2024-08-05"))
        #expect(next.from == m("2024-07") && next.amount == 10_000)
    }

    @Test func exemptMonthsAreNeitherOwedNorCharged() throws {
        let exemption = DuesExemption(from: m("2024-04"), to: m("2024-05"), decisionNo: "12/QĐ", reason: "Ốm dài ngày")
        let a = account(exemptions: [exemption])
        #expect(a.behind(on: d("2024-07-01")) == [m("2024-03"), m("2024-06")])
        let payment = try a.payment(through: m("2024-06"), amount: nil, on: d("2024-06-10"), schedule: schedule, today: d("2024-06-10"))
        #expect(payment.from == m("2024-03"))
        #expect(payment.amount == 10_000)
    }

    @Test func aPaymentMustMatchTheRatesOfTheMonthsItCovers() throws {
        let rises = DuesSchedule(DuesRate.defaults + [DuesRate(.salaried, from: m("2024-05"), amount: 6_000)])
        let a = account(classes: [DuesClassChange(.unsalaried, from: m("2024-01")), DuesClassChange(.salaried, from: m("2024-04"))])
        // March unsalaried 2,000; April salaried 5,000; May and June at the new 6,000.
        let charge = try a.charge(through: m("2024-06"), schedule: rises)
        #expect(charge.amount == 19_000)
        let wrong = refusal { _ = try a.payment(through: m("2024-06"), amount: 18_000, on: d("2024-06-01"), schedule: rises, today: d("2024-06-01")) }
        #expect(wrong?.rule?.code == "dues-amount")
        #expect(wrong?.message.en.contains("19000 VND") == true)
        #expect(try a.payment(through: m("2024-06"), amount: 19_000, on: d("2024-06-01"), schedule: rises, today: d("2024-06-01")).amount == 19_000)
    }

    @Test func membersAbroadMayPayMoreThanTheRateOthersExactly() throws {
        let abroad = account(classes: [DuesClassChange(.abroad, from: m("2024-01"))])
        #expect(try abroad.payment(through: m("2024-03"), amount: 20_000, on: d("2024-03-20"), schedule: schedule, today: d("2024-03-20")).amount == 20_000)
        #expect(refusal { _ = try abroad.payment(through: m("2024-03"), amount: 4_999, on: d("2024-03-20"), schedule: schedule, today: d("2024-03-20")) }?.rule?.code == "dues-amount")
        #expect(refusal { _ = try account().payment(through: m("2024-03"), amount: 5_001, on: d("2024-03-20"), schedule: schedule, today: d("2024-03-20")) }?.rule?.code == "dues-amount")
    }

    @Test func paymentsAreRefusedForMonthsAlreadyPaidOrWithoutMembershipOrNotYetReceived() {
        let ends = MembershipEvent(kind: .removed, on: d("2024-05-10"), unitCode: "CD1")
        let a = account(events: [ends])
        #expect(refusal { _ = try a.payment(through: m("2024-06"), amount: nil, on: d("2024-05-01"), schedule: schedule, today: d("2024-07-01")) }?.rule?.code == "dues-months")
        #expect(refusal { _ = try a.payment(through: m("2024-04"), amount: nil, on: d("2024-05-11"), schedule: schedule, today: d("2024-07-01")) }?.rule?.code == "dues-months")
        #expect(refusal { _ = try account().payment(through: m("2024-04"), amount: nil, on: d("2024-04-02"), schedule: schedule, today: d("2024-04-01")) }?.kind == .badInput)
        let paid = account(payments: [DuesPayment(on: d("2024-03-20"), from: m("2024-03"), through: m("2024-05"), amount: 15_000)])
        #expect(refusal { _ = try paid.payment(through: m("2024-05"), amount: nil, on: d("2024-06-01"), schedule: schedule, today: d("2024-06-01")) }?.rule?.code == "dues-months")
        // Paying ahead for the rest of the year is fine for an active member.
        #expect((try? paid.payment(through: m("2024-12"), amount: nil, on: d("2024-06-01"), schedule: schedule, today: d("2024-06-01")))?.amount == 35_000)
    }

    @Test func anExemptionLastsAtMostSixMonthsAndOverlapsNoOther() {
        let a = account(exemptions: [DuesExemption(from: m("2024-04"), to: m("2024-05"), decisionNo: "1", reason: "ốm")])
        func exempt(_ from: String, _ to: String) -> RegisterError? {
            refusal { try a.checkExemption(DuesExemption(from: m(from), to: m(to), decisionNo: "2", reason: "khó khăn")) }
        }
        #expect(exempt("2024-06", "2024-11") == nil)
        #expect(exempt("2024-06", "2024-12")?.rule?.code == "dues-exemption")
        #expect(exempt("2024-05", "2024-06")?.rule?.code == "dues-exemption")
        #expect(exempt("2024-02", "2024-03")?.rule?.code == "dues-months")
        #expect(exempt("2024-07", "2024-06")?.kind == .badInput)
    }

    @Test func eachLevelKeepsTwoThirdsAndSendsOneThirdUpRoundedDownBalancedEverywhere() {
        let root = Unit(code: "DK", name: "DK", kind: .bloc, parentCode: nil, openedOn: d("2015-01-01"))
        let union = Unit(code: "YT", name: "YT", kind: .grassrootsUnion, parentCode: "DK", openedOn: d("2015-01-01"))
        let branches = ["A", "B"].map { Unit(code: $0, name: $0, kind: .branch, parentCode: "YT", openedOn: d("2015-01-01")) }
        let flow = DuesFlow(root, collected: ["A": 10_000, "B": 5_000], owing: ["A": 1],
                            children: ["DK": [union], "YT": branches])
        let a = flow.children[0].children[0], b = flow.children[0].children[1], yt = flow.children[0]
        #expect((a.kept, a.sentUp) == (6_667, 3_333))
        #expect((b.kept, b.sentUp) == (3_334, 1_666))
        #expect((yt.receivedFromBelow, yt.kept, yt.sentUp) == (4_999, 3_333, 1_666))
        #expect((flow.receivedFromBelow, flow.kept, flow.sentUp) == (1_666, 1_111, 555))
        #expect(flow.membersOwing == 1)
        #expect(flow.isBalanced)
        #expect(a.kept + b.kept + yt.kept + flow.kept + flow.sentUp == 15_000)
    }

    @Test func aRateIsAWholePositiveAmountAndAbroadIsAtLeastTheSalariedRate() {
        #expect(refusal { try DuesRate.check(DuesRate(.salaried, from: m("2026-01"), amount: 0), schedule: schedule) }?.kind == .badInput)
        #expect(refusal { try DuesRate.check(DuesRate(.salaried, from: m("2026-01"), amount: DuesRate.maximum + 1), schedule: schedule) }?.kind == .badInput)
        #expect(refusal { try DuesRate.check(DuesRate(.abroad, from: m("2026-01"), amount: 4_999), schedule: schedule) }?.rule?.code == "dues-rate")
        #expect(refusal { try DuesRate.check(DuesRate(.abroad, from: m("2026-01"), amount: 5_000), schedule: schedule) } == nil)
    }
}

@Suite("Amounts of đồng")
struct AmountTests {
    @Test func digitsOrDotGroupedThousandsOnlyPositiveAndNeverOverflowing() {
        #expect(Amount.parse("5000") == 5_000)
        #expect(Amount.parse("5.000") == 5_000)
        #expect(Amount.parse("1.200.000") == 1_200_000)
        #expect(Amount.parse("999999999999") == 999_999_999_999)
        for bad in ["", "0", "-5000", "5,000", "5.00", "50.0000", ".500", "5000.", "1e3", "9999999999999", "99999999999999999999", "５０００", " 5000"] {
            #expect(Amount.parse(bad) == nil, "\(bad)")
        }
    }
}
