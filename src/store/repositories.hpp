#pragma once
// One repository per aggregate. Every change also appends an Event (who, when, what, old → new)
// in the same transaction. Methods never throw: errors come back as Result with codes
// "not_found", "conflict", "invalid_value", "storage". An unknown id — of the record or of a record
// it refers to — is "not_found": a find() of a record that does not exist is "not_found", never an
// empty value. Reads that fail are logged (stderr, without bound values) and come back as "storage",
// so that a caller never serves a failed read as a 404 or an empty list.
//
// Events: old/new values are JSON text (a string field: "\"open\""), or empty when there is
// none. "create" events carry the record's shown fields as a JSON object in new_value; "update"
// events one field each. Secrets (password hashes, token hashes, session ids, CSRF tokens) are
// never written to events: their changes are recorded without values.
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/added_question.hpp"
#include "core/library_version.hpp"
#include "core/acquisition.hpp"
#include "core/purchase_role.hpp"
#include "core/actor.hpp"
#include "core/evaluation_records.hpp"
#include "core/result.hpp"
#include "security/sha256_stream.hpp"
#include "security/login_counter_store.hpp"
#include "store/database.hpp"

namespace cyberachat::store {

class UserRepository {
public:
    explicit UserRepository(std::shared_ptr<Database> db) : db_(std::move(db)) {}
    // The email is trimmed and lower-cased (ASCII); "invalid" without an '@', "conflict" if it exists.
    Result<User> create(const User& user, const Actor& actor);
    Result<User> find(Id id);
    Result<User> find_by_email(std::string_view email);        // case-insensitive
    Result<std::vector<User>> list();  // by id, without the deleted accounts (is_deleted_account)
    Result<size_t> count();
    Result<void> set_password_hash(Id id, const std::string& hash, const Actor& actor);  // event without values
    // Disable (events "disable"; its sessions end and its API tokens are revoked in the same
    // transaction: "token" "revoke" each, "session" "revoke") or enable ("enable") an account.
    // Unchanged: nothing written. "not_found" for an unknown id.
    Result<void> set_active(Id id, bool active, const Actor& actor);
    Result<void> set_role(Id id, Role role, const Actor& actor);  // event "update", field "role"
    // Event "update", field "display_name" (trimmed; unchanged: nothing written).
    Result<void> set_display_name(Id id, const std::string& display_name, const Actor& actor);
    // The time of each account's last login (from the journal), by user id; absent: never.
    Result<std::map<Id, std::string>> last_logins();
    // Deletes an account, keeping a tombstone of its row so that what refers to it stays whole:
    // e-mail "deleted:<id>", no name, no password, inactive (role and origin kept). In the same
    // transaction its sessions, API tokens and reset links go, and the other tables' "user:<email>"
    // authors (answers, weights, reviews, opinions, team additions) become "user:#<id>". Event
    // "user" "delete" (no value). "not_found" for an unknown or already deleted account.
    Result<void> remove(Id id, const Actor& actor);

private:
    std::shared_ptr<Database> db_;
};

// A deleted account's tombstone (UserRepository::remove).
bool is_deleted_account(const User& user);

struct Session {
    std::string token_hash;      // SHA-256 hex of the cookie value; the cookie value is never stored
    std::string kind;            // "user" | "vendor"
    Id subject_id = 0;           // user id or response id
    std::string csrf_token;      // random, sent in forms and the X-CSRF-Token header
    std::string language = "fr";
    std::string created_at;
    std::string last_seen_at;
};

// Events (entity "session", entity_id = subject id, field = kind): "login" (create), "logout"
// (remove), "update" of "language", "revoke" (remove_for_subject), "expire" (remove_idle). touch()
// writes none: it runs at each request. The void methods log their (storage) failures.
class SessionRepository {
public:
    explicit SessionRepository(std::shared_ptr<Database> db) : db_(std::move(db)) {}
    Result<void> create(const Session& session);  // empty created_at/last_seen_at: now; "conflict" if the hash exists
    Result<Session> find(const std::string& token_hash);
    void touch(const std::string& token_hash);                       // last_seen_at = now
    void set_language(const std::string& token_hash, const std::string& language);
    void remove(const std::string& token_hash);
    void remove_for_subject(const std::string& kind, Id subject_id);  // e.g. on link revocation
    void remove_idle(int idle_seconds);                               // last_seen_at older than that
    // The sessions of one subject, oldest first.
    Result<std::vector<Session>> list_for_subject(const std::string& kind, Id subject_id);
    // Ends one session (event "revoke", field = kind, by `actor`); "not_found" when there is none.
    Result<void> revoke(const std::string& token_hash, const Actor& actor);

private:
    std::shared_ptr<Database> db_;
};

struct ApiToken {  // never the token itself (only its hash is stored, and not listed)
    Id id = 0;
    Id user_id = 0;
    std::string user_email;
    std::string name;
    std::string created_at;
    std::string expires_at;  // "" : never
};

class ApiTokenRepository {
public:
    explicit ApiTokenRepository(std::shared_ptr<Database> db) : db_(std::move(db)) {}
    Result<std::vector<ApiToken>> list(std::optional<Id> user_id = std::nullopt);  // by id
    Result<void> revoke(Id id, const Actor& actor);  // the row goes; event "token" "revoke"
    // `expires_at` (ISO-8601 UTC, "" for never): the token stops working then.
    Result<Id> create(Id user_id, const std::string& token_hash, const std::string& name, const Actor& actor,
                      const std::string& expires_at = {});
    Result<ApiToken> find(Id id);
    Result<User> find_user(const std::string& token_hash);  // active user owning the token, unless it expired

private:
    std::shared_ptr<Database> db_;
};

// A password reset link (table password_resets): only the SHA-256 of its token is kept.
struct PasswordReset {
    Id id = 0;
    Id user_id = 0;
    std::string created_at, expires_at;
    std::string used_at;  // "" until used
};

// Events (entity "user", entity_id = the account): "reset_link" when a link is made (new value
// {"expires_at"}), "reset_password" when one is used. Never the token.
class PasswordResetRepository {
public:
    explicit PasswordResetRepository(std::shared_ptr<Database> db) : db_(std::move(db)) {}
    // A link valid `lifetime_seconds` from now. "not_found" for an unknown account, "conflict" if the hash exists.
    Result<PasswordReset> create(Id user_id, const std::string& token_hash, long long lifetime_seconds,
                                 const Actor& actor);
    Result<PasswordReset> find(const std::string& token_hash);  // used or expired ones too; "not_found" otherwise
    // In ONE transaction: checks that the link is still unused and unexpired ("conflict"
    // otherwise), marks it used, sets the account's password hash and ends all its sessions.
    Result<void> use(Id reset_id, const std::string& password_hash, const Actor& actor);

private:
    std::shared_ptr<Database> db_;
};

// The login guard's counters (security/login_guard.hpp) in table login_counters, so that every
// instance on the database applies the same limits: one row per counter — kind "pair" (key: the
// account, a newline, the address), "address" or "account" — times as milliseconds since 1970.
// update() loads the three rows, lets the guard change them and saves them inside one write (the
// writers' lock makes it atomic across instances), deleting the idle ones; unchanged rows are not
// written. No events (it runs at each login attempt, and its keys are what was typed). Failures
// are logged (stderr, without values); update() then says false and the guard refuses.
class LoginCounterRepository final : public security::LoginCounterStore {
public:
    explicit LoginCounterRepository(std::shared_ptr<Database> db) : db_(std::move(db)) {}
    bool update(const std::string& account, const std::string& address,
                const std::function<void(security::LoginCounters&)>& change) override;
    void forget_quiet(security::WallClock::time_point failures_before,
                      security::WallClock::time_point reservations_before) override;

private:
    std::shared_ptr<Database> db_;
};

// A file uploaded for an XLSX import preview, waiting for "apply" (services::PendingUploads).
struct PendingUpload {
    Id response_id = 0;
    std::string file_name;
    std::string bytes;
};

struct PendingUploadLimits {
    size_t capacity = 64;                        // files kept at most, all responses together
    size_t max_total_bytes = 64u * 1024 * 1024;  // their sizes together
    std::chrono::milliseconds lifetime = std::chrono::minutes(60);
};

// Table pending_uploads: found by the SHA-256 of the token the page sends back (never the token),
// the bytes as base64 TEXT, so that "apply" works on any instance and after a restart. No events:
// nothing of the response changes before "apply", which writes its own.
class PendingUploadRepository {
public:
    explicit PendingUploadRepository(std::shared_ptr<Database> db) : db_(std::move(db)) {}
    // Deletes the expired uploads, then the oldest ones as long as keeping them with this one
    // would exceed the capacity or the total size, then keeps this one (even alone over the total).
    // "conflict" if the hash is taken.
    Result<void> put(const std::string& token_hash, const PendingUpload& upload, const PendingUploadLimits& limits);
    // "not_found" when unknown, for another response, or older than `lifetime`.
    Result<PendingUpload> find(const std::string& token_hash, Id response_id, std::chrono::milliseconds lifetime);
    // This one (if there) and the expired ones.
    Result<void> remove(const std::string& token_hash, std::chrono::milliseconds lifetime);

private:
    std::shared_ptr<Database> db_;
};

class QuestionnaireRepository {
public:
    explicit QuestionnaireRepository(std::shared_ptr<Database> db) : db_(std::move(db)) {}
    // Stores this definition text unless the same (by SHA-256) is stored already; returns it.
    Result<QuestionnaireVersion> ensure(const std::string& questionnaire_id, const std::string& version,
                                        const std::string& yaml);
    Result<QuestionnaireVersion> find(Id id);  // (events: actor "system", entity "questionnaire")

private:
    std::shared_ptr<Database> db_;
};

// The questionnaire library (core/library_version.hpp). Events: "add_version" (entity
// "questionnaire", entity_id = the composed questionnaire's version id, new value {questionnaire_id,
// version, kind, sha256, file_name, grid}).
class QuestionnaireLibraryRepository {
public:
    explicit QuestionnaireLibraryRepository(std::shared_ptr<Database> db) : db_(std::move(db)) {}
    // Stores the composed questionnaire `yaml` as a new version and its library row, in one
    // transaction. "conflict" when that (questionnaire id, version) exists on the instance (the
    // built-in one, an earlier upload), or when the same text is stored already.
    Result<LibraryVersion> add(LibraryVersion entry, const std::string& yaml, const Actor& actor);
    Result<std::vector<LibraryVersion>> list();  // oldest first
    // The library row of a composed questionnaire version: "not_found" for the built-in ones.
    Result<LibraryVersion> for_version(Id questionnaire_version_id);
    // How many purchases use each questionnaire version (those used by none are absent).
    Result<std::map<Id, std::int64_t>> purchases_by_version();
    // Moves one purchase onto a questionnaire of its own (its version extended for it alone):
    // stores `yaml` as a new version — not listed in the library — points the purchase at it and
    // gives it the grid `grid_yaml` in place of its own ("" : no grid). One transaction,
    // journalled (entity "acquisition", action "questionnaire", old → new {questionnaire_id,
    // version}). "conflict" as add() for a version number or a text already stored; "not_found".
    // `added_question_ids`: the questions the new version adds, recorded with the time (see
    // added_questions) — a vendor who opened its link before sees them marked as new.
    Result<QuestionnaireVersion> pin_purchase(Id acquisition_id, const std::string& questionnaire_id,
                                              const std::string& version, const std::string& yaml,
                                              const std::string& grid_id, const std::string& grid_version,
                                              const std::string& grid_yaml, const Actor& actor,
                                              const std::vector<std::string>& added_question_ids = {});
    // The questions added to this purchase alone, oldest first (none for a purchase never extended).
    Result<std::vector<AddedQuestion>> added_questions(Id acquisition_id);

private:
    std::shared_ptr<Database> db_;
};

class DocumentBytes;

// What deleting a purchase took with it (AcquisitionRepository::remove).
struct RemovedAcquisition {
    Acquisition acquisition;                 // as it was
    std::vector<Id> response_ids;            // its vendors' responses
    std::vector<std::string> storage_paths;  // its documents' bytes, erased
    std::vector<std::string> bytes_left;     // those that could not be erased (the sweep removes them later)
};

class AcquisitionRepository {
public:
    explicit AcquisitionRepository(std::shared_ptr<Database> db, std::shared_ptr<DocumentBytes> bytes = nullptr)
        : db_(std::move(db)), bytes_(std::move(bytes)) {}
    // "invalid": empty title, status other than draft/open/closed/archived, deadline neither
    // YYYY-MM-DD nor YYYY-MM-DDTHH:MM (core/deadline.hpp), or empty.
    // questionnaire_version_id / created_by 0 mean none; an unknown one is "not_found".
    Result<Acquisition> create(const Acquisition& acquisition, const Actor& actor);
    // By id. Changes title, equipment, service, reference, deadline, notes and status (one event
    // per changed field); the questionnaire version and the creator stay as created. No change:
    // nothing written, updated_at unchanged.
    Result<Acquisition> update(const Acquisition& acquisition, const Actor& actor);
    Result<Acquisition> find(Id id);
    Result<std::vector<Acquisition>> list();  // newest first

