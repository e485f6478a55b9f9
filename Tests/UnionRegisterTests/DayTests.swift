import Testing
import UnionRegister

@Suite("Day: a plain calendar day")
struct DayTests {
    @Test func parsesISOAndVietnameseForms() {
        #expect(Day(parsing: "2024-03-26") == Day(year: 2024, month: 3, day: 26))
        #expect(Day(parsing: "26/03/2024") == Day(year: 2024, month: 3, day: 26))
        #expect(Day(parsing: "6/3/2024") == Day(year: 2024, month: 3, day: 6))
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "31/02/2024", "2024/03/26", "", "yesterday", "2024-3-6", "２０２４-03-26", "2024-03-2x", "20a4-03-26", "2024+03-26"])
    func refusesDaysThatDoNotExistOrAreMalformed(_ text: String) {
        #expect(Day(parsing: text) == nil)
    }

    @Test func leapDayExistsOnlyInLeapYears() {
        #expect(Day(parsing: "2024-02-29") != nil)
        #expect(Day(parsing: "1900-02-29") == nil)
        #expect(Day(parsing: "2000-02-29") != nil)
    }

    @Test func addingMonthsClampsToTheMonthsLastDay() {
        #expect(d("2020-02-29").adding(months: 12) == d("2021-02-28"))
        #expect(d("2024-01-31").adding(months: 1) == d("2024-02-29"))
        #expect(d("2024-03-31").adding(months: -1) == d("2024-02-29"))
        #expect(d("2019-06-01").adding(months: 60) == d("2024-06-01"))
    }

    @Test func ordinalsRoundTripAndCountDays() {
        for text in ["1970-01-01", "2000-02-29", "2024-12-31", "1931-03-26"] {
            #expect(Day(ordinal: d(text).ordinal) == d(text))
        }
        #expect(d("2024-03-01").ordinal - d("2024-02-28").ordinal == 2)
        #expect(d("2024-12-31").next == d("2025-01-01"))
        #expect(d("2024-03-01").previous == d("2024-02-29"))
    }

    @Test func printsISOAndVietnamese() {
        #expect(d("2024-03-06").description == "2024-03-06")
        #expect(d("2024-03-06").vietnamese == "06/03/2024")
    }
}

@Suite("Age and birthdays")
struct AgeTests {
    @Test func isNYearsOldFromTheNthBirthdayOn() {
        #expect(Age(born: d("2006-05-10"), on: d("2024-05-09"))?.years == 17)
        #expect(Age(born: d("2006-05-10"), on: d("2024-05-10"))?.years == 18)
        #expect(Age(born: d("2006-05-10"), on: d("2024-08-09"))?.months == 2)
    }

    @Test func bornOn29FebruaryHasTheBirthdayOn1MarchInCommonYears() {
        #expect(Age.birthday(of: d("2008-02-29"), turning: 18) == d("2026-03-01"))
        #expect(Age(born: d("2008-02-29"), on: d("2026-02-28"))?.years == 17)
        #expect(Age(born: d("2008-02-29"), on: d("2026-03-01"))?.years == 18)
        #expect(Age.birthday(of: d("2008-02-29"), turning: 16) == d("2024-02-29"))
    }

    @Test func olderThanMeansFromTheDayAfterTheBirthday() {
        #expect(!Age.isOlder(born: d("2009-05-10"), than: 15, on: d("2024-05-10")))
        #expect(Age.isOlder(born: d("2009-05-10"), than: 15, on: d("2024-05-11")))
    }

    @Test func noAgeBeforeBirth() {
        #expect(Age(born: d("2009-05-10"), on: d("2009-05-09")) == nil)
    }
}

@Suite("Validity periods")
struct ValidityTests {
    @Test func certificateOf60MonthsHoldsThroughTheDayBefore() {
        let certificate = Validity(from: d("2019-06-01"), months: 60)
        #expect(certificate.holds(on: d("2024-05-31")))
        #expect(!certificate.holds(on: d("2024-06-01")))
        #expect(certificate.lastDay == d("2024-05-31"))
    }

    @Test func disciplineStopsCountingOnTheAnniversary() {
        let discipline = Validity(from: d("2023-06-01"), months: 12)
        #expect(discipline.holds(on: d("2024-05-31")))
        #expect(!discipline.holds(on: d("2024-06-01")))
    }

    @Test func probationEndsAfterTwelveMonths() {
        #expect(Validity(from: d("2024-10-01"), months: 12).end == d("2025-10-01"))
    }
}
