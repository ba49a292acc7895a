/**
 * Numbered, append-only schema changes. The database records how many have run
 * (`PRAGMA user_version`); never edit one that has shipped, add the next instead.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: sessions
  `CREATE TABLE sessions (
     code TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     facilitator_hash TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     ended_at INTEGER
   ) STRICT;
   CREATE INDEX sessions_created_at ON sessions (created_at);`,
  // 2: the session's document, one row per record (zones, boards, notes, votes…)
  `CREATE TABLE records (
     session_code TEXT NOT NULL REFERENCES sessions (code) ON DELETE CASCADE,
     kind TEXT NOT NULL,
     id TEXT NOT NULL,
     data TEXT NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (session_code, kind, id)
   ) STRICT;`,
  // 3: feedback from the accessibility statement, kept apart from any session
  `CREATE TABLE accessibility_feedback (
     id TEXT PRIMARY KEY,
     received_at INTEGER NOT NULL,
     message TEXT NOT NULL,
     contact TEXT NOT NULL,
     about TEXT NOT NULL,
     locale TEXT NOT NULL
   ) STRICT;
   CREATE INDEX accessibility_feedback_received_at ON accessibility_feedback (received_at);`,
  // 4: the coach link's secret, as a hash like the facilitator's; null while there is no coach link
  `ALTER TABLE sessions ADD COLUMN coach_hash TEXT;`,
  // 5: the debrief timeline (server/timeline), append-only, in rowid order; goes with its session
  `CREATE TABLE timeline (
     session_code TEXT NOT NULL REFERENCES sessions (code) ON DELETE CASCADE,
     at INTEGER NOT NULL,
     data TEXT NOT NULL
   ) STRICT;
   CREATE INDEX timeline_session ON timeline (session_code);`,
];
