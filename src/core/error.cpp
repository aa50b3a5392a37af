#include "core/error.hpp"

#include <ostream>

namespace cyberachat {

std::string_view error_code_name(ErrorCode code) {
    switch (code) {
        case ErrorCode::not_found: return "not_found";
        case ErrorCode::invalid_value: return "invalid_value";
        case ErrorCode::conflict: return "conflict";
        case ErrorCode::submitted: return "submitted";
        case ErrorCode::incomplete: return "incomplete";
        case ErrorCode::forbidden: return "forbidden";
        case ErrorCode::csrf: return "csrf";
        case ErrorCode::unauthorized: return "unauthorized";
        case ErrorCode::bad_request: return "bad_request";
        case ErrorCode::method_not_allowed: return "method_not_allowed";
        case ErrorCode::json_too_deep: return "json_too_deep";
        case ErrorCode::bad_json: return "bad_json";
        case ErrorCode::too_large: return "too_large";
        case ErrorCode::not_xlsx: return "not_xlsx";
        case ErrorCode::corrupt: return "corrupt";
        case ErrorCode::foreign: return "foreign";
        case ErrorCode::wrong_version: return "wrong_version";
        case ErrorCode::invalid_archive: return "invalid_archive";
        case ErrorCode::condition_syntax: return "condition_syntax";
        case ErrorCode::output_failed: return "output_failed";
        case ErrorCode::storage: return "storage";
        case ErrorCode::internal: return "internal";
        case ErrorCode::deadline_passed: return "deadline_passed";
        case ErrorCode::purchase_closed: return "purchase_closed";
        case ErrorCode::archived: return "archived";
    }
    return "storage";
}

std::ostream& operator<<(std::ostream& out, ErrorCode code) { return out << error_code_name(code); }

}  // namespace cyberachat
