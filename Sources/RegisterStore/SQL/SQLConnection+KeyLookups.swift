extension SQLConnection {
    /// Tells PostgreSQL's planner, for the rest of this transaction, to reach rows through
    /// their indexes. A bulk write's tables grow inside its one transaction while their
    /// statistics (none at all, in a new register) stay as they were, so the planner took
    /// them for nearly empty and read the whole member table for each row's look-up by code:
    /// 20,000 members took 62 s, 31 s with this (BENCHMARKS.md, issue 20). Every statement a
    /// bulk write runs per row is a key look-up or an insert; a file's planner needs no telling.
    func planForKeyLookups() throws {
        guard dialect == .postgres else { return }
        try execute("SELECT set_config('enable_seqscan', 'off', true)", .none)
    }
}
