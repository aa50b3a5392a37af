#include "services/evaluation_report.hpp"

#include "core/support_finding_text.hpp"
#include "core/text_format.hpp"

namespace cyberachat::services {
namespace {


std::string score_text(int score) { return std::to_string(score) + " / 100"; }

std::string severity_label(Severity severity, Language language) {
    if (language == Language::fr) return std::string(severity_label_fr(severity));
    switch (severity) {
        case Severity::critical: return "Critical";
        case Severity::major: return "Major";
        case Severity::minor: return "Minor";
        default: return "Information";
    }
}

std::string review_status_label(std::string_view status, Language language) {
    if (status.empty()) return {};
    if (language == Language::fr) return std::string(review_status_label_fr(status));
    if (status == "accepted") return "Accepted";
    if (status == "clarification") return "Clarification requested";
    if (status == "unsatisfactory") return "Unsatisfactory";
    if (status == "answered") return "Answered by the vendor";
    return std::string(status);
}

std::string verdict_label(std::string_view verdict, Language language) {
    if (language == Language::fr) return std::string(opinion_verdict_label_fr(verdict));
    if (verdict == "favourable") return "Favourable";
    if (verdict == "favourable_with_reservations") return "Favourable with reservations";
    if (verdict == "unfavourable") return "Unfavourable";
    return std::string(verdict);
}

std::string role_label(std::string_view role, Language language) {
    if (language == Language::fr) return std::string(opinion_role_label_fr(role));
    if (role == "it") return "IT / security";
    if (role == "biomedical") return "Biomedical engineer";
    return std::string(role);
}

// "user:marie@chu.fr" → "marie@chu.fr"; "vendor:12" → "Fournisseur"
std::string person(const std::string& author, Language language) {
    if (author.rfind("vendor:", 0) == 0) return in_language(language, "Fournisseur", "Vendor");
    const auto colon = author.find(':');
    return colon == std::string::npos ? author : author.substr(colon + 1);
}

// Reviewers' comments and opinions (without a questionnaire: questions named by their id).
void add_reviewers(report::Evaluation& out, const std::vector<Review>& reviews, const std::vector<Opinion>& opinions,
                   const Questionnaire* questionnaire, Language language) {
    for (const Review& review : reviews) {
        report::ReviewerComment comment;
        comment.author = person(review.author, language);
        comment.at = format_datetime(review.created_at, language);
        const Question* question = questionnaire ? questionnaire->find_question(review.question_id) : nullptr;
        comment.about = question ? question->label.in(language) : review.question_id;
        comment.status = review_status_label(review.status, language);
        comment.text = review.comment;
        if (!review.vendor_question.empty())
            comment.text += (comment.text.empty() ? "" : "\n") + std::string(in_language(language, "Question au fournisseur : ",
                                                                                  "Question to the vendor: ")) +
                            review.vendor_question;
        out.comments.push_back(std::move(comment));
    }
    for (const Opinion& opinion : opinions)
        out.opinions.push_back(report::Opinion{person(opinion.author, language), role_label(opinion.role, language),
                                               verdict_label(opinion.verdict, language), opinion.text,
                                               format_datetime(opinion.updated_at, language)});
}

}  // namespace

report::Evaluation report_evaluation(const ResponseEvaluation& evaluation, Language language) {
    const Questionnaire& questionnaire = *evaluation.snapshot.questionnaire;
    const ScoreCard& card = evaluation.card;
    report::Evaluation out;
    out.score = score_text(card.overall.score());
    out.score_ratio = card.overall.score() / 100.0;
    for (const auto& part : questionnaire.parts)
        if (part.index < card.parts.size())
            out.part_scores.emplace_back(part.title.in(language), score_text(card.parts[part.index].score()));
    for (const Finding& finding : card.findings) {
        const Question& question = *questionnaire.questions()[finding.question_index];
        report::VigilancePoint point;
        point.severity = severity_label(finding.severity, language);
        point.question = question.label.in(language);
        point.answer = finding.unanswered ? std::string() : answer_text(question, finding.answer, language);
        if (point.answer.empty()) point.answer = in_language(language, "Non renseigné", "Not answered");
        if (finding.rule) point.rationale = finding.rule->rationale.in(language);
        out.vigilance.push_back(std::move(point));
    }
    // The declared systems out of support before the equipment's end of use (issue 16).
    for (const SupportAssessment& finding : evaluation.support.findings) {
        report::VigilancePoint point;
        point.severity = in_language(language, "Fin de support", "End of support");
        point.question = std::string(in_language(language, "Système déclaré : ", "Declared system: ")) + finding.cycle_name;
        for (const auto& declared : finding.declared) point.answer += (point.answer.empty() ? "" : ", ") + declared;
        point.rationale = support_status_text(finding.status, language) + " — " + support_finding_text(finding, language) +
                          in_language(language, ". Source : ", ". Source: ") + (finding.link.empty() ? finding.page : finding.link) + " (" +
                          evaluation.support.citation + ")";
        out.vigilance.push_back(std::move(point));
    }
    add_reviewers(out, evaluation.reviews, evaluation.opinions, &questionnaire, language);
    return out;
}

Result<report::Evaluation> response_report_evaluation(store::Store& store, EvaluationService& evaluations, Id response_id,
                                                      Language language) {
    TRY(store.responses.find(response_id));
    auto evaluation = evaluations.evaluate(response_id);
    if (!evaluation) {
        if (evaluation.error().code != ErrorCode::not_found) return evaluation.error();
        report::Evaluation out;  // no grid for this questionnaire: no score, but what reviewers wrote
        TRY_ASSIGN(const auto reviews, store.reviews.list_for(response_id));
        TRY_ASSIGN(const auto opinions, store.reviews.opinions(response_id));
        add_reviewers(out, reviews, opinions, nullptr, language);
        return out;
    }
    return report_evaluation(*evaluation, language);
}

Result<Evaluations> acquisition_report_evaluations(store::Store& store, EvaluationService& evaluations, Id acquisition_id,
                                                   Language language) {
    TRY(store.acquisitions.find(acquisition_id));
    auto comparison = evaluations.compare(acquisition_id, ComparisonScope{true});
    Evaluations out;
    if (!comparison) {
        if (comparison.error().code != ErrorCode::not_found) return comparison.error();
        TRY_ASSIGN(const auto responses, store.responses.list_for(acquisition_id));
        for (const auto& response : responses) {  // no grid: no score, what reviewers wrote
            if (!response.withdrawn_at.empty()) continue;
            report::Evaluation evaluation;
            TRY_ASSIGN(const auto reviews, store.reviews.list_for(response.id));
            TRY_ASSIGN(const auto opinions, store.reviews.opinions(response.id));
            add_reviewers(evaluation, reviews, opinions, nullptr, language);
            out.emplace(response.id, std::move(evaluation));
        }
        return out;
    }
    for (auto& vendor : comparison->vendors) {
        const Id id = vendor.snapshot.response.id;
        // compare() scores; the report also shows what reviewers wrote
        TRY_ASSIGN(vendor.reviews, store.reviews.list_for(id));
        TRY_ASSIGN(vendor.opinions, store.reviews.opinions(id));
        out.emplace(id, report_evaluation(vendor, language));
    }
    return out;
}

}  // namespace cyberachat::services
