// The schema as data: one ordered list of migrations, each written for both engines: the
// statements both run (SQLite's prepare runs one statement at a time), where "{id}" stands for
// each engine's generated primary key, then what only one engine runs (triggers). Migrations are
// never edited once released: a change is a new migration, tested on both engines
// (tests/store/database_test.cpp). The SQL sticks to what both accept: BIGINT, TEXT, DOUBLE
// PRECISION, times as ISO-8601 TEXT written by the program.
#include <algorithm>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/internal.hpp"
#include "store/soci.hpp"

namespace cyberachat::store {

namespace {

struct Migration {
    int version;
    std::string description;
    std::vector<std::string> statements;             // both engines
    std::vector<std::string> sqlite_statements = {};      // then these on SQLite
    std::vector<std::string> postgresql_statements = {};  // or these on PostgreSQL
    // The oldest program (by the schema version it knows) that still runs correctly on a database
    // with this migration applied: 0 means "the previous release", the rule for every migration
    // (add tables, columns with defaults, indexes — never drop or rename what the previous release
    // uses), so that a group upgrades its instances one at a time. A migration that cannot keep
    // that rule sets its own version here: older instances then refuse to start on it.
    int compatible_down_to = 0;
};

// SQLite: a trigger raising, after `event` on `table`, the revision of the responses `which` names
// (store migration 19).
std::string raise_revision_after(const char* name, const char* event, const char* table, const char* which) {
    return std::string("CREATE TRIGGER ") + name + " AFTER " + event + " ON " + table +
           " BEGIN UPDATE responses SET revision = revision + 1 WHERE " + which + "; END";
}

const std::vector<Migration>& all_migrations() {
    static const std::vector<Migration> migrations = {
        {1,
         "initial schema",
         {
             R"sql(CREATE TABLE users (
                 {id},
                 email TEXT NOT NULL UNIQUE,
                 display_name TEXT NOT NULL DEFAULT '',
                 role TEXT NOT NULL,
                 password_hash TEXT NOT NULL DEFAULT '',
                 active INTEGER NOT NULL DEFAULT 1,
                 created_at TEXT NOT NULL
             ))sql",
             R"sql(CREATE TABLE sessions (
                 token_hash TEXT PRIMARY KEY,
                 kind TEXT NOT NULL,
                 subject_id BIGINT NOT NULL,
                 csrf_token TEXT NOT NULL,
                 language TEXT NOT NULL DEFAULT 'fr',
                 created_at TEXT NOT NULL,
                 last_seen_at TEXT NOT NULL
             ))sql",
             R"sql(CREATE TABLE api_tokens (
                 {id},
                 user_id BIGINT NOT NULL REFERENCES users(id),
                 token_hash TEXT NOT NULL UNIQUE,
                 name TEXT NOT NULL DEFAULT '',
                 created_at TEXT NOT NULL
             ))sql",
             R"sql(CREATE TABLE questionnaire_versions (
                 {id},
                 questionnaire_id TEXT NOT NULL,
                 version TEXT NOT NULL,
                 sha256 TEXT NOT NULL UNIQUE,
                 yaml TEXT NOT NULL,
                 created_at TEXT NOT NULL
             ))sql",
             R"sql(CREATE TABLE acquisitions (
                 {id},
                 title TEXT NOT NULL,
                 equipment TEXT NOT NULL DEFAULT '',
                 service TEXT NOT NULL DEFAULT '',
                 reference TEXT NOT NULL DEFAULT '',
                 deadline TEXT NOT NULL DEFAULT '',
                 notes TEXT NOT NULL DEFAULT '',
                 questionnaire_version_id BIGINT REFERENCES questionnaire_versions(id),
                 status TEXT NOT NULL DEFAULT 'open',
                 created_by BIGINT REFERENCES users(id),
                 created_at TEXT NOT NULL,
                 updated_at TEXT NOT NULL
             ))sql",
             R"sql(CREATE TABLE responses (
                 {id},
                 acquisition_id BIGINT NOT NULL REFERENCES acquisitions(id),
                 company TEXT NOT NULL,
                 contact_name TEXT NOT NULL DEFAULT '',
                 email TEXT NOT NULL DEFAULT '',
                 language TEXT NOT NULL DEFAULT 'fr',
                 status TEXT NOT NULL DEFAULT 'draft',
                 submitted_at TEXT NOT NULL DEFAULT '',
                 invite_token_hash TEXT UNIQUE,
                 invited_at TEXT NOT NULL DEFAULT '',
                 created_at TEXT NOT NULL,
                 updated_at TEXT NOT NULL
             ))sql",
             R"sql(CREATE TABLE answers (
                 response_id BIGINT NOT NULL REFERENCES responses(id),
                 question_id TEXT NOT NULL,
                 value_json TEXT NOT NULL DEFAULT 'null',
                 comment TEXT NOT NULL DEFAULT '',
                 revision BIGINT NOT NULL DEFAULT 0,
                 updated_at TEXT NOT NULL,
                 updated_by TEXT NOT NULL DEFAULT '',
                 PRIMARY KEY (response_id, question_id)
             ))sql",
             R"sql(CREATE TABLE documents (
                 {id},
                 response_id BIGINT NOT NULL REFERENCES responses(id),
                 question_id TEXT NOT NULL DEFAULT '',
                 file_name TEXT NOT NULL,
                 content_type TEXT NOT NULL,
                 size BIGINT NOT NULL,
                 sha256 TEXT NOT NULL,
                 storage_path TEXT NOT NULL UNIQUE,
                 created_at TEXT NOT NULL
             ))sql",
             R"sql(CREATE TABLE events (
                 {id},
                 at TEXT NOT NULL,
                 actor TEXT NOT NULL,
                 entity TEXT NOT NULL,
                 entity_id BIGINT NOT NULL DEFAULT 0,
                 action TEXT NOT NULL,
                 field TEXT NOT NULL DEFAULT '',
                 old_value TEXT NOT NULL DEFAULT '',
                 new_value TEXT NOT NULL DEFAULT ''
             ))sql",
         }},
        {2,
         "indexes for the usual lookups; journal made append-only",
         {
             // (answers are found by response through their primary key's first column;
             // responses by token through the UNIQUE constraint's index.)
             "CREATE INDEX responses_acquisition ON responses (acquisition_id)",
             "CREATE INDEX documents_response ON documents (response_id)",
             "CREATE INDEX events_entity ON events (entity, entity_id, id)",
             "CREATE INDEX sessions_subject ON sessions (kind, subject_id)",
             "CREATE INDEX sessions_last_seen ON sessions (last_seen_at)",
             "CREATE INDEX api_tokens_user ON api_tokens (user_id)",
         },
         {
             R"sql(CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                 BEGIN SELECT RAISE(ABORT, 'events are append-only'); END)sql",
             R"sql(CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                 BEGIN SELECT RAISE(ABORT, 'events are append-only'); END)sql",
         },
         {
             R"sql(CREATE FUNCTION cyb_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN RAISE EXCEPTION 'events are append-only'; END $$)sql",
             R"sql(CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                 FOR EACH ROW EXECUTE FUNCTION cyb_events_append_only())sql",
             R"sql(CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                 FOR EACH ROW EXECUTE FUNCTION cyb_events_append_only())sql",
             R"sql(CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
                 FOR EACH STATEMENT EXECUTE FUNCTION cyb_events_append_only())sql",
         }},
        {3,
         "evaluation: scoring grids copied into purchases, per-purchase weights, reviews, opinions",
         {
             R"sql(CREATE TABLE scoring_grids (
                 {id},
                 grid_id TEXT NOT NULL,
                 version TEXT NOT NULL,
                 sha256 TEXT NOT NULL UNIQUE,
                 yaml TEXT NOT NULL,
                 created_at TEXT NOT NULL
             ))sql",
             R"sql(CREATE TABLE acquisition_grids (
                 acquisition_id BIGINT PRIMARY KEY REFERENCES acquisitions(id),
                 scoring_grid_id BIGINT NOT NULL REFERENCES scoring_grids(id),
                 created_at TEXT NOT NULL
             ))sql",
             R"sql(CREATE TABLE weight_overrides (
                 acquisition_id BIGINT NOT NULL REFERENCES acquisitions(id),
                 question_id TEXT NOT NULL,
                 weight DOUBLE PRECISION NOT NULL,
                 updated_at TEXT NOT NULL,
                 updated_by TEXT NOT NULL,
                 PRIMARY KEY (acquisition_id, question_id)
             ))sql",
             R"sql(CREATE TABLE reviews (
                 {id},
                 response_id BIGINT NOT NULL REFERENCES responses(id),
                 question_id TEXT NOT NULL,
                 status TEXT NOT NULL DEFAULT '',
                 comment TEXT NOT NULL DEFAULT '',
                 vendor_question TEXT NOT NULL DEFAULT '',
                 author TEXT NOT NULL,
                 author_role TEXT NOT NULL DEFAULT '',
                 created_at TEXT NOT NULL
             ))sql",
             "CREATE INDEX reviews_response ON reviews (response_id, question_id, id)",
             R"sql(CREATE TABLE opinions (
                 response_id BIGINT NOT NULL REFERENCES responses(id),
                 role TEXT NOT NULL,
                 verdict TEXT NOT NULL,
                 text TEXT NOT NULL DEFAULT '',
                 author TEXT NOT NULL,
                 updated_at TEXT NOT NULL,
                 PRIMARY KEY (response_id, role)
             ))sql",
         }},
        {4,
         "documents' bytes in the database on PostgreSQL (several instances share no folder)",
         {},
         {},  // SQLite keeps them as files under the data folder (store/file_document_bytes.cpp)
         {
             R"sql(CREATE TABLE document_chunks (
                 storage_path TEXT NOT NULL,
                 seq INTEGER NOT NULL,
                 data BYTEA NOT NULL,
                 created_at TEXT NOT NULL,
                 PRIMARY KEY (storage_path, seq)
             ))sql",
             "CREATE INDEX document_chunks_written ON document_chunks (created_at) WHERE seq = 0",
         }},
        {5,
         "state the instances share: login attempt counters, XLSX import previews waiting for apply",
         {
             // kind: 'pair' (key: account, newline, address), 'address' or 'account'. Times in
             // milliseconds since 1970 (wall clock). in_flight: the reservation times of the
             // attempts in progress, space-separated; last_reserved_ms the newest of them (0:
             // none); known_addresses (accounts): newline-separated, most recent first.
             R"sql(CREATE TABLE login_counters (
                 kind TEXT NOT NULL,
                 counter_key TEXT NOT NULL,
                 failures BIGINT NOT NULL DEFAULT 0,
                 last_failure_ms BIGINT NOT NULL DEFAULT 0,
                 in_flight TEXT NOT NULL DEFAULT '',
                 last_reserved_ms BIGINT NOT NULL DEFAULT 0,
                 known_addresses TEXT NOT NULL DEFAULT '',
                 PRIMARY KEY (kind, counter_key)
             ))sql",
             "CREATE INDEX login_counters_last_failure ON login_counters (last_failure_ms)",
             // The file as base64 (the same SQL on both engines), found by the SHA-256 of the
             // token the page sends back; size: of the file itself. The oldest go first: by id.
             R"sql(CREATE TABLE pending_uploads (
                 {id},
                 token_hash TEXT NOT NULL UNIQUE,
                 response_id BIGINT NOT NULL,
                 file_name TEXT NOT NULL,
                 size BIGINT NOT NULL,
                 content_base64 TEXT NOT NULL,
                 created_at_ms BIGINT NOT NULL
             ))sql",
             "CREATE INDEX pending_uploads_created ON pending_uploads (created_at_ms)",
         }},
        {6,
         "tamper-evident journal: each event carries its SHA-256, chained to the previous event's",
         {
             // Filled in by detail::insert_event (store/journal_chain.hpp); events written before
             // keep '' (the triggers forbid filling them in): they are "before the chain". The
             // previous release writes events without them, as before.
             "ALTER TABLE events ADD COLUMN prev_hash TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE events ADD COLUMN hash TEXT NOT NULL DEFAULT ''",
         }},
        {7,
         "teams per purchase (lead, IT/security reviewer, buyer, observer); accounts' origin (local or directory)",
         {
             "ALTER TABLE users ADD COLUMN origin TEXT NOT NULL DEFAULT 'local'",
             R"sql(CREATE TABLE acquisition_members (
                 acquisition_id BIGINT NOT NULL REFERENCES acquisitions(id),
                 user_id BIGINT NOT NULL REFERENCES users(id),
                 role TEXT NOT NULL,
                 added_at TEXT NOT NULL,
                 added_by TEXT NOT NULL DEFAULT '',
                 PRIMARY KEY (acquisition_id, user_id)
             ))sql",
             "CREATE INDEX acquisition_members_user ON acquisition_members (user_id)",
             // Nobody loses what they saw before teams existed: every hospital account but the
             // administrators joins every existing purchase with the purchase role of its account's
             // role (biomedical engineer: lead, IT: reviewer, buyer: buyer).
             R"sql(INSERT INTO acquisition_members (acquisition_id, user_id, role, added_at, added_by)
                   SELECT a.id, u.id,
                          CASE u.role WHEN 'biomedical' THEN 'lead' WHEN 'it' THEN 'it_reviewer' ELSE 'buyer' END,
                          a.created_at, 'system:migration'
                   FROM acquisitions a CROSS JOIN users u WHERE u.role <> 'admin')sql",
         },
         {},
         {},
         // A previous release would let every account see every purchase again, and would create
         // purchases without a team: it must not run on this schema.
         7},
        {8,
         "journal pages: where each change came from, and the purchase, response and account each event is about",
         {
             // Filled in by detail::insert_event, covered by the hash of format 2
             // (store/journal_chain.hpp). Events written before keep 0 / '' and format 1 (the
             // triggers forbid filling them in): the journal queries find them by entity instead
             // (EventRepository). The previous release writes format-1 events, as before.
             "ALTER TABLE events ADD COLUMN format_version INTEGER NOT NULL DEFAULT 1",
             "ALTER TABLE events ADD COLUMN via TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE events ADD COLUMN acquisition_id BIGINT NOT NULL DEFAULT 0",
             "ALTER TABLE events ADD COLUMN response_id BIGINT NOT NULL DEFAULT 0",
             "ALTER TABLE events ADD COLUMN user_id BIGINT NOT NULL DEFAULT 0",
             "CREATE INDEX events_acquisition ON events (acquisition_id, id)",
             "CREATE INDEX events_response ON events (response_id, id)",
             "CREATE INDEX events_user ON events (user_id, id)",
             "CREATE INDEX events_actor ON events (actor, id)",
         }},
        {9,
         "password reset links; API tokens' expiry",
         {
             // One row per link: only the SHA-256 of its token; used_at '' until used.
             R"sql(CREATE TABLE password_resets (
                 {id},
                 token_hash TEXT NOT NULL UNIQUE,
                 user_id BIGINT NOT NULL REFERENCES users(id),
                 created_at TEXT NOT NULL,
                 expires_at TEXT NOT NULL,
                 used_at TEXT NOT NULL DEFAULT ''
             ))sql",
             "CREATE INDEX password_resets_user ON password_resets (user_id)",
             // '' : no expiry (every token made before this migration, and `token create` without --days).
             "ALTER TABLE api_tokens ADD COLUMN expires_at TEXT NOT NULL DEFAULT ''",
         }},
        {10,
         "outgoing e-mail (the outbox)",
         {
             // One row per message, kept after sending (what each vendor was sent, and when).
             // secret_link: an invitation's link in clear, only while the message is pending (NULL
             // once sent). dedup_key: a message that must go once (a reminder per offset and deadline).
             R"sql(CREATE TABLE outbox (
                 {id},
                 acquisition_id BIGINT NOT NULL REFERENCES acquisitions(id),
                 response_id BIGINT REFERENCES responses(id),
                 recipient TEXT NOT NULL,
                 language TEXT NOT NULL DEFAULT 'fr',
                 kind TEXT NOT NULL,
                 subject TEXT NOT NULL,
                 text_body TEXT NOT NULL,
                 html_body TEXT NOT NULL,
                 secret_link TEXT,
                 dedup_key TEXT UNIQUE,
                 status TEXT NOT NULL DEFAULT 'pending',
                 attempts INTEGER NOT NULL DEFAULT 0,
                 next_attempt_at TEXT NOT NULL,
                 last_error TEXT NOT NULL DEFAULT '',
                 created_at TEXT NOT NULL,
                 sent_at TEXT NOT NULL DEFAULT ''
             ))sql",
             "CREATE INDEX outbox_due ON outbox (status, next_attempt_at)",
             "CREATE INDEX outbox_response ON outbox (response_id)",
             "CREATE INDEX outbox_acquisition ON outbox (acquisition_id)",
         }},
        {11,
         "the tender's life: each vendor's own deadline, late submissions, withdrawn and reopened responses; "
         "when a purchase was closed and archived",
         {
             // '' : none. An existing purchase keeps its status (open stays open); an existing
             // response is on time, not withdrawn, never reopened (the journal has the earlier reopenings).
             "ALTER TABLE responses ADD COLUMN deadline TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE responses ADD COLUMN submitted_late INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE responses ADD COLUMN withdrawn_at TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE responses ADD COLUMN reopened_at TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE acquisitions ADD COLUMN closed_at TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE acquisitions ADD COLUMN archived_at TEXT NOT NULL DEFAULT ''",
             "CREATE INDEX acquisitions_archived ON acquisitions (status, archived_at)",
         }},
        {12,
         "instance settings: the hospital's identity (name, contact e-mail, logo)",
         {
             // One row per setting: its name ("hospital.name", …) and its value as text (the logo
             // in base64); absent: not set.
             R"sql(CREATE TABLE instance_settings (
                 name TEXT PRIMARY KEY,
                 value TEXT NOT NULL,
                 updated_at TEXT NOT NULL,
                 updated_by TEXT NOT NULL DEFAULT ''
             ))sql",
         }},
        {13,
         "a purchase's title in English, for the vendors who answer in English",
         {
             // '' : not given (every purchase made before): English readers get the French title.
             "ALTER TABLE acquisitions ADD COLUMN title_en TEXT NOT NULL DEFAULT ''",
         }},
        {14,
         "the questionnaire library: versions the hospital adds (whole definitions or extensions), with their grids",
         {
             // The composed questionnaire is a questionnaire_versions row (as a purchase points at
             // it); this row says where it came from and holds its grid until a purchase takes it.
             R"sql(CREATE TABLE questionnaire_library (
                 {id},
                 questionnaire_version_id BIGINT NOT NULL UNIQUE REFERENCES questionnaire_versions(id),
                 questionnaire_id TEXT NOT NULL,
                 version TEXT NOT NULL,
                 kind TEXT NOT NULL,
                 base_version_id BIGINT REFERENCES questionnaire_versions(id),
                 title TEXT NOT NULL DEFAULT '',
                 grid_id TEXT NOT NULL DEFAULT '',
                 grid_version TEXT NOT NULL DEFAULT '',
                 grid_yaml TEXT NOT NULL DEFAULT '',
                 source TEXT NOT NULL,
                 file_name TEXT NOT NULL DEFAULT '',
                 created_by TEXT NOT NULL DEFAULT '',
                 created_at TEXT NOT NULL,
                 UNIQUE (questionnaire_id, version)
             ))sql",
         }},
        {15,
         "questions added to one purchase, and when each vendor first opened its link (new questions marked)",
         {
             // '' : the vendor has not opened its link yet (every response invited before this
             // version that has an answer counts as opened when it was last changed).
             "ALTER TABLE responses ADD COLUMN opened_at TEXT NOT NULL DEFAULT ''",
             "UPDATE responses SET opened_at = updated_at WHERE status = 'submitted' OR EXISTS "
             "(SELECT 1 FROM answers WHERE answers.response_id = responses.id)",
             // The questions the lead added to one purchase (its own questionnaire), and when: a
             // vendor who opened its link before sees them marked as new.
             R"sql(CREATE TABLE acquisition_added_questions (
                 acquisition_id BIGINT NOT NULL REFERENCES acquisitions(id),
                 question_id TEXT NOT NULL,
                 added_at TEXT NOT NULL,
                 added_by TEXT NOT NULL DEFAULT '',
                 PRIMARY KEY (acquisition_id, question_id)
             ))sql",
         }},
        {16,
         "where an answer came from (an MDS2 or SBOM import), and a purchase's expected end of use",
         {
             // '' : typed (or imported from Excel). Otherwise JSON {"kind": "mds2"|"sbom", "file":
             // name, "sha256": hex, "lines": [MDS2 IDs]}; a later change of the value clears it.
             "ALTER TABLE answers ADD COLUMN source TEXT NOT NULL DEFAULT ''",
             // 'YYYY-MM-DD', or '' : seven years after the deadline (core/end_of_use.hpp).
             "ALTER TABLE acquisitions ADD COLUMN expected_end_of_use TEXT NOT NULL DEFAULT ''",
         }},
        {17,
         "a vendor company recognised from one purchase to the next (its earlier answers offered to it)",
         {
             // '' : not linked. "siren:123456789", "id:…" or "domain:medica.fr" (core/company_key.hpp),
             // set when the hospital invites the vendor and confirms the link.
             "ALTER TABLE responses ADD COLUMN company_key TEXT NOT NULL DEFAULT ''",
             "CREATE INDEX responses_company_key ON responses (company_key)",
         }},
        {18,
         "a purchase's equipment family, for the market statistics",
         {
             // '' : not set; else an id of core/equipment_family.hpp ("imagerie", "surveillance", …).
             "ALTER TABLE acquisitions ADD COLUMN equipment_family TEXT NOT NULL DEFAULT ''",
         }},
        {19,
         "a response's revision: raised by the database at each change of what its vendor's pages show",
         {
             // Raised by the triggers below, in the transaction of the change, whoever writes (this
             // program, an older instance of a group, the CLI): any change of the response row, of
             // one of its answers or documents, of its purchase's row or added questions. A page
             // rendered at revision N is the same page while the row says N (web/rendered_page_cache).
             "ALTER TABLE responses ADD COLUMN revision BIGINT NOT NULL DEFAULT 0",
         },
         {
             // A change of the row itself that did not set the revision raises it (the triggers'
             // own updates set it, so they do not recurse).
             R"sql(CREATE TRIGGER responses_revision AFTER UPDATE ON responses WHEN NEW.revision = OLD.revision
                 BEGIN UPDATE responses SET revision = OLD.revision + 1 WHERE id = NEW.id; END)sql",
             raise_revision_after("answers_revision_insert", "INSERT", "answers", "id = NEW.response_id"),
             raise_revision_after("answers_revision_update", "UPDATE", "answers", "id IN (OLD.response_id, NEW.response_id)"),
             raise_revision_after("answers_revision_delete", "DELETE", "answers", "id = OLD.response_id"),
             raise_revision_after("documents_revision_insert", "INSERT", "documents", "id = NEW.response_id"),
             raise_revision_after("documents_revision_update", "UPDATE", "documents", "id IN (OLD.response_id, NEW.response_id)"),
             raise_revision_after("documents_revision_delete", "DELETE", "documents", "id = OLD.response_id"),
             raise_revision_after("acquisitions_revision", "UPDATE", "acquisitions", "acquisition_id IN (OLD.id, NEW.id)"),
             raise_revision_after("added_questions_revision_insert", "INSERT", "acquisition_added_questions",
                                  "acquisition_id = NEW.acquisition_id"),
             raise_revision_after("added_questions_revision_update", "UPDATE", "acquisition_added_questions",
                                  "acquisition_id IN (OLD.acquisition_id, NEW.acquisition_id)"),
             raise_revision_after("added_questions_revision_delete", "DELETE", "acquisition_added_questions",
                                  "acquisition_id = OLD.acquisition_id"),
         },
         {
             R"sql(CREATE FUNCTION cyb_responses_revision() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN
                     IF NEW.revision = OLD.revision THEN NEW.revision := OLD.revision + 1; END IF;
                     RETURN NEW;
                 END $$)sql",
             R"sql(CREATE TRIGGER responses_revision BEFORE UPDATE ON responses
                 FOR EACH ROW EXECUTE FUNCTION cyb_responses_revision())sql",
             // For answers and documents: the response of the row (both, should a row move).
             R"sql(CREATE FUNCTION cyb_raise_response_revision() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN
                     IF TG_OP <> 'INSERT' THEN
                         UPDATE responses SET revision = revision + 1 WHERE id = OLD.response_id;
                     END IF;
                     IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.response_id <> OLD.response_id) THEN
                         UPDATE responses SET revision = revision + 1 WHERE id = NEW.response_id;
                     END IF;
                     RETURN NULL;
                 END $$)sql",
             R"sql(CREATE TRIGGER answers_revision AFTER INSERT OR UPDATE OR DELETE ON answers
                 FOR EACH ROW EXECUTE FUNCTION cyb_raise_response_revision())sql",
             R"sql(CREATE TRIGGER documents_revision AFTER INSERT OR UPDATE OR DELETE ON documents
                 FOR EACH ROW EXECUTE FUNCTION cyb_raise_response_revision())sql",
             // For the purchase's row (`id`) and its added questions (`acquisition_id`): every response of it.
             R"sql(CREATE FUNCTION cyb_raise_purchase_responses_revision() RETURNS trigger LANGUAGE plpgsql AS $$
                 DECLARE
                     before_id BIGINT;
                     after_id BIGINT;
                 BEGIN
                     IF TG_TABLE_NAME = 'acquisitions' THEN
                         IF TG_OP <> 'INSERT' THEN before_id := OLD.id; END IF;
                         IF TG_OP <> 'DELETE' THEN after_id := NEW.id; END IF;
                     ELSE
                         IF TG_OP <> 'INSERT' THEN before_id := OLD.acquisition_id; END IF;
                         IF TG_OP <> 'DELETE' THEN after_id := NEW.acquisition_id; END IF;
                     END IF;
                     UPDATE responses SET revision = revision + 1 WHERE acquisition_id IN (before_id, after_id);
                     RETURN NULL;
                 END $$)sql",
             R"sql(CREATE TRIGGER acquisitions_revision AFTER UPDATE ON acquisitions
                 FOR EACH ROW EXECUTE FUNCTION cyb_raise_purchase_responses_revision())sql",
             R"sql(CREATE TRIGGER added_questions_revision AFTER INSERT OR UPDATE OR DELETE ON acquisition_added_questions
                 FOR EACH ROW EXECUTE FUNCTION cyb_raise_purchase_responses_revision())sql",
         }},
    };
    return migrations;
}

