import Foundation
import Testing
@testable import Spreadsheet

/// The cell mapping at its edges: Excel's two date systems (with the 1900 system's day that
/// never was), number formats that mean dates or zero-padded digits, A1 references, and
/// the `_xHHHH_` escapes of cell text.
@Suite("cell mapping")
struct CellMappingTests {
    @Test func the1900SystemSkipsItsFalseLeapDay() {
        let system = DateSystem.from1900
        #expect(system.day(ofSerial: 1)?.0 == CalendarDay(year: 1900, month: 1, day: 1))
        #expect(system.day(ofSerial: 59)?.0 == CalendarDay(year: 1900, month: 2, day: 28))
        #expect(system.day(ofSerial: 60) == nil, "29 February 1900 never was")
        #expect(system.day(ofSerial: 61)?.0 == CalendarDay(year: 1900, month: 3, day: 1))
        #expect(system.day(ofSerial: 0) == nil)
        #expect(system.day(ofSerial: 45_292)?.0 == CalendarDay(year: 2024, month: 1, day: 1))
        #expect(system.day(ofSerial: 2_958_465)?.0 == CalendarDay(year: 9999, month: 12, day: 31))
        #expect(system.day(ofSerial: 2_958_466) == nil)
        #expect(system.serial(of: CalendarDay(year: 2024, month: 1, day: 1)) == 45_292)
        #expect(system.serial(of: CalendarDay(year: 1900, month: 2, day: 28)) == 59)
        #expect(system.serial(of: CalendarDay(year: 1900, month: 3, day: 1)) == 61)
    }

    @Test func the1904SystemStartsOnItsFirstDay() {
        let system = DateSystem.from1904
        #expect(system.day(ofSerial: 0)?.0 == CalendarDay(year: 1904, month: 1, day: 1))
        #expect(system.day(ofSerial: 43_830)?.0 == CalendarDay(year: 2024, month: 1, day: 1))
        #expect(system.day(ofSerial: -1) == nil)
        let (day, fraction) = system.day(ofSerial: 0.75)!
        #expect(day == CalendarDay(year: 1904, month: 1, day: 1) && fraction == 0.75)
    }

    @Test func formatsSayDateZeroPaddedOrPlain() {
        #expect(NumberFormat(builtIn: 14) == .date)
        #expect(NumberFormat(builtIn: 13) == .plain)
        #expect(NumberFormat(builtIn: 22) == .date)
        #expect(NumberFormat(builtIn: 49) == .plain, "@, text")
        #expect(NumberFormat(code: "dd/mm/yyyy") == .date)
        #expect(NumberFormat(code: "[$-42A]d mmmm yyyy") == .date)
        #expect(NumberFormat(code: "0000000000") == .zeroPadded(10))
        #expect(NumberFormat(code: "#,##0 \"đồng\"") == .plain, "the d of a quoted word is no day")
        #expect(NumberFormat(code: "[Red]0.00") == .plain)
        #expect(NumberFormat(code: "0.00E+00") == .plain)
        #expect(NumberFormat(code: "General") == .plain)
    }

    @Test func referencesNameColumnsAndSheets() {
        #expect(CellReference.letters(ofColumn: 0) == "A")
        #expect(CellReference.letters(ofColumn: 25) == "Z")
        #expect(CellReference.letters(ofColumn: 26) == "AA")
        #expect(CellReference.letters(ofColumn: 701) == "ZZ")
        #expect(CellReference.letters(ofColumn: 702) == "AAA")
        #expect(CellReference.parse("C7")! == (2, 7))
        #expect(CellReference.parse("AA10")! == (26, 10))
        #expect(CellReference.parse("7C") == nil)
        #expect(CellReference.parse("C") == nil)
        #expect(CellReference.sheetPrefix("Sheet1") == "Sheet1!")
        #expect(CellReference.sheetPrefix("Đoàn viên") == "'Đoàn viên'!")
        #expect(CellReference.sheetPrefix("Bob's") == "'Bob''s'!")
    }

    @Test func cellTextEscapesWhatXMLCannotHold() {
        let text = "a\u{1}b & <c> \"_x0041_\""
        let escaped = OOXMLText.escaped(text)
        #expect(escaped == "a_x0001_b &amp; &lt;c&gt; &quot;_x005F_x0041_&quot;")
        // What the parser hands back (entities already read) decodes to the text.
        #expect(OOXMLText.decoded("a_x0001_b & <c> \"_x005F_x0041_\"") == text)
        #expect(OOXMLText.decoded("Nguyễn Văn An") == "Nguyễn Văn An")
    }
}
