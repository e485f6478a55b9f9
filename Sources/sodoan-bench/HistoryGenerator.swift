import Foundation
import SeededRandom
import UnionRegister

/// A bloc with `years` years of history ending 2025-12-31 (2021–2025 for five), for timing `report annual` at the scale of
/// issue 5: about `units` units (the bloc, grassroots unions of 19 branches each) and
/// `members` members admitted over those years, between 15 and 30, spread evenly over
/// the branches; some transferred (a third of them to another grassroots union), most of
/// those who turn 30 matured, a few removed; a grade for every year with 6 whole months of
/// membership, and new-member and member-programme trainings. Written as the CSV files
/// `sodoan import` reads, every row valid under the domain's rules.
struct HistoryGenerator {
    static let branchesPerUnion = 19
    static let last = Day(year: 2025, month: 12, day: 31)!
    static let opened = Day(year: 2000, month: 1, day: 1)!
    static let provider = "Đoàn Khối các cơ quan tỉnh"

    let members: Int
    let unions: Int
    let years: Int
    var first: Day { Day(year: Self.last.year - years + 1, month: 1, day: 1)! }
    var branches: Int { unions * Self.branchesPerUnion }
    var unitCount: Int { 1 + unions * (1 + Self.branchesPerUnion) }

    init(members: Int, units: Int, years: Int) {
        self.members = members
        self.years = years
        unions = max(1, units / (1 + Self.branchesPerUnion))
    }

    private func branchCode(_ branch: Int) -> String {
        RegisterGenerator.branchCode(union: branch / Self.branchesPerUnion, branch: branch % Self.branchesPerUnion)
    }

    /// Writes units.csv, members.csv, events.csv, grades.csv and trainings.csv into `dir`.
    func writeFiles(in dir: String, seed: UInt64 = 20_211_231) throws {
        var units = try CSVFile(path: dir + "/units.csv", header: "code,name,kind,parent,opened_on,closed_on")
        units.append(["DK", "Đoàn Khối các cơ quan tỉnh", "bloc", "", Self.opened.description, ""])
        for u in 0..<unions {
            units.append([RegisterGenerator.unionCode(u), "Đoàn cơ sở \(u + 1)", "grassroots-union", "DK", Self.opened.description, ""])
            for b in 0..<Self.branchesPerUnion {
                units.append([RegisterGenerator.branchCode(union: u, branch: b), "Chi đoàn \(u + 1).\(b + 1)", "branch",
                              RegisterGenerator.unionCode(u), Self.opened.description, ""])
            }
        }
        try units.close()

        var rng = SeededGenerator(seed: seed)
        var memberFile = try CSVFile(path: dir + "/members.csv", header: RegisterGenerator.membersHeader)
        var grades = try CSVFile(path: dir + "/grades.csv", header: "code,year,grade")
        var trainings = try CSVFile(path: dir + "/trainings.csv", header: "code,kind,started_on,completed_on,provider,certificate_no,result")
        var events: [(day: Day, fields: [String])] = []
        for index in 0..<members {
            let code = RegisterGenerator.memberCode(index)
            let female = Bool.random(using: &rng)
            let name = RegisterGenerator.name(female: female, using: &rng)
            let joined = Day(ordinal: Int.random(in: first.ordinal...Self.last.ordinal, using: &rng))
            // Older than 15 by a few days and younger than 30 on the day of admission.
            let born = Day(ordinal: joined.ordinal - Int.random(in: (15 * 365 + 5)...(29 * 365), using: &rng))
            let branch = index * branches / members
            memberFile.append(RegisterGenerator.memberRow(index, name: name, female: female, born: born,
                                                          unit: branchCode(branch), joined: joined, using: &rng))
            let history = memberEvents(code: code, born: born, joined: joined, branch: branch, using: &rng)
            events += history.csv
            for year in first.year...Self.last.year
            where history.membership.wholeMonthsInUnion(in: year, joinedOn: joined) >= GradeRule.minimumMonths {
                grades.append([code, String(year), rng.pick([("excellent", 15), ("good", 50), ("pass", 30), ("fail", 5)])])
            }
            if Int.random(in: 0..<10, using: &rng) < 4 {
                let started = Day(ordinal: joined.ordinal + Int.random(in: 20...120, using: &rng))
                let completed = Day(ordinal: started.ordinal + 2)
                if completed <= Self.last {
                    trainings.append([code, "new-member", started.description, completed.description, Self.provider, "", "Đạt"])
                }
            }
            if Int.random(in: 0..<10, using: &rng) == 0 {
                let started = Day(ordinal: joined.ordinal + Int.random(in: 180...720, using: &rng))
                let completed = Day(ordinal: started.ordinal + 30)
                if completed <= Self.last {
                    trainings.append([code, "member-programme", started.description, completed.description, Self.provider, "", "Giỏi"])
                }
            }
        }
        try memberFile.close()
        try grades.close()
        try trainings.close()

        var eventFile = try CSVFile(path: dir + "/events.csv", header: "code,event,on,unit,reason")
        for event in events.sorted(by: { $0.day < $1.day }) { eventFile.append(event.fields) }
        try eventFile.close()
    }

