-- sodoan register schema: the one source of truth.
--
-- The store embeds this file at build time and applies it with a migrator. Each section
-- that starts with a line `-- migration: N name` is one migration, applied once, in order,
-- and recorded in the file (GRDB's grdb_migrations table). Never edit a section that has
-- shipped: append a new one, so registers made by older versions migrate forward.
--
-- Conventions: STRICT tables; dates are ISO 'YYYY-MM-DD' text checked with date(x, '+0 days')
-- (plain date() lets 2024-02-30 through; the modifier normalises it, so the check fails); enums
-- are the codes of docs/DOMAIN.md checked with IN (...); history is kept as dated rows and the
-- current state is a query as of a date. (Comments inside shipped sections cite DOMAIN.md:
-- that is docs/DOMAIN.md.)

-- migration: 1 register

-- Key/value facts about the register itself (its name, when it was created).
CREATE TABLE register_info (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Policy values a bloc may set (DOMAIN.md, referral eligibility). Absent key = default.
CREATE TABLE policy (
    key   TEXT PRIMARY KEY CHECK (key IN ('min_grade', 'discipline_window_months',
                                          'min_age', 'certificate_valid_months')),
    value TEXT NOT NULL
) STRICT;

-- The organisation tree. Units are closed on a date, never deleted once they have history.
CREATE TABLE unit (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE
              CHECK (length(code) BETWEEN 1 AND 32 AND code NOT GLOB '*[^A-Za-z0-9._-]*'),
    name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind      TEXT NOT NULL CHECK (kind IN ('bloc', 'grassroots-union', 'grassroots-branch', 'branch')),
    parent_id INTEGER REFERENCES unit(id),
    opened_on TEXT NOT NULL CHECK (date(opened_on, '+0 days') IS opened_on),
    closed_on TEXT CHECK (closed_on IS NULL OR (date(closed_on, '+0 days') IS closed_on AND closed_on >= opened_on)),
    CHECK ((kind = 'bloc') OR (parent_id IS NOT NULL))
) STRICT;
CREATE INDEX unit_parent ON unit(parent_id);

-- Every (ancestor, descendant) pair of the tree, a unit being its own ancestor at depth 0.
-- Units never move, so rows are only inserted, with the unit. Rolls counts up the tree in SQL.
CREATE TABLE unit_closure (
    ancestor_id   INTEGER NOT NULL REFERENCES unit(id),
    descendant_id INTEGER NOT NULL REFERENCES unit(id),
    depth         INTEGER NOT NULL CHECK (depth >= 0),
    PRIMARY KEY (ancestor_id, descendant_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX unit_closure_descendant ON unit_closure(descendant_id, ancestor_id);

-- A member's identity and contact facts. Where the member is, and whether they are a member
-- at all on a date, comes from membership_event.
CREATE TABLE member (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE
                    CHECK (length(code) BETWEEN 1 AND 32 AND code NOT GLOB '*[^A-Za-z0-9._/-]*'),
    full_name       TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
    -- full_name folded to lower-case ASCII (no diacritics, đ as d): what --search matches.
    search_name     TEXT NOT NULL,
    -- Vietnamese collation key (given name first, Vietnamese alphabet): what lists sort by.
    sort_key        BLOB NOT NULL,
    birth_date      TEXT NOT NULL CHECK (date(birth_date, '+0 days') IS birth_date),
    gender          TEXT NOT NULL CHECK (gender IN ('male', 'female')),
    education       TEXT NOT NULL CHECK (education IN ('none', 'primary', 'lower-secondary',
                        'upper-secondary', 'vocational', 'college', 'university', 'postgraduate')),
    id_number       TEXT UNIQUE CHECK (id_number IS NULL OR (length(id_number) = 12
                                        AND id_number NOT GLOB '*[^0-9]*')),
    phone           TEXT,
    email           TEXT,
    workplace       TEXT,
    -- The Union office held (committee member, full-time cadre), if any: keeps a member
    -- over 30 from being due for maturity.
    office          TEXT,
    joined_on       TEXT NOT NULL CHECK (date(joined_on, '+0 days') IS joined_on AND joined_on > birth_date),
    -- Set when the member was already a Party member before the register knew them
    -- (admissions through sodoan are referral steps).
    party_joined_on TEXT CHECK (party_joined_on IS NULL OR date(party_joined_on, '+0 days') IS party_joined_on)
) STRICT;
CREATE INDEX member_sort ON member(sort_key);
CREATE INDEX member_search ON member(search_name);

-- A member's membership history. unit_id is the unit joined (admitted, transferred) or the
-- unit left (matured, removed, expelled, deceased). from_unit_id is set for transfers only.
-- The member's state on day D is the last event dated on or before D (ties by id).
CREATE TABLE membership_event (
    id           INTEGER PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES member(id),
    kind         TEXT NOT NULL CHECK (kind IN ('admitted', 'transferred', 'matured',
                                               'removed', 'expelled', 'deceased')),
    on_date      TEXT NOT NULL CHECK (date(on_date, '+0 days') IS on_date),
    unit_id      INTEGER NOT NULL REFERENCES unit(id),
    from_unit_id INTEGER REFERENCES unit(id),
    reason       TEXT,
    CHECK ((kind = 'transferred') = (from_unit_id IS NOT NULL)),
    CHECK (from_unit_id IS NULL OR from_unit_id <> unit_id)
) STRICT;
CREATE INDEX membership_event_member ON membership_event(member_id, on_date, id);
CREATE INDEX membership_event_day ON membership_event(on_date, kind, unit_id);

-- One row per write: what changed, when, by which command, with old and new values as JSON.
-- Never updated or deleted.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    command     TEXT NOT NULL,
    action      TEXT NOT NULL,
    member_code TEXT,
    unit_code   TEXT,
    old_value   TEXT,
    new_value   TEXT
) STRICT;
CREATE INDEX audit_log_member ON audit_log(member_code, id);

CREATE TRIGGER audit_log_never_updated BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit rows are never updated');
END;

CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit rows are never deleted');
END;

-- migration: 2 records and referrals

-- One grade per member per year.
CREATE TABLE grade (
    member_id INTEGER NOT NULL REFERENCES member(id),
    year      INTEGER NOT NULL CHECK (year BETWEEN 1931 AND 9999),
    grade     TEXT NOT NULL CHECK (grade IN ('excellent', 'good', 'pass', 'fail')),
    PRIMARY KEY (member_id, year)
) STRICT, WITHOUT ROWID;
CREATE INDEX grade_year ON grade(year, grade, member_id);

-- Training records. The Party-awareness certificate is a record of kind 'party-awareness'.
CREATE TABLE training (
    id             INTEGER PRIMARY KEY,
    member_id      INTEGER NOT NULL REFERENCES member(id),
    kind           TEXT NOT NULL CHECK (kind IN ('party-awareness', 'new-member',
                       'theory-elementary', 'theory-intermediate', 'theory-advanced',
                       'union-cadre', 'member-programme', 'other')),
    started_on     TEXT CHECK (started_on IS NULL OR date(started_on, '+0 days') IS started_on),
    completed_on   TEXT NOT NULL CHECK (date(completed_on, '+0 days') IS completed_on),
    provider       TEXT,
    certificate_no TEXT,
    result         TEXT,
    CHECK (started_on IS NULL OR started_on <= completed_on)
) STRICT;
CREATE INDEX training_member ON training(member_id, kind, completed_on);
CREATE INDEX training_day ON training(completed_on, kind, member_id);

-- Discipline decisions. An expulsion also writes an 'expelled' membership_event.
CREATE TABLE discipline (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES member(id),
    level     TEXT NOT NULL CHECK (level IN ('reprimand', 'warning', 'expulsion')),
    on_date   TEXT NOT NULL CHECK (date(on_date, '+0 days') IS on_date),
    reason    TEXT NOT NULL CHECK (length(trim(reason)) > 0)
) STRICT;
CREATE INDEX discipline_member ON discipline(member_id, on_date);
CREATE INDEX discipline_day ON discipline(on_date, level, member_id);

-- A referral of an outstanding member to the Party, opened by a nomination.
CREATE TABLE referral (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES member(id)
) STRICT;
CREATE INDEX referral_member ON referral(member_id);

-- The dated stages of a referral. Votes are kept for the stages decided by a meeting.
-- 'lapsed' is never stored: it is derived from the date of 'referred'.
CREATE TABLE referral_step (
    id            INTEGER PRIMARY KEY,
    referral_id   INTEGER NOT NULL REFERENCES referral(id),
    stage         TEXT NOT NULL CHECK (stage IN ('nominated', 'referred-to-class', 'referred',
                      'admitted', 'official', 'rejected', 'withdrawn')),
    on_date       TEXT NOT NULL CHECK (date(on_date, '+0 days') IS on_date),
    convened      INTEGER CHECK (convened IS NULL OR convened > 0),
    present       INTEGER CHECK (present IS NULL OR present BETWEEN 0 AND convened),
    votes_for     INTEGER CHECK (votes_for IS NULL OR votes_for BETWEEN 0 AND present),
    resolution_no TEXT,
    decision_no   TEXT,
    reason        TEXT,
    CHECK ((convened IS NULL) = (present IS NULL) AND (present IS NULL) = (votes_for IS NULL))
) STRICT;
CREATE INDEX referral_step_referral ON referral_step(referral_id, on_date, id);
CREATE INDEX referral_step_day ON referral_step(on_date, stage, referral_id);

-- migration: 3 member name search index

-- A trigram index over the folded names (member.search_name), so that `member list --search`
-- finds part of a name among a million members without reading them all: a trigram MATCH of
-- a word of 3 letters or more selects exactly the rows `search_name LIKE '%word%'` does.
-- External content: the text lives in `member`, the triggers keep the index in step.
CREATE VIRTUAL TABLE member_name_search USING fts5(
    search_name, content = 'member', content_rowid = 'id', tokenize = 'trigram');
INSERT INTO member_name_search (member_name_search) VALUES ('rebuild');

-- A search word may also be a member code, in any case: this index finds it without a scan.
CREATE INDEX member_code_nocase ON member(code COLLATE NOCASE);

CREATE TRIGGER member_name_search_insert AFTER INSERT ON member
BEGIN
    INSERT INTO member_name_search (rowid, search_name) VALUES (new.id, new.search_name);
END;

CREATE TRIGGER member_name_search_update AFTER UPDATE OF search_name ON member
BEGIN
    INSERT INTO member_name_search (member_name_search, rowid, search_name) VALUES ('delete', old.id, old.search_name);
    INSERT INTO member_name_search (rowid, search_name) VALUES (new.id, new.search_name);
END;

CREATE TRIGGER member_name_search_delete AFTER DELETE ON member
BEGIN
    INSERT INTO member_name_search (member_name_search, rowid, search_name) VALUES ('delete', old.id, old.search_name);
END;

-- migration: 4 content version

-- A counter that moves on with every change to the content the fingerprint hashes, kept by
-- triggers, so that no write (by sodoan, by an older sodoan, or by hand in the sqlite3
-- shell) can change that content without moving it. `Register.fingerprint()` keeps the
-- fingerprint of one version here and recomputes it only when the counter has moved, so
-- a report on a register of a million members does not reread it all every time. Bulk
-- imports suspend these triggers inside their transaction and move the counter once.
CREATE TABLE content_version (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    version             INTEGER NOT NULL,
    fingerprint         TEXT,
    fingerprint_version INTEGER
) STRICT;
INSERT INTO content_version (id, version) VALUES (1, 0);

CREATE TRIGGER content_version_unit_insert AFTER INSERT ON unit
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_unit_update AFTER UPDATE ON unit
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_unit_delete AFTER DELETE ON unit
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_member_insert AFTER INSERT ON member
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_member_update AFTER UPDATE ON member
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_member_delete AFTER DELETE ON member
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_membership_event_insert AFTER INSERT ON membership_event
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_membership_event_update AFTER UPDATE ON membership_event
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_membership_event_delete AFTER DELETE ON membership_event
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_grade_insert AFTER INSERT ON grade
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_grade_update AFTER UPDATE ON grade
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_grade_delete AFTER DELETE ON grade
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_training_insert AFTER INSERT ON training
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_training_update AFTER UPDATE ON training
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_training_delete AFTER DELETE ON training
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_discipline_insert AFTER INSERT ON discipline
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_discipline_update AFTER UPDATE ON discipline
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_discipline_delete AFTER DELETE ON discipline
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_referral_insert AFTER INSERT ON referral
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_referral_update AFTER UPDATE ON referral
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_referral_delete AFTER DELETE ON referral
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_referral_step_insert AFTER INSERT ON referral_step
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_referral_step_update AFTER UPDATE ON referral_step
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_referral_step_delete AFTER DELETE ON referral_step
BEGIN
    UPDATE content_version SET version = version + 1;
END;

-- migration: 5 audit chain and register identity

-- The register's mark in the SQLite file header ("SODN"): sodoan recognises a register from
-- the header's first 100 bytes before SQLite may write anything, and refuses another
-- program's database (docs/SECURITY.md).
PRAGMA application_id = 1397703758;

-- Each audit row carries the SHA-256 of its content and of the row before it (hex), so a
-- row changed, removed or slipped in behind sodoan's back breaks the chain from that row
-- on; `sodoan check` recomputes it (docs/SECURITY.md says what this does not stop). The
-- rows written before this migration are chained by it, in id order.
ALTER TABLE audit_log ADD COLUMN hash TEXT;

-- The hash of the last audit row, kept beside the content version: a log whose last rows
-- were removed is still a whole chain, but it no longer ends at this head.
ALTER TABLE content_version ADD COLUMN audit_head TEXT;

-- The fingerprint now hashes every stored field (personal data and event reasons too):
-- one kept from before this migration was computed without them.
UPDATE content_version SET fingerprint = NULL, fingerprint_version = NULL;

-- migration: 6 arrivals and departures

-- A register starts with a past (docs/DOMAIN.md): members arrive from units outside the
-- register (arrived), leave to them (left), are hosted here for a while (hosted) or work
-- elsewhere for a while (away). `place` is that outside unit as the letter writes it,
-- `letter_no` the letter's number, `until_on` the last day of a temporary stay. SQLite
-- cannot change a CHECK in place, so the table is rebuilt the way its documentation says
-- (create, copy, drop, rename, then the indexes and triggers again: those of migration 4).
CREATE TABLE membership_event_new (
    id           INTEGER PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES member(id),
    kind         TEXT NOT NULL CHECK (kind IN ('admitted', 'transferred', 'arrived', 'left', 'hosted',
                                               'away', 'matured', 'removed', 'expelled', 'deceased')),
    on_date      TEXT NOT NULL CHECK (date(on_date, '+0 days') IS on_date),
    unit_id      INTEGER NOT NULL REFERENCES unit(id),
    from_unit_id INTEGER REFERENCES unit(id),
    reason       TEXT,
    place        TEXT CHECK (place IS NULL OR length(trim(place)) > 0),
    letter_no    TEXT,
    until_on     TEXT CHECK (until_on IS NULL OR (date(until_on, '+0 days') IS until_on AND until_on >= on_date)),
    CHECK ((kind = 'transferred') = (from_unit_id IS NOT NULL)),
    CHECK (from_unit_id IS NULL OR from_unit_id <> unit_id),
    CHECK ((kind IN ('arrived', 'left', 'hosted', 'away')) = (place IS NOT NULL)),
    CHECK ((kind IN ('hosted', 'away')) = (until_on IS NOT NULL)),
    CHECK (letter_no IS NULL OR kind IN ('arrived', 'left'))
) STRICT;
INSERT INTO membership_event_new (id, member_id, kind, on_date, unit_id, from_unit_id, reason)
    SELECT id, member_id, kind, on_date, unit_id, from_unit_id, reason FROM membership_event;
DROP TABLE membership_event;
ALTER TABLE membership_event_new RENAME TO membership_event;
CREATE INDEX membership_event_member ON membership_event(member_id, on_date, id);
CREATE INDEX membership_event_day ON membership_event(on_date, kind, unit_id);

CREATE TRIGGER content_version_membership_event_insert AFTER INSERT ON membership_event
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_membership_event_update AFTER UPDATE ON membership_event
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_membership_event_delete AFTER DELETE ON membership_event
BEGIN
    UPDATE content_version SET version = version + 1;
END;

-- The fingerprint now hashes the new columns too: the one kept for the old version is stale.
UPDATE content_version SET version = version + 1;

-- migration: 7 accounts

-- The people who use the register through `sodoan serve` (docs/SECURITY.md). Each account
-- works in the subtree of its unit, with its role; the password is kept as a bcrypt hash
-- only. Accounts are disabled, never deleted: the audit log names them.
CREATE TABLE account (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE
                  CHECK (length(name) BETWEEN 1 AND 32 AND name NOT GLOB '*[^A-Za-z0-9._-]*'),
    role          TEXT NOT NULL CHECK (role IN ('office', 'secretary', 'viewer')),
    unit_id       INTEGER NOT NULL REFERENCES unit(id),
    password_hash TEXT NOT NULL CHECK (password_hash GLOB '$2[aby]$*'),
    created_at    TEXT NOT NULL,
    disabled_at   TEXT
) STRICT;

-- Open sessions of the server. The cookie carries a random token; only its SHA-256 is
-- kept, so a copy of the file opens no session. A password change or a disable deletes
-- the account's sessions.
CREATE TABLE account_session (
    token_hash  TEXT PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES account(id),
    csrf_token  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX account_session_account ON account_session(account_id);

-- Who wrote each audit row: the operating-system user for the command line, the account
-- for the server. Rows written before this migration have none.
ALTER TABLE audit_log ADD COLUMN actor TEXT;

-- migration: 9 costs that follow the unit

-- Membership events by the unit joined or left, so that a question about one unit
-- (`member list --unit`, `referral candidates --unit`) starts from the events of that
-- unit's subtree: only members who were ever there have their state on the day looked
-- up, and the cost follows the unit, not the register. Without it, finding a unit's
-- members read the last event of every member of the register (2.11 s at 6,500,000
-- members for one 5,000-member unit). With the member id the index alone answers
-- "who was ever in these units". (Numbers 5 to 8 are taken by other branches of work.)
CREATE INDEX membership_event_unit ON membership_event(unit_id, member_id);

-- Each member's latest membership event, derived from membership_event and kept equal to
-- it by the triggers below (never written otherwise). A member's state on day D is their
-- last event on or before D; for every member whose latest event is dated on or before D
-- that is this row, so a count over the whole register (the year-end report's members at
-- start and at end) reads this narrow table instead of looking up the last event of every
-- member in the history, and looks up only the few members with an event after D. On the
-- 1,000,000-member benchmark register that halved the CPU time of the report's two member
-- counts in the sqlite3 shell (at start 0.79 to 0.40 s, at end 1.68 to 0.88 s). The
-- history stays the one record: this table holds nothing it does not.
CREATE TABLE member_state (
    member_id INTEGER PRIMARY KEY,
    event_id  INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    on_date   TEXT NOT NULL,
    unit_id   INTEGER NOT NULL
) STRICT;
INSERT INTO member_state (member_id, event_id, kind, on_date, unit_id)
SELECT e.member_id, e.id, e.kind, e.on_date, e.unit_id FROM membership_event e
WHERE e.id = (SELECT le.id FROM membership_event le WHERE le.member_id = e.member_id
              ORDER BY le.on_date DESC, le.id DESC LIMIT 1);

-- A new event becomes the latest unless the member has one dated later (a backdated event).
CREATE TRIGGER member_state_event_insert AFTER INSERT ON membership_event
BEGIN
    INSERT OR REPLACE INTO member_state (member_id, event_id, kind, on_date, unit_id)
    SELECT le.member_id, le.id, le.kind, le.on_date, le.unit_id FROM membership_event le
    WHERE le.member_id = new.member_id ORDER BY le.on_date DESC, le.id DESC LIMIT 1;
END;

-- A changed or removed event may change the latest of the member it was and is about.
CREATE TRIGGER member_state_event_update AFTER UPDATE ON membership_event
BEGIN
    DELETE FROM member_state WHERE member_id IN (old.member_id, new.member_id);
    INSERT INTO member_state (member_id, event_id, kind, on_date, unit_id)
    SELECT le.member_id, le.id, le.kind, le.on_date, le.unit_id FROM membership_event le
    WHERE le.id IN (SELECT (SELECT x.id FROM membership_event x WHERE x.member_id = who.member_id
                            ORDER BY x.on_date DESC, x.id DESC LIMIT 1)
                    FROM (SELECT old.member_id AS member_id UNION SELECT new.member_id) AS who);
END;

CREATE TRIGGER member_state_event_delete AFTER DELETE ON membership_event
BEGIN
    DELETE FROM member_state WHERE member_id = old.member_id;
    INSERT INTO member_state (member_id, event_id, kind, on_date, unit_id)
    SELECT le.member_id, le.id, le.kind, le.on_date, le.unit_id FROM membership_event le
    WHERE le.member_id = old.member_id ORDER BY le.on_date DESC, le.id DESC LIMIT 1;
END;

-- migration: 10 dues

-- Union dues (docs/DOMAIN.md#union-dues). Money is whole VND in INTEGER columns; months are
-- 'YYYY-MM' text, checked by turning them into the first day of the month.

-- The month the register keeps dues from: nobody owes for months before it. A new register
-- keeps them from the month it was created (or upgraded to dues); `dues start` moves it.
CREATE TABLE dues_start (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    kept_from  TEXT NOT NULL CHECK (length(kept_from) = 7 AND date(kept_from || '-01', '+0 days') IS kept_from || '-01')
) STRICT;
INSERT INTO dues_start (id, kept_from) VALUES (1, strftime('%Y-%m', 'now'));

-- The monthly rate of each class from a month on. The rates in force since 2011 are there
-- from the start; `dues rate set` adds later ones.
CREATE TABLE dues_rate (
    class      TEXT NOT NULL CHECK (class IN ('unsalaried', 'salaried', 'abroad')),
    from_month TEXT NOT NULL CHECK (length(from_month) = 7 AND date(from_month || '-01', '+0 days') IS from_month || '-01'),
    amount     INTEGER NOT NULL CHECK (amount BETWEEN 1 AND 10000000),
    PRIMARY KEY (class, from_month)
) STRICT, WITHOUT ROWID;
INSERT INTO dues_rate (class, from_month, amount) VALUES
    ('unsalaried', '2011-01', 2000), ('salaried', '2011-01', 5000), ('abroad', '2011-01', 5000);

-- A member's dues class from a month on; without a row a member pays the salaried rate.
CREATE TABLE member_dues_class (
    member_id  INTEGER NOT NULL REFERENCES member(id),
    from_month TEXT NOT NULL CHECK (length(from_month) = 7 AND date(from_month || '-01', '+0 days') IS from_month || '-01'),
    class      TEXT NOT NULL CHECK (class IN ('unsalaried', 'salaried', 'abroad')),
    PRIMARY KEY (member_id, from_month)
) STRICT, WITHOUT ROWID;

-- Payments: each covers the months from_month through through_month, after the member's
-- previous payment.
CREATE TABLE dues_payment (
    id            INTEGER PRIMARY KEY,
    member_id     INTEGER NOT NULL REFERENCES member(id),
    on_date       TEXT NOT NULL CHECK (date(on_date, '+0 days') IS on_date),
    from_month    TEXT NOT NULL CHECK (length(from_month) = 7 AND date(from_month || '-01', '+0 days') IS from_month || '-01'),
    through_month TEXT NOT NULL CHECK (length(through_month) = 7 AND date(through_month || '-01', '+0 days') IS through_month || '-01'),
    amount        INTEGER NOT NULL CHECK (amount BETWEEN 1 AND 1200000000),
    CHECK (from_month <= through_month)
) STRICT;
CREATE INDEX dues_payment_member ON dues_payment(member_id, through_month);
CREATE INDEX dues_payment_day ON dues_payment(on_date, member_id);

-- Exemptions decided by the grassroots union's committee, at most six months each.
CREATE TABLE dues_exemption (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES member(id),
    from_month  TEXT NOT NULL CHECK (length(from_month) = 7 AND date(from_month || '-01', '+0 days') IS from_month || '-01'),
    to_month    TEXT NOT NULL CHECK (length(to_month) = 7 AND date(to_month || '-01', '+0 days') IS to_month || '-01'),
    decision_no TEXT NOT NULL CHECK (length(trim(decision_no)) > 0),
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    CHECK (from_month <= to_month)
) STRICT;
CREATE INDEX dues_exemption_member ON dues_exemption(member_id, from_month);

-- The dues are content the fingerprint hashes: their changes move the content version too.
CREATE TRIGGER content_version_dues_start_update AFTER UPDATE ON dues_start
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_dues_rate_insert AFTER INSERT ON dues_rate
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_dues_rate_update AFTER UPDATE ON dues_rate
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_dues_rate_delete AFTER DELETE ON dues_rate
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_member_dues_class_insert AFTER INSERT ON member_dues_class
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_member_dues_class_update AFTER UPDATE ON member_dues_class
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_member_dues_class_delete AFTER DELETE ON member_dues_class
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_dues_payment_insert AFTER INSERT ON dues_payment
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_dues_payment_update AFTER UPDATE ON dues_payment
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_dues_payment_delete AFTER DELETE ON dues_payment
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_dues_exemption_insert AFTER INSERT ON dues_exemption
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_dues_exemption_update AFTER UPDATE ON dues_exemption
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_dues_exemption_delete AFTER DELETE ON dues_exemption
BEGIN
    UPDATE content_version SET version = version + 1;
END;

-- migration: 11 units in time

-- Units are renamed, moved, merged and split (docs/DOMAIN.md#units-change). `unit` keeps
-- each unit's name and parent in force now; every dated change is a row here with the
-- value before and after it, so the name or parent on a day D is the old value of the
-- unit's first change dated after D, or the unit's own when there is none. A merge names
-- the unit merged into; a split names the unit split (where its members went is in their
-- membership events). Rows are only inserted, in date order per unit and kind.
CREATE TABLE unit_change (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES unit(id),
    kind          TEXT NOT NULL CHECK (kind IN ('renamed', 'moved', 'merged', 'split')),
    on_date       TEXT NOT NULL CHECK (date(on_date, '+0 days') IS on_date),
    old_name      TEXT,
    new_name      TEXT CHECK (new_name IS NULL OR length(trim(new_name)) > 0),
    old_parent_id INTEGER REFERENCES unit(id),
    new_parent_id INTEGER REFERENCES unit(id),
    into_unit_id  INTEGER REFERENCES unit(id),
    CHECK ((kind = 'renamed') = (old_name IS NOT NULL AND new_name IS NOT NULL)),
    CHECK ((kind = 'moved') = (new_parent_id IS NOT NULL)),
    CHECK (kind = 'moved' OR old_parent_id IS NULL),
    CHECK ((kind = 'merged') = (into_unit_id IS NOT NULL))
) STRICT;
CREATE INDEX unit_change_unit ON unit_change(unit_id, kind, on_date, id);
CREATE INDEX unit_change_into ON unit_change(into_unit_id) WHERE into_unit_id IS NOT NULL;
-- The tree changes by day: a report finds the tree in force on an event's day from it.
CREATE INDEX unit_change_day ON unit_change(kind, on_date);

CREATE TRIGGER content_version_unit_change_insert AFTER INSERT ON unit_change
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_unit_change_update AFTER UPDATE ON unit_change
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_unit_change_delete AFTER DELETE ON unit_change
BEGIN
    UPDATE content_version SET version = version + 1;
END;

-- The closure table becomes dated: a pair (ancestor, descendant, depth) holds from
-- `from_on` (NULL: since the descendant's beginning) until the day before `until_on`
-- (NULL: still). A unit that never moved keeps one row per ancestor with both NULL, as
-- before; a move ends the pairs it breaks and starts the new ones on its day, so a
-- question about a day (a report's period, a list as of a day) follows the tree of that
-- day, still through the two indexes. Derived from `unit` and `unit_change`; `check`
-- recomputes it.
CREATE TABLE unit_closure_new (
    ancestor_id   INTEGER NOT NULL REFERENCES unit(id),
    descendant_id INTEGER NOT NULL REFERENCES unit(id),
    depth         INTEGER NOT NULL CHECK (depth >= 0),
    from_on       TEXT CHECK (from_on IS NULL OR date(from_on, '+0 days') IS from_on),
    until_on      TEXT CHECK (until_on IS NULL OR (date(until_on, '+0 days') IS until_on
                                                   AND (from_on IS NULL OR until_on > from_on)))
) STRICT;
INSERT INTO unit_closure_new (ancestor_id, descendant_id, depth)
    SELECT ancestor_id, descendant_id, depth FROM unit_closure;
DROP TABLE unit_closure;
ALTER TABLE unit_closure_new RENAME TO unit_closure;
CREATE INDEX unit_closure_ancestor ON unit_closure(ancestor_id, descendant_id);
CREATE INDEX unit_closure_descendant ON unit_closure(descendant_id, ancestor_id);
-- The pairs a move started or ended, by day: a report finds the units that came under
-- or left a unit during its period without reading the whole table.
CREATE INDEX unit_closure_from ON unit_closure(from_on) WHERE from_on IS NOT NULL;
CREATE INDEX unit_closure_until ON unit_closure(until_on) WHERE until_on IS NOT NULL;

-- A member moved by a reorganisation (a merge or a split), not by their own transfer:
-- 'reorganised', with the unit left in from_unit_id like a transfer. The CHECK changes,
-- so the table is rebuilt as in migration 6, with the indexes of migrations 6 and 9 and
-- the triggers of migrations 6 and 9 (content version, member_state) again.
CREATE TABLE membership_event_new (
    id           INTEGER PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES member(id),
    kind         TEXT NOT NULL CHECK (kind IN ('admitted', 'transferred', 'reorganised', 'arrived', 'left', 'hosted',
                                               'away', 'matured', 'removed', 'expelled', 'deceased')),
    on_date      TEXT NOT NULL CHECK (date(on_date, '+0 days') IS on_date),
    unit_id      INTEGER NOT NULL REFERENCES unit(id),
    from_unit_id INTEGER REFERENCES unit(id),
    reason       TEXT,
    place        TEXT CHECK (place IS NULL OR length(trim(place)) > 0),
    letter_no    TEXT,
    until_on     TEXT CHECK (until_on IS NULL OR (date(until_on, '+0 days') IS until_on AND until_on >= on_date)),
    CHECK ((kind IN ('transferred', 'reorganised')) = (from_unit_id IS NOT NULL)),
    CHECK (from_unit_id IS NULL OR from_unit_id <> unit_id),
    CHECK ((kind IN ('arrived', 'left', 'hosted', 'away')) = (place IS NOT NULL)),
    CHECK ((kind IN ('hosted', 'away')) = (until_on IS NOT NULL)),
    CHECK (letter_no IS NULL OR kind IN ('arrived', 'left'))
) STRICT;
INSERT INTO membership_event_new (id, member_id, kind, on_date, unit_id, from_unit_id, reason, place, letter_no, until_on)
    SELECT id, member_id, kind, on_date, unit_id, from_unit_id, reason, place, letter_no, until_on FROM membership_event;
DROP TABLE membership_event;
ALTER TABLE membership_event_new RENAME TO membership_event;
CREATE INDEX membership_event_member ON membership_event(member_id, on_date, id);
CREATE INDEX membership_event_day ON membership_event(on_date, kind, unit_id);
CREATE INDEX membership_event_unit ON membership_event(unit_id, member_id);

CREATE TRIGGER content_version_membership_event_insert AFTER INSERT ON membership_event
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_membership_event_update AFTER UPDATE ON membership_event
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_membership_event_delete AFTER DELETE ON membership_event
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER member_state_event_insert AFTER INSERT ON membership_event
BEGIN
    INSERT OR REPLACE INTO member_state (member_id, event_id, kind, on_date, unit_id)
    SELECT le.member_id, le.id, le.kind, le.on_date, le.unit_id FROM membership_event le
    WHERE le.member_id = new.member_id ORDER BY le.on_date DESC, le.id DESC LIMIT 1;
END;

CREATE TRIGGER member_state_event_update AFTER UPDATE ON membership_event
BEGIN
    DELETE FROM member_state WHERE member_id IN (old.member_id, new.member_id);
    INSERT INTO member_state (member_id, event_id, kind, on_date, unit_id)
    SELECT le.member_id, le.id, le.kind, le.on_date, le.unit_id FROM membership_event le
    WHERE le.id IN (SELECT (SELECT x.id FROM membership_event x WHERE x.member_id = who.member_id
                            ORDER BY x.on_date DESC, x.id DESC LIMIT 1)
                    FROM (SELECT old.member_id AS member_id UNION SELECT new.member_id) AS who);
END;

CREATE TRIGGER member_state_event_delete AFTER DELETE ON membership_event
BEGIN
    DELETE FROM member_state WHERE member_id = old.member_id;
    INSERT INTO member_state (member_id, event_id, kind, on_date, unit_id)
    SELECT le.member_id, le.id, le.kind, le.on_date, le.unit_id FROM membership_event le
    WHERE le.member_id = old.member_id ORDER BY le.on_date DESC, le.id DESC LIMIT 1;
END;

-- The fingerprint now hashes the unit changes too: the one kept for the old version is stale.

-- migration: 12 union book

-- The Union book's profile of a member (docs/DOMAIN.md#the-union-book): the ethnic group
-- by its code (the official name folded to ASCII, hyphens between words; 'foreign' for a
-- member of no Vietnamese group), the religion ('none' or its name as written), the
-- professional qualification as written, the political theory level the secretary
-- entered (the level in force is derived from the theory trainings where any is kept),
-- and the member's identifier in the Central Union's member system, unique like the card
-- number. NULL everywhere is "not recorded".
ALTER TABLE member ADD COLUMN ethnicity TEXT CHECK (ethnicity IS NULL OR ethnicity IN (
        'kinh', 'tay', 'thai', 'muong', 'khmer', 'hoa', 'nung', 'mong', 'dao', 'gia-rai', 'e-de',
        'ba-na', 'san-chay', 'cham', 'co-ho', 'xo-dang', 'san-diu', 'hre', 'ra-glai', 'mnong', 'tho',
        'xtieng', 'kho-mu', 'bru-van-kieu', 'co-tu', 'giay', 'ta-oi', 'ma', 'gie-trieng', 'co',
        'cho-ro', 'xinh-mun', 'ha-nhi', 'chu-ru', 'lao', 'la-chi', 'khang', 'phu-la', 'la-hu', 'la-ha',
        'pa-then', 'lu', 'ngai', 'chut', 'lo-lo', 'mang', 'co-lao', 'bo-y', 'cong', 'si-la', 'pu-peo',
        'ro-mam', 'brau', 'o-du', 'foreign'));
ALTER TABLE member ADD COLUMN religion TEXT CHECK (religion IS NULL OR length(trim(religion)) > 0);
ALTER TABLE member ADD COLUMN qualification TEXT CHECK (qualification IS NULL OR length(trim(qualification)) > 0);
ALTER TABLE member ADD COLUMN theory_level TEXT CHECK (theory_level IS NULL OR theory_level IN ('none', 'elementary', 'intermediate', 'advanced'));
ALTER TABLE member ADD COLUMN central_id TEXT CHECK (central_id IS NULL OR (length(central_id) BETWEEN 1 AND 32
                                                     AND central_id NOT GLOB '*[^A-Za-z0-9._/-]*'));
CREATE UNIQUE INDEX member_central_id ON member(central_id) WHERE central_id IS NOT NULL;

-- The fingerprint hashes the new columns: the one kept for the old version is stale.
UPDATE content_version SET version = version + 1;

-- Union offices with their terms (docs/DOMAIN.md#union-offices): a member holds `role` in
-- `unit_id` from `from_on` up to `to_on`, the day the office ends (NULL: held still), so
-- a successor starts on the day the predecessor's term ends. `title` is the office as
-- written, kept for the offices moved here from the free-text member.office.
CREATE TABLE office (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES member(id),
    unit_id   INTEGER NOT NULL REFERENCES unit(id),
    role      TEXT NOT NULL CHECK (role IN ('secretary', 'deputy-secretary', 'standing-committee', 'committee', 'full-time-cadre')),
    from_on   TEXT NOT NULL CHECK (date(from_on, '+0 days') IS from_on),
    to_on     TEXT CHECK (to_on IS NULL OR (date(to_on, '+0 days') IS to_on AND to_on > from_on)),
    title     TEXT CHECK (title IS NULL OR length(trim(title)) > 0)
) STRICT;
CREATE INDEX office_member ON office(member_id, from_on);
CREATE INDEX office_unit ON office(unit_id, role, from_on);

CREATE TRIGGER content_version_office_insert AFTER INSERT ON office
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_office_update AFTER UPDATE ON office
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_office_delete AFTER DELETE ON office
BEGIN
    UPDATE content_version SET version = version + 1;
END;

-- The free-text member.office had no unit and no dates. Each non-empty one becomes an office
-- (the migration's follow-up, `OfficeMigration`, which reads the role from the text):
-- in the unit of the member's latest membership event, from the day of that event (the day
-- they came into that unit: the text said they held it there), held still for an active
-- member and ended on the day membership ended otherwise; the text is kept as the title.
-- A second "secretary" of one unit over the same days becomes a committee member, keeping
-- its title. Then the column goes: the office in force on a day is what maturity reads.

-- Removal from office (cách chức) is a discipline level: the CHECK of discipline.level
-- changes, so the table is rebuilt as migration 6 rebuilt membership_event, with its
-- indexes and the content version's triggers (those of migration 4) again.
CREATE TABLE discipline_new (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES member(id),
    level     TEXT NOT NULL CHECK (level IN ('reprimand', 'warning', 'removal-from-office', 'expulsion')),
    on_date   TEXT NOT NULL CHECK (date(on_date, '+0 days') IS on_date),
    reason    TEXT NOT NULL CHECK (length(trim(reason)) > 0)
) STRICT;
INSERT INTO discipline_new (id, member_id, level, on_date, reason) SELECT id, member_id, level, on_date, reason FROM discipline;
DROP TABLE discipline;
ALTER TABLE discipline_new RENAME TO discipline;
CREATE INDEX discipline_member ON discipline(member_id, on_date);
CREATE INDEX discipline_day ON discipline(on_date, level, member_id);

CREATE TRIGGER content_version_discipline_insert AFTER INSERT ON discipline
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_discipline_update AFTER UPDATE ON discipline
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_discipline_delete AFTER DELETE ON discipline
BEGIN
    UPDATE content_version SET version = version + 1;
END;

-- migration: 13 unit grades and policy in time

-- The yearly grade of a grassroots union or a branch (docs/DOMAIN.md#unit-grades): one per
-- unit and year, on the members' four levels; setting it again corrects it (the audit log
-- keeps the old grade). The rules (no bloc, six whole months open) are the domain's.
CREATE TABLE unit_grade (
    unit_id INTEGER NOT NULL REFERENCES unit(id),
    year    INTEGER NOT NULL CHECK (year BETWEEN 1931 AND 9999),
    grade   TEXT NOT NULL CHECK (grade IN ('excellent', 'good', 'pass', 'fail')),
    PRIMARY KEY (unit_id, year)
) STRICT;
CREATE INDEX unit_grade_year ON unit_grade(year, grade);

CREATE TRIGGER content_version_unit_grade_insert AFTER INSERT ON unit_grade
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_unit_grade_update AFTER UPDATE ON unit_grade
BEGIN
    UPDATE content_version SET version = version + 1;
END;

CREATE TRIGGER content_version_unit_grade_delete AFTER DELETE ON unit_grade
BEGIN
    UPDATE content_version SET version = version + 1;
END;

-- Policy values in time (docs/DOMAIN.md#policy-values): a value holds from `from_on` until
-- the next value of its key, so a check dated before a change reads the old value. The
-- values set before they had dates hold from the Union's founding (26 March 1931), which
-- is before any day a register keeps; a key with no value in force is at its default.
CREATE TABLE policy_value (
    key     TEXT NOT NULL CHECK (key IN ('min_grade', 'discipline_window_months', 'min_age', 'certificate_valid_months')),
    from_on TEXT NOT NULL CHECK (date(from_on, '+0 days') IS from_on),
    value   TEXT NOT NULL,
    PRIMARY KEY (key, from_on)
) STRICT, WITHOUT ROWID;
INSERT INTO policy_value (key, from_on, value) SELECT key, '1931-03-26', value FROM policy;
DROP TABLE policy;

-- migration: 15 member name words

-- The words of the folded names (member.search_name), so that `member list --search` reads
-- only the members having one of its words instead of walking trigram lists that grow with
-- the register (docs/ARCHITECTURE.md, "The search"). Replaces migration 3's trigram index.
--
-- `name_word` is the register's dictionary: every distinct word of a folded name with the
-- number of members having it. A search word matches the dictionary's words containing it
-- (LIKE over a few thousand words at most), and the count tells which search word has the
-- fewest members. `member_word` holds one row per member and distinct word, ordered by word,
-- with the whole folded name beside it: the members of one word are one range of the table,
-- and the search's other words are checked on that range without reading `member`.
-- Both are derived from `member` and kept by the triggers below; `check` compares them with
-- a rebuild. Words are split on the single spaces `VietnameseText.fold` leaves, through JSON
-- (a trigger cannot hold a recursive query): json_quote escapes the name, the spaces become
-- the separators of a JSON array.
CREATE TABLE name_word (
    word    TEXT PRIMARY KEY,
    members INTEGER NOT NULL CHECK (members > 0)
) STRICT, WITHOUT ROWID;

CREATE TABLE member_word (
    word        TEXT NOT NULL,
    member_id   INTEGER NOT NULL,
    search_name TEXT NOT NULL,
    PRIMARY KEY (word, member_id)
) STRICT, WITHOUT ROWID;

INSERT INTO member_word (word, member_id, search_name)
    SELECT DISTINCT j.value, m.id, m.search_name
    FROM member m, json_each('[' || replace(json_quote(m.search_name), ' ', '","') || ']') j
    WHERE j.value <> ''
    ORDER BY 1, 2;
INSERT INTO name_word (word, members) SELECT word, COUNT(*) FROM member_word GROUP BY word;

CREATE TRIGGER member_word_insert AFTER INSERT ON member
BEGIN
    INSERT INTO member_word (word, member_id, search_name)
        SELECT DISTINCT value, new.id, new.search_name
        FROM json_each('[' || replace(json_quote(new.search_name), ' ', '","') || ']') WHERE value <> '';
    INSERT INTO name_word (word, members)
        SELECT DISTINCT value, 1
        FROM json_each('[' || replace(json_quote(new.search_name), ' ', '","') || ']') WHERE value <> ''
        ON CONFLICT (word) DO UPDATE SET members = members + 1;
END;

CREATE TRIGGER member_word_update AFTER UPDATE OF search_name ON member
WHEN old.search_name IS NOT new.search_name
BEGIN
    DELETE FROM member_word WHERE member_id = old.id
        AND word IN (SELECT value FROM json_each('[' || replace(json_quote(old.search_name), ' ', '","') || ']'));
    DELETE FROM name_word WHERE members = 1
        AND word IN (SELECT value FROM json_each('[' || replace(json_quote(old.search_name), ' ', '","') || ']'));
    UPDATE name_word SET members = members - 1
        WHERE word IN (SELECT value FROM json_each('[' || replace(json_quote(old.search_name), ' ', '","') || ']'));
    INSERT INTO member_word (word, member_id, search_name)
        SELECT DISTINCT value, new.id, new.search_name
        FROM json_each('[' || replace(json_quote(new.search_name), ' ', '","') || ']') WHERE value <> '';
    INSERT INTO name_word (word, members)
        SELECT DISTINCT value, 1
        FROM json_each('[' || replace(json_quote(new.search_name), ' ', '","') || ']') WHERE value <> ''
        ON CONFLICT (word) DO UPDATE SET members = members + 1;
END;

CREATE TRIGGER member_word_delete AFTER DELETE ON member
BEGIN
    DELETE FROM member_word WHERE member_id = old.id
        AND word IN (SELECT value FROM json_each('[' || replace(json_quote(old.search_name), ' ', '","') || ']'));
    DELETE FROM name_word WHERE members = 1
        AND word IN (SELECT value FROM json_each('[' || replace(json_quote(old.search_name), ' ', '","') || ']'));
    UPDATE name_word SET members = members - 1
        WHERE word IN (SELECT value FROM json_each('[' || replace(json_quote(old.search_name), ' ', '","') || ']'));
END;

DROP TRIGGER member_name_search_insert;
DROP TRIGGER member_name_search_update;
DROP TRIGGER member_name_search_delete;
DROP TABLE member_name_search;


-- migration: 16 report members

-- Per member, what the year-end report counts about them, packed into a few integers, so
-- that its one pass over every member reads one narrow row instead of two tables' text
-- columns (member_state's kind and day, member's eight profile columns: stepping through
-- those columns was most of the report's time at a million members; docs/ARCHITECTURE.md,
-- "The year-end report"). Derived from member_state, member and the first event of each
-- member by the view below, kept equal to it by the triggers after it (never written
-- otherwise), compared with it by `check` (`report-members`). Nothing is classified here:
-- a code is its position in the schema's own list, a day a day number, and the store
-- reads them back into the domain's values (`ReportMemberTable`).
--
-- A day is written as its number of days since 1970-01-01 plus 1048576 (2^20), so 1 and
-- up. Per member with an event:
--   unit_id  the unit of the latest event (member_state.unit_id);
--   state    (latest event's day * 2097152 + first event's day) * 16 + the latest event's
--            kind, its position in migration 11's CHECK list (admitted 0 to deceased 10;
--            another text 15). The first event's day tells a report of an earlier day
--            that the member had no state yet, without looking into the history;
--   profile  (facets * 2097152 + birth day) * 2097152 + Party day (0: none), where
--            facets = gender + 4 * (education + 16 * (theory level + 8 * ethnicity)):
--            gender male 0, female 1; education in the order of member's CHECK list
--            (0-7); theory level not recorded 0, then 'none' 1 to 'advanced' 4; ethnicity
--            not recorded 0, then its position in migration 12's CHECK list from 1. A code
--            outside those lists takes the field's highest value (3, 15, 7, 63) and a
--            birth or Party day that is no date makes profile NULL: damage the report
--            refuses, as it refused reading the text;
--   religion member.religion as written (free text, which the domain reads).
CREATE TABLE report_member (
    member_id INTEGER PRIMARY KEY,
    unit_id   INTEGER,
    state     INTEGER,
    profile   INTEGER,
    religion  TEXT
) STRICT;

CREATE VIEW report_member_derived (member_id, unit_id, state, profile, religion) AS
SELECT member_id, unit_id, (latest * 2097152 + first) * 16 + kind,
       ((gender + 4 * (education + 16 * (theory + 8 * ethnicity))) * 2097152 + born) * 2097152
       + CASE WHEN party_joined_on IS NULL THEN 0 ELSE party END,
       religion
FROM (SELECT s.member_id, s.unit_id, m.religion, m.party_joined_on,
             CAST(julianday(s.on_date) - 2440587.5 AS INTEGER) + 1048576 AS latest,
             CAST(julianday((SELECT MIN(e.on_date) FROM membership_event e WHERE e.member_id = s.member_id)) - 2440587.5 AS INTEGER)
                 + 1048576 AS first,
             CASE s.kind WHEN 'admitted' THEN 0 WHEN 'transferred' THEN 1 WHEN 'reorganised' THEN 2 WHEN 'arrived' THEN 3
                  WHEN 'left' THEN 4 WHEN 'hosted' THEN 5 WHEN 'away' THEN 6 WHEN 'matured' THEN 7 WHEN 'removed' THEN 8
                  WHEN 'expelled' THEN 9 WHEN 'deceased' THEN 10 ELSE 15 END AS kind,
             CASE m.gender WHEN 'male' THEN 0 WHEN 'female' THEN 1 ELSE 3 END AS gender,
             CASE m.education WHEN 'none' THEN 0 WHEN 'primary' THEN 1 WHEN 'lower-secondary' THEN 2
                  WHEN 'upper-secondary' THEN 3 WHEN 'vocational' THEN 4 WHEN 'college' THEN 5 WHEN 'university' THEN 6
                  WHEN 'postgraduate' THEN 7 ELSE 15 END AS education,
             CASE WHEN m.theory_level IS NULL THEN 0 WHEN m.theory_level = 'none' THEN 1 WHEN m.theory_level = 'elementary' THEN 2
                  WHEN m.theory_level = 'intermediate' THEN 3 WHEN m.theory_level = 'advanced' THEN 4 ELSE 7 END AS theory,
             CASE WHEN m.ethnicity IS NULL THEN 0 ELSE CASE m.ethnicity
                  WHEN 'kinh' THEN 1 WHEN 'tay' THEN 2 WHEN 'thai' THEN 3 WHEN 'muong' THEN 4 WHEN 'khmer' THEN 5 WHEN 'hoa' THEN 6
                  WHEN 'nung' THEN 7 WHEN 'mong' THEN 8 WHEN 'dao' THEN 9 WHEN 'gia-rai' THEN 10 WHEN 'e-de' THEN 11 WHEN 'ba-na' THEN 12
                  WHEN 'san-chay' THEN 13 WHEN 'cham' THEN 14 WHEN 'co-ho' THEN 15 WHEN 'xo-dang' THEN 16 WHEN 'san-diu' THEN 17 WHEN 'hre' THEN 18
                  WHEN 'ra-glai' THEN 19 WHEN 'mnong' THEN 20 WHEN 'tho' THEN 21 WHEN 'xtieng' THEN 22 WHEN 'kho-mu' THEN 23 WHEN 'bru-van-kieu' THEN 24
                  WHEN 'co-tu' THEN 25 WHEN 'giay' THEN 26 WHEN 'ta-oi' THEN 27 WHEN 'ma' THEN 28 WHEN 'gie-trieng' THEN 29 WHEN 'co' THEN 30
                  WHEN 'cho-ro' THEN 31 WHEN 'xinh-mun' THEN 32 WHEN 'ha-nhi' THEN 33 WHEN 'chu-ru' THEN 34 WHEN 'lao' THEN 35 WHEN 'la-chi' THEN 36
                  WHEN 'khang' THEN 37 WHEN 'phu-la' THEN 38 WHEN 'la-hu' THEN 39 WHEN 'la-ha' THEN 40 WHEN 'pa-then' THEN 41 WHEN 'lu' THEN 42
                  WHEN 'ngai' THEN 43 WHEN 'chut' THEN 44 WHEN 'lo-lo' THEN 45 WHEN 'mang' THEN 46 WHEN 'co-lao' THEN 47 WHEN 'bo-y' THEN 48
                  WHEN 'cong' THEN 49 WHEN 'si-la' THEN 50 WHEN 'pu-peo' THEN 51 WHEN 'ro-mam' THEN 52 WHEN 'brau' THEN 53 WHEN 'o-du' THEN 54
                  WHEN 'foreign' THEN 55
                  ELSE 63 END END AS ethnicity,
             CASE WHEN date(m.birth_date, '+0 days') IS m.birth_date THEN CAST(julianday(m.birth_date) - 2440587.5 AS INTEGER) + 1048576 END AS born,
             CASE WHEN date(m.party_joined_on, '+0 days') IS m.party_joined_on THEN CAST(julianday(m.party_joined_on) - 2440587.5 AS INTEGER) + 1048576 END AS party
      FROM member_state s JOIN member m ON m.id = s.member_id) AS facts;

INSERT INTO report_member (member_id, unit_id, state, profile, religion) SELECT * FROM report_member_derived ORDER BY member_id;

-- A member's latest event is written again whenever one of their events is inserted,
-- changed or removed (migration 9's triggers), and the first event can only change then.
CREATE TRIGGER report_member_state_insert AFTER INSERT ON member_state
BEGIN
    INSERT OR REPLACE INTO report_member (member_id, unit_id, state, profile, religion)
    SELECT * FROM report_member_derived WHERE member_id = new.member_id;
END;

CREATE TRIGGER report_member_state_update AFTER UPDATE ON member_state
BEGIN
    DELETE FROM report_member WHERE member_id = old.member_id;
    INSERT OR REPLACE INTO report_member (member_id, unit_id, state, profile, religion)
    SELECT * FROM report_member_derived WHERE member_id = new.member_id;
END;

CREATE TRIGGER report_member_state_delete AFTER DELETE ON member_state
BEGIN
    DELETE FROM report_member WHERE member_id = old.member_id;
END;

CREATE TRIGGER report_member_profile_update
AFTER UPDATE OF birth_date, gender, education, ethnicity, religion, theory_level, party_joined_on ON member
BEGIN
    INSERT OR REPLACE INTO report_member (member_id, unit_id, state, profile, religion)
    SELECT * FROM report_member_derived WHERE member_id = new.id;
END;

CREATE TRIGGER report_member_delete AFTER DELETE ON member
BEGIN
    DELETE FROM report_member WHERE member_id = old.id;
END;

-- migration: 17 bulk loads on postgresql

-- Nothing changes in a register file. A file's members import drops its derived-data
-- triggers inside its own transaction and catches up at the end; this migration's
-- PostgreSQL side lets an import there do the same without owning the tables
-- (docs/ARCHITECTURE.md, "Imports and the row pipeline").
