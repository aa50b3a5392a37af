#pragma once
// Helpers shared by the repositories of this folder; not part of the store's interface.
#include <exception>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/ascii_text.hpp"

#include "core/acquisition.hpp"
#include "core/actor.hpp"
#include "core/evaluation_records.hpp"
#include "core/purchase_role.hpp"
#include "core/result.hpp"
#include "store/soci.hpp"

namespace cyberachat::store {
class DocumentBytes;
}

namespace cyberachat::store::detail {

// An Error with code "storage" for an exception raised by the database or the file system.
// Only the message itself is kept: SOCI's what() also lists the bound values, which may be secrets.
// Process-wide SQLite settings, applied once before the first connection: no memory statistics,
// whose global mutex every allocation of every connection would otherwise take (contention
// between the server's worker threads, seen with perf under wrk).
void configure_sqlite_library();

Error storage_error(const std::exception& e);
Error storage_error(std::string_view what_fr, std::string_view what_en);
// Logs a failed read (stderr) without bound values.
void log_read_error(std::string_view where, const std::exception& e);
// The Error for a database exception: "conflict" for a unique constraint violation, "invalid"
// for a foreign key one (a reference to nothing), "storage" otherwise.
Error database_error(const std::exception& e);

Error not_found(std::string_view what_fr, std::string_view what_en);
Error conflict(std::string_view fr, std::string_view en);
Error invalid(std::string_view fr, std::string_view en);

// "2026-11-29T10:15:00Z" for a time_t (UTC), and `seconds` before now.
std::string iso_from_time(long long seconds_since_epoch);
std::string iso_seconds_ago(long long seconds);


// JSON text of a string (for Event old/new values).
std::string json_text(std::string_view text);

// Adds an account to a purchase's team (event "member" "add", field = the account's id, new
// value = the role). The caller has checked that both exist and that it is not a member yet.
void insert_member(soci::session& sql, Id acquisition_id, Id user_id, PurchaseRole role, const Actor& actor);

// The journal names hospital accounts by id, so that deleting one leaves a pseudonymous trace:
// an actor "user:<email>" of an existing account is written "user:#<id>" (any other as given).
std::string journal_actor(soci::session& sql, const std::string& actor);

// Appends one row to the journal on `sql` (inside the caller's transaction), with the actor's
// name and via. Defined in event_repository.cpp. Never pass secrets as values. A repository that
// deletes a record journals first: the event's purchase, response and account are found from it.
void append_event(soci::session& sql, const Actor& actor, const std::string& entity, Id entity_id,
                  const std::string& action, const std::string& field = {}, const std::string& old_value = {},
                  const std::string& new_value = {});

// A deadline extension on `sql`: sets `table`'s deadline and updated_at for row `id` (and the
// record's `deadline` / `updated_at` members), journalled as `entity` "extend_deadline", field
// "deadline", old the previous deadline, new {"deadline", "reason"}. Shared by the purchases'
// and the responses' repositories.
void write_deadline_extension(soci::session& sql, const char* table, const char* entity, Id id, std::string& deadline_member,
                              std::string& updated_at_member, const std::string& deadline, const std::string& reason,
                              const Actor& actor);
// "invalid": a deadline that is neither YYYY-MM-DD nor YYYY-MM-DDTHH:MM.
Error invalid_deadline();

// Appends `event` as given (its time and via included; its id is the database's; its purchase,
// response and account found from its entity). Used by append_event and, with the archived
// times, only by the archive restore (archive_restore.cpp).
void insert_event(soci::session& sql, const Event& event);

// Checks shared by the repositories and the archive restore: trim and check what a caller may set
// (acquisition_repository.cpp, response_repository.cpp); name a document's bytes (sanitized
// name, size, SHA-256, detected type; "invalid" when empty or of a type not allowed) and store
// them durably where the engine keeps them, setting the storage path (document_repository.cpp).
std::optional<Error> normalize_acquisition(Acquisition& acquisition);
std::optional<Error> normalize_response(VendorResponse& response);
std::optional<Error> describe_document(StoredDocument& document, const std::string& bytes);
Result<void> store_document_bytes(DocumentBytes& bytes_store, StoredDocument& document, const std::string& bytes);

// One row each, written as given (timestamps, authors, revision included) on `sql`, no event:
// the repositories add theirs; the archive restore writes the archived journal instead.
Id insert_acquisition(soci::session& sql, const Acquisition& acquisition);
Id insert_response(soci::session& sql, const VendorResponse& response);
void insert_answer(soci::session& sql, const StoredAnswer& answer, const std::string& value_json);
Id insert_document(soci::session& sql, const StoredDocument& document);
Id insert_review(soci::session& sql, const Review& review);
void insert_opinion(soci::session& sql, const Opinion& opinion);
void insert_weight(soci::session& sql, const WeightOverride& weight);
// Gives the purchase the grid text (stored unless the same is already; event "create" of the
// scoring_grid then) unless it has one; `journal`: the purchase's "attach_grid" event too.
StoredGrid attach_grid(soci::session& sql, Id acquisition_id, const std::string& grid_id, const std::string& version,
                       const std::string& yaml, const Actor& actor, bool journal);

// Whether a row exists: SELECT 1 … (the query must select one integer column).
template <typename... Uses>
bool exists(soci::session& sql, const std::string& query, Uses&&... uses) {
    int one = 0;
    soci::indicator ind = soci::i_null;
    soci::statement st = ((sql.prepare << query, soci::into(one, ind)), ..., std::forward<Uses>(uses));
    return st.execute(true) && ind == soci::i_ok;
}

}  // namespace cyberachat::store::detail
