/// One dated stage of a referral, as recorded: the vote of the meeting that decided it
/// (nomination, resolution), the resolution or decision number, the reason of an exit.
public struct ReferralStep: Hashable, Sendable, Codable {
    public var stage: ReferralStage
    public var on: Day
    public var vote: Vote?
    /// The referral resolution's number, e.g. `12-NQ/ĐTN` (stage `referred`).
    public var resolutionNo: String?
    /// The Party's admission or confirmation decision number.
    public var decisionNo: String?
    /// Why the referral was rejected or withdrawn.
    public var reason: String?

    public init(stage: ReferralStage, on: Day, vote: Vote? = nil, resolutionNo: String? = nil,
                decisionNo: String? = nil, reason: String? = nil) {
        self.stage = stage
        self.on = on
        self.vote = vote
        self.resolutionNo = resolutionNo
        self.decisionNo = decisionNo
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case stage, on, vote
        case resolutionNo = "resolution_no"
        case decisionNo = "decision_no"
        case reason
    }
}
