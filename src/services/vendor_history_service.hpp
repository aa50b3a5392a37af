#pragma once
// A vendor company's responses across purchases, for the hospital (issue 17, part 2): the
// responses that share the company's key (core/company_key.hpp), kept to those in purchases the
// caller may view (core/access_policy.hpp, Permission::view_purchase) — the others are never
// counted or named —, each evaluated (score, points de vigilance, end-of-support findings); the
// answers that changed between two of them (core/answer_changes.hpp); and two responses side by
// side, both visible to the caller (any two: the page says when they are not known to be of the
// same company).
#include <optional>
#include <vector>

#include "core/answer_changes.hpp"
#include "services/evaluation_service.hpp"
#include "store/repositories.hpp"

namespace cyberachat::services {

// The most responses a history shows (the latest ones).
inline constexpr size_t kMaxHistoryResponses = 60;

// One response as the history compares it: its side for core/answer_changes.
AnswerSide answer_side(const ResponseEvaluation& evaluation);

// The answers that changed between two responses of a history, in the order of the newer one's
// questionnaire (the newer: the later invited of the two).
struct HistoryChanges {
    const ResponseEvaluation* from = nullptr;
    const ResponseEvaluation* to = nullptr;
    const ResponseEvaluation* newer = nullptr;  // from or to
    const ResponseEvaluation* older = nullptr;
    AnswerComparison comparison;                // base: newer, other: older

    AnswerSide newer_side() const { return answer_side(*newer); }
    AnswerSide older_side() const { return answer_side(*older); }
    std::vector<const AnswerPair*> changes() const { return comparison.changes(newer_side(), older_side()); }
};

struct VendorHistory {
    Id subject = 0;       // the response the history was asked from
    bool linked = false;  // its company_key is set; when not, `responses` holds it alone
    std::vector<ResponseEvaluation> responses;  // visible to the caller, oldest first (by invitation)
    size_t left_out_older = 0;  // visible ones beyond kMaxHistoryResponses (the oldest), not listed

    const ResponseEvaluation* find(Id response_id) const;
    // The two latest submitted responses (older, newer), nullopt when fewer than two are submitted.
    std::optional<std::pair<Id, Id>> default_pair() const;
    // "not_found" (French, naming the id) when either is not in the list; "invalid_value" when they are the same.
    Result<HistoryChanges> changes(Id from, Id to) const;
};

// Two responses side by side: `first` (the page's), `second` (the other), and whether they belong
// to the same company (both linked, same key).
struct ResponsePair {
    ResponseEvaluation first;
    ResponseEvaluation second;
    bool same_company = false;
    AnswerComparison comparison;  // base: first, other: second
};

class VendorHistoryService {
public:
    VendorHistoryService(store::Store& store, EvaluationService& evaluations) : store_(store), evaluations_(evaluations) {}

    // `user`: the caller's account as stored (its own role, not a purchase role). "not_found" when
    // the response does not exist or its purchase is not visible to the user; "storage".
    Result<VendorHistory> history(Id response_id, const User& user);
    // Both responses evaluated; "not_found" — the same answer whether one does not exist or its
    // purchase is not visible to the user — for either.
    Result<ResponsePair> pair(Id first, Id second, const User& user);

private:
    // Whether the user may view the response's purchase (an administrator never: it reads no response).
    Result<bool> visible(const VendorResponse& response, const User& user);

    store::Store& store_;
    EvaluationService& evaluations_;
};

}  // namespace cyberachat::services
