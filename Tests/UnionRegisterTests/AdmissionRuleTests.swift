import Testing
import UnionRegister

@Suite("Admission to the Union")
struct AdmissionRuleTests {
    @Test func refusedOnThe15thBirthdayAllowedTheDayAfter() {
        let m = member(born: "2009-05-10")
        let error = refusal { try AdmissionRule.check(m, admittedOn: d("2024-05-10")) }
        #expect(error?.rule?.code == "admission-age")
        #expect(error?.message.vi.contains("15 tuổi 0 tháng") == true)
        #expect(error?.fix?.en.contains("2024-05-11") == true)
        #expect(refusal { try AdmissionRule.check(m, admittedOn: d("2024-05-11")) } == nil)
    }

    @Test func allowedOnThe30thBirthdayRefusedTheDayAfter() {
        let m = member(born: "1994-05-10")
        #expect(refusal { try AdmissionRule.check(m, admittedOn: d("2024-05-10")) } == nil)
        let error = refusal { try AdmissionRule.check(m, admittedOn: d("2024-05-11")) }
        #expect(error?.rule?.code == "admission-age")
        #expect(error?.message.en.contains("30 years 0 months") == true)
    }

    @Test func needsAtLeastPrimaryEducation() {
        #expect(refusal { try AdmissionRule.check(member(born: "2000-01-01", education: .none), admittedOn: d("2020-01-01")) }?.rule?.code == "admission-education")
        #expect(refusal { try AdmissionRule.check(member(born: "2000-01-01", education: .primary), admittedOn: d("2020-01-01")) } == nil)
    }

    @Test func admissionBeforeBirthIsRefused() {
        #expect(refusal { try AdmissionRule.check(member(born: "2000-01-01"), admittedOn: d("1999-01-01")) }?.rule?.code == "admission-age")
    }
}

@Suite("Maturity flags")
struct MaturityRuleTests {
    @Test func dueForMaturityFromTheDayAfterThe30thBirthday() {
        let m = member(born: "1994-05-10")
        #expect(MaturityRule.flag(for: m, offices: [], on: d("2024-05-10")) == nil)
        #expect(MaturityRule.flag(for: m, offices: [], on: d("2024-05-11")) == .dueForMaturity)
    }

    @Test func anOfficeHolderOver30IsNotDueWhileTheOfficeIsInForce() {
        let m = member(born: "1990-01-01")
        let office = Office(memberCode: m.code, unitCode: "CD", role: .secretary, from: d("2022-10-01"), to: d("2024-05-11"))
        // The office's last day, and the day it ends.
        #expect(MaturityRule.flag(for: m, offices: [office], on: d("2024-05-10")) == nil)
        #expect(MaturityRule.flag(for: m, offices: [office], on: d("2024-05-11")) == .dueForMaturity)
        // Not yet in office the day before it starts.
        #expect(MaturityRule.flag(for: m, offices: [office], on: d("2022-09-30")) == .dueForMaturity)
        #expect(MaturityRule.flag(for: m, offices: [office], on: d("2022-10-01")) == nil)
    }

    @Test func over35IsFlaggedEvenWithAnOffice() {
        let m = member(born: "1989-05-10")
        let office = Office(memberCode: m.code, unitCode: "CD", role: .committee, from: d("2020-01-01"))
        #expect(MaturityRule.flag(for: m, offices: [office], on: d("2024-05-10")) == nil)
        #expect(MaturityRule.flag(for: m, offices: [office], on: d("2024-05-11")) == .overAgeLimit)
    }

    @Test func theBirthDateBoundLetsEveryoneFlaggedThrough() {
        for born in ["1994-02-28", "1996-02-29", "1994-05-10", "1994-05-11"] {
            for on in ["2024-02-29", "2025-02-28", "2026-03-01", "2024-05-11", "2027-02-28"] {
                if MaturityRule.flag(for: member(born: born), offices: [], on: d(on)) != nil {
                    #expect(d(born) <= MaturityRule.latestBirthDate(olderThan: 30, on: d(on)), "born \(born) on \(on)")
                }
            }
        }
    }
}
