/// A unit of the organisation tree: the bloc, a grassroots union, or a branch.
public struct Unit: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public var kind: UnitKind
    /// The code of the unit above; nil for the root bloc.
    public var parentCode: String?
    public var openedOn: Day
    /// Units with history are never deleted; they are closed on a date.
    public var closedOn: Day?

    public init(code: String, name: String, kind: UnitKind, parentCode: String?, openedOn: Day, closedOn: Day? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parentCode = parentCode
        self.openedOn = openedOn
        self.closedOn = closedOn
    }

    /// Open on `day`: opened on or before it and not closed by then (closed on D means
    /// gone from D on).
    public func isOpen(on day: Day) -> Bool {
        openedOn <= day && (closedOn.map { day < $0 } ?? true)
    }
}
