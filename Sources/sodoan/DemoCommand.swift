import ArgumentParser
import Foundation
import PostgresStore
import RegisterStore
import UnionRegister

struct DemoCommand: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the sample register of samples/ into a temporary file and tour it.",
        discussion: "With --db PATH the sample register is kept at PATH (which must not exist), or in the empty PostgreSQL database --db postgres://USER@HOST:PORT/NAME names, to explore further.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The folder of sample CSV files (default: ./samples, else the one beside the sources).")
    var samples: String?

    /// The day samples/ describe the register on. The tour looks at the register as of this
    /// day (ages, maturity, referral stages), so it reads the same, and its `check` stays
    /// clean, on whatever day the demo is run: the samples do not age.
    static let samplesDay = Day(year: 2026, month: 11, day: 22)!

    /// The tour: what a secretary would look at first, each run as the real command, as of
    /// `samplesDay`.
    static let tour: [(title: Text, arguments: [String])] = {
        let day = samplesDay.description, nextYear = samplesDay.adding(months: 12).description
        return [
            (Text(vi: "Cây đơn vị và số đoàn viên", en: "The unit tree and its members"), ["unit", "list", "--tree", "--as-of", day]),
            (Text(vi: "Tìm đoàn viên, không cần gõ dấu", en: "Finding members, diacritics optional"),
             ["member", "list", "--search", "nguyen thi", "--as-of", day]),
            (Text(vi: "Đoàn viên sẽ đến tuổi trưởng thành trong một năm tới", en: "Members due for maturity within a year"),
             ["member", "list", "--due-maturity", "--unit", "YT", "--as-of", nextYear]),
            (Text(vi: "Hồ sơ một đoàn viên đã vào Đảng", en: "The record of a member who joined the Party"), ["member", "show", "DV0009"]),
            (Text(vi: "Đoàn viên kết nạp ở trường, chuyển đến chi đoàn sau này", en: "A member admitted at university who arrived later"),
             ["member", "history", "DV0201"]),
            (Text(vi: "Chuyển sinh hoạt đi rồi chuyển về", en: "A member who left and came back"), ["member", "history", "DV0012"]),
            (Text(vi: "Giấy giới thiệu sinh hoạt đoàn của người chuyển đi", en: "The introduction letter of a departure"),
             ["member", "letter", "DV0013"]),
            (Text(vi: "Đoàn viên sinh hoạt tạm thời (không tính vào số đoàn viên)", en: "Temporary members (not counted)"),
             ["member", "list", "--status", "temporary", "--as-of", "2025-12-31"]),
            (Text(vi: "Ai đủ điều kiện để chi đoàn đề xuất", en: "Who the branch may nominate"),
             ["referral", "candidates", "--step", "nominate", "--unit", "YT-VP", "--on", day]),
            (Text(vi: "Xét điều kiện ra nghị quyết giới thiệu, từng tiêu chí", en: "Checking the referral resolution, criterion by criterion"),
             ["referral", "check", "DV0022", "--step", "refer", "--on", day]),
            (Text(vi: "Danh sách giới thiệu đoàn viên ưu tú", en: "The referral list"), ["referral", "list", "--unit", "YT", "--on", day]),
            (Text(vi: "Ai học lý luận chính trị năm 2025", en: "Who took political theory in 2025"), ["training", "list", "--year", "2025", "--kind", "theory-elementary"]),
            (Text(vi: "Số liệu tổng kết năm 2025 của một đoàn cơ sở", en: "Year-end figures of 2025 for one grassroots union"),
             ["report", "annual", "--year", "2025", "--unit", "YT"]),
            (Text(vi: "Số liệu tổng kết năm 2025 của cả Đoàn Khối: chuyển đến, chuyển đi",
                  en: "Year-end figures of 2025 for the whole bloc: arrivals and departures"), ["report", "annual", "--year", "2025"]),
            (Text(vi: "Đoàn phí năm 2026 của một đoàn cơ sở: thu, giữ lại, nộp cấp trên", en: "A grassroots union's dues in 2026: collected, kept, sent up"),
             ["dues", "report", "--from", "2026-01", "--to", "2026-11", "--unit", "YT"]),
            (Text(vi: "Kiểm tra toàn bộ sổ", en: "Checking the whole register"), ["check", "--as-of", day]),
        ]
    }()

    func execute() throws {
        let vi = global.language == .vi
        let folder = try samplesFolder()
        let directory = FileManager.default.temporaryDirectory.appending(path: "sodoan-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // `--db` keeps the sample register, in a new file or an empty PostgreSQL database.
        let location: RegisterLocation = global.db == nil ? .file(directory.appending(path: "demo.db").path) : try global.location()
        let (register, reports) = try load(folder, into: location)
        let path = location.description
        print(vi ? "Sổ mẫu \"\(try register.name())\" (tính đến ngày \(Self.samplesDay)) nạp từ \(folder):"
                 : "Sample register \"\(try register.name())\" (as of \(Self.samplesDay)) loaded from \(folder):")
        for report in reports {
            print("  \(URL(fileURLWithPath: report.file).lastPathComponent): " + Text(vi: "\(report.added) dòng", en: "\(report.added) rows")(global.language))
        }
        for step in Self.tour {
            print("\n## \(step.title(global.language))\n$ sodoan \(step.arguments.joined(separator: " "))\n")
            run(step.arguments + ["--db", path, "--lang", global.lang.rawValue])
        }
        if global.db != nil {
            print(vi ? "\nSổ mẫu được giữ tại \(path)." : "\nThe sample register is kept at \(path).")
        }
    }

    /// Makes the sample register at `location` from `folder`: a new file, or the register
    /// made in an empty PostgreSQL database as `init` makes one, then loaded.
    private func load(_ folder: String, into location: RegisterLocation) throws -> (Register, [ImportReport]) {
        let command = CommandLine.commandForAudit
        switch location {
        case .file(let path):
            return try Register.load(from: folder, into: path, command: command)
        case .postgres(let address):
            let root = try Register.loadedRoot(from: folder)
            try PostgresRegister.create(at: address, name: root.name, rootCode: root.code, openedOn: root.openedOn, command: command)
            let register = try PostgresRegister.open(at: address, command: command)
            return (register, try register.load(from: folder))
        }
    }

    /// Runs one command of the tour in this process; a refusal is shown, not fatal.
    private func run(_ arguments: [String]) {
        do {
            var command = try Sodoan.parseAsRoot(arguments)
            try command.run()
        } catch {
            if let exit = error as? ExitCode, exit == .success { return }
            if !(error is ExitCode) { FileHandle.standardError.write(Data("\(Sodoan.message(for: error))\n".utf8)) }
        }
    }

    /// ./samples when run from the repository, else the folder beside the sources this
    /// binary was built from.
    private func samplesFolder() throws -> String {
        let candidates = [samples, "samples",
                          URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                              .deletingLastPathComponent().appending(path: "samples").path].compactMap { $0 }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/units.csv") }) else {
            throw RegisterError(.missingFile, Text(vi: "Không tìm thấy thư mục samples/ (cần units.csv).",
                                                   en: "No samples/ folder (with units.csv) was found."),
                                fix: Text(vi: "Chạy lệnh từ thư mục mã nguồn, hoặc chỉ rõ --samples THƯ_MỤC.",
                                          en: "Run from the source folder, or give --samples DIR."))
        }
        return found
    }
}
