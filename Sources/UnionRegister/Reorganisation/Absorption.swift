/// The rules of one register taking in another (`absorb`, docs/DOMAIN.md#one-register-absorbs-another):
/// how the other register's codes are written in this one, and which of its members are
/// likely people this register already holds.
public enum Absorption {
    /// What identifies a member across two registers.
    public struct Person: Hashable, Sendable {
        public var code: String
        public var fullName: String
        public var birthDate: Day?
        public var idNumber: String?

        public init(code: String, fullName: String, birthDate: Day?, idNumber: String?) {
            self.code = code
            self.fullName = fullName
            self.birthDate = birthDate
            self.idNumber = idNumber
        }
    }

    /// A member of the other register who is likely a member of this one.
    public struct LikelyDuplicate: Hashable, Sendable {
        public enum Reason: String, Sendable {
            /// The same national ID number: the same person, who cannot be a member twice.
            case idNumber = "id-number"
            /// The same name (case and diacritics aside) and birth date.
            case nameAndBirthDate = "name-and-birth-date"
        }

        public var ours: String
        public var theirs: String
        public var reason: Reason

        public init(ours: String, theirs: String, reason: Reason) {
            self.ours = ours
            self.theirs = theirs
            self.reason = reason
        }
    }

    /// The other register's codes as written in this one: a code that clashes with one of
    /// this register gets `prefix` before it; every other code stays as it is.
    public struct CodeMap: Sendable, Equatable {
        public var units: [String: String]
        public var members: [String: String]

        public func unit(_ code: String) -> String { units[code] ?? code }
        public func member(_ code: String) -> String { members[code] ?? code }

        /// Refuses clashing codes without a prefix (`absorb-clash`, with the list), and
        /// codes that still clash with the prefix. Codes are compared exactly, as stored.
        public init(theirUnits: [String], theirMembers: [String], ourUnits: Set<String>, ourMembers: Set<String>,
                    prefix: String?) throws {
            let unitClashes = theirUnits.filter(ourUnits.contains).sorted()
            let memberClashes = theirMembers.filter(ourMembers.contains).sorted()
            guard let prefix else {
                guard unitClashes.isEmpty && memberClashes.isEmpty else {
                    throw RegisterError.refused(.absorbClash, Text(
                        vi: "Mã trùng giữa hai sổ — đơn vị: \(Self.listed(unitClashes, none: "không")); đoàn viên: \(Self.listed(memberClashes, none: "không")).",
                        en: "Codes in both registers — units: \(Self.listed(unitClashes, none: "none")); members: \(Self.listed(memberClashes, none: "none"))."),
                        fix: Text(vi: "Thêm --prefix P: các mã trùng của sổ kia được ghi thành P + mã.",
                                  en: "Add --prefix P: the other register's clashing codes are written as P + code."))
                }
                units = [:]
                members = [:]
                return
            }
            units = Dictionary(uniqueKeysWithValues: unitClashes.map { ($0, prefix + $0) })
            members = Dictionary(uniqueKeysWithValues: memberClashes.map { ($0, prefix + $0) })
            let theirUnitSet = Set(theirUnits), theirMemberSet = Set(theirMembers)
            let stillUnits = units.values.filter { ourUnits.contains($0) || theirUnitSet.contains($0) }.sorted()
            let stillMembers = members.values.filter { ourMembers.contains($0) || theirMemberSet.contains($0) }.sorted()
            guard stillUnits.isEmpty && stillMembers.isEmpty else {
                throw RegisterError.refused(.absorbClash, Text(
                    vi: "Với tiền tố \(prefix) vẫn có mã trùng — đơn vị: \(Self.listed(stillUnits, none: "không")); đoàn viên: \(Self.listed(stillMembers, none: "không")).",
                    en: "With the prefix \(prefix) codes still clash — units: \(Self.listed(stillUnits, none: "none")); members: \(Self.listed(stillMembers, none: "none"))."),
                    fix: Text(vi: "Chọn tiền tố khác.", en: "Choose another prefix."))
            }
        }

        /// At most 20 codes, then how many more.
        static func listed(_ codes: [String], none: String) -> String {
            guard !codes.isEmpty else { return none }
            return codes.prefix(20).joined(separator: ", ") + (codes.count > 20 ? " (+\(codes.count - 20))" : "")
        }
    }

    /// The members of `theirs` who share a national ID number with one of `ours`, or their
    /// name (folded: case and diacritics aside) and birth date; by their code.
    public static func likelyDuplicates(ours: [Person], theirs: [Person]) -> [LikelyDuplicate] {
        var byID: [String: String] = [:]
        var byNameAndBirth: [String: String] = [:]
        for person in ours {
            if let id = person.idNumber { byID[id] = person.code }
            if let born = person.birthDate { byNameAndBirth[VietnameseText.fold(person.fullName) + "|" + born.description] = person.code }
        }
        return theirs.sorted { $0.code < $1.code }.compactMap { person in
            if let id = person.idNumber, let ours = byID[id] {
                return LikelyDuplicate(ours: ours, theirs: person.code, reason: .idNumber)
            }
            if let born = person.birthDate, let ours = byNameAndBirth[VietnameseText.fold(person.fullName) + "|" + born.description] {
                return LikelyDuplicate(ours: ours, theirs: person.code, reason: .nameAndBirthDate)
            }
            return nil
        }
    }

    /// Refuses an absorb that would hold one person twice: a member of the other register
    /// with the national ID number of one of this register (`absorb-same-person`).
    public static func refuseSamePerson(_ duplicates: [LikelyDuplicate]) throws {
        let same = duplicates.filter { $0.reason == .idNumber }
        guard !same.isEmpty else { return }
        let pairs = same.map { "\($0.theirs) = \($0.ours)" }
        throw RegisterError.refused(.absorbSamePerson, Text(
            vi: "\(same.count) đoàn viên của sổ kia có cùng số CCCD với đoàn viên của sổ này: \(CodeMap.listed(pairs, none: "")).",
            en: "\(same.count) member(s) of the other register have the national ID number of a member of this one: \(CodeMap.listed(pairs, none: ""))."),
            fix: Text(vi: "Một người chỉ là đoàn viên một lần: bỏ hoặc sửa người đó trong một trong hai sổ trước khi nhập.",
                      en: "A person is a member once: remove or correct them in one of the two registers first."))
    }
}
