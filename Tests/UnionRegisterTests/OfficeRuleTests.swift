import Testing
import UnionRegister

@Suite("Union offices with terms")
struct OfficeRuleTests {
    let branch = Unit(code: "CD", name: "Chi đoàn A", kind: .grassrootsBranch, parentCode: "DK", openedOn: d("2015-01-01"))
    let holder = member(born: "1995-01-01", joined: "2015-06-01")
    let history = MembershipHistory(events: [MembershipEvent(kind: .admitted, on: d("2015-06-01"), unitCode: "CD")])
    let today = d("2026-11-22")

    func lineage(_ code: String) -> [String] { code == "CD" ? ["CD", "DK"] : [code, "DK"] }

    func check(_ office: Office, unit: Unit? = nil, others: [Office] = []) -> RegisterError? {
        refusal { try OfficeRule.check(office, holder: holder, history: history, unit: unit ?? branch, lineage: lineage, others: others, today: today) }
    }

    func secretary(_ code: String = "DV1", from: String, to: String? = nil) -> Office {
        Office(memberCode: code, unitCode: "CD", role: .secretary, from: d(from), to: to.map(d))
    }

    @Test func aTermHeldFromItsFirstDayToTheDayBeforeItEnds() {
        let office = secretary(from: "2022-10-01", to: "2027-10-01")
        #expect(!office.isHeld(on: d("2022-09-30")))
        #expect(office.isHeld(on: d("2022-10-01")))
        #expect(office.isHeld(on: d("2027-09-30")))
        #expect(!office.isHeld(on: d("2027-10-01")))
    }

    @Test func aTermMustEndAfterItStarts() {
        #expect(check(secretary(from: "2022-10-01", to: "2022-09-30"))?.rule == .officeTerm)
        #expect(check(secretary(from: "2022-10-01", to: "2022-10-01"))?.rule == .officeTerm)
        #expect(check(secretary(from: "2022-10-01", to: "2022-10-02")) == nil)
    }

    @Test func theUnitMustBeOpenForTheWholeTerm() {
        var closed = branch
        closed.closedOn = d("2025-07-01")
        #expect(check(secretary(from: "2025-07-01"), unit: closed)?.rule == .officeUnit)
        #expect(check(secretary(from: "2025-06-30"), unit: closed)?.rule == .officeUnit)
        #expect(check(secretary(from: "2025-06-30", to: "2025-07-01"), unit: closed) == nil)
        #expect(check(secretary(from: "2025-06-30", to: "2025-07-02"), unit: closed)?.rule == .officeUnit)
    }

    @Test func theHolderMustBeActiveInTheUnitOrBelowItOnTheFirstDay() {
        #expect(check(secretary(from: "2015-05-31"))?.rule == .officeMember)
        #expect(check(secretary(from: "2015-06-01")) == nil)
        let other = Unit(code: "CD2", name: "Chi đoàn B", kind: .grassrootsBranch, parentCode: "DK", openedOn: d("2015-01-01"))
        #expect(check(Office(memberCode: "DV1", unitCode: "CD2", role: .committee, from: d("2020-01-01")), unit: other)?.rule == .officeMember)
        let bloc = Unit(code: "DK", name: "Đoàn Khối", kind: .bloc, parentCode: nil, openedOn: d("2015-01-01"))
        #expect(check(Office(memberCode: "DV1", unitCode: "DK", role: .standingCommittee, from: d("2020-01-01")), unit: bloc) == nil)
    }

    @Test func oneSecretaryOfAUnitOnAnyDay() {
        let predecessor = secretary("DV0", from: "2017-10-01", to: "2022-10-01")
        // The day the predecessor's term ends the successor may start; not the day before.
        #expect(check(secretary(from: "2022-09-30"), others: [predecessor])?.rule == .officeSecretary)
        #expect(check(secretary(from: "2022-10-01"), others: [predecessor]) == nil)
        let open = secretary("DV0", from: "2017-10-01")
        #expect(check(secretary(from: "2024-01-01"), others: [open])?.rule == .officeSecretary)
        // A deputy beside the secretary is fine; the same member twice in one role is not.
        #expect(check(Office(memberCode: "DV1", unitCode: "CD", role: .deputySecretary, from: d("2024-01-01")), others: [open]) == nil)
        let committee = Office(memberCode: "DV1", unitCode: "CD", role: .committee, from: d("2020-01-01"))
        #expect(check(Office(memberCode: "DV1", unitCode: "CD", role: .committee, from: d("2024-01-01")), others: [committee])?.rule == .officeOverlap)
    }

    @Test func endingAnOffice() throws {
        let office = secretary(from: "2022-10-01")
        #expect(refusal { _ = try OfficeRule.ending(office, on: d("2022-10-01"), today: today) }?.rule == .officeTerm)
        #expect(try OfficeRule.ending(office, on: d("2022-10-02"), today: today).to == d("2022-10-02"))
        #expect(refusal { _ = try OfficeRule.ending(office, on: d("2026-11-23"), today: today) }?.kind == .badInput)
        let ended = secretary(from: "2022-10-01", to: "2024-01-01")
        #expect(refusal { _ = try OfficeRule.ending(ended, on: d("2024-01-01"), today: today) }?.rule == .officeTerm)
        #expect(try OfficeRule.ending(ended, on: d("2023-12-31"), today: today).to == d("2023-12-31"))
    }

    @Test func removalFromOfficeEndsTheOfficesHeldAndIsRefusedWithoutOne() throws {
        let record = DisciplineRecord(level: .removalFromOffice, on: d("2024-03-01"), reason: "Vi phạm")
        let held = secretary(from: "2022-10-01")
        let past = Office(memberCode: "DV1", unitCode: "CD", role: .committee, from: d("2017-10-01"), to: d("2022-10-01"))
        #expect(try DisciplineRule.officesEnded(by: record, of: holder, offices: [past, held]) == [held])
        #expect(refusal { _ = try DisciplineRule.officesEnded(by: record, of: holder, offices: [past]) }?.rule == .disciplineOffice)
        // The day an office starts it cannot be ended; the day after it can.
        #expect(refusal { _ = try DisciplineRule.officesEnded(by: record, of: holder, offices: [secretary(from: "2024-03-01")]) }?.rule == .disciplineOffice)
        #expect(try DisciplineRule.officesEnded(by: record, of: holder, offices: [secretary(from: "2024-02-29")]).count == 1)
        // An office already ending that day (as the removal left it) counts, and stays as it is.
        #expect(try DisciplineRule.officesEnded(by: record, of: holder, offices: [secretary(from: "2022-10-01", to: "2024-03-01")]).isEmpty)
    }

    @Test func theRoleOfAFreeTextOffice() {
        #expect(OfficeRole(recognising: "Bí thư chi đoàn") == .secretary)
        #expect(OfficeRole(recognising: "Phó Bí thư Đoàn cơ sở") == .deputySecretary)
        #expect(OfficeRole(recognising: "UV BTV Đoàn Khối") == .standingCommittee)
        #expect(OfficeRole(recognising: "Cán bộ chuyên trách") == .fullTimeCadre)
        #expect(OfficeRole(recognising: "Ủy viên BCH") == .committee)
        #expect(OfficeRole(parsing: "Phó Bí thư") == .deputySecretary)
        #expect(OfficeRole(parsing: "uv bch") == .committee)
        #expect(OfficeRole(parsing: "chairman") == nil)
    }
}
