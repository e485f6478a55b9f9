import Foundation
@testable import RegisterStore
import UnionRegister

/// A register in a fresh temporary directory, removed when the test ends.
final class TemporaryRegister {
    let directory: URL
    let register: Register
    var path: String { register.path }

    /// An empty register with a bloc DK and, when `tree` is set, the usual small tree:
    /// DK → YT (grassroots union) → YT-VP, YT-BV (branches), and DK → TC (grassroots branch).
    init(tree: Bool = true) throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "sodoan-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        register = try Register.create(at: directory.appending(path: "register.db").path, name: "Đoàn Khối các cơ quan tỉnh",
                                       rootCode: "DK", openedOn: day("2015-01-01"), command: "test",
                                       clock: .fixed(today: today))
        if tree {
            try register.addUnit(Unit(code: "YT", name: "Đoàn cơ sở Sở Y tế", kind: .grassrootsUnion, parentCode: "DK", openedOn: day("2015-01-01")))
            try register.addUnit(Unit(code: "YT-VP", name: "Chi đoàn Văn phòng", kind: .branch, parentCode: "YT", openedOn: day("2015-01-01")))
            try register.addUnit(Unit(code: "YT-BV", name: "Chi đoàn Bệnh viện", kind: .branch, parentCode: "YT", openedOn: day("2015-01-01")))
            try register.addUnit(Unit(code: "TC", name: "Chi đoàn cơ sở Sở Tài chính", kind: .grassrootsBranch, parentCode: "DK", openedOn: day("2015-01-01")))
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Adds a member admitted to `unit` on `joined`.
    @discardableResult
    func addMember(_ code: String, _ name: String, born: String, joined: String, unit: String = "YT-VP",
                   gender: Gender = .female) throws -> Member {
        try register.addMember(Member(code: code, fullName: name, birthDate: day(born), gender: gender,
                                      education: .university, joinedOn: day(joined)),
                               unitCode: unit)
    }

    func count(_ sql: String) throws -> Int {
        try register.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }
}

func day(_ text: String) -> Day { Day(parsing: text)! }

let today = day("2026-11-22")