    /// The member's events after admission, as rows of the events file and as the domain's
    /// history (which says how many whole months of each year they were a member).
    private func memberEvents(code: String, born: Day, joined: Day, branch: Int,
                              using rng: inout SeededGenerator) -> (csv: [(day: Day, fields: [String])], membership: MembershipHistory) {
        var membership = [MembershipEvent(kind: .admitted, on: joined, unitCode: branchCode(branch))]
        var csv: [(day: Day, fields: [String])] = []
        // Most of those who turn 30 before the end mature within a few months; a few others are removed.
        var ending: (kind: MembershipEventKind, day: Day)?
        let maturity = Day(ordinal: born.adding(months: 30 * 12).ordinal + Int.random(in: 10...150, using: &rng))
        if maturity <= Self.last, Int.random(in: 0..<100, using: &rng) < 85 {
            ending = (.matured, maturity)
        } else if Int.random(in: 0..<100, using: &rng) < 2, joined.ordinal + 120 < Self.last.ordinal {
            ending = (.removed, Day(ordinal: Int.random(in: (joined.ordinal + 120)...Self.last.ordinal, using: &rng)))
        }
        var unit = branchCode(branch)
        let moved = Day(ordinal: joined.ordinal + Int.random(in: 90...1_200, using: &rng))
        if Int.random(in: 0..<100, using: &rng) < 15, moved <= Self.last, moved < ending?.day ?? Self.last.next {
            let sameUnion = branch / Self.branchesPerUnion
            let union = unions > 1 && Int.random(in: 0..<3, using: &rng) == 0
                ? (sameUnion + Int.random(in: 1..<unions, using: &rng)) % unions : sameUnion
            var target = union * Self.branchesPerUnion + Int.random(in: 0..<Self.branchesPerUnion, using: &rng)
            if target == branch { target = union * Self.branchesPerUnion + (target + 1) % Self.branchesPerUnion }
            unit = branchCode(target)
            membership.append(MembershipEvent(kind: .transferred, on: moved, unitCode: unit, fromUnitCode: branchCode(branch)))
            csv.append((moved, [code, "transferred", moved.description, unit, "Chuyển công tác"]))
        }
        if let ending {
            membership.append(MembershipEvent(kind: ending.kind, on: ending.day, unitCode: unit))
            csv.append((ending.day, [code, ending.kind.rawValue, ending.day.description, "",
                                     ending.kind == .matured ? "Lễ trưởng thành Đoàn" : "Không sinh hoạt 3 tháng"]))
        }
        return (csv, MembershipHistory(events: membership))
    }
}
