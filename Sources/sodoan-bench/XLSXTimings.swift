import Foundation
import Spreadsheet

/// `--xlsx yes`: the import of a members workbook against the import of the same rows as
/// CSV (issue 17). The generated members file is also written as a workbook, its days as
/// date cells and every other cell as an inline string (as sodoan's own export writes
/// them), then each file is imported `runs` times into a copy of the same units-only
/// register. Prints their medians, the ratio and each one's peak memory.
func xlsxTimings(_ options: Options) throws {
    let fm = FileManager.default
    try? fm.removeItem(atPath: options.dir)
    try fm.createDirectory(atPath: options.dir, withIntermediateDirectories: true)
    let generator = RegisterGenerator(members: options.members)
    let csv = options.dir + "/members.csv", xlsx = options.dir + "/members.xlsx"
    let template = options.dir + "/units.db", register = options.dir + "/register.db"
    log("generating \(options.members) members in \(generator.unions) grassroots unions …")
    try generator.writeMembersCSV(to: csv)
    try generator.makeUnits(at: template)
    try writeWorkbook(of: csv, to: xlsx)

    var lines: [Line] = []
    for (name, file) in [("sodoan import members, CSV", csv), ("sodoan import members, .xlsx", xlsx)] {
        var line = Line(operation: name, times: [], peakMB: 0, limit: "", pass: nil)
        try timeImports(of: file, runs: options.runs, options: options, template: template, register: register, into: &line)
        lines.append(line)
    }
    let size = { (path: String) in String(format: "%.1f MB", Double((try? fm.attributesOfItem(atPath: path))?[.size] as? Int ?? 0) / 1e6) }
    print("sodoan-bench --xlsx: \(options.members) members (CSV \(size(csv)), .xlsx \(size(xlsx))), \(options.runs) runs each, medians")
    print("| import | median | ratio to CSV | peak memory |")
    print("|---|---:|---:|---:|")
    for line in lines {
        print("| \(line.operation) | \(String(format: "%.2f s", line.median)) | \(String(format: "%.2f×", line.median / lines[0].median)) | \(Int(line.peakMB)) MB |")
    }
}

/// The CSV (the generator's: no quoted fields) as one sheet, days as date cells.
private func writeWorkbook(of csv: String, to path: String) throws {
    let workbook = WorkbookWriter(title: "members")
    let sheet = try workbook.addSheet("members")
    let text = try String(contentsOfFile: csv, encoding: .utf8)
    var header: [String]?
    var dateColumns: Set<Int> = []
    for line in text.split(separator: "\n") {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard header != nil else {
            header = fields
            dateColumns = Set(fields.indices.filter { fields[$0].hasSuffix("_date") || fields[$0].hasSuffix("_on") })
            try sheet.append(fields.map(OutputCell.text))
            continue
        }
        try sheet.append(fields.enumerated().map { index, field in
            if field.isEmpty { return .empty }
            guard dateColumns.contains(index) else { return .text(field) }
            let parts = field.split(separator: "-").compactMap { Int($0) }
            return .date(CalendarDay(year: parts[0], month: parts[1], day: parts[2]))
        })
    }
    try workbook.write(to: path)
}
