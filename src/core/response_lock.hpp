#pragma once
// Why a vendor's response cannot change now (answers, documents, imports, clarifications,
// submission), or none: the one rule the services apply and the pages explain. Pure.
#include <string>
#include <string_view>

#include "core/acquisition.hpp"
#include "core/localized_text.hpp"

namespace cyberachat {

enum class ResponseLock {
    none,             // it may change
    submitted,        // submitted (the hospital may reopen it)
    withdrawn,        // the hospital withdrew this vendor
    not_open,         // the purchase is still being prepared (draft)
    closed,           // the purchase is closed: every response is frozen
    archived,         // the purchase is archived: read-only for everyone
    deadline_passed,  // the deadline that holds for this vendor has passed (core/deadline.hpp)
};

// In that order: withdrawn, archived, closed, not open, deadline passed, submitted. With
// `ignore_submitted` (a clarification answered after submission) a submitted response is not locked.
ResponseLock response_lock(const Acquisition& acquisition, const VendorResponse& response, long long now_utc_seconds,
                           bool ignore_submitted = false);

// "none", "submitted", "withdrawn", "not_open", "closed", "archived", "deadline_passed".
std::string_view response_lock_name(ResponseLock lock);

// The message the pages and the API give for a lock (French / English); "" for none.
LocalizedText response_lock_message(ResponseLock lock, const Acquisition& acquisition, const VendorResponse& response);

// Why a vendor's import page takes no file now, other than its submission (which the page says its
// own way): the lock's message, "" when nothing locks the response or it is only submitted.
std::string import_lock_text(const Acquisition& acquisition, const VendorResponse& response, long long now_utc_seconds,
                             Language language);

}  // namespace cyberachat
