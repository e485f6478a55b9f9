import Foundation
import PostgresTestSupport
import Testing

/// `sodoan import KIND FILE.xlsx`: workbooks written by the real openpyxl library (date
/// cells, numbers, inline and shared strings, an extra sheet, Vietnamese headers, the 1904
/// date system, formulas) import exactly as the CSV of the same data does; workbooks that
/// cannot be read without a guess are refused whole, naming the cell.
@Suite("import .xlsx", .serialized)
struct SpreadsheetImportTests {
    static let samples = DemoCommandTests.samples

    /// A register with the sample units, loaded from units.csv.
    static func registerWithSampleUnits(_ kind: RegisterEngineKind = .file) throws -> CLI {
        let cli = try CLI(kind)
        try cli.ok(["init", "--name", "Đoàn Khối các cơ quan tỉnh", "--code", "DK", "--opened", "2008-01-01"])
        try cli.ok(["import", "units", samples + "/units.csv"])
        return cli
    }

    /// The sample members as a secretary's workbook: a notes sheet first, then the members
    /// under their Vietnamese headers, days as date cells, phone numbers as numbers shown
    /// with ten digits, names as inline strings and every other text as shared strings.
    static let membersWorkbook = #"""
        src = list(csv.reader(open(sys_samples + "/members.csv", encoding="utf-8-sig")))
        header = src[0]
        vietnamese = {"code": "Số thẻ", "full_name": "Họ và tên", "birth_date": "Ngày sinh", "gender": "Giới tính",
                      "unit": "Chi đoàn", "joined_on": "Ngày vào Đoàn", "education": "Trình độ", "id_number": "Số CCCD",
                      "phone": "Số điện thoại", "email": "Thư điện tử", "workplace": "Đơn vị công tác",
                      "arrived_on": "Ngày chuyển đến", "arrived_from": "Nơi chuyển đến",
                      "arrival_letter": "Số giấy giới thiệu", "temporary_until": "Sinh hoạt tạm thời đến"}
        dates = {"birth_date", "joined_on", "arrived_on", "temporary_until", "party_joined_on"}
        wb = openpyxl.Workbook()
        notes = wb.active
        notes.title = "Hướng dẫn"
        notes.append(["Danh sách đoàn viên gửi Đoàn Khối"])
        ws = wb.create_sheet("Đoàn viên")
        ws.append([vietnamese.get(h, h) for h in header])
        numbers = 0
        for r, row in enumerate(src[1:], start=2):
            for c, (name, value) in enumerate(zip(header, row), start=1):
                cell = ws.cell(row=r, column=c)
                if value == "":
                    continue
                if name in dates:
                    cell.value = datetime.date.fromisoformat(value)
                    cell.number_format = "dd/mm/yyyy"
                elif name == "phone" and value.isdigit() and len(value) == 10:
                    cell.value = int(value)
                    cell.number_format = "0000000000"
                    numbers += 1
                else:
                    cell.value = value
        wb.save("members.xlsx")
        shared = to_shared_strings("members.xlsx")
        print(numbers, shared)
        """#

    @Test(arguments: RegisterEngineKind.allCases) func aMembersWorkbookFromOpenpyxlImportsAsItsCSVDoes(_ kind: RegisterEngineKind) throws {
        let fromSheet = try Self.registerWithSampleUnits(kind), fromCSV = try Self.registerWithSampleUnits(kind)
        defer { fromSheet.cleanUp(); fromCSV.cleanUp() }
        let counts = try OpenPyXL.run("sys_samples = \"\(Self.samples)\"\n" + Self.membersWorkbook, in: fromSheet.directory)
            .split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(counts.count == 2 && counts.allSatisfy { $0 > 100 }, "phone numbers as numbers, shared strings: \(counts)")

        // The first sheet is the notes: without --sheet its header names no column.
        let notes = try fromSheet.refusedLeavingNoTrace(["import", "members", "members.xlsx"], status: 65)
        #expect(notes.contains("members.xlsx: 'Hướng dẫn'!A1: Danh sách đoàn viên gửi Đoàn Khối: Cột \"Danh sách đoàn viên gửi Đoàn Khối\" không rõ"))

        let imported = try fromSheet.ok(["import", "members", "members.xlsx", "--sheet", "Đoàn viên"])
        #expect(imported.contains("204 dòng: thêm 204"))
        try fromCSV.ok(["import", "members", Self.samples + "/members.csv"])
        let exported = try fromSheet.ok(["export", "members", "--include-personal"])
        #expect(exported == (try fromCSV.ok(["export", "members", "--include-personal"])))
        // Leading zeros kept by the cells' format of ten zeros.
        #expect(exported.contains(",0954684874,"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func aWorkbookInThe1904DateSystemReadsItsDaysRight(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.ok(["init", "--name", "Đoàn Khối các cơ quan tỉnh", "--code", "DK", "--opened", "2008-01-01"])
        try OpenPyXL.run(#"""
            from openpyxl.utils.datetime import CALENDAR_MAC_1904
            wb = openpyxl.Workbook()
            wb.epoch = CALENDAR_MAC_1904
            ws = wb.active
            ws.append(["Mã", "Tên", "Loại", "Trực thuộc", "Ngày thành lập"])
            ws.append(["YT", "Đoàn cơ sở Sở Y tế", "grassroots-union", "DK", datetime.date(2008, 3, 1)])
            ws.append(["YT-VP", "Chi đoàn Văn phòng", "branch", "YT", datetime.date(2012, 2, 29)])
            ws["E2"].number_format = ws["E3"].number_format = "dd/mm/yyyy"
            wb.save("units.xlsx")
            assert b"date1904" in zipfile.ZipFile("units.xlsx").read("xl/workbook.xml")
            """#, in: cli.directory)
        try cli.ok(["import", "units", "units.xlsx"])
        let units = try cli.ok(["export", "units"])
        #expect(units.contains("YT,Đoàn cơ sở Sở Y tế,grassroots-union,DK,2008-03-01,"))
        #expect(units.contains("YT-VP,Chi đoàn Văn phòng,branch,YT,2012-02-29,"))
    }

    /// A units sheet whose E3 is `=DATE(2015,1,1)`, as openpyxl writes it (no cached value);
    /// with `cached` the value a spreadsheet program would have saved is put in.
    static func formulaWorkbook(cached: Bool) -> String {
        #"""
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["code", "name", "kind", "parent", "opened_on"])
        ws.append(["YT", "Đoàn cơ sở Sở Y tế", "grassroots-union", "DK", datetime.date(2015, 1, 1)])
        ws.append(["TC", "Chi đoàn cơ sở Sở Tài chính", "grassroots-branch", "DK", "=DATE(2015,1,1)"])
        ws["E2"].number_format = ws["E3"].number_format = "dd/mm/yyyy"
        wb.save("formula.xlsx")
        """# + (cached ? #"""

        z = zipfile.ZipFile("formula.xlsx"); parts = {n: z.read(n) for n in z.namelist()}; z.close()
        sheet = parts["xl/worksheets/sheet1.xml"].decode()
        assert "<f>DATE(2015,1,1)</f><v />" in sheet or "<f>DATE(2015,1,1)</f><v></v>" in sheet, sheet
        parts["xl/worksheets/sheet1.xml"] = re.sub(r"<f>DATE\(2015,1,1\)</f><v ?/>|<f>DATE\(2015,1,1\)</f><v></v>", "<f>DATE(2015,1,1)</f><v>42005</v>", sheet).encode()
        with zipfile.ZipFile("formula.xlsx", "w", zipfile.ZIP_DEFLATED) as out:
            for name, data in parts.items(): out.writestr(name, data)
        """# : "")
    }

    @Test(arguments: RegisterEngineKind.allCases) func aFormulaGivesItsCachedValueAndOneWithoutIsRefused(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.ok(["init", "--name", "Đoàn Khối các cơ quan tỉnh", "--code", "DK", "--opened", "2008-01-01"])
        try OpenPyXL.run(Self.formulaWorkbook(cached: false), in: cli.directory)
        let refused = try cli.refusedLeavingNoTrace(["import", "units", "formula.xlsx", "--lang", "en"], status: 65)
        #expect(refused.contains("formula.xlsx: Sheet!E3: The cell holds a formula saved without its computed value"))

        try OpenPyXL.run(Self.formulaWorkbook(cached: true), in: cli.directory)
        try cli.ok(["import", "units", "formula.xlsx"])
        #expect(try cli.ok(["export", "units"]).contains("TC,Chi đoàn cơ sở Sở Tài chính,grassroots-branch,DK,2015-01-01,"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func mergedHeaderCellsAreRefusedByTheirRange(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.ok(["init", "--name", "Đoàn Khối các cơ quan tỉnh", "--code", "DK", "--opened", "2008-01-01"])
        try OpenPyXL.run(#"""
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.append(["code", None, "kind", "parent", "opened_on"])
            ws.append(["YT", "Đoàn cơ sở Sở Y tế", "grassroots-union", "DK", "2015-01-01"])
            ws.merge_cells("A1:B1")
            wb.save("merged.xlsx")
            """#, in: cli.directory)
        let refused = try cli.refusedLeavingNoTrace(["import", "units", "merged.xlsx"], status: 65)
        #expect(refused.contains("merged.xlsx: Sheet!A1: Các ô tiêu đề A1:B1 bị gộp"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func cellsThatCannotBeReadWithoutAGuessAreRefusedWithTheirPlaceAndReason(_ kind: RegisterEngineKind) throws {
        let cli = try Self.registerWithSampleUnits(kind)
        defer { cli.cleanUp() }
        try OpenPyXL.run(#"""
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "Sheet1"
            ws.append(["code", "full_name", "birth_date", "gender", "unit", "joined_on", "education"])
            for n in range(2, 7):
                ws.append(["DV9%03d" % n, "Nguyễn Văn An", datetime.date(2000, 1, n), "male", "TC", datetime.date(2016, 3, 26), "university"])
            ws.append(["DV9007", "Lê Thị Hoa", "31/02/1999", "female", "TC", datetime.date(2016, 3, 26), "university"])
            ws.append(["DV9008", "Lê Thị Mai", datetime.datetime(2000, 5, 1, 8, 30), "female", "TC", datetime.date(2016, 3, 26), "university"])
            ws.append(["DV9009", "Lê Thị Lan", datetime.date(2000, 5, 2), "female", "TC", datetime.date(2016, 3, 26), 1234567890123456])
            for ref in ("C2", "C3", "C4", "C5", "C6", "C8", "C9", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9"):
                ws[ref].number_format = "dd/mm/yyyy hh:mm" if ref == "C8" else "dd/mm/yyyy"
            wb.save("bad.xlsx")
            wb.create_sheet("Khác")
            wb.save("sheets.xlsx")
            """#, in: cli.directory)
        let refused = try cli.refusedLeavingNoTrace(["import", "members", "bad.xlsx"], status: 65)
        #expect(refused.contains("bad.xlsx: Sheet1!C7: birth_date: \"31/02/1999\" không phải ngày"))
        #expect(refused.contains("bad.xlsx: Sheet1!C8: birth_date: Ô là ngày 2000-05-01 kèm giờ trong ngày"))
        #expect(refused.contains("bad.xlsx: Sheet1!G9: education: Ô là số 1234567890123456 có hơn 15 chữ số"))
        #expect(refused.contains("3 lỗi trong bad.xlsx; không ghi gì vào sổ."))

        let missing = try cli.refusedLeavingNoTrace(["import", "members", "sheets.xlsx", "--sheet", "Đoàn viên", "--lang", "en"], status: 65)
        #expect(missing.contains("sheets.xlsx has no sheet \"Đoàn viên\"; its sheets are \"Sheet1\", \"Khác\". Choose one with --sheet."))
    }

    @Test(arguments: RegisterEngineKind.allCases) func filesThatAreNoWorkbookAreRefusedSayingWhatTheyAre(_ kind: RegisterEngineKind) throws {
        let cli = try Self.registerWithSampleUnits(kind)
        defer { cli.cleanUp() }
        let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        let directoryEntry = Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let legacy = cli.directory.appending(path: "old.xls"), locked = cli.directory.appending(path: "locked.xlsx")
        try Data(oleMagic + [UInt8](repeating: 0, count: 1024) + Array("Workbook".utf16.flatMap { [UInt8($0), 0] })).write(to: legacy)
        try Data(oleMagic + [UInt8](repeating: 0, count: 2048) + directoryEntry).write(to: locked)
        let text = try cli.file("members.xlsx", "code,full_name\nDV1,An\n")

        let cases: [(String, String)] = [
            (legacy.path, "is an Excel 97–2003 file (.xls)"),
            (locked.path, "is protected by a password and cannot be read"),
            (text, "is not an .xlsx workbook (nor CSV)"),
        ]
        for (file, message) in cases {
            let refused = try cli.refusedLeavingNoTrace(["import", "members", file, "--lang", "en"], status: 65)
            #expect(refused.contains(message), "\(file): \(refused)")
        }
        // A CSV file read as a workbook because a sheet is named.
        let asSheet = try cli.refusedLeavingNoTrace(["import", "units", Self.samples + "/units.csv", "--sheet", "Sheet1"], status: 65)
        #expect(asSheet.contains("không phải sổ tính .xlsx"))
    }
}
