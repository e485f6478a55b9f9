import Foundation
import Testing

/// Runs Python with the real openpyxl library (from PyPI), which writes the workbooks the
/// import tests read and reads the workbooks sodoan writes. `.ci/run` installs it; where
/// it is missing the tests that need it fail with this message rather than skip.
enum OpenPyXL {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// Helpers every script can use: `to_shared_strings(path)` moves a workbook's inline
    /// strings (what openpyxl writes) except column B into a shared string table, as Excel
    /// stores them, so one workbook holds both; `canon(value)` is a cell's value as sodoan's
    /// CSV writes it.
    static let prelude = #"""
        import csv, datetime, re, sys, zipfile
        import openpyxl

        def to_shared_strings(path, keep_inline="B"):
            z = zipfile.ZipFile(path)
            parts = {n: z.read(n) for n in z.namelist()}
            z.close()
            strings = []
            def share(m):
                ref, style, text = m.group(1), m.group(2) or "", m.group(3)
                if re.match(keep_inline + r"\d+$", ref):
                    return m.group(0)
                strings.append(text)
                return '<c r="%s"%s t="s"><v>%d</v></c>' % (ref, style, len(strings) - 1)
            pattern = re.compile(r'<c r="([A-Z]+\d+)"( s="\d+")? t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>')
            for name in [n for n in parts if n.startswith("xl/worksheets/")]:
                parts[name] = pattern.sub(share, parts[name].decode()).encode()
            sst = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(strings), len(strings))
            sst += "".join('<si><t xml:space="preserve">%s</t></si>' % s for s in strings) + "</sst>"
            parts["xl/sharedStrings.xml"] = sst.encode()
            parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>",
                b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(b"</Relationships>",
                b'<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
                for name, data in parts.items():
                    out.writestr(name, data)
            return len(strings)

        def canon(value):
            if value is None: return ""
            if isinstance(value, bool): return "true" if value else "false"
            if isinstance(value, datetime.datetime): return value.date().isoformat()
            if isinstance(value, datetime.date): return value.isoformat()
            if isinstance(value, float) and value.is_integer(): return str(int(value))
            return str(value)

        def restored(cell):
            # The apostrophe CSV export puts before a cell that starts like a formula.
            return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell
        """#

    /// Runs `script` (after `prelude`) with python3 in `directory`; returns its standard
    /// output, or throws with its standard error when it fails.
    @discardableResult
    static func run(_ script: String, in directory: URL) throws -> String {
        let path = directory.appending(path: "script-\(UUID().uuidString).py")
        try Data((prelude + "\n" + script).utf8).write(to: path)
        // The python3 on PATH: the one `pip install` put openpyxl into.
        let result = try launch("/usr/bin/env", ["python3", path.path], in: directory)
        if result.status != 0 {
            if result.stderr.contains("No module named 'openpyxl'") || result.status == 127 {
                throw Missing(description: "python3 with openpyxl is needed for the .xlsx tests: pip install openpyxl (.ci/run installs it).")
            }
            throw Missing(description: "the openpyxl script failed: \(result.stderr)")
        }
        return result.stdout
    }

    private static func launch(_ executable: String, _ arguments: [String], in directory: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.launchAlone()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