    // Moves the purchase from status `from` to `to` ("conflict" if it is no longer `from`; the
    // caller checks the move is allowed, core/purchase_lifecycle.hpp). Sets closed_at when an open
    // purchase closes (cleared when it opens again) and archived_at while archived. Event
    // "acquisition" `action` ("open", "close", "reopen", "archive", "unarchive"), field "status",
    // old the status, new {"status", "reason"} (reason when given).
    Result<Acquisition> transition(Id id, const std::string& from, const std::string& to, const std::string& action,
                                   const std::string& reason, const Actor& actor);
    // The purchase's deadline becomes `deadline` (for every vendor without its own). Event
    // "extend_deadline", field "deadline", old the deadline, new {"deadline", "reason"}.
    // "invalid" for a deadline that is not one.
    Result<Acquisition> extend_deadline(Id id, const std::string& deadline, const std::string& reason,
                                        const Actor& actor);
    // Archived purchases whose archive date is before `cutoff_iso` (UTC ISO-8601), by id.
    Result<std::vector<Acquisition>> archived_before(const std::string& cutoff_iso);
    // Deletes the purchase with its vendors' responses, answers, documents (rows, then bytes),
    // reviews, opinions, weights, grid, team, vendor sessions and pending imports, in one
    // transaction. The journal keeps everything it had, and one more event: "acquisition"
    // "delete", old value the purchase's fields with its counts of responses and documents.
    Result<RemovedAcquisition> remove(Id id, const Actor& actor);

private:
    std::shared_ptr<Database> db_;
    std::shared_ptr<DocumentBytes> bytes_;
};

// Each purchase's team: who belongs to it, with which purchase role (core/purchase_role.hpp).
// Events on the purchase: "member_add" / "member_role" / "member_remove", field "user:<id>",
// values the roles as JSON strings.
class MemberRepository {
public:
    explicit MemberRepository(std::shared_ptr<Database> db) : db_(std::move(db)) {}
    Result<std::vector<Member>> list(Id acquisition_id);  // by role, then e-mail
    // The account's role in the purchase; nullopt when it is not a member (or either is unknown).
    Result<std::optional<PurchaseRole>> role_of(Id acquisition_id, Id user_id);
    // The purchases an account belongs to, with its role in each.
    Result<std::map<Id, PurchaseRole>> purchases_of(Id user_id);
    // Adds the account, or changes its role (nothing written when unchanged). "not_found": no such
    // purchase or account; "invalid": an administrator's account (administrators are never members);
    // "conflict": the purchase's last lead would stop being one.
    Result<Member> put(Id acquisition_id, Id user_id, PurchaseRole role, const Actor& actor);
    // "not_found" when the account is not a member; "conflict" for the purchase's last lead.
    Result<void> remove(Id acquisition_id, Id user_id, const Actor& actor);

private:
    std::shared_ptr<Database> db_;
};

struct AnswerChange {
    std::string question_id;
    nlohmann::json value;
    std::string comment;
    std::int64_t base_revision = -1;  // the revision this change was planned against (-1: no check)
    std::string source;               // StoredAnswer::source to record with a new value ("" : typed)
};

struct SavedAnswer {
    StoredAnswer answer;     // as stored after the call
    bool changed = false;    // false when value and comment were already so
    bool conflicted = false; // (save_answers with keep_stored) not written: `answer` is the stored one
    // The response's revision (VendorResponse::revision) as the write transaction found it, and as
    // it left it: a caller holding the response as of `response_revision_before` knows it exactly
    // as of `response_revision_after` by applying this change alone.
    std::int64_t response_revision_before = -1, response_revision_after = -1;
};

// What save_answers does with a change whose base revision is out of date.
enum class OnConflict {
    fail_all,     // nothing is written, error "conflict" (payload "current": the stored answer)
    keep_stored,  // that change alone is not written (SavedAnswer::conflicted); the others are
};

// The repository does not look at a response's status when saving answers (or documents):
// refusing changes to a submitted response is the web layer's decision.
class ResponseRepository {
public:
    explicit ResponseRepository(std::shared_ptr<Database> db) : db_(std::move(db)) {}
    // Always created as a draft. "not_found" for an unknown purchase, "invalid" without a company
    // or with a language other than fr/en, "conflict" if the token hash is taken.
    Result<VendorResponse> create(const VendorResponse& response, const Actor& actor);
    Result<VendorResponse> find(Id id);
    // The response's revision alone (one indexed read): "not_found", or "storage".
    Result<std::int64_t> revision(Id id);
    Result<VendorResponse> find_by_token_hash(const std::string& token_hash);  // never a revoked one
    Result<std::vector<VendorResponse>> list_for(Id acquisition_id);
    // Every response of one vendor company (VendorResponse::company_key), oldest first; none for "".
    Result<std::vector<VendorResponse>> list_for_company(const std::string& company_key);
    // Regenerate (new hash) or revoke (empty hash) the secret link. Events "regenerate_link" /
    // "revoke_link" without values. Does not end the vendor's sessions: the caller does
    // (SessionRepository::remove_for_subject("vendor", id)).
    Result<void> set_invite_token_hash(Id id, const std::string& token_hash, const Actor& actor);
    // "conflict" if already submitted; `late`: after the purchase's own deadline (stored
    // submitted_late; the event's new value is then "late" instead of "submitted").
    Result<void> submit(Id id, const Actor& actor, bool late = false);
    // "conflict" if not submitted; sets reopened_at, clears submitted_late.
    Result<void> reopen(Id id, const Actor& actor);
    // Notes that the vendor opened its link (opened_at = now, with milliseconds) unless it did
    // before; returns the response as stored. Not journalled (the vendor's sessions are).
    Result<VendorResponse> mark_opened(Id id);
    // Company, contact, e-mail and language as in `changed` (checked as create does); one event
    // "update" per changed field; nothing written when none changed. "not_found" for an unknown id.
    Result<VendorResponse> update_vendor(const VendorResponse& changed, const Actor& actor);
    // Withdraws the vendor (withdrawn_at = now; event "withdraw", new value {"reason"}) or
    // restores it (withdrawn_at cleared; event "restore", new value {"reason"}). "conflict" when
    // it is already so. Does not end its sessions: the caller does.
    Result<VendorResponse> set_withdrawn(Id id, bool withdrawn, const std::string& reason, const Actor& actor);
    // This vendor's own deadline ("" : the purchase's again). Event "extend_deadline", field
    // "deadline", old the vendor's deadline, new {"deadline", "reason"}. "invalid" for a
    // deadline that is not one.
    Result<VendorResponse> set_deadline(Id id, const std::string& deadline, const std::string& reason,
                                        const Actor& actor);

