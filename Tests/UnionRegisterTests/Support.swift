import UnionRegister

/// `d("2024-02-29")`: a day from a literal that is known to be valid.
func d(_ text: String) -> Day { Day(parsing: text)! }

/// A member with sensible defaults, for rule tests.
func member(born: String, joined: String = "2020-01-01", education: EducationLevel = .university,
            name: String = "Nguyễn Văn An") -> Member {
    Member(code: "DV1", fullName: name, birthDate: d(born), gender: .male, education: education,
           joinedOn: d(joined))
}

/// The refusal's rule code, or nil when `body` does not throw a RegisterError.
func refusal(_ body: () throws -> Void) -> RegisterError? {
    do { try body() } catch let error as RegisterError { return error } catch { return nil }
    return nil
}
