/// Discipline levels (Charter arts. 32-34), mildest first. Removal from office ends the
/// offices held; expulsion ends membership.
public enum DisciplineLevel: String, CaseIterable, Codable, Sendable {
    case reprimand
    case warning
    case removalFromOffice = "removal-from-office"
    case expulsion

    public var name: Text {
        switch self {
        case .reprimand: return Text(vi: "Khiển trách", en: "reprimand")
        case .warning: return Text(vi: "Cảnh cáo", en: "warning")
        case .removalFromOffice: return Text(vi: "Cách chức", en: "removal from office")
        case .expulsion: return Text(vi: "Khai trừ", en: "expulsion")
        }
    }
}

/// One discipline decision about a member.
public struct DisciplineRecord: Hashable, Sendable, Codable {
    public var level: DisciplineLevel
    public var on: Day
    public var reason: String

    public init(level: DisciplineLevel, on: Day, reason: String) {
        self.level = level
        self.on = on
        self.reason = reason
    }
}
