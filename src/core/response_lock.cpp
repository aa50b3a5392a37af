#include "core/response_lock.hpp"

#include "core/deadline.hpp"
#include "core/purchase_lifecycle.hpp"

namespace cyberachat {

ResponseLock response_lock(const Acquisition& acquisition, const VendorResponse& response, long long now_utc_seconds,
                           bool ignore_submitted) {
    if (!response.withdrawn_at.empty()) return ResponseLock::withdrawn;
    const auto status = parse_purchase_status(acquisition.status).value_or(PurchaseStatus::open);
    if (status == PurchaseStatus::archived) return ResponseLock::archived;
    if (status == PurchaseStatus::closed) return ResponseLock::closed;
    if (status == PurchaseStatus::draft) return ResponseLock::not_open;
    if (deadline_passed(effective_deadline(acquisition, response), now_utc_seconds)) return ResponseLock::deadline_passed;
    if (!ignore_submitted && response.status == ResponseStatus::submitted) return ResponseLock::submitted;
    return ResponseLock::none;
}

std::string_view response_lock_name(ResponseLock lock) {
    switch (lock) {
        case ResponseLock::none: return "none";
        case ResponseLock::submitted: return "submitted";
        case ResponseLock::withdrawn: return "withdrawn";
        case ResponseLock::not_open: return "not_open";
        case ResponseLock::closed: return "closed";
        case ResponseLock::archived: return "archived";
        case ResponseLock::deadline_passed: return "deadline_passed";
    }
    return "none";
}

LocalizedText response_lock_message(ResponseLock lock, const Acquisition& acquisition, const VendorResponse& response) {
    switch (lock) {
        case ResponseLock::none: return {};
        case ResponseLock::submitted:
            return {"La réponse a été soumise : elle n'est plus modifiable.",
                    "The response has been submitted: it can no longer be changed."};
        case ResponseLock::withdrawn:
            return {"L'établissement a retiré votre participation à cette consultation : la réponse n'est plus modifiable.",
                    "The hospital withdrew you from this tender: the response can no longer be changed."};
        case ResponseLock::not_open:
            return {"Cette consultation n'est pas encore ouverte.", "This tender is not open yet."};
        case ResponseLock::closed:
            return {"La consultation est clôturée : les réponses ne sont plus modifiables. Vous pouvez encore les consulter.",
                    "The tender is closed: responses can no longer be changed. You can still read yours."};
        case ResponseLock::archived:
            return {"La consultation est archivée : elle est en lecture seule.", "The tender is archived: it is read-only."};
        case ResponseLock::deadline_passed: {
            const std::string deadline = effective_deadline(acquisition, response);
            return {"La date limite de réponse est dépassée (" + format_deadline(deadline, Language::fr) +
                        ") : vous pouvez consulter vos réponses mais plus les modifier ni les soumettre. "
                        "Seul l'établissement peut prolonger le délai.",
                    "The response deadline has passed (" + format_deadline(deadline, Language::en) +
                        "): you can still read your answers but no longer change or submit them. "
                        "Only the hospital can extend the deadline."};
        }
    }
    return {};
}

std::string import_lock_text(const Acquisition& acquisition, const VendorResponse& response, long long now_utc_seconds,
                             Language language) {
    const ResponseLock lock = response_lock(acquisition, response, now_utc_seconds);
    if (lock == ResponseLock::none || lock == ResponseLock::submitted) return "";
    return response_lock_message(lock, acquisition, response).in(language);
}

}  // namespace cyberachat
