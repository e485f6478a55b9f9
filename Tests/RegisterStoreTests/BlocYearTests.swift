import Foundation
import RegisterStore
import SeededRandom
import Testing
import UnionRegister

/// A real bloc loaded with its past and run through a year, the way a bloc office would
/// check it by hand: 45 units, 3,326 members loaded from one CSV (most admitted to the
/// Union at school, before their branch existed), then a year of admissions, arrivals,
/// departures, transfers, maturity, removals and temporary stays. The year-end figures of
/// every unit must balance and equal the counts this test keeps itself from the plan it
/// generated, without SQL; and building the register again gives the same report.
@Suite("A bloc of 45 units through a year")
struct BlocYearTests {
    /// The year the figures are for.
    static let year = 2025

    @Test func theYearEndFiguresOfEveryUnitAreTheOnesCountedByHand() throws {
        let bloc = BlocPlan()
        let built = try bloc.build()
        defer { try? FileManager.default.removeItem(at: built.directory) }
        let report = try built.register.yearEndReport(unitCode: nil, period: try ReportPeriod.year(Self.year))
        #expect(report.balance.holds)
        let rows = report.root.flattened().map(\.figures)
        #expect(rows.count == 45)
        #expect(bloc.initialMembers == 3_326)
        #expect(bloc.admittedBeforeTheirBranch * 2 > bloc.initialMembers)
        for figures in rows {
            let expected = bloc.expected(for: figures.unit.code)
            #expect(figures.members.start == expected.start, "\(figures.unit.code) start")
            #expect(figures.members.admitted == expected.admitted, "\(figures.unit.code) admitted")
            #expect(figures.members.transferredIn == expected.transferredIn, "\(figures.unit.code) in")
            #expect(figures.members.transferredOut == expected.transferredOut, "\(figures.unit.code) out")
            #expect(figures.members.matured == expected.matured, "\(figures.unit.code) matured")
            #expect(figures.members.removed == expected.removed, "\(figures.unit.code) removed")
            #expect(figures.members.end == expected.end, "\(figures.unit.code) end")
        }
        let root = report.root.members
        #expect(root.transferredIn == bloc.arrivals.count && root.transferredOut == bloc.departures.count)
        #expect(root.transferredIn > 0 && root.transferredOut > 0)

        // The same plan built again: the same figures and the same fingerprint.
        let again = try bloc.build()
        defer { try? FileManager.default.removeItem(at: again.directory) }
        #expect(try again.register.yearEndReport(unitCode: nil, period: try ReportPeriod.year(Self.year)) == report)
    }
}

/// The bloc and its year, generated from a fixed seed, with the bookkeeping a bloc
/// office would do by hand: who is in which branch on every day that matters.
private struct BlocPlan {
    struct Unit { var code, name, kind, parent: String; var opened: Day }
    struct Move { var code: String; var kind: String; var on: Day; var from: String?; var to: String? }

    var units: [Unit] = []
    /// Branch of each member at the end of the year before.
    var branchAtStart: [String: String] = [:]
    var initialMembers = 0
    /// Of them, those admitted to the Union before their branch was set up.
    var admittedBeforeTheirBranch = 0
    var membersCSV = "code,full_name,birth_date,gender,unit,joined_on,education,arrived_on,arrived_from,arrival_letter,temporary_until\n"
    var yearMembersCSV = "code,full_name,birth_date,gender,unit,joined_on,education,arrived_on,arrived_from,arrival_letter,temporary_until\n"
    var eventsCSV = "code,event,on,unit,reason,place,letter,until\n"
    var admissions: [Move] = []
    var arrivals: [Move] = []
    var departures: [Move] = []
    var transfers: [Move] = []
    var endings: [Move] = []

