import Foundation
import RegisterStore
import UnionRegister

/// Slows down repeated bad logins (docs/SECURITY.md): each failure for the same name, or
/// from the same address, within a quarter of an hour makes every later attempt wait a
/// second longer, up to eight seconds, so guessing a password costs days, not minutes.
/// Every failure is logged on stderr. A good login clears the name's count.
actor LoginThrottle {
    static let window: TimeInterval = 15 * 60
    static let step: TimeInterval = 1
    static let longest: TimeInterval = 8

    private var failures: [String: [Date]] = [:]

    /// How long to wait before answering an attempt for `name` from `address`.
    func delay(name: String, address: String, now: Date = Date()) -> TimeInterval {
        let recent = max(count("name:" + name.lowercased(), now), count("address:" + address, now))
        return min(Double(recent) * Self.step, Self.longest)
    }

    func failed(name: String, address: String, now: Date = Date()) {
        for key in ["name:" + name.lowercased(), "address:" + address] {
            failures[key, default: []].append(now)
        }
        let recent = count("name:" + name.lowercased(), now)
        // A name that is not a valid account name is not written out: it could be anything.
        let shown = AccountRules.isValidName(name) ? name : "(not an account name)"
        ServerLog.write("\(Timestamp.text(now)) login refused for \(shown) from \(address) (\(recent) in 15 min)")
    }

    func succeeded(name: String) {
        failures["name:" + name.lowercased()] = nil
    }

    private func count(_ key: String, _ now: Date) -> Int {
        let kept = (failures[key] ?? []).filter { now.timeIntervalSince($0) < Self.window }
        failures[key] = kept.isEmpty ? nil : kept
        return kept.count
    }
}
