#pragma once
// The records of a purchase ("acquisition") and its vendors' responses, as the domain sees them.
// Plain data: the store fills them, the web layer shows them. Times are UTC ISO-8601 strings
// ("2026-11-29T10:15:00Z"); dates are "YYYY-MM-DD".
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace cyberachat {

using Id = std::int64_t;

enum class Role { admin, biomedical, it, buyer };
std::string_view role_name(Role role);              // "admin", "biomedical", "it", "buyer"
std::optional<Role> parse_role(std::string_view name);
std::string_view role_label_fr(Role role);          // "Administrateur", "Ingénieur biomédical", …

struct User {
    Id id = 0;
    std::string email;          // lower-cased, unique
    std::string display_name;
    Role role = Role::biomedical;
    std::string password_hash;  // argon2id (libsodium crypto_pwhash_str); never the password
    bool active = true;
    std::string created_at;
    std::string origin = "local";  // "local" (password here) | "directory" (LDAP / Active Directory)
};

// A stored copy of one questionnaire version: a purchase keeps the version it was created with.
struct QuestionnaireVersion {
    Id id = 0;
    std::string questionnaire_id;  // "afib"
    std::string version;           // "2024.1"
    std::string sha256;            // of yaml
    std::string yaml;              // the definition text itself
    std::string created_at;
};

struct Acquisition {
    Id id = 0;
    std::string title;        // e.g. "Échographes cardiologie 2027"
    std::string title_en;     // the title for vendors in English ("" : not given; core/purchase_title.hpp)
    std::string equipment;    // equipment designation
    std::string service;      // hospital department
    std::string reference;    // procurement reference (n° de marché)
    std::string deadline;     // "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM", Paris time (core/deadline.hpp), or empty
    std::string notes;
    Id questionnaire_version_id = 0;
    std::string status = "open";  // draft | open | closed | archived (the purchase's life, core/purchase_lifecycle.hpp)
    Id created_by = 0;
    std::string created_at;
    std::string updated_at;
    std::string closed_at;    // the last time it was closed ("" : never, or since reopened)
    std::string archived_at;  // when it was archived ("" : not archived); retention counts from it
    // Until when the hospital expects to use the equipment, "YYYY-MM-DD" ("" : seven years after the
    // deadline, core/end_of_use.hpp): a system whose support ends before it is a point de vigilance.
    std::string expected_end_of_use;
    // The equipment family (core/equipment_family.hpp: "imagerie", "surveillance", …; "" : not set),
    // for the market statistics across purchases.
    std::string equipment_family;
};

enum class ResponseStatus { draft, submitted };
std::string_view response_status_name(ResponseStatus status);  // "draft" | "submitted"

// One vendor invited to one purchase, and its response.
struct VendorResponse {
    Id id = 0;
    Id acquisition_id = 0;
    std::string company;
    std::string contact_name;
    std::string email;
    std::string language = "fr";  // fr | en
    ResponseStatus status = ResponseStatus::draft;
    std::string submitted_at;     // empty while draft
    std::string invite_token_hash;  // SHA-256 hex of the secret link's token; empty when revoked
    std::string invited_at;
    std::string created_at;
    std::string updated_at;
    // The tender's life (issue 13):
    std::string deadline;         // this vendor's extended deadline (core/deadline.hpp); empty: the purchase's
    bool submitted_late = false;  // submitted after the purchase's deadline (only possible through an extension)
    std::string withdrawn_at;     // set when the hospital withdrew this vendor (out of comparisons and reports)
    std::string reopened_at;      // the last time the hospital reopened a submitted response
    // When the vendor first opened its link (its first page or API call; milliseconds, so that it
    // orders with the questions added to the purchase); empty: not yet.
    std::string opened_at;
    // The vendor company this response belongs to, from one purchase to the next (core/company_key.hpp):
    // "" when the hospital did not link it; its earlier submitted responses are offered to it.
    std::string company_key;
    // Raised by the database at each change of what this vendor's pages show: the row, its answers
    // and documents, its purchase's row and added questions (store migration 19). Read-only here.
    std::int64_t revision = 0;
};

struct StoredAnswer {
    Id response_id = 0;
    std::string question_id;
    nlohmann::json value;       // canonical (see core/answer_validation.hpp); null: comment only
    std::string comment;
    std::int64_t revision = 0;  // increases at each change of this answer; used to detect conflicts
    std::string updated_at;
    std::string updated_by;     // "vendor:<response id>" or "user:<email>"
    // Where the value came from: "" (typed, or Excel), else JSON {"kind": "mds2"|"sbom", "file": name,
    // "sha256": the file's, "lines": [MDS2 IDs]} (core/answer_source.hpp); the file is a document of the
    // response with that SHA-256. A later change of the value clears it.
    std::string source;
};

struct StoredDocument {
    Id id = 0;
    Id response_id = 0;
    std::string question_id;
    std::string file_name;      // sanitized
    std::string content_type;   // detected (libmagic)
    std::int64_t size = 0;
    std::string sha256;         // hex
    std::string storage_path;   // relative to the data directory
    std::string created_at;
};

// Append-only journal: every change is recorded (who, when, what, old → new).
struct Event {
    Id id = 0;
    std::string at;
    std::string actor;          // "user:<email>", "vendor:<response id>", "system"
    std::string entity;         // "acquisition", "response", "answer", "document", "user", "session", "token"
    Id entity_id = 0;
    std::string action;         // "create", "update", "delete", "submit", "reopen", "login", …
    std::string field;          // e.g. question id for answers
    std::string old_value;      // JSON text or empty
    std::string new_value;      // JSON text or empty
    // Since migration 8 (0 / "" before, and for events about none):
    std::string via;            // where from: "page", "api", "xlsx", "archive", "cli", "system" (core/actor.hpp)
    Id acquisition_id = 0;      // the purchase the event is about (its own, its vendors', answers', documents'…)
    Id response_id = 0;         // the vendor response it is about
    Id user_id = 0;             // the hospital account it is about (not the actor)
};

}  // namespace cyberachat
