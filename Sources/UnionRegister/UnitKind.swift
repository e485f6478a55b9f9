/// The kinds of unit in the organisation tree, top down (docs/DOMAIN.md).
public enum UnitKind: String, CaseIterable, Codable, Sendable {
    /// Đoàn Khối / đoàn cấp trên: the root of a register; may nest.
    case bloc
    /// Đoàn cơ sở: a grassroots union, with branches under it.
    case grassrootsUnion = "grassroots-union"
    /// Chi đoàn cơ sở: a branch directly under the bloc.
    case grassrootsBranch = "grassroots-branch"
    /// Chi đoàn: a branch under a grassroots union.
    case branch

    /// Members belong to exactly one unit of a branch-level kind at a time.
    public var holdsMembers: Bool { self == .branch || self == .grassrootsBranch }

    /// The kinds a unit of this kind may have directly above it.
    public var allowedParents: Set<UnitKind> {
        switch self {
        case .bloc: return [.bloc]
        case .grassrootsUnion, .grassrootsBranch: return [.bloc]
        case .branch: return [.grassrootsUnion]
        }
    }

    public var name: Text {
        switch self {
        case .bloc: return Text(vi: "Đoàn cấp trên", en: "bloc")
        case .grassrootsUnion: return Text(vi: "Đoàn cơ sở", en: "grassroots union")
        case .grassrootsBranch: return Text(vi: "Chi đoàn cơ sở", en: "grassroots branch")
        case .branch: return Text(vi: "Chi đoàn", en: "branch")
        }
    }
}
