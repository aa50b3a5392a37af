#include "services/vendor_history_service.hpp"

#include "core/access_policy.hpp"
#include "core/response_state.hpp"

namespace cyberachat::services {

namespace {

Error not_visible() {
    return Error::make(ErrorCode::not_found,
                       "Cette réponse n'existe pas, ou vous ne faites pas partie de l'équipe de son achat.",
                       "This response does not exist, or you are not a member of its purchase's team.");
}

Error not_in_history(Id id) {
    const std::string n = std::to_string(id);
    return Error::make(ErrorCode::not_found,
                       "La réponse n° " + n + " n'est pas dans l'historique de ce fournisseur (ou vous ne pouvez pas la voir).",
                       "Response " + n + " is not in this vendor's history (or you may not see it).");
}

}  // namespace

AnswerSide answer_side(const ResponseEvaluation& evaluation) {
    return AnswerSide{evaluation.snapshot.questionnaire.get(), &evaluation.snapshot.answers, &evaluation.snapshot.documents};
}

const ResponseEvaluation* VendorHistory::find(Id response_id) const {
    for (const auto& entry : responses)
        if (entry.snapshot.response.id == response_id) return &entry;
    return nullptr;
}

std::optional<std::pair<Id, Id>> VendorHistory::default_pair() const {
    std::vector<Id> submitted;
    for (const auto& entry : responses)
        if (is_submitted_state(response_state(entry.snapshot.response))) submitted.push_back(entry.snapshot.response.id);
    if (submitted.size() < 2) return std::nullopt;
    return std::pair{submitted[submitted.size() - 2], submitted.back()};
}

Result<HistoryChanges> VendorHistory::changes(Id from, Id to) const {
    HistoryChanges out;
    out.from = find(from);
    if (!out.from) return not_in_history(from);
    out.to = find(to);
    if (!out.to) return not_in_history(to);
    if (from == to)
        return Error::make(ErrorCode::invalid_value, "Choisissez deux réponses différentes à comparer.",
                           "Choose two different responses to compare.");
    const bool to_is_newer = to > from;  // ids follow the invitations
    out.newer = to_is_newer ? out.to : out.from;
    out.older = to_is_newer ? out.from : out.to;
    out.comparison = compare_answers(out.newer_side(), out.older_side());
    return out;
}

Result<bool> VendorHistoryService::visible(const VendorResponse& response, const User& user) {
    std::optional<PurchaseRole> membership;
    if (user.role != Role::admin) {
        TRY_ASSIGN(membership, store_.members.role_of(response.acquisition_id, user.id));
    }
    return decide(user.role, membership, Permission::view_purchase) == Verdict::allowed;
}

Result<VendorHistory> VendorHistoryService::history(Id response_id, const User& user) {
    auto subject = store_.responses.find(response_id);
    if (!subject) return subject.error().code == ErrorCode::not_found ? Result<VendorHistory>(not_visible()) : subject.error();
    TRY_ASSIGN(const bool may_view, visible(*subject, user));
    if (!may_view) return not_visible();
    VendorHistory out;
    out.subject = subject->id;
    out.linked = !subject->company_key.empty();
    std::vector<VendorResponse> candidates;
    if (out.linked) {
        TRY_ASSIGN(candidates, store_.responses.list_for_company(subject->company_key));
    } else {
        candidates.push_back(*subject);
    }
    std::vector<Id> shown;
    for (const auto& candidate : candidates) {
        TRY_ASSIGN(const bool seen, visible(candidate, user));
        if (seen) shown.push_back(candidate.id);
    }
    // The latest kMaxHistoryResponses, always with the subject.
    size_t first = shown.size() > kMaxHistoryResponses ? shown.size() - kMaxHistoryResponses : 0;
    out.left_out_older = first;
    for (size_t i = 0; i < shown.size(); ++i) {
        if (i < first && shown[i] != out.subject) continue;
        if (i < first) --out.left_out_older;
        TRY_ASSIGN(auto evaluated, evaluations_.evaluate(shown[i]));
        out.responses.push_back(std::move(evaluated));
    }
    return out;
}

Result<ResponsePair> VendorHistoryService::pair(Id first, Id second, const User& user) {
    for (const Id id : {first, second}) {
        auto response = store_.responses.find(id);
        if (!response) return response.error().code == ErrorCode::not_found ? Result<ResponsePair>(not_visible()) : response.error();
        TRY_ASSIGN(const bool may_view, visible(*response, user));
        if (!may_view) return not_visible();
    }
    TRY_ASSIGN(auto first_evaluation, evaluations_.evaluate(first));
    TRY_ASSIGN(auto second_evaluation, evaluations_.evaluate(second));
    ResponsePair out{std::move(first_evaluation), std::move(second_evaluation), false, {}};
    const std::string& key = out.first.snapshot.response.company_key;
    out.same_company = !key.empty() && key == out.second.snapshot.response.company_key;
    out.comparison = compare_answers(answer_side(out.first), answer_side(out.second));
    return out;
}

}  // namespace cyberachat::services
