#pragma once
// A vendor starts its response from one of its company's earlier ones (issue 17): the list of its
// company's earlier submitted responses on this instance (VendorResponse::company_key, linked by
// the hospital when it invited it), a preview of what would be carried over (core/answer_reuse.hpp),
// then ONE transaction for the answers (the documents copied just before it, removed again if it
// fails) with one "reuse_answers" journal event; each value carried over records the response it
// came from (StoredAnswer::source, kind "reuse"). Nothing of another company is ever reachable, and
// nothing of the hospital's evaluation of the earlier responses is shown.
#include <string>
#include <vector>

#include "core/answer_reuse.hpp"
#include "core/result.hpp"
#include "services/response_service.hpp"

namespace cyberachat::services {

class AnswerReuseService {
public:
    AnswerReuseService(store::Store& store, ResponseService& responses) : store_(store), responses_(responses) {}

    // The company's other submitted responses, newest first; none when the response is not linked.
    Result<std::vector<EarlierResponse>> earlier_responses(Id response_id, Language language);
    // How many there are, without reading them (the vendor's home page).
    Result<size_t> count_earlier_responses(Id response_id);

    // Errors: "not_found" for a response that is not one of earlier_responses (another company's,
    // a draft, itself: the same answer whatever the reason), and when applying the locks of
    // ResponseService::load_for_import ("submitted", "deadline_passed"…), "conflict" (answers saved
    // meanwhile: nothing saved), "too_large" (the documents exceed the response's storage).
    Result<ReuseOutcome> reuse(Id response_id, Id earlier_id, bool apply, Language language, const Actor& actor);

private:
    Result<std::vector<VendorResponse>> earlier_rows(Id response_id);  // the company's other submitted ones, newest first

    store::Store& store_;
    ResponseService& responses_;
};

}  // namespace cyberachat::services
