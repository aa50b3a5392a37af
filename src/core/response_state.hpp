#pragma once
// What a vendor response is, as every list, comparison, ranking and report names it. Derived from
// the stored record: withdrawn (the hospital took the vendor out) wins; then submitted late
// (after the purchase's deadline, through an extension), submitted, reopened (a draft again after
// a submission), draft.
#include <string_view>

#include "core/acquisition.hpp"
#include "core/localized_text.hpp"

namespace cyberachat {

enum class ResponseState { draft, reopened, submitted, late, withdrawn };

ResponseState response_state(const VendorResponse& response);
std::string_view response_state_name(ResponseState state);  // "draft", "reopened", "submitted", "late", "withdrawn"
// "Brouillon", "Rouverte", "Soumise", "Soumise en retard", "Retirée" / "Draft", "Reopened", …
std::string_view response_state_label(ResponseState state, Language language);
// Submitted (on time or late): what a ranking keeps unless drafts are asked for.
bool is_submitted_state(ResponseState state);

}  // namespace cyberachat
