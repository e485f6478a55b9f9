import ArgumentParser
import Foundation
import RegisterStore
import RegisterViews
import Spreadsheet
import UnionRegister

/// `sodoan export KIND`: units, unit-changes, members, events, offices, grades, trainings, discipline, referrals or dues as CSV or JSON, in
/// the columns `import` reads, so an export imports back unchanged; or as an .xlsx workbook
/// with the columns' Vietnamese headers, which `import` reads back the same.
struct ExportCommand: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write units, unit-changes, members, events, offices, grades, trainings, discipline, referrals or dues as CSV (default) or JSON on stdout, or as an .xlsx workbook.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "units, unit-changes, members, events, offices, grades, trainings, discipline, referrals or dues.")
    var kind: DataKind

    @Option(help: "Only members whose unit is this unit or below it.")
    var unit: String?

    @Option(help: "csv, json or xlsx.")
    var format: OutputFormat = .csv

    @Option(help: "The workbook --format xlsx writes (required with it).")
    var output: String?

    @Flag(help: ArgumentHelp("Include the members' personal data: birth date, national ID number, phone, e-mail, workplace.",
                             discussion: "Left out by default. A members file without them updates registered members on import but cannot create new ones: use this flag for a full copy."))
    var includePersonal = false

    func validate() throws {
        guard [.csv, .json, .xlsx].contains(format) else { throw ValidationError("--format takes csv, json or xlsx here.") }
        try WorkbookOutput.validate(format, output: output)
    }

    func execute() throws {
        let register = try openRegister()
        if let output { return try exportWorkbook(register, to: output) }
        let header = Register.exportHeader(kind, includePersonal: includePersonal)
        var out = BufferedOutput()
        let progress = ProgressLine(language: global.language)
        var rows = 0
        out.write(format == .csv ? CSVWriter.line(header) : "[")
        try register.export(kind, unitCode: unit, includePersonal: includePersonal) { cells in
            if format == .csv {
                out.write(CSVWriter.line(cells))
            } else {
                let object = Dictionary(uniqueKeysWithValues: zip(header, cells.map { $0.isEmpty ? nil : $0 }))
                out.write((rows == 0 ? "\n" : ",\n") + (try JSONOutput.line(object)))
            }
            rows += 1
            if rows % 20_000 == 0 { progress?.show(BulkProgress(rows: rows, bytesDone: 0, bytesTotal: 0)) }
        }
        if format == .json { out.write(rows == 0 ? "]\n" : "\n]\n") }
        out.flush()
        progress?.finish()
    }

    /// The rows streamed into one sheet named for the kind, under the columns' Vietnamese
    /// headers (English with `--lang en`), which `import` reads as it reads the English ones.
    private func exportWorkbook(_ register: Register, to path: String) throws {
        let columns = kind.columns.filter { includePersonal || !$0.isPersonal }
        let workbook = WorkbookWriter(title: "sodoan export \(kind.rawValue)")
        let sheet = try workbook.addSheet(kind.rawValue)
        try sheet.append(columns.map { .text(global.language == .vi ? $0.aliases.first ?? $0.name : $0.name) })
        let progress = ProgressLine(language: global.language)
        var rows = 0
        try register.export(kind, unitCode: unit, includePersonal: includePersonal) { cells in
            try sheet.append(cells.map(WorkbookOutput.cell))
            rows += 1
            if rows % 20_000 == 0 { progress?.show(BulkProgress(rows: rows, bytesDone: 0, bytesTotal: 0)) }
        }
        try WorkbookOutput.write(workbook, to: path)
        progress?.finish()
    }
}

extension DataKind: ExpressibleByArgument {}

/// Standard output written in large blocks: an export of a million rows would otherwise
/// make a million small writes.
struct BufferedOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ text: String) {
        buffer.append(contentsOf: OutputText.safe(text).utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