    Result<std::vector<StoredAnswer>> answers(Id response_id);
    Result<StoredAnswer> answer(Id response_id, const std::string& question_id);
    // Saves a value and comment. base_revision is the revision the writer last saw (-1: do not
    // check); when the stored answer has moved on since and differs, nothing is written and the
    // error code is "conflict". The revision increases by one at each change. Saving what is
    // stored already is ok with changed=false (nothing written, whatever base_revision); a null
    // value with an empty comment for a question never answered stores nothing. Bumps the
    // response's updated_at. Events (entity "answer", entity_id = response id, field = question
    // id): "create"/"update" with the value old → new (JSON; old empty for a first answer), and
    // "comment" with the comment old → new when it changed. "invalid" for an empty question id
    // or a value that is not valid UTF-8; "not_found" for an unknown response.
    Result<SavedAnswer> save_answer(Id response_id, const std::string& question_id, const nlohmann::json& value,
                                    const std::string& comment, std::int64_t base_revision,
                                    const Actor& actor);
    // Saves several answers in ONE transaction (all or none), each as save_answer would, its
    // revision checked against its base_revision as `on_conflict` says, then, when `action` is not
    // empty, appends one event (entity "response", `action`, new_value `summary`, e.g. an
    // import's row counts). "not_found" for an unknown response.
    Result<std::vector<SavedAnswer>> save_answers(Id response_id, const std::vector<AnswerChange>& changes,
                                                  const std::string& action, const nlohmann::json& summary,
                                                  const Actor& actor, OnConflict on_conflict = OnConflict::fail_all);

private:
    std::shared_ptr<Database> db_;
};

class DocumentBytes;   // where the bytes live (store/document_bytes.hpp)
class DocumentReader;

// A stored document's bytes, piece by piece (at most 1 MiB each), for a download that never
// holds the whole file. The end checks the size and SHA-256 against the row: "storage" when they
// differ (the pieces already given were then not the document).
class DocumentStream {
public:
    DocumentStream(std::unique_ptr<DocumentReader> reader, StoredDocument document);
    ~DocumentStream();
    DocumentStream(DocumentStream&&) noexcept;
    DocumentStream& operator=(DocumentStream&&) noexcept;
    Result<std::optional<std::string>> next();  // nullopt at the end
    const StoredDocument& document() const { return document_; }

private:
    std::unique_ptr<DocumentReader> reader_;
    StoredDocument document_;
    security::Sha256Stream sha_;
    std::int64_t read_ = 0;
    bool finished_ = false;
};

class DocumentRepository {
public:
    // Rows in the database; bytes in `bytes` (files on SQLite, chunks on PostgreSQL).
    DocumentRepository(std::shared_ptr<Database> db, std::shared_ptr<DocumentBytes> bytes)
        : db_(std::move(db)), bytes_(std::move(bytes)) {}
    // Sanitizes the name, computes SHA-256, detects the type (libmagic), stores the bytes durably
    // and then the row. "invalid" for an empty file or a type not allowed, "not_found" for an
    // unknown response. If the row cannot be written, the bytes are erased.
    Result<StoredDocument> add(Id response_id, const std::string& question_id, const std::string& file_name,
                               const std::string& bytes, const Actor& actor);
    Result<StoredDocument> find(Id id);
    Result<std::vector<StoredDocument>> list_for(Id response_id);
    // The whole content: "not_found" if the bytes are missing, "storage" if their SHA-256 no
    // longer matches, "invalid" for a storage path that is not one of ours.
    Result<std::string> read_bytes(const StoredDocument& document);
    // The content piece by piece (downloads): the same errors, the checksum's at the end.
    Result<DocumentStream> open_stream(const StoredDocument& document);
    Result<void> remove(Id id, const Actor& actor);  // row and bytes

