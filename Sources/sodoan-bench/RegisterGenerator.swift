import Foundation
import RegisterStore
import SeededRandom
import UnionRegister

/// Generates a bloc's register at scale: a tree of grassroots unions of 5,000 members (20
/// branches of 250 each), and a members CSV with realistic Vietnamese names (family names
/// at their national frequencies, gendered middle and given names), ages 16 to 35 on the
/// reference day, admissions between 15 and 30, and unique national ID numbers.
struct RegisterGenerator {
    static let branchesPerUnion = 20
    static let membersPerBranch = 250
    static let today = Day(year: 2025, month: 12, day: 31)!
    static let opened = Day(year: 2000, month: 1, day: 1)!

    let members: Int
    var unions: Int { max(1, (members + 4_999) / 5_000) }

    static func unionCode(_ index: Int) -> String { "CS" + String(format: "%03d", index + 1) }
    static func branchCode(union: Int, branch: Int) -> String { unionCode(union) + "-" + String(format: "%02d", branch + 1) }
    static func memberCode(_ index: Int) -> String { "DV" + String(format: "%07d", index + 1) }

    /// A register holding the unit tree and no members.
    func makeUnits(at path: String) throws {
        let register = try Register.create(at: path, name: "Đoàn Khối các cơ quan tỉnh", rootCode: "DK",
                                           openedOn: Self.opened, command: "sodoan-bench")
        for u in 0..<unions {
            try register.addUnit(Unit(code: Self.unionCode(u), name: "Đoàn cơ sở \(u + 1)", kind: .grassrootsUnion,
                                      parentCode: "DK", openedOn: Self.opened))
            for b in 0..<Self.branchesPerUnion {
                try register.addUnit(Unit(code: Self.branchCode(union: u, branch: b), name: "Chi đoàn \(u + 1).\(b + 1)",
                                          kind: .branch, parentCode: Self.unionCode(u), openedOn: Self.opened))
            }
        }
    }

    static let families: [(String, Int)] = [
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 71), ("Hoàng", 51), ("Huỳnh", 30), ("Phan", 45),
        ("Vũ", 39), ("Võ", 25), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10),
        ("Lý", 5), ("Đinh", 6), ("Trương", 6), ("Lâm", 4), ("Mai", 4), ("Trịnh", 4), ("Đào", 4), ("Cao", 3), ("Hà", 3),
    ]
    static let maleMiddles: [(String, Int)] = [
        ("Văn", 40), ("Đức", 10), ("Minh", 10), ("Quang", 8), ("Hữu", 8), ("Công", 6), ("Thanh", 6), ("Ngọc", 4),
        ("Xuân", 4), ("Hoàng", 4), ("Tiến", 4), ("Quốc", 6),
    ]
    static let femaleMiddles: [(String, Int)] = [
        ("Thị", 45), ("Ngọc", 10), ("Thu", 8), ("Thanh", 6), ("Minh", 5), ("Kim", 5), ("Thùy", 5), ("Hồng", 5),
        ("Phương", 4), ("Mai", 4), ("Bảo", 3),
    ]
    static let maleGiven = ["An", "Anh", "Bảo", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Hải", "Hiếu", "Hoàng", "Hùng",
                            "Huy", "Khánh", "Khoa", "Kiên", "Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân",
                            "Sơn", "Tài", "Thắng", "Thành", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Đức"]
    static let femaleGiven = ["An", "Anh", "Châu", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hương",
                              "Huyền", "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh",
                              "Phương", "Quỳnh", "Tâm", "Thảo", "Thu", "Thủy", "Trang", "Trinh", "Vân", "Yến", "Thư"]
    static let educations: [(String, Int)] = [
        ("university", 45), ("college", 10), ("vocational", 10), ("upper-secondary", 30), ("lower-secondary", 4), ("postgraduate", 1),
    ]
    static let workplaces = ["Sở Y tế", "Sở Tài chính", "Bệnh viện Đa khoa tỉnh", "Sở Giáo dục và Đào tạo", "Kho bạc Nhà nước",
                             "Sở Tư pháp", "Văn phòng UBND tỉnh", "Cục Thuế tỉnh", "Sở Xây dựng", "Đài Phát thanh - Truyền hình"]

    static let membersHeader = "code,full_name,birth_date,gender,unit,joined_on,education,id_number,phone,email,workplace"

    /// Writes the members file in the columns `import members` reads, with the personal columns.
    func writeMembersCSV(to path: String, seed: UInt64 = 20_251_231) throws {
        var rng = SeededGenerator(seed: seed)
        var file = try CSVFile(path: path, header: Self.membersHeader)
        let todayOrdinal = Self.today.ordinal
        for index in 0..<members {
            let female = Bool.random(using: &rng)
            let name = Self.name(female: female, using: &rng)
            // Ages 16 to 35 on the reference day; admitted from 15 years and a few days to 30 and
            // never after today.
            let born = Day(ordinal: todayOrdinal - Int.random(in: (16 * 365 + 5)...(35 * 365), using: &rng))
            let earliest = born.adding(months: 15 * 12).ordinal + 2
            let latest = min(todayOrdinal, born.adding(months: 30 * 12).ordinal, earliest + 8 * 365)
            let joined = Day(ordinal: Int.random(in: earliest...max(earliest, latest), using: &rng))
            let branch = index / Self.membersPerBranch
            let unit = Self.branchCode(union: branch / Self.branchesPerUnion % unions, branch: branch % Self.branchesPerUnion)
            file.append(Self.memberRow(index, name: name, female: female, born: born, unit: unit, joined: joined, using: &rng))
        }
        try file.close()
    }

    /// A Vietnamese full name: family name at its national frequency, gendered middle and given names.
    static func name(female: Bool, using rng: inout SeededGenerator) -> String {
        [rng.pick(families), rng.pick(female ? femaleMiddles : maleMiddles),
         (female ? femaleGiven : maleGiven).randomElement(using: &rng)!].joined(separator: " ")
    }

    /// Member `index`'s row of the members file: the given facts, then a phone and an
    /// education level drawn from `rng`, a national ID unique by index, an e-mail for one
    /// member in three and a workplace.
    static func memberRow(_ index: Int, name: String, female: Bool, born: Day, unit: String, joined: Day,
                          using rng: inout SeededGenerator) -> [String] {
        let idNumber = "0" + String(format: "%02d", 1 + index % 96) + (female ? "1" : "0") + String(format: "%02d", born.year % 100)
            + String(format: "%06d", index / 96 % 1_000_000)
        let phone = "09" + String(format: "%08d", Int.random(in: 0..<100_000_000, using: &rng))
        let email = index % 3 == 0 ? "dv\(index + 1)@example.vn" : ""
        let workplace = workplaces[index % workplaces.count]
        return [memberCode(index), name, born.description, female ? "female" : "male", unit, joined.description,
                rng.pick(educations), idNumber, phone, email, workplace]
    }
}