    init() {
        var rng = SeededGenerator(seed: 20_251_231)
        let start = Day(year: 2000, month: 1, day: 1)!
        units.append(Unit(code: "DK", name: "Đoàn Khối các cơ quan tỉnh", kind: "bloc", parent: "", opened: start))
        var branches: [Unit] = []
        for union in 1...8 {
            let opened = Day(year: 2011 + union, month: 3, day: 26)!
            units.append(Unit(code: "DCS\(union)", name: "Đoàn cơ sở Sở số \(union)", kind: "grassroots-union", parent: "DK", opened: opened))
            for branch in 1...3 {
                branches.append(Unit(code: "DCS\(union)-CD\(branch)", name: "Chi đoàn \(branch) Sở số \(union)", kind: "branch",
                                     parent: "DCS\(union)", opened: opened.adding(months: 12 * branch)))
            }
        }
        for branch in 1...12 {
            branches.append(Unit(code: "CDCS\(branch)", name: "Chi đoàn cơ sở Ban số \(branch)", kind: "grassroots-branch",
                                 parent: "DK", opened: Day(year: 2014 + branch % 7, month: 9, day: 1)!))
        }
        units += branches
        // Members at the start: most admitted at school before their branch existed, and
        // arrived with their Union book; the others admitted in the branch itself.
        for index in 0..<3_326 {
            let branch = branches[index % branches.count]
            let code = String(format: "M%05d", index)
            let arrivedElsewhere = index % 5 != 0
            let joined = arrivedElsewhere
                ? branch.opened.adding(days: -rng.next(30...2_000))
                : Day(ordinal: branch.opened.ordinal + rng.next(0...(Day(year: 2024, month: 6, day: 30)!.ordinal - branch.opened.ordinal)))
            let born = joined.adding(days: -rng.next((16 * 365)...(24 * 365)))
            if joined < branch.opened { admittedBeforeTheirBranch += 1 }
            var row = "\(code),Đoàn viên \(index),\(born),\(index % 2 == 0 ? "female" : "male"),\(branch.code),\(joined),university,"
            if arrivedElsewhere {
                let latest = Day(year: 2024, month: 12, day: 31)!.ordinal
                let arrived = Day(ordinal: min(latest, branch.opened.ordinal + rng.next(0...3_000)))
                row += "\(arrived),Chi đoàn Trường Đại học số \(index % 17),\(index)/GGT,"
            } else {
                row += ",,,"
            }
            membersCSV += row + "\n"
            branchAtStart[code] = branch.code
        }
        initialMembers = branchAtStart.count
        // The year: one movement each for some members, in date order of the file.
        var lines: [(Day, String)] = []
        var moved = Set<String>()
        for index in stride(from: 7, to: 3_326, by: 11) {
            let code = String(format: "M%05d", index)
            guard moved.insert(code).inserted, let from = branchAtStart[code] else { continue }
            let on = Day(year: BlocYearTests.year, month: 1 + rng.next(0...11), day: 1 + rng.next(0...27))!
            switch rng.next(0...5) {
            case 0, 1:
                let to = branches[rng.next(0...(branches.count - 1))].code
                guard to != from else { continue }
                transfers.append(Move(code: code, kind: "transferred", on: on, from: from, to: to))
                lines.append((on, "\(code),transferred,\(on),\(to),Chuyển công tác,,,"))
            case 2, 3:
                departures.append(Move(code: code, kind: "left", on: on, from: from, to: nil))
                lines.append((on, "\(code),left,\(on),,Chuyển công tác,Đoàn Khối Doanh nghiệp,\(index)/GGT,"))
            case 4:
                endings.append(Move(code: code, kind: "matured", on: on, from: from, to: nil))
                lines.append((on, "\(code),matured,\(on),,Lễ trưởng thành,,,"))
            default:
                endings.append(Move(code: code, kind: "removed", on: on, from: from, to: nil))
                lines.append((on, "\(code),removed,\(on),,Bỏ sinh hoạt,,,"))
            }
        }
        // Members away for a while are still counted at home: no movement.
        for index in stride(from: 3, to: 3_326, by: 97) where !moved.contains(String(format: "M%05d", index)) {
            let on = Day(year: BlocYearTests.year, month: 3, day: 1)!
            lines.append((on, String(format: "M%05d", index) + ",away,\(on),,Học tập trung,Trường Chính trị tỉnh,,\(on.adding(months: 6))"))
        }
        eventsCSV += lines.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: "\n") + "\n"
        // New members of the year: admitted, arrived from outside, or hosted (not counted).
        for index in 0..<240 {
            let branch = branches[rng.next(0...(branches.count - 1))]
            let code = String(format: "N%05d", index)
            let on = Day(year: BlocYearTests.year, month: 1 + rng.next(0...11), day: 1 + rng.next(0...27))!
            switch index % 3 {
            case 0:
                let born = on.adding(days: -rng.next((16 * 365)...(28 * 365)))
                yearMembersCSV += "\(code),Đoàn viên mới \(index),\(born),male,\(branch.code),\(on),college,,,,\n"
                admissions.append(Move(code: code, kind: "admitted", on: on, from: nil, to: branch.code))
            case 1:
                let joined = on.adding(days: -rng.next(100...3_000))
                let born = joined.adding(days: -rng.next((16 * 365)...(24 * 365)))
                yearMembersCSV += "\(code),Đoàn viên chuyển đến \(index),\(born),female,\(branch.code),\(joined),university,\(on),Đoàn Thanh niên huyện,\(index)/GGT,\n"
                arrivals.append(Move(code: code, kind: "arrived", on: on, from: nil, to: branch.code))
            default:
                let joined = on.adding(days: -rng.next(100...3_000))
                let born = joined.adding(days: -rng.next((16 * 365)...(24 * 365)))
                yearMembersCSV += "\(code),Đoàn viên tạm thời \(index),\(born),female,\(branch.code),\(joined),university,\(on),Chi đoàn xã,,\(on.adding(months: 4))\n"
            }
        }
    }

    /// Every unit's ancestors, itself included, from the plan's own parent links.
    func ancestors(of code: String) -> [String] {
        let parents = Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0.parent) })
        var chain = [code], current = code
        while let parent = parents[current], !parent.isEmpty {
            chain.append(parent)
            current = parent
        }
        return chain
    }

    /// The figures of `unit`'s subtree counted from the plan, the way an office adds up the
    /// branches' returns.
    func expected(for unit: String) -> MemberFigures {
        func inside(_ branch: String?) -> Bool { branch.map { ancestors(of: $0).contains(unit) } ?? false }
        var figures = MemberFigures()
        figures.start = branchAtStart.values.filter(inside).count
        figures.admitted = admissions.filter { inside($0.to) }.count
        figures.transferredIn = arrivals.filter { inside($0.to) }.count + transfers.filter { inside($0.to) && !inside($0.from) }.count
        figures.transferredOut = departures.filter { inside($0.from) }.count + transfers.filter { inside($0.from) && !inside($0.to) }.count
        figures.matured = endings.filter { $0.kind == "matured" && inside($0.from) }.count
        figures.removed = endings.filter { $0.kind == "removed" && inside($0.from) }.count
        var atEnd = branchAtStart
        for move in departures + endings { atEnd[move.code] = nil }
        for move in transfers + admissions + arrivals { atEnd[move.code] = move.to }
        figures.end = atEnd.values.filter(inside).count
        return figures
    }

    /// The register: units and the members with their past from one file each, then the
    /// year's new members and movements, through the imports.
    func build() throws -> (directory: URL, register: Register) {
        let directory = FileManager.default.temporaryDirectory.appending(path: "sodoan-bloc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let units = "code,name,kind,parent,opened_on,closed_on\n"
            + self.units.map { "\($0.code),\($0.name),\($0.kind),\($0.parent),\($0.opened)," }.joined(separator: "\n") + "\n"
        try units.write(to: directory.appending(path: "units.csv"), atomically: true, encoding: .utf8)
        try membersCSV.write(to: directory.appending(path: "members.csv"), atomically: true, encoding: .utf8)
        let (register, reports) = try Register.load(from: directory.path, into: directory.appending(path: "r.db").path,
                                                    command: "test", clock: .fixed(today: today))
        #expect(reports.allSatisfy { $0.problems.isEmpty })
        let year = directory.appending(path: "year")
        try FileManager.default.createDirectory(at: year, withIntermediateDirectories: true)
        try yearMembersCSV.write(to: year.appending(path: "members.csv"), atomically: true, encoding: .utf8)
        try eventsCSV.write(to: year.appending(path: "events.csv"), atomically: true, encoding: .utf8)
        _ = try register.importFile(.members, from: year.appending(path: "members.csv").path, dryRun: false)
        _ = try register.importFile(.events, from: year.appending(path: "events.csv").path, dryRun: false)
        return (directory, register)
    }
}