    // What an interrupted upload or a failed removal leaves: stored bytes that no row points to
    // (files under documents/, ".tmp" files included, or chunks), written more than `grace` ago
    // (younger ones may be an upload in progress, here or in another process or instance).
    // Removed, never bytes a row points to.
    struct Sweep {
        std::vector<std::string> removed;  // paths relative to the data folder
        std::vector<std::string> failed;   // could not be removed
    };
    Sweep sweep_orphans(std::chrono::seconds grace);

    // Last path component; letters (incl. accented, Greek, Cyrillic), digits, '.', '-', '_' and
    // spaces kept, other characters become '_', invisible ones (controls, bidi) are dropped;
    // runs collapsed; no leading dot/dash; at most 120 characters (extension kept); never empty
    // ("document"). "Schéma réseau (v2).pdf" → "Schéma réseau v2.pdf".
    static std::string sanitize_file_name(const std::string& name);
    // PDF, images, office documents, text/CSV, zip.
    static bool is_allowed_type(const std::string& content_type);

private:
    std::shared_ptr<Database> db_;
    std::shared_ptr<DocumentBytes> bytes_;
};

// What a journal page asks for (every field optional): events newest first, at most `limit`
// (1 to kMaxLimit), older than `before_id` when given (the next page).
struct EventFilter {
    static constexpr size_t kMaxLimit = 500;
    std::string from, to;  // YYYY-MM-DD, both days included (UTC); "invalid" otherwise
    std::string action;    // exactly
    std::string actor;     // contained in the actor, ASCII case ignored
    std::string field;     // exactly (for answers: the question id)
    Id before_id = 0;
    size_t limit = kMaxLimit;
};

class EventRepository {
public:
    explicit EventRepository(std::shared_ptr<Database> db) : db_(std::move(db)) {}
    Result<std::vector<Event>> list(const std::string& entity, Id entity_id, size_t limit = 200);  // newest first
    Result<std::vector<Event>> list_all(size_t limit = 200);  // newest first
    // The journal of a purchase: its own events (weights, grid, import…), its vendor responses'
    // (creation, links, status), their answers', documents', reviews', opinions' and vendor
    // sessions'. Of a response: the same for that response. Of an account: what it did (actor
    // "user:<email>") and what was done to it (the account, its sessions, its API tokens). Events
    // written before migration 8 are found by their entity, except those of a document deleted or
    // a token revoked before it.
    Result<std::vector<Event>> for_acquisition(Id acquisition_id, const EventFilter& filter);
    Result<std::vector<Event>> for_response(Id response_id, const EventFilter& filter);
    Result<std::vector<Event>> for_user(const User& user, const EventFilter& filter);

private:
    std::shared_ptr<Database> db_;
};

// The scoring grid each purchase was given, and the purchase's own weights (hospital only).
class ScoringGridRepository {
public:
    explicit ScoringGridRepository(std::shared_ptr<Database> db) : db_(std::move(db)) {}
    // Stores this grid text unless the same (by SHA-256) is stored already, and gives it to the
    // purchase unless the purchase has one already (a purchase keeps its grid). Returns the
    // purchase's grid. Events: "create" (entity "scoring_grid", actor "system") for a new text,
    // "attach_grid" on the purchase. "not_found" for an unknown purchase.
    Result<StoredGrid> attach(Id acquisition_id, const std::string& grid_id, const std::string& version,
                              const std::string& yaml, const Actor& actor);
    Result<StoredGrid> for_acquisition(Id acquisition_id);

