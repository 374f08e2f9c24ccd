/// The schema's history, oldest first. Append new steps at the end; never edit a released one. Steps from 15 on
/// live each in a file of its own (`Migrations+….swift`).
enum Migrations {
    static let all: [Migration] = [
        organisation, planTree, budgetServicesActs, methodologyAndAudit, scoreResults, checkAcknowledgements, usersAndSessions,
        reviews, evidenceFiles, officesAndTokens, securityLog, measurementIdentity, serviceCases, auditFilters,
        workflow, mailAndReminders, periodSnapshots, planVersions,
        measurementColumns, planProposals, snapshotPlanVersion, narrativeData, changeCounters, importAudit,
        measurementKeys,
    ]

    static var latestVersion: Int { all.map(\.version).max() ?? 0 }

    /// 1: Enti, cycles, units, people, roles, periods, and the audit log every write needs.
    static let organisation = Migration(version: 1, name: "Enti, cicli, organizzazione, periodi, registro modifiche") { flavor in
        [
            """
            CREATE TABLE entities (
              code TEXT NOT NULL PRIMARY KEY,
              data TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE cycles (
              entity_code TEXT NOT NULL,
              year INTEGER NOT NULL,
              data TEXT NOT NULL,
              PRIMARY KEY (entity_code, year),
              FOREIGN KEY (entity_code) REFERENCES entities (code) DEFERRABLE INITIALLY DEFERRED
            )
            """,
            DDL.recordTable("units", references: [("parent_id", "units")]),
            DDL.recordTable("people"),
            DDL.recordTable("role_assignments", references: [("person_id", "people"), ("unit_id", "units")]),
            DDL.recordTable("periods"),
            """
            CREATE TABLE audit_log (
              \(DDL.autoIncrementKey(flavor)),
              at TEXT NOT NULL,
              actor TEXT NOT NULL,
              action TEXT NOT NULL,
              table_name TEXT NOT NULL,
              entity_code TEXT,
              year INTEGER,
              record_id TEXT NOT NULL,
              before_data TEXT,
              after_data TEXT
            )
            """,
            "CREATE INDEX audit_log_cycle_idx ON audit_log (entity_code, year, id)",
            "CREATE INDEX audit_log_record_idx ON audit_log (table_name, record_id, id)",
        ]
    }

    /// 2: the plan tree, objectives, indicators, items and measurements (and the acts objectives cite).
    static let planTree = Migration(version: 2, name: "Albero, obiettivi, indicatori, item e rilevazioni") { _ in
        [
            DDL.recordTable("plan_levels"),
            DDL.recordTable("acts"),
            DDL.recordTable(
                "plan_nodes",
                references: [("parent_id", "plan_nodes"), ("owner_unit_id", "units"), ("owner_person_id", "people")]),
            DDL.recordTable(
                "objectives",
                references: [("manager_person_id", "people"), ("unit_id", "units"), ("assigned_by_act_id", "acts")]),
            DDL.recordTable(
                "objective_links",
                references: [
                    ("objective_id", "objectives"), ("node_id", "plan_nodes"), ("linked_objective_id", "objectives"),
                ]),
            DDL.recordTable(
                "indicators",
                references: [("node_id", "plan_nodes"), ("objective_id", "objectives"), ("owner_unit_id", "units")]),
            DDL.recordTable("targets", references: [("indicator_id", "indicators")]),
            DDL.recordTable(
                "measured_items", references: [("indicator_id", "indicators"), ("responsible_unit_id", "units")]),
            DDL.recordTable("measurements", references: [("item_id", "measured_items"), ("period_id", "periods")]),
        ]
    }

