extension Migrations {
    /// 16: e-mail reminders. `mail_settings`: the SMTP settings (one row, `smtp`; never a password: the row names
    /// the environment variable or file it is read from). `reminder_schedules`: the schedule of each Ente-year.
    /// `mail_log`: every message sent or tried (to, when, subject, text, which period and rule, outcome); a reminder
    /// sent or being sent holds `sent_key` (Ente, year, period, rule, address), unique, so that no two senders send
    /// it twice. `service_leases`: which instance runs a background job (the reminder sender) until when.
    static let mailAndReminders = Migration(version: 16, name: "Impostazioni di posta, calendario dei promemoria, registro della posta inviata") { flavor in
        [
            "CREATE TABLE mail_settings (name TEXT NOT NULL PRIMARY KEY, data TEXT NOT NULL)",
            """
            CREATE TABLE reminder_schedules (
              entity_code TEXT NOT NULL,
              year INTEGER NOT NULL,
              data TEXT NOT NULL,
              PRIMARY KEY (entity_code, year),
              FOREIGN KEY (entity_code, year) REFERENCES cycles (entity_code, year) DEFERRABLE INITIALLY DEFERRED
            )
            """,
            """
            CREATE TABLE mail_log (
              \(DDL.autoIncrementKey(flavor)),
              at TEXT NOT NULL,
              entity_code TEXT,
              year INTEGER,
              period_id TEXT,
              rule TEXT NOT NULL,
              recipient TEXT NOT NULL,
              subject TEXT NOT NULL,
              body TEXT NOT NULL,
              status TEXT NOT NULL,
              error TEXT,
              claim TEXT,
              sent_key TEXT UNIQUE
            )
            """,
            "CREATE INDEX mail_log_cycle_idx ON mail_log (entity_code, year, id)",
            "CREATE INDEX mail_log_claim_idx ON mail_log (claim)",
            "CREATE TABLE service_leases (name TEXT NOT NULL PRIMARY KEY, holder TEXT NOT NULL, expires_at TEXT NOT NULL)",
        ]
    }
}