    Result<std::vector<WeightOverride>> weights(Id acquisition_id);  // by question id
    // Sets (weight ≥ 0) or removes (nullopt: back to the grid's weight) a purchase's weight.
    // Event (entity "acquisition", action "weight", field = question id, old → new as JSON
    // numbers, empty for the grid's). Nothing written when unchanged. "invalid" for a negative
    // weight or an empty question id, "not_found" for an unknown purchase.
    Result<void> set_weight(Id acquisition_id, const std::string& question_id, std::optional<double> weight,
                            const Actor& actor);

private:
    std::shared_ptr<Database> db_;
};

// Reviewers' actions on answers (kept as a history: each is a new row) and their advisory
// opinions (one per response and role, replaced). Hospital only. Events: "review" (entity
// "review", entity_id = response id, field = question id, new value {status, comment,
// vendor_question, role}); opinion "create"/"update" (entity "opinion", field = role, old → new
// {verdict, text}). "invalid" for an unknown status, verdict or role, "not_found" for an unknown response.
class ReviewRepository {
public:
    explicit ReviewRepository(std::shared_ptr<Database> db) : db_(std::move(db)) {}
    // author = actor, created_at = now; status also "answered" (the vendor answering a clarification)
    Result<Review> add(const Review& review, const Actor& actor);
    Result<std::vector<Review>> list_for(Id response_id);                          // oldest first
    Result<Opinion> set_opinion(const Opinion& opinion, const Actor& actor);  // unchanged: nothing written
    Result<std::vector<Opinion>> opinions(Id response_id);

private:
    std::shared_ptr<Database> db_;
};

// One outgoing e-mail (table outbox). Kept after sending: what each vendor and team member was
// sent, and when.
struct OutboxMessage {
    Id id = 0;
    Id acquisition_id = 0;
    Id response_id = 0;           // 0: about no vendor response
    std::string recipient;
    std::string language = "fr";  // fr | en
    std::string kind;             // invitation, reminder, … (src/mail/templates/messages.yaml)
    std::string subject, text_body, html_body;  // bodies hold a placeholder where the secret link goes
    std::string secret_link;      // an invitation's link in clear, only while pending; due() alone reads it
    std::string dedup_key;        // "": none; a key already queued is not queued again
    std::string status = "pending";  // pending | sent | failed
    int attempts = 0;
    std::string next_attempt_at;  // when the sender may try it (again)
    std::string last_error;
    std::string created_at;
    std::string sent_at;          // "" until sent
};

// Events (entity "message", entity_id = the message, field = its kind; its purchase and response
// found from it): "enqueue" (new value {recipient, kind}), "sent", "failed" (given up: {attempts,
// error}), "resend". Never the secret link or the bodies. Times are the caller's (its Clock).
class OutboxRepository {
public:
    explicit OutboxRepository(std::shared_ptr<Database> db) : db_(std::move(db)) {}
    // Queues a message: pending, no attempt, due at `now`. With a dedup_key already queued:
    // nothing written, nullopt. "invalid" without recipient, kind or subject, or a language other
    // than fr/en; "not_found" for an unknown purchase or response.
    Result<std::optional<OutboxMessage>> enqueue(const OutboxMessage& message, const std::string& now, const Actor& actor);
    // Pending messages due at `now` (next_attempt_at <= now), oldest first, at most `limit`, with their secret link.
    Result<std::vector<OutboxMessage>> due(const std::string& now, size_t limit);
    // Sent: status "sent", sent_at, one more attempt, the secret link erased (NULL).
    Result<void> mark_sent(Id id, const std::string& now);
    // One more failed attempt: its error and the time of the next one; `give_up`: status "failed"
    // (the secret link erased too; "resend" makes a new one).
    Result<void> mark_attempt_failed(Id id, const std::string& next_attempt_at, const std::string& error, bool give_up);
    Result<std::vector<OutboxMessage>> for_response(Id response_id);        // newest first, no secret link
    Result<std::vector<OutboxMessage>> for_acquisition(Id acquisition_id);  // newest first, no secret link
    Result<OutboxMessage> find(Id id);                                      // no secret link
    // "Resend": pending again, attempts 0, due at `now`, the error cleared; `secret_link` (an
    // invitation's new link) replaces the stored one when given. Event "resend".
    Result<void> requeue(Id id, const std::string& now, const std::optional<std::string>& secret_link, const Actor& actor);
    // The response's pending invitations take this link (the hospital made a new one meanwhile);
    // an empty link (revoked): they fail at once with that reason.
    Result<void> replace_pending_links(Id response_id, const std::string& secret_link);

private:
    std::shared_ptr<Database> db_;
};

// The instance's settings (table instance_settings): named text values the administrators set —
// the hospital's identity ("hospital.name", "hospital.contact_email", "hospital.logo_png" in base64,
// "hospital.logo_sha256"; see services/instance_settings_service). Each change is journalled
// (entity "instance", action "update", field = the setting's name, old and new values) — a value
// longer than 200 bytes (the logo) as its length only.
class InstanceSettingRepository {
public:
    explicit InstanceSettingRepository(std::shared_ptr<Database> db) : db_(std::move(db)) {}
    // The settings of these names that are set, by name.
    Result<std::map<std::string, std::string>> values(const std::vector<std::string>& names);
    // Sets (a value) or removes (nullopt) each named setting, in one transaction; a setting whose
    // value does not change is neither written nor journalled.
    Result<void> apply(const std::map<std::string, std::optional<std::string>>& changes, const Actor& actor);

private:
    std::shared_ptr<Database> db_;
};

// What an archive holds of one purchase (see services/export_service.hpp), as records. Ids are
// the archive's (the source instance's); timestamps, authors and revisions as archived.
struct ArchivedDocument {
    StoredDocument document;  // id, response_id as archived; name, type, size, SHA-256 recomputed from `bytes`
    std::string bytes;
};
struct ArchivedVendor {
    VendorResponse response;  // status, submitted_at, invited_at, created_at, updated_at; never a link
    std::vector<StoredAnswer> answers;
    std::vector<ArchivedDocument> documents;
    std::vector<Review> reviews;  // in their order
    std::vector<Opinion> opinions;
};
struct ArchivedPurchase {
    Acquisition acquisition;  // questionnaire_version_id: this instance's; created_by none
    std::optional<StoredGrid> grid;  // grid_id, version, yaml
    std::vector<WeightOverride> weights;
    std::vector<AddedQuestion> added_questions;  // the questions added to this purchase alone
    std::vector<ArchivedVendor> vendors;
    std::vector<Event> events;  // the archived journal, oldest first
};

// Used only by `cyberachat import-archive`: writes an archived purchase as it was, in ONE
// transaction (all or nothing; document files written meanwhile are removed on failure). Unlike
// the repositories, it writes no event per record: it copies the archived journal instead — each
// event with its original time, actor, field and values, its entity id mapped to the new record
// ("acquisition" → the purchase, "response"/"answer"/"review"/"opinion" → the response,
// "document" → the document) — then one event of its own: (actor, "acquisition", new id,
// "import", field "archive", new value `import_note`). Actors and authors "vendor:<archived
// response id>" become "vendor:<new response id>". "invalid" for a record the repositories would
// refuse or an event about a record the archive does not hold.
class ArchiveRestore {
public:
    ArchiveRestore(std::shared_ptr<Database> db, std::shared_ptr<DocumentBytes> bytes)
        : db_(std::move(db)), bytes_(std::move(bytes)) {}
    Result<Acquisition> restore(const ArchivedPurchase& purchase, const Actor& actor,
                                const nlohmann::json& import_note);

private:
    std::shared_ptr<Database> db_;
    std::shared_ptr<DocumentBytes> bytes_;
};

// Where `db` keeps documents' bytes: files under data_dir on SQLite, the database on PostgreSQL.
std::shared_ptr<DocumentBytes> make_document_bytes(const std::shared_ptr<Database>& db, const std::string& data_dir);

// All repositories over one database, as the web layer and the CLI use them.
struct Store {
    std::shared_ptr<Database> db;
    std::string data_dir;  // SQLite only (empty on PostgreSQL)
    std::shared_ptr<DocumentBytes> document_bytes = make_document_bytes(db, data_dir);
    UserRepository users{db};
    SessionRepository sessions{db};
    ApiTokenRepository api_tokens{db};
    PasswordResetRepository password_resets{db};
    LoginCounterRepository login_counters{db};
    PendingUploadRepository pending_uploads{db};
    QuestionnaireRepository questionnaires{db};
    QuestionnaireLibraryRepository questionnaire_library{db};
    AcquisitionRepository acquisitions{db, document_bytes};
    MemberRepository members{db};
    ResponseRepository responses{db};
    DocumentRepository documents{db, document_bytes};
    EventRepository events{db};
    ScoringGridRepository scoring_grids{db};
    ReviewRepository reviews{db};
    OutboxRepository outbox{db};
    InstanceSettingRepository instance_settings{db};
    ArchiveRestore archive_restore{db, document_bytes};

    // Creates data_dir if needed and opens data_dir/cyberachat.db with `connections` pooled
    // connections (the server gives one per worker thread, so readers never queue for one).
    static Result<std::shared_ptr<Store>> open(const std::string& data_dir, size_t connections = 8);
    // The PostgreSQL database at `url` (libpq URL): everything, documents included, is in it
    // (data_dir is empty), so that several instances can share it.
    static Result<std::shared_ptr<Store>> open_postgresql(const std::string& url, size_t connections = 8);
};

}  // namespace cyberachat::store