    /// 3: resources and account lines, Carta dei servizi, procedures, plan variations.
    static let budgetServicesActs = Migration(version: 3, name: "Risorse, conti, Carta dei servizi, procedimenti, variazioni") { _ in
        [
            DDL.recordTable("resources", references: [("node_id", "plan_nodes")]),
            DDL.recordTable("account_lines", references: [("node_id", "plan_nodes")]),
            DDL.recordTable("service_standards"),
            DDL.recordTable("service_results", references: [("standard_id", "service_standards")]),
            DDL.recordTable("procedures"),
            DDL.recordTable("procedure_results", references: [("procedure_id", "procedures")]),
            DDL.recordTable("plan_variations", references: [("act_id", "acts"), ("node_id", "plan_nodes")]),
        ]
    }

    /// 4: methodology versions and the indexes a national installation needs.
    static let methodologyAndAudit = Migration(version: 4, name: "Versioni della metodologia, indici") { flavor in
        let referenceIndexes: [(String, [(column: String, table: String)])] = [
            ("units", [("parent_id", "units")]),
            ("role_assignments", [("person_id", "people"), ("unit_id", "units")]),
            ("plan_nodes", [("parent_id", "plan_nodes"), ("owner_unit_id", "units"), ("owner_person_id", "people")]),
            ("objectives", [("manager_person_id", "people"), ("unit_id", "units"), ("assigned_by_act_id", "acts")]),
            ("objective_links", [("objective_id", "objectives"), ("node_id", "plan_nodes"), ("linked_objective_id", "objectives")]),
            ("indicators", [("node_id", "plan_nodes"), ("objective_id", "objectives"), ("owner_unit_id", "units")]),
            ("targets", [("indicator_id", "indicators")]),
            ("measured_items", [("indicator_id", "indicators"), ("responsible_unit_id", "units")]),
            ("measurements", [("item_id", "measured_items"), ("period_id", "periods")]),
            ("resources", [("node_id", "plan_nodes")]),
            ("account_lines", [("node_id", "plan_nodes")]),
            ("service_results", [("standard_id", "service_standards")]),
            ("procedure_results", [("procedure_id", "procedures")]),
            ("plan_variations", [("act_id", "acts"), ("node_id", "plan_nodes")]),
        ]
        return [
            """
            CREATE TABLE methodology_versions (
              entity_code TEXT NOT NULL,
              year INTEGER NOT NULL,
              version INTEGER NOT NULL,
              data TEXT NOT NULL,
              PRIMARY KEY (entity_code, year, version),
              FOREIGN KEY (entity_code, year) REFERENCES cycles (entity_code, year) DEFERRABLE INITIALLY DEFERRED
            )
            """,
        ] + referenceIndexes.flatMap { DDL.referenceIndexes($0.0, references: $0.1) }
    }

    /// 5: the scores `traguardo score --save` records, each with the methodology version it came from.
    static let scoreResults = Migration(version: 5, name: "Punteggi registrati, con la versione della metodologia") { _ in
        [
            """
            CREATE TABLE score_results (
              entity_code TEXT NOT NULL,
              year INTEGER NOT NULL,
              period_code TEXT NOT NULL,
              kind TEXT NOT NULL,
              element_id TEXT NOT NULL,
              position INTEGER NOT NULL,
              value TEXT,
              shown TEXT NOT NULL,
              methodology_name TEXT NOT NULL,
              methodology_version INTEGER,
              computed_at TEXT NOT NULL,
              computed_by TEXT NOT NULL,
              data TEXT NOT NULL,
              PRIMARY KEY (entity_code, year, period_code, kind, element_id),
              FOREIGN KEY (entity_code, year) REFERENCES cycles (entity_code, year) DEFERRABLE INITIALLY DEFERRED
            )
            """,
        ]
    }

    /// 6: findings of the checks acknowledged with a reason, so that they stop repeating.
    static let checkAcknowledgements = Migration(version: 6, name: "Rilievi delle verifiche riconosciuti") { _ in
        [
            """
            CREATE TABLE check_acknowledgements (
              entity_code TEXT NOT NULL,
              year INTEGER NOT NULL,
              finding_key TEXT NOT NULL,
              data TEXT NOT NULL,
              PRIMARY KEY (entity_code, year, finding_key),
              FOREIGN KEY (entity_code, year) REFERENCES cycles (entity_code, year) DEFERRABLE INITIALLY DEFERRED
            )
            """,
        ]
    }

