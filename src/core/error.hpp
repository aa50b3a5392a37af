#pragma once
// An error as a value: one code from a closed list, a message in French and English, and an
// optional payload (what the caller needs to recover: the current answer of a conflict, the
// missing questions of an incomplete response). The code's name is the stable `error.code` of the
// JSON API (docs/api.md, "Errors"); the web layer maps each code to one HTTP status.
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/localized_text.hpp"

namespace cyberachat {

enum class ErrorCode {
    not_found,         // the record (or one it refers to) does not exist
    invalid_value,     // a value the caller sent is refused (validation, reference to nothing)
    conflict,          // changed meanwhile (payload "current") or already exists
    submitted,         // the response is submitted: no more changes
    deadline_passed,   // the deadline that holds for the vendor has passed (payload "deadline")
    purchase_closed,   // the purchase is not open for changes: a draft, or closed
    archived,          // the purchase is archived: read-only for everyone
    incomplete,        // required answers are missing (payload "missing_required")
    forbidden,         // the caller's role may not do this
    csrf,              // a change without its CSRF token
    unauthorized,      // no valid credentials
    bad_request,       // the request itself is malformed (not JSON, missing field)
    method_not_allowed,
    json_too_deep,     // JSON nested beyond the budget
    bad_json,          // unreadable JSON
    too_large,         // over a size budget
    not_xlsx,          // an upload that is not an Excel workbook
    corrupt,           // a damaged workbook
    foreign,           // a workbook of another response
    wrong_version,     // a workbook of another questionnaire version
    invalid_archive,   // an export archive that cannot be imported
    condition_syntax,  // a condition expression that does not parse
    output_failed,     // a chart, PDF, spreadsheet or zip could not be produced
    storage,           // the database or the file system failed
    internal,          // an unexpected failure (a bug): logged
};

// "not_found", "invalid_value", …: the code's stable name.
std::string_view error_code_name(ErrorCode code);
std::ostream& operator<<(std::ostream& out, ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::storage;
    LocalizedText message;   // French first; English for vendors (falls back to French)
    nlohmann::json payload;  // null, or an object merged beside "error" in JSON answers

    static Error make(ErrorCode code, std::string fr, std::string en = {}) {
        return Error{code, LocalizedText{std::move(fr), std::move(en)}, nullptr};
    }
    Error with_payload(nlohmann::json value) && {
        payload = std::move(value);
        return std::move(*this);
    }
    const std::string& message_in(Language language) const { return message.in(language); }
};

}  // namespace cyberachat