// A statement as `engine` runs it.
std::string for_engine(std::string statement, Engine engine) {
    static const std::string kId = "{id}";
    const std::string id = engine == Engine::sqlite ? "id INTEGER PRIMARY KEY"
                                                    : "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
    for (size_t at = statement.find(kId); at != std::string::npos; at = statement.find(kId, at + id.size()))
        statement.replace(at, kId.size(), id);
    return statement;
}

}  // namespace

int Database::latest_schema_version() {
    const auto& migrations = all_migrations();
    return migrations.empty() ? 0 : migrations.back().version;
}

int applied_schema_version(soci::session& sql) {
    int version = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
    return ind == soci::i_ok ? version : 0;
}

namespace {

// The bookkeeping table, with the column saying which older programs may still run on the
// database (added to a table made before it existed: rows from then count as incompatible).
void ensure_schema_migrations_table(soci::session& sql) {
    sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL, "
           "compatible_down_to INTEGER NOT NULL DEFAULT 2147483647)";
    const auto columns = detail::table_columns(sql, "schema_migrations");
    if (std::find(columns.begin(), columns.end(), "compatible_down_to") == columns.end())
        sql << "ALTER TABLE schema_migrations ADD COLUMN compatible_down_to INTEGER NOT NULL DEFAULT 2147483647";
}

// On a database newer than this program (`latest`): whether every migration it does not know
// says it keeps programs of `latest` working.
bool newer_migrations_keep_this_program(soci::session& sql, int latest) {
    int oldest_required = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT MAX(compatible_down_to) FROM schema_migrations WHERE version > :latest", soci::use(latest),
        soci::into(oldest_required, ind);
    return ind == soci::i_ok && oldest_required <= latest;
}

}  // namespace