    /// 7: the people who sign in to `traguardo serve`, their sessions (shared by every server instance on
    /// the database), the failed logins that slow down password guessing, and the API tokens. Passwords
    /// and tokens are stored only as hashes.
    static let usersAndSessions = Migration(version: 7, name: "Utenti, sessioni, accessi falliti, token delle API") { flavor in
        [
            """
            CREATE TABLE users (
              username TEXT NOT NULL PRIMARY KEY,
              display_name TEXT NOT NULL,
              role TEXT NOT NULL,
              entity_code TEXT,
              unit_code TEXT,
              password_hash TEXT NOT NULL,
              active INTEGER NOT NULL,
              created_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE sessions (
              token_hash TEXT NOT NULL PRIMARY KEY,
              username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
              csrf_token TEXT NOT NULL,
              created_at TEXT NOT NULL,
              expires_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX sessions_username_idx ON sessions (username)",
            """
            CREATE TABLE login_failures (
              \(DDL.autoIncrementKey(flavor)),
              username TEXT NOT NULL,
              address TEXT NOT NULL,
              at TEXT NOT NULL
            )
            """,
            "CREATE INDEX login_failures_key_idx ON login_failures (username, address, at)",
            """
            CREATE TABLE api_tokens (
              token_hash TEXT NOT NULL PRIMARY KEY,
              username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
              label TEXT NOT NULL,
              created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX api_tokens_username_idx ON api_tokens (username)",
        ]
    }

    /// 8: what the OIV adds without changing any measurement: comments on an element of the plan, and the
    /// validation of an element's result for a period.
    static let reviews = Migration(version: 8, name: "Commenti e validazioni dell'OIV") { flavor in
        [
            """
            CREATE TABLE comments (
              \(DDL.autoIncrementKey(flavor)),
              entity_code TEXT NOT NULL,
              year INTEGER NOT NULL,
              element_id TEXT NOT NULL,
              author TEXT NOT NULL,
              at TEXT NOT NULL,
              text TEXT NOT NULL,
              FOREIGN KEY (entity_code, year) REFERENCES cycles (entity_code, year) DEFERRABLE INITIALLY DEFERRED
            )
            """,
            "CREATE INDEX comments_element_idx ON comments (entity_code, year, element_id)",
            """
            CREATE TABLE validations (
              entity_code TEXT NOT NULL,
              year INTEGER NOT NULL,
              period_code TEXT NOT NULL,
              element_id TEXT NOT NULL,
              validated_by TEXT NOT NULL,
              at TEXT NOT NULL,
              note TEXT,
              PRIMARY KEY (entity_code, year, period_code, element_id),
              FOREIGN KEY (entity_code, year) REFERENCES cycles (entity_code, year) DEFERRABLE INITIALLY DEFERRED
            )
            """,
        ]
    }

    /// 9: the evidence files the rilevazione form uploads (*documenti a supporto*), with their content, so that
    /// whoever reads the result can download the document behind it. One row per upload; the measurement's
    /// `evidence` names it «file (allegato n. ID)».
    static let evidenceFiles = Migration(version: 9, name: "Documenti a supporto delle rilevazioni") { flavor in
        [
            """
            CREATE TABLE evidence_files (
              \(DDL.autoIncrementKey(flavor)),
              entity_code TEXT NOT NULL,
              year INTEGER NOT NULL,
              period_code TEXT NOT NULL,
              item_id TEXT NOT NULL,
              file_name TEXT NOT NULL,
              media_type TEXT NOT NULL,
              size_bytes BIGINT NOT NULL,
              sha256 TEXT NOT NULL,
              uploaded_by TEXT NOT NULL,
              uploaded_at TEXT NOT NULL,
              content \(DDL.binaryType(flavor)) NOT NULL,
              FOREIGN KEY (entity_code, year) REFERENCES cycles (entity_code, year) DEFERRABLE INITIALLY DEFERRED
            )
            """,
            "CREATE INDEX evidence_files_item_idx ON evidence_files (entity_code, year, item_id)",
        ]
    }

    /// 10: the office of a responsabile d'ufficio or the area of a dirigente is a unit *of an Ente*: an account
    /// with a unit but no Ente gets the Ente when exactly one Ente has a unit with that code (else it stays
    /// without an Ente, and so without write rights, until an amministratore chooses one). API tokens get an
    /// expiry (existing ones: 90 days from now), their last use and their permission: existing ones read only.
    static let officesAndTokens = Migration(
        version: 10, name: "Ente dell'ufficio degli utenti; scadenza, ultimo uso e permessi dei token delle API"
    ) { flavor in
        let unitCode = switch flavor {
        case .sqlite: "json_extract(u.data, '$.code')"
        case .postgres: "(u.data::jsonb ->> 'code')"
        }
        let matching = "FROM units u WHERE u.id = users.unit_code OR \(unitCode) = users.unit_code"
        let inNinetyDays = switch flavor {
        case .sqlite: "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+90 days')"
        case .postgres: #"to_char((now() AT TIME ZONE 'UTC') + interval '90 days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"#
        }
        return [
            """
            UPDATE users SET entity_code = (SELECT MIN(u.entity_code) \(matching))
            WHERE entity_code IS NULL AND unit_code IS NOT NULL AND role IN ('responsabile-ufficio', 'dirigente')
              AND (SELECT COUNT(DISTINCT u.entity_code) \(matching)) = 1
            """,
            "ALTER TABLE api_tokens ADD COLUMN expires_at TEXT",
            "ALTER TABLE api_tokens ADD COLUMN last_used_at TEXT",
            "ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'lettura'",
            "UPDATE api_tokens SET expires_at = \(inNinetyDays)",
        ]
    }

    /// 11: the security log (*registro degli accessi*), apart from the registro modifiche: logins, failed logins,
    /// throttled addresses and usernames, logouts, sessions ended. The failed logins it holds are what the login
    /// throttle counts, so `login_failures` goes; the logins and failures the registro modifiche held until now
    /// move here (their address was not kept in a column: «non registrato»).
    static let securityLog = Migration(version: 11, name: "Registro degli accessi, separato dal registro modifiche") { flavor in
        [
            """
            CREATE TABLE security_events (
              \(DDL.autoIncrementKey(flavor)),
              at TEXT NOT NULL,
              kind TEXT NOT NULL,
              username TEXT NOT NULL,
              address TEXT NOT NULL,
              detail TEXT
            )
            """,
            "CREATE INDEX security_events_at_idx ON security_events (at)",
            "CREATE INDEX security_events_username_idx ON security_events (kind, username, at)",
            "CREATE INDEX security_events_address_idx ON security_events (kind, address, at)",
            """
            INSERT INTO security_events (at, kind, username, address, detail)
            SELECT at,
              CASE WHEN table_name = 'login_failures' THEN 'accesso-non-riuscito'
                   WHEN action = 'inserimento' THEN 'accesso'
                   WHEN before_data LIKE '%scaduta%' THEN 'sessione-terminata'
                   ELSE 'uscita' END,
              record_id, 'non registrato', 'dal registro modifiche'
            FROM audit_log
            WHERE table_name = 'sessions' OR (table_name = 'login_failures' AND action = 'inserimento')
            ORDER BY id
            """,
            "DELETE FROM audit_log WHERE table_name IN ('sessions', 'login_failures')",
            "DROP TABLE login_failures",
        ]
    }

    /// 12: one measurement per item and period. Where two rows measure the same item in the same period, the one
    /// every reader showed stays (the first in plan order: lowest position, then lowest id) and the others go,
    /// each with an «eliminazione» row in the registro modifiche. Every id becomes `ITEM@CODICE-PERIODO` (the
    /// plan files' form; sheets, the web form and the API wrote `ITEM@ente/anno/CODICE`), in the record and in
    /// the registro's rows; then a UNIQUE index on (entity_code, year, item_id, period_id) keeps it so.
    static let measurementIdentity = Migration(version: 12, name: "Una rilevazione per item e periodo, un solo formato di identificativo") { flavor in
        let (code, setID, now) = switch flavor {
        case .sqlite: (
            "json_extract(p.data, '$.code')", "json_set(data, '$.id', %@)", "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")
        case .postgres: (
            "(p.data::jsonb ->> 'code')", "(jsonb_set(data::jsonb, '{id}', to_jsonb(%@)))::text",
            #"to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"#)
        }
        let duplicate = """
            EXISTS (SELECT 1 FROM measurements k WHERE k.entity_code = measurements.entity_code AND k.year = measurements.year
              AND k.item_id = measurements.item_id AND k.period_id = measurements.period_id
              AND (k.position < measurements.position OR (k.position = measurements.position AND k.id < measurements.id)))
            """
        func newID(_ row: String) -> String {
            """
            (SELECT \(row).item_id || '@' || \(code) FROM periods p
              WHERE p.entity_code = \(row).entity_code AND p.year = \(row).year AND p.id = \(row).period_id)
            """
        }
        let renamed = "\(newID("measurements")) IS NOT NULL AND \(newID("measurements")) <> measurements.id"
        return [
            """
            INSERT INTO audit_log (at, actor, action, table_name, entity_code, year, record_id, before_data, after_data)
            SELECT \(now), 'migrazione 12', 'eliminazione', 'measurements', entity_code, year, id, data, NULL
            FROM measurements WHERE \(duplicate)
            ORDER BY entity_code, year, id
            """,
            "DELETE FROM measurements WHERE \(duplicate)",
            """
            UPDATE audit_log SET record_id = (SELECT \(newID("m")) FROM measurements m
              WHERE m.entity_code = audit_log.entity_code AND m.year = audit_log.year AND m.id = audit_log.record_id)
            WHERE table_name = 'measurements' AND EXISTS (SELECT 1 FROM measurements m
              WHERE m.entity_code = audit_log.entity_code AND m.year = audit_log.year AND m.id = audit_log.record_id
                AND \(newID("m")) IS NOT NULL AND \(newID("m")) <> m.id)
            """,
            "UPDATE measurements SET id = \(newID("measurements")), data = \(setID.replacingOccurrences(of: "%@", with: newID("measurements"))) WHERE \(renamed)",
            "CREATE UNIQUE INDEX measurements_item_period_key ON measurements (entity_code, year, item_id, period_id)",
        ]
    }

    /// 13: the cases of the Carta dei servizi services (*casi*), one row per case as the registers export them
    /// (protocollo, received, closed, suspensions, channel, justified delay) in `data`; the Carta's rows are
    /// computed from them on the Ente's working-day calendar.
    static let serviceCases = Migration(version: 13, name: "Casi dei servizi della Carta dei servizi") { _ in
        [
            """
            CREATE TABLE service_cases (
              entity_code TEXT NOT NULL,
              year INTEGER NOT NULL,
              service_code TEXT NOT NULL,
              case_id TEXT NOT NULL,
              position INTEGER NOT NULL,
              data TEXT NOT NULL,
              PRIMARY KEY (entity_code, year, service_code, case_id),
              FOREIGN KEY (entity_code, year) REFERENCES cycles (entity_code, year) DEFERRABLE INITIALLY DEFERRED
            )
            """,
        ]
    }

    /// 14: the registro modifiche filters by author, by date and by element over the whole log (the Ente-year and
    /// the kind of record already have their index from step 1).
    static let auditFilters = Migration(version: 14, name: "Indici per i filtri del registro modifiche") { _ in
        [
            "CREATE INDEX audit_log_actor_idx ON audit_log (LOWER(actor), id)",
            "CREATE INDEX audit_log_at_idx ON audit_log (at)",
            "CREATE INDEX audit_log_element_idx ON audit_log (record_id, id)",
        ]
    }
}
