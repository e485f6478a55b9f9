/// Which engine holds a test's register: the same test runs once on each
/// (`@Test(arguments: RegisterEngineKind.allCases)`), with the same assertions.
public enum RegisterEngineKind: String, CaseIterable, Sendable {
    case file, postgres
}
