/// SQL conditions on the dated closure table (`unit_closure`, migration 11): which
/// (ancestor, descendant) pairs hold on a day, now, or on some day of a period.
enum UnitTreeSQL {
    /// Closure row `alias` holds on the day `day` (an SQL expression: a column, a named argument).
    static func inForce(_ alias: String, on day: String) -> String {
        "(\(alias).from_on IS NULL OR \(alias).from_on <= \(day)) AND (\(alias).until_on IS NULL OR \(alias).until_on > \(day))"
    }

    /// Closure row `alias` holds now: no move has ended it (moves are never dated after today).
    static func current(_ alias: String) -> String { "\(alias).until_on IS NULL" }

    /// Closure row `alias` holds on some day from `from` through `to`.
    static func overlapping(_ alias: String, from: String, to: String) -> String {
        "(\(alias).from_on IS NULL OR \(alias).from_on <= \(to)) AND (\(alias).until_on IS NULL OR \(alias).until_on > \(from))"
    }

    /// The name unit `u` had on `day`: the old name of its first rename dated after the
    /// day, else its name now.
    static func name(on day: String) -> String {
        """
        COALESCE((SELECT ch.old_name FROM unit_change ch WHERE ch.unit_id = u.id AND ch.kind = 'renamed' AND ch.on_date > \(day)
                  ORDER BY ch.on_date, ch.id LIMIT 1), u.name)
        """
    }

    /// The row id of the parent unit `u` had on `day`: the old parent of its first move
    /// dated after the day, else its parent now.
    static func parentID(on day: String) -> String {
        """
        (CASE WHEN EXISTS (SELECT 1 FROM unit_change ch WHERE ch.unit_id = u.id AND ch.kind = 'moved' AND ch.on_date > \(day))
              THEN (SELECT ch.old_parent_id FROM unit_change ch WHERE ch.unit_id = u.id AND ch.kind = 'moved' AND ch.on_date > \(day)
                    ORDER BY ch.on_date, ch.id LIMIT 1)
              ELSE u.parent_id END)
        """
    }
}
