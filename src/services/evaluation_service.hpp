#pragma once
// The hospital's evaluation of responses: the purchase's scoring grid, each response's score and
// points de vigilance, and the comparison of every vendor of a purchase. Scores come from the
// pure core (core/scoring.hpp) over the current answers, so they are always up to date. Nothing
// here is ever shown to a vendor.
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "core/comparison.hpp"
#include "core/scoring.hpp"
#include "core/support_findings.hpp"
#include "services/questionnaire_provider.hpp"
#include "services/response_service.hpp"

namespace cyberachat::services {

class MailService;  // services/mail_service.hpp

struct ResponseEvaluation {
    ResponseSnapshot snapshot;
    std::shared_ptr<const ScoringGrid> grid;  // keeps card.findings' rule pointers valid
    WeightOverrides weights;                  // the purchase's own weights
    ScoreCard card;
    std::vector<Review> reviews;    // oldest first
    std::vector<Opinion> opinions;  // by role
    // The systems it declares that are out of support, or will be before the equipment's expected
    // end of use, and the names not recognised (services/declared_systems.hpp).
    SupportReport support;
};

// A reviewer's action on one answer (see Review).
struct ReviewInput {
    std::string question_id;
    std::string status;           // "" | accepted | clarification | unsatisfactory
    std::string comment;          // internal
    std::string vendor_question;  // mandatory for "clarification"
};

// Which responses a comparison (and its ranking) puts side by side: submitted ones (on time or
// late); drafts and reopened ones only when asked for; withdrawn vendors never.
struct ComparisonScope {
    bool include_drafts = false;
};

struct Comparison {
    Acquisition acquisition;
    std::shared_ptr<const Questionnaire> questionnaire;
    std::shared_ptr<const ScoringGrid> grid;
    WeightOverrides weights;
    ComparisonScope scope;
    std::vector<ResponseEvaluation> vendors;  // in invitation order, each with its advisory opinions
    std::vector<VendorResponse> left_out;     // the others (drafts not asked for, withdrawn), in invitation order

    std::vector<ComparedResponse> compared() const;  // points into `vendors`
};

// What reviewers wrote on a response: reviews (oldest first) and advisory opinions.
struct ResponseReviews {
    std::vector<Review> reviews;
    std::vector<Opinion> opinions;
};

class EvaluationService {
public:
    // `mail`: where a clarification request is queued for the vendor (none: no e-mail).
    EvaluationService(store::Store& store, QuestionnaireProvider& questionnaires, ResponseService& responses,
                      MailService* mail = nullptr)
        : store_(store), questionnaires_(questionnaires), responses_(responses), mail_(mail) {}

    // The purchase's grid, loaded against its questionnaire version. A purchase created before
    // grids existed is given the built-in grid when its questionnaire is the built-in one.
    Result<std::shared_ptr<const ScoringGrid>> grid_for(const Acquisition& acquisition, const Questionnaire& questionnaire);
    Result<WeightOverrides> weights_for(Id acquisition_id);
    // "not_found" for an unknown response.
    Result<ResponseReviews> reviews(Id response_id);

    Result<ResponseEvaluation> evaluate(Id response_id);

    // Adjusts the weight of one graded question for one purchase (nullopt: back to the grid's).
    // Recorded in the journal by the store. "forbidden" for a buyer; "invalid" (French) for a
    // question the grid does not grade or a weight outside [0, 100]; "not_found" for a purchase.
    Result<void> set_weight(Id acquisition_id, const std::string& question_id, std::optional<double> weight,
                            const User& user, const Actor& actor);

    // IT, biomedical engineers and administrators review; a buyer gets "forbidden". "invalid"
    // (French message) for an unknown question or status, nothing to record, a clarification
    // without its question, a text over 5,000 characters; "not_found" for an unknown response.
    Result<Review> add_review(Id response_id, const ReviewInput& input, const User& user, const Actor& actor);
    // The opinion of the user's role ("it" or "biomedical"; others get "forbidden").
    Result<Opinion> set_opinion(Id response_id, const std::string& verdict, const std::string& text, const User& user,
                                const Actor& actor);
    Result<Comparison> compare(Id acquisition_id, ComparisonScope scope = {});

private:
    store::Store& store_;
    QuestionnaireProvider& questionnaires_;
    ResponseService& responses_;
    MailService* mail_ = nullptr;
    std::mutex mutex_;
    std::map<std::pair<Id, const Questionnaire*>, std::shared_ptr<const ScoringGrid>> loaded_;
};

}  // namespace cyberachat::services
