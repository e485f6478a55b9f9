import Foundation
import PostgresTestSupport
import RegisterStore
import Testing

/// `--format xlsx --output FILE` on export, lists and reports: openpyxl opens the workbooks
/// sodoan writes and finds, cell by cell, the values of the CSV of the same data, typed
/// (date cells, numbers, booleans, text that is never a formula), under a frozen header
/// with fitted widths; the same register gives the same bytes; and an export imports back
/// into an empty register with the same report fingerprint.
@Suite("write .xlsx", .serialized)
struct SpreadsheetExportTests {
    /// The sample register of samples/, loaded by `demo`.
    static func sampleRegister(_ kind: RegisterEngineKind = .file) throws -> CLI {
        let cli = try CLI(kind)
        let result = try cli.run(["demo", "--samples", DemoCommandTests.samples])
        #expect(result.status == 0, "\(result.stderr)")
        return cli
    }

    /// Compares sheet `sheet` of `book` with the CSV `csv` from its second row on (the
    /// headers differ: the workbook's are Vietnamese), cell by cell, and checks the types
    /// and the frame: no formula anywhere, dates as date cells, whole numbers as numbers,
    /// a frozen header and widths on every column. Prints the rows compared.
    static let compare = #"""
        def compare(book, sheet, csv_path, columns=None):
            wb = openpyxl.load_workbook(book)
            ws = wb[sheet] if isinstance(sheet, str) else wb.worksheets[sheet]
            rows = list(csv.reader(open(csv_path, encoding="utf-8")))
            assert ws.freeze_panes == "A2", ws.freeze_panes
            cells = list(ws.iter_rows())
            assert len(cells) == len(rows), (len(cells), len(rows))
            for c in cells[0]:
                assert c.font.b, "header bold"
            for letter in [c.column_letter for c in cells[0]]:
                assert ws.column_dimensions[letter].width >= 8
            for r, (xrow, crow) in enumerate(zip(cells[1:], rows[1:]), start=2):
                values = [canon(c.value) for c in xrow]
                values += [""] * (len(crow) - len(values))
                expected = [restored(v) for v in crow]
                if columns: expected = [expected[i] for i in columns]
                assert values[:len(expected)] == expected, (r, values, expected)
                for c in xrow:
                    assert c.data_type != "f", (c.coordinate, c.value)
                    v = canon(c.value)
                    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v): assert c.is_date, c.coordinate
                    if re.fullmatch(r"[1-9]\d{0,14}", v): assert isinstance(c.value, int), c.coordinate
                    if v and v[0] == "0": assert isinstance(c.value, str), c.coordinate
            return len(rows) - 1
        """#

    @Test(arguments: RegisterEngineKind.allCases) func everyExportIsTheCSVCellByCellTyped(_ kind: RegisterEngineKind) throws {
        let cli = try Self.sampleRegister(kind)
        defer { cli.cleanUp() }
        var script = Self.compare + "\n"
        for kind in ["units", "members", "events", "grades", "trainings", "discipline", "referrals", "dues"] {
            try Data(try cli.ok(["export", kind, "--include-personal"]).utf8).write(to: cli.directory.appending(path: "\(kind).csv"))
            try cli.ok(["export", kind, "--include-personal", "--format", "xlsx", "--output", "\(kind).xlsx"])
            script += "print(\"\(kind)\", compare(\"\(kind).xlsx\", 0, \"\(kind).csv\"))\n"
        }
        script += #"""
            ws = openpyxl.load_workbook("members.xlsx").active
            print("header", [c.value for c in ws[1]][:5])
            print("born", [c for c in ws[1] if c.value == "Ngày sinh"][0].offset(1, 0).number_format)
            """#
        let out = try OpenPyXL.run(script, in: cli.directory)
        #expect(out.contains("units 12\nmembers 204\n"), "\(out)")
        #expect(out.contains("header ['Số thẻ', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chi đoàn']"))
        #expect(out.contains("born dd/mm/yyyy"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func listsAreTheirCSVUnderTheTablesHeadings(_ kind: RegisterEngineKind) throws {
        let cli = try Self.sampleRegister(kind)
        defer { cli.cleanUp() }
        var rows: [Int] = []
        for (command, name) in [(["member", "list", "--status", "all", "--as-of", "2025-12-31"], "members"),
                                (["referral", "list", "--on", "2025-12-31"], "referrals")] {
            let csv = try cli.ok(command + ["--format", "csv"])
            rows.append(csv.split(separator: "\n").count - 1)
            try Data(csv.utf8).write(to: cli.directory.appending(path: "\(name).csv"))
            try cli.ok(command + ["--format", "xlsx", "--output", "\(name).xlsx"])
        }
        let out = try OpenPyXL.run(Self.compare + #"""

            print(compare("members.xlsx", "Đoàn viên", "members.csv"), compare("referrals.xlsx", "Giới thiệu", "referrals.csv"))
            print([c.value for c in openpyxl.load_workbook("members.xlsx").active[1]])
            """#, in: cli.directory)
        #expect(rows.allSatisfy { $0 > 0 })
        #expect(out.hasPrefix("\(rows[0]) \(rows[1])\n"), "\(out)")
        #expect(out.contains("['Mã', 'Họ và tên', 'Ngày sinh', 'Tuổi', 'Giới tính', 'Chi đoàn', 'Tình trạng', 'Lưu ý']"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func theReportsSectionsAreSheetsWithTheUnitTreeIndentedAndTheFingerprint(_ kind: RegisterEngineKind) throws {
        let cli = try Self.sampleRegister(kind)
        defer { cli.cleanUp() }
        try Data(try cli.ok(["report", "annual", "--year", "2024", "--format", "csv"]).utf8).write(to: cli.directory.appending(path: "report.csv"))
        try cli.ok(["report", "annual", "--year", "2024", "--format", "xlsx", "--output", "report.xlsx"])
        let out = try OpenPyXL.run(#"""
            wb = openpyxl.load_workbook("report.xlsx")
            rows = list(csv.reader(open("report.csv", encoding="utf-8")))
            header = rows[0]
            print(wb.sheetnames[:3])
            figures = []
            for ws in wb.worksheets[1:]:
                assert ws.freeze_panes == "A2"
                lines = list(ws.iter_rows(values_only=False))
                assert len(lines) == len(rows)
                for xrow, crow in zip(lines[1:], rows[1:]):
                    assert xrow[1].value == crow[0]
                    assert xrow[0].value == crow[1]
                    assert int(xrow[0].alignment.indent) == int(crow[4]), (xrow[0].value, xrow[0].alignment.indent, crow[4])
                figures.append([[canon(c.value) for c in xrow[2:]] for xrow in lines[1:]])
            joined = [sum((sheet[i] for sheet in figures), []) for i in range(len(rows) - 1)]
            assert joined == [r[7:-1] for r in rows[1:]], "figures differ"
            for ws in wb.worksheets[1:]:
                for row in ws.iter_rows(min_row=2):
                    for c in row[2:]: assert isinstance(c.value, (int, bool)), (ws.title, c.coordinate, c.value)
            cover = {r[0].value: r[1].value for r in wb.worksheets[0].iter_rows(min_row=2)}
            fingerprint = [p.value for p in wb.custom_doc_props.props if p.name == "fingerprint"][0]
            assert fingerprint == rows[1][-1] == cover["Mã kiểm tra dữ liệu sổ (SHA-256)"]
            print(len(rows) - 1, "units", fingerprint)
            """#, in: cli.directory)
        #expect(out.contains("['Báo cáo', 'Tổ chức Đoàn', 'Đoàn viên']"), "\(out)")
        #expect(out.contains("12 units "))
    }

    @Test(arguments: RegisterEngineKind.allCases) func theSameRegisterWritesTheSameBytes(_ kind: RegisterEngineKind) throws {
        let cli = try Self.sampleRegister(kind)
        defer { cli.cleanUp() }
        for name in ["a", "b"] {
            try cli.ok(["export", "members", "--format", "xlsx", "--output", "\(name).xlsx"])
            try cli.ok(["report", "period", "--from", "2024-01-01", "--to", "2024-06-30", "--format", "xlsx", "--output", "\(name)-report.xlsx"])
        }
        let bytes = { (name: String) in try Data(contentsOf: cli.directory.appending(path: name)) }
        #expect(try bytes("a.xlsx") == bytes("b.xlsx"))
        #expect(try bytes("a-report.xlsx") == bytes("b-report.xlsx"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func anExportImportsBackIntoAnEmptyRegisterWithTheSameFingerprint(_ kind: RegisterEngineKind) throws {
        let source = try Self.sampleRegister(kind), copy = try CLI(kind)
        defer { source.cleanUp(); copy.cleanUp() }
        // Every kind, in the order an import into an empty register takes them.
        let kinds = DataKind.allCases.map(\.rawValue)
        for kind in kinds {
            try source.ok(["export", kind, "--include-personal", "--format", "xlsx", "--output", copy.directory.appending(path: "\(kind).xlsx").path])
        }
        try copy.ok(["init", "--name", "Đoàn Khối các cơ quan tỉnh", "--code", "DK", "--opened", "2008-01-01"])
        for kind in kinds { try copy.ok(["import", kind, "\(kind).xlsx"]) }
        let fingerprint = { (cli: CLI) throws -> String in
            let json = try cli.ok(["report", "annual", "--year", "2025", "--format", "json"])
            return try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["fingerprint"] as? String)
        }
        #expect(try fingerprint(copy) == fingerprint(source))
    }

    @Test(arguments: RegisterEngineKind.allCases) func textThatLooksLikeAFormulaIsAStringCell(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        try cli.ok(["unit", "add", "F1", "--name", "=HYPERLINK(\"http://x\",\"bấm\")", "--kind", "branch", "--parent", "YT", "--opened", "2015-01-01"])
        try cli.ok(["export", "units", "--format", "xlsx", "--output", "units.xlsx"])
        let out = try OpenPyXL.run(#"""
            ws = openpyxl.load_workbook("units.xlsx").active
            cell = [r[1] for r in ws.iter_rows() if r[0].value == "F1"][0]
            print(cell.data_type, cell.value, cell.quotePrefix)
            """#, in: cli.directory)
        #expect(out == "s =HYPERLINK(\"http://x\",\"bấm\") True\n", "\(out)")
    }

    @Test(arguments: RegisterEngineKind.allCases) func aWorkbookNeedsAFileAndAFileNeedsAWorkbook(_ kind: RegisterEngineKind) throws {
        let cli = try Self.sampleRegister(kind)
        defer { cli.cleanUp() }
        #expect(try cli.run(["export", "members", "--format", "xlsx"]).stderr.contains("--format xlsx needs --output FILE.xlsx."))
        #expect(try cli.run(["report", "annual", "--year", "2024", "--output", "r.xlsx"]).status == 64)
        #expect(try cli.run(["report", "summary", "--year", "2024", "--format", "xlsx"]).status == 64)
        let unwritable = try cli.run(["member", "list", "--format", "xlsx", "--output", "/nonexistent/dir/m.xlsx", "--lang", "en"])
        #expect(unwritable.status == 66)
        #expect(unwritable.stderr.contains("The file /nonexistent/dir/m.xlsx cannot be written."))
    }
}
