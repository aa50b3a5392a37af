#include "services/evaluation_service.hpp"

#include "services/declared_systems.hpp"

#include "core/response_state.hpp"
#include "services/mail_service.hpp"

#include "core/utf8.hpp"
#include "definition/grid_loader.hpp"

namespace cyberachat::services {

Result<std::shared_ptr<const ScoringGrid>> EvaluationService::grid_for(const Acquisition& acquisition,
                                                                      const Questionnaire& questionnaire) {
    auto stored = store_.scoring_grids.for_acquisition(acquisition.id);
    if (!stored) {
        if (stored.error().code != ErrorCode::not_found) return stored.error();
        if (!questionnaires_.is_current(questionnaire))
            return Error::make(ErrorCode::not_found, "Aucune grille d'évaluation pour ce questionnaire.",
                               "No scoring grid for this questionnaire.");
        TRY_ASSIGN(stored, questionnaires_.attach_current_grid(acquisition.id, Actor("system", Via::system)));
    }
    const auto key = std::make_pair(stored->id, &questionnaire);
    {
        std::lock_guard lock(mutex_);
        if (auto it = loaded_.find(key); it != loaded_.end()) return it->second;
    }
    auto loaded = load_grid(stored->yaml, stored->grid_id + " " + stored->version, questionnaire);
    if (!loaded.ok())
        return Error::make(ErrorCode::storage, "La grille enregistrée ne se charge plus : " + loaded.errors.front().to_string(),
                           "The stored grid no longer loads: " + loaded.errors.front().to_string());
    std::lock_guard lock(mutex_);
    loaded_[key] = loaded.grid;
    return loaded.grid;
}

Result<WeightOverrides> EvaluationService::weights_for(Id acquisition_id) {
    TRY_ASSIGN(auto stored, store_.scoring_grids.weights(acquisition_id));
    WeightOverrides weights;
    for (const auto& item : stored) weights[item.question_id] = item.weight;
    return weights;
}

Result<ResponseReviews> EvaluationService::reviews(Id response_id) {
    TRY(store_.responses.find(response_id));
    ResponseReviews out;
    TRY_ASSIGN(out.reviews, store_.reviews.list_for(response_id));
    TRY_ASSIGN(out.opinions, store_.reviews.opinions(response_id));
    return out;
}

Result<ResponseEvaluation> EvaluationService::evaluate(Id response_id) {
    ResponseEvaluation out;
    TRY_ASSIGN(out.snapshot, responses_.load(response_id));
    TRY_ASSIGN(out.grid, grid_for(out.snapshot.acquisition, *out.snapshot.questionnaire));
    TRY_ASSIGN(out.weights, weights_for(out.snapshot.acquisition.id));
    out.card = score(*out.snapshot.questionnaire, *out.grid, out.snapshot.answer_set, out.snapshot.evaluation, &out.weights);
    TRY_ASSIGN(out.reviews, store_.reviews.list_for(response_id));
    TRY_ASSIGN(out.opinions, store_.reviews.opinions(response_id));
    out.support = assess_declared_systems(out.snapshot, paris_day(responses_.clock().now_utc_seconds()));
    return out;
}

namespace {

constexpr size_t kMaxReviewText = kMaxCommentCharacters;

Error invalid_input(const std::string& fr, const std::string& en) { return Error::make(ErrorCode::invalid_value, fr, en); }

Error too_long() {
    return invalid_input("Texte trop long (5 000 caractères au plus).", "Text too long (at most 5,000 characters).");
}

}  // namespace

Result<Review> EvaluationService::add_review(Id response_id, const ReviewInput& input, const User& user,
                                            const Actor& actor) {
    if (user.role == Role::buyer)
        return Error::make(ErrorCode::forbidden, "La relecture des réponses est réservée à la DSI, au RSSI et aux ingénieurs biomédicaux.",
                           "Reviewing answers is for IT and biomedical engineers.");
    TRY_ASSIGN(auto snapshot, responses_.load(response_id));
    if (!snapshot.questionnaire->find_question(input.question_id))
        return invalid_input("Question inconnue : « " + input.question_id + " ».", "Unknown question: " + input.question_id);
    if (!valid_review_status(input.status))
        return invalid_input("Statut inconnu : « " + input.status + " » (accepted, clarification ou unsatisfactory).",
                             "Unknown status: " + input.status);
    if (input.status.empty() && input.comment.empty())
        return invalid_input("Choisissez un statut ou écrivez un commentaire.", "Choose a status or write a comment.");
    if (input.status == "clarification" && input.vendor_question.empty())
        return invalid_input("Écrivez la question posée au fournisseur.", "Write the question for the vendor.");
    if (longer_than(input.comment, kMaxReviewText) || longer_than(input.vendor_question, kMaxReviewText)) return too_long();
    Review review;
    review.response_id = response_id;
    review.question_id = input.question_id;
    review.status = input.status;
    review.comment = input.comment;
    review.vendor_question = input.status == "clarification" ? input.vendor_question : std::string();
    review.author_role = std::string(role_name(user.role));
    TRY_ASSIGN(Review added, store_.reviews.add(review, actor));
    // The vendor is told (when it has an e-mail); the review stands whatever the outbox says.
    if (mail_ && added.status == "clarification" && !snapshot.response.email.empty())
        (void)mail_->clarification_requested(response_id, added.question_id, added.vendor_question, actor);
    return added;
}

Result<Opinion> EvaluationService::set_opinion(Id response_id, const std::string& verdict, const std::string& text,
                                              const User& user, const Actor& actor) {
    if (user.role != Role::it && user.role != Role::biomedical)
        return Error::make(ErrorCode::forbidden, "Seuls la DSI / le RSSI et l'ingénieur biomédical donnent un avis.",
                           "Only IT and the biomedical engineer give an opinion.");
    TRY(store_.responses.find(response_id));
    if (!valid_opinion_verdict(verdict))
        return invalid_input("Avis inconnu : choisissez favorable, favorable avec réserves ou défavorable.",
                             "Unknown opinion: favourable, favourable_with_reservations or unfavourable.");
    if (longer_than(text, kMaxReviewText)) return too_long();
    Opinion opinion;
    opinion.response_id = response_id;
    opinion.role = std::string(role_name(user.role));
    opinion.verdict = verdict;
    opinion.text = text;
    return store_.reviews.set_opinion(opinion, actor);
}

std::vector<ComparedResponse> Comparison::compared() const {
    std::vector<ComparedResponse> out;
    out.reserve(vendors.size());
    for (const auto& vendor : vendors)
        out.push_back(ComparedResponse{&vendor.snapshot.answer_set, &vendor.snapshot.evaluation, &vendor.card});
    return out;
}

Result<void> EvaluationService::set_weight(Id acquisition_id, const std::string& question_id,
                                          std::optional<double> weight, const User& user, const Actor& actor) {
    if (user.role == Role::buyer)
        return Error::make(ErrorCode::forbidden, "L'ajustement des poids est réservé à la DSI, au RSSI et aux ingénieurs biomédicaux.",
                           "Adjusting weights is for IT and biomedical engineers.");
    TRY_ASSIGN(auto acquisition, store_.acquisitions.find(acquisition_id));
    TRY_ASSIGN(auto questionnaire, questionnaires_.get(acquisition.questionnaire_version_id));
    TRY_ASSIGN(auto grid, grid_for(acquisition, *questionnaire));
    if (!grid->find_rule(question_id))
        return Error::make(ErrorCode::invalid_value, "La grille ne note pas la question « " + question_id + " ».",
                           "The grid does not grade question " + question_id + ".");
    if (weight && !(*weight >= 0 && *weight <= 100))
        return Error::make(ErrorCode::invalid_value, "Le poids doit être un nombre entre 0 et 100 (0 : la question ne compte pas).",
                           "The weight must be a number between 0 and 100 (0: the question does not count).");
    return store_.scoring_grids.set_weight(acquisition_id, question_id, weight, actor);
}

Result<Comparison> EvaluationService::compare(Id acquisition_id, ComparisonScope scope) {
    Comparison out;
    out.scope = scope;
    TRY_ASSIGN(out.acquisition, store_.acquisitions.find(acquisition_id));
    TRY_ASSIGN(out.questionnaire, questionnaires_.get(out.acquisition.questionnaire_version_id));
    TRY_ASSIGN(out.grid, grid_for(out.acquisition, *out.questionnaire));
    TRY_ASSIGN(out.weights, weights_for(acquisition_id));
    TRY_ASSIGN(const auto responses, store_.responses.list_for(acquisition_id));
    for (const auto& response : responses) {
        const ResponseState state = response_state(response);
        if (state == ResponseState::withdrawn || (!is_submitted_state(state) && !scope.include_drafts)) {
            out.left_out.push_back(response);
            continue;
        }
        ResponseEvaluation vendor;
        TRY_ASSIGN(vendor.snapshot, responses_.load(response.id));
        TRY_ASSIGN(vendor.opinions, store_.reviews.opinions(response.id));
        vendor.grid = out.grid;
        vendor.weights = out.weights;
        vendor.card = score(*out.questionnaire, *out.grid, vendor.snapshot.answer_set, vendor.snapshot.evaluation,
                            &out.weights);
        vendor.support = assess_declared_systems(vendor.snapshot, paris_day(responses_.clock().now_utc_seconds()));
        out.vendors.push_back(std::move(vendor));
    }
    return out;
}

}  // namespace cyberachat::services
