/// An enum of docs/DOMAIN.md codes whose cases also have a Vietnamese name: what spreadsheets
/// and forms write instead of the code.
public protocol NamedCode: CaseIterable, RawRepresentable where RawValue == String {
    var name: Text { get }
}

extension NamedCode {
    /// The case written as its code (`excellent`) or as its Vietnamese name, in any case,
    /// with or without diacritics ("Hoàn thành xuất sắc nhiệm vụ", "hoan thanh xuat sac nhiem vu").
    public init?(codeOrName text: String) {
        let folded = VietnameseText.fold(text)
        guard let match = Self.allCases.first(where: { $0.rawValue == folded || VietnameseText.fold($0.name.vi) == folded }) else {
            return nil
        }
        self = match
    }
}

extension Grade: NamedCode {}
extension TrainingKind: NamedCode {}
extension DisciplineLevel: NamedCode {}
extension ReferralStage: NamedCode {}
extension MembershipEventKind: NamedCode {}
extension UnitKind: NamedCode {}
extension UnitChangeKind: NamedCode {}
