import UnionRegister

/// What `Register.updateMember` did: the member as they now stand, and whether anything
/// changed. A change that changes nothing writes nothing and leaves no audit row, and the
/// person who asked is told so rather than "updated".
public struct MemberUpdate: Sendable {
    public let member: Member
    public let changed: Bool
}
