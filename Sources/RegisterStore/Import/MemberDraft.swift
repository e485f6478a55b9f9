import Foundation
import UnionRegister

/// A members row as the reading thread of an import leaves it (`RowPipeline`): read as a
/// new member, its name keys worked out, the admission rules checked. None of it needs the
/// database, so it overlaps the writing of the rows before it.
struct MemberDraft: Sendable {
    /// The row as a new member and their unit's code, or the problem with a cell.
    var parsed: Result<(member: Member, unitCode: String, arrival: Arrival?), any Error>
    var keys: MemberTable.NameKeys?
    /// Why the admission rules refuse the member, if they do (used only if the code is new).
    var refusal: (any Error)?

    init(_ row: CSVRow<MemberColumn>, units: [String: (id: Int64, unit: UnionRegister.Unit)], today: Day, cache: Cache) {
        parsed = Result { try row.member(existing: nil, normalize: cache.normalized) }
        guard case .success(let (member, unitCode, arrival)) = parsed else { return }
        keys = cache.keys(member.fullName)
        if let unit = units[unitCode]?.unit {
            let entry = Arrival.entry(of: member, into: unitCode, arrival)
            refusal = Result { try WriteTransaction.checkNewMember(member, entry: entry, in: unit, today: today) }.failure
        }
    }

    /// Name, workplace, office or qualification cell → normalised text, and stored name → its derived keys:
    /// these repeat a great deal. Each is emptied when it grows large, so a file of
    /// all-different values cannot make them hold a million entries. Used by the reading
    /// thread only.
    final class Cache: @unchecked Sendable {
        private var texts: [String: String] = [:]
        private var names: [String: MemberTable.NameKeys] = [:]
        private static let limit = 100_000

        func normalized(_ column: MemberColumn, _ cell: String) -> String {
            guard column == .fullName || column == .workplace || column == .office || column == .qualification else { return VietnameseText.normalized(cell) }
            if let known = texts[cell] { return known }
            if texts.count >= Self.limit { texts.removeAll(keepingCapacity: true) }
            let text = VietnameseText.normalized(cell)
            texts[cell] = text
            return text
        }

        func keys(_ name: String) -> MemberTable.NameKeys {
            if let known = names[name] { return known }
            if names.count >= Self.limit { names.removeAll(keepingCapacity: true) }
            let keys = MemberTable.NameKeys(name)
            names[name] = keys
            return keys
        }
    }
}

private extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
