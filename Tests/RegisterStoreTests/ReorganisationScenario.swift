import Foundation
import PostgresTestSupport
@testable import RegisterStore
import UnionRegister

extension TemporaryRegister {
    /// DK (the usual tree, with a nested bloc NB and a grassroots union SG under DK) and a
    /// second root bloc DN → DD → DD1, DD2, with members admitted in 2016.
    static func reorganisationScenario(on kind: RegisterEngineKind) throws -> TemporaryRegister {
        let temp = try TemporaryRegister(on: kind)
        let r = temp.register
        let opened = day("2015-01-01")
        try r.addUnit(Unit(code: "NB", name: "Đoàn Khối cơ quan Đảng", kind: .bloc, parentCode: "DK", openedOn: opened))
        try r.addUnit(Unit(code: "SG", name: "Đoàn cơ sở Sở Giáo dục", kind: .grassrootsUnion, parentCode: "DK", openedOn: opened))
        try r.addUnit(Unit(code: "SG1", name: "Chi đoàn Giáo viên", kind: .branch, parentCode: "SG", openedOn: opened))
        try r.addUnit(Unit(code: "DN", name: "Đoàn Khối doanh nghiệp tỉnh", kind: .bloc, parentCode: nil, openedOn: opened))
        try r.addUnit(Unit(code: "DD", name: "Đoàn cơ sở Điện lực", kind: .grassrootsUnion, parentCode: "DN", openedOn: opened))
        try r.addUnit(Unit(code: "DD1", name: "Chi đoàn Truyền tải", kind: .branch, parentCode: "DD", openedOn: opened))
        try r.addUnit(Unit(code: "DD2", name: "Chi đoàn Phân phối", kind: .branch, parentCode: "DD", openedOn: opened))
        var n = 0
        for (unit, count) in [("YT-VP", 3), ("YT-BV", 2), ("TC", 2), ("SG1", 2), ("DD1", 2), ("DD2", 1)] {
            for _ in 0..<count {
                n += 1
                try temp.addMember(String(format: "DV%03d", n), "Trần Thị Mai \(n)", born: "1998-04-0\(n % 9 + 1)", joined: "2016-05-01", unit: unit)
            }
        }
        return temp
    }

    /// The scenario reorganised: YT-VP renamed, the bloc DN merged into DK, SG moved under
    /// NB, and YT-BV split between YT-VP and DD1, all in 2020.
    static func reorganisedScenario(on kind: RegisterEngineKind) throws -> TemporaryRegister {
        let temp = try reorganisationScenario(on: kind)
        let r = temp.register
        try r.renameUnit("YT-VP", to: "Chi đoàn Hành chính", on: day("2020-03-01"))
        try r.mergeUnits(["DN"], into: "DK", on: day("2020-06-01"))
        try r.moveUnit("SG", under: "NB", on: day("2020-09-01"))
        try r.splitUnit("YT-BV", plan: SplitPlan(placements: [SplitPlan.Placement(code: "DV004", unitCode: "YT-VP", line: 2),
                                                              SplitPlan.Placement(code: "DV005", unitCode: "DD1", line: 3)]),
                        on: day("2020-10-01"))
        return temp
    }
}