Result<int> apply_migrations(soci::session& sql, int up_to) {
    const auto& migrations = all_migrations();
    const Engine engine = detail::engine_of(sql);
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    up_to = std::min(up_to, latest);
    int current = 0;
    bool compatible_newer = false;
    try {
        // Under the writers' lock: two instances starting together would both create it.
        detail::begin_exclusive_write(sql);
        ensure_schema_migrations_table(sql);
        current = applied_schema_version(sql);
        if (current > latest) compatible_newer = newer_migrations_keep_this_program(sql, latest);
        sql << "COMMIT";
    } catch (const std::exception& e) {
        try {
            sql << "ROLLBACK";
        } catch (const std::exception&) {
        }
        return detail::storage_error(e);
    }
    // A newer release migrated the database (a group upgrading its instances one at a time): this
    // one keeps running if the newer migrations say it can, and is refused otherwise.
    if (current > latest && compatible_newer) return current;
    if (current > latest)
        return detail::storage_error(
            "La base de données vient d'une version plus récente du programme (schéma " + std::to_string(current) +
                ", ce programme connaît " + std::to_string(latest) + ") : mettez cette instance à jour.",
            "The database comes from a newer version of the program (schema " + std::to_string(current) +
                ", this program knows " + std::to_string(latest) + "): upgrade this instance.");

    for (const Migration& migration : migrations) {
        if (migration.version <= current || migration.version > up_to) continue;
        try {
            detail::begin_exclusive_write(sql);
        } catch (const std::exception& e) {
            return detail::storage_error(e);
        }
        try {
            // Another process may have applied it while we waited for the write lock.
            if (applied_schema_version(sql) >= migration.version) {
                sql << "COMMIT";
                continue;
            }
            for (const std::string& statement : migration.statements) sql << for_engine(statement, engine);
            for (const std::string& statement :
                 engine == Engine::sqlite ? migration.sqlite_statements : migration.postgresql_statements)
                sql << statement;
            int version = migration.version;
            int compatible_down_to = migration.compatible_down_to == 0 ? migration.version - 1 : migration.compatible_down_to;
            std::string applied_at = now_iso();
            sql << "INSERT INTO schema_migrations (version, applied_at, compatible_down_to) "
                   "VALUES (:version, :applied_at, :compatible)",
                soci::use(version), soci::use(applied_at), soci::use(compatible_down_to);
            sql << "COMMIT";
        } catch (const std::exception& e) {
            try {
                sql << "ROLLBACK";
            } catch (const std::exception&) {
            }
            const Error error = detail::storage_error(e);
            return Error::make(ErrorCode::storage,
                               "Migration " + std::to_string(migration.version) + " : " + error.message.fr,
                               "Migration " + std::to_string(migration.version) + ": " + error.message.in(Language::en));
        }
        current = migration.version;
    }
    return current;
}

}  // namespace cyberachat::store
