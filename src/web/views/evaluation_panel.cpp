#include "web/views/evaluation_panel.hpp"

#include "web/views/answer_format.hpp"
#include "web/views/evaluation_labels.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;

namespace {

bool may_review(const std::string& role) { return role == "it" || role == "biomedical" || role == "admin"; }

void write_review_item(HtmlWriter& w, const Review& review) {
    w.open("li", {{"class", "review"}, {"data-review-status", review.status}});
    w.element("span", {{"class", "badge review-status review-" + (review.status.empty() ? std::string("comment") : review.status)}},
              review_status_label_fr(review.status));
    w.text(" ");
    std::string who = review.author_role == "vendor" ? "Le fournisseur"
                      : review.author_role == "admin" ? "Administrateur — " + review.author.substr(review.author.find(':') + 1)
                                                      : std::string(opinion_role_label_fr(review.author_role)) + " — " +
                                                            review.author.substr(review.author.find(':') + 1);
    w.element("span", {{"class", "muted"}}, who + ", " + format_datetime(review.created_at, Language::fr));
    if (!review.comment.empty()) w.element("p", {{"class", "long-text review-comment"}}, review.comment);
    if (!review.vendor_question.empty())
        w.element("p", {{"class", "long-text review-question"}}, "Question posée au fournisseur\u00A0: " + review.vendor_question);
    w.close("li");
}

void write_opinions(HtmlWriter& w, const PageContext& context, const EvaluationPanel& panel) {
    w.element("h3", {{"id", "opinions-title"}}, "Avis de la DSI et de l'ingénieur biomédical");
    w.element("p", {{"class", "hint"}}, "Un avis est consultatif\u00A0: il éclaire le choix et n'élimine aucun fournisseur.");
    w.open("div", {{"class", "opinions"}});
    for (const char* role : {"it", "biomedical"}) {
        const Opinion* opinion = nullptr;
        for (const auto& item : panel.opinions)
            if (item.role == role) opinion = &item;
        w.open("div", {{"class", "opinion"}, {"data-opinion-role", role}});
        w.element("h4", opinion_role_label_fr(role));
        if (opinion) {
            w.element("p", {{"class", "badge opinion-verdict verdict-" + opinion->verdict}}, opinion_verdict_label_fr(opinion->verdict));
            if (!opinion->text.empty()) w.element("p", {{"class", "long-text"}}, opinion->text);
            w.element("p", {{"class", "muted"}},
                      opinion->author.substr(opinion->author.find(':') + 1) + ", " + format_datetime(opinion->updated_at, Language::fr));
        } else {
            w.element("p", {{"class", "muted"}}, "Pas encore d'avis.");
        }
        if (panel.reviewer_role == role) {
            const std::string id = "opinion-" + std::string(role);
            w.open("form", {{"method", "post"}, {"action", "/responses/" + std::to_string(panel.response_id) + "/opinion"},
                            {"class", "stack opinion-form"}});
            write_csrf_field(w, context);
            w.open("fieldset");
            w.element("legend", opinion ? "Modifier votre avis" : "Donner votre avis");
            for (const auto& [value, label] : {std::pair<const char*, const char*>{"favourable", "Favorable"},
                                               {"favourable_with_reservations", "Favorable avec réserves"},
                                               {"unfavourable", "Défavorable"}}) {
                w.open("label", {{"class", "option"}});
                w.void_tag("input", {{"type", "radio"}, {"name", "verdict"}, {"value", value}, {"required", true},
                                     Attr::flag("checked", opinion && opinion->verdict == value)});
                w.text(std::string(" ") + label);
                w.close("label");
            }
            w.close("fieldset");
            w.element("label", {{"for", id + "-text"}}, "Motivation");
            w.element("textarea", {{"id", id + "-text"}, {"name", "text"}, {"rows", 3}}, opinion ? opinion->text : "");
            w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Enregistrer l'avis");
            w.close("form");
        }
        w.close("div");
    }
    w.close("div");
}

}  // namespace

void write_review_block(HtmlWriter& w, const PageContext& context, const EvaluationPanel& panel, const Question& question) {
    std::vector<const Review*> reviews;
    for (const auto& review : panel.reviews)
        if (review.question_id == question.id) reviews.push_back(&review);
    if (!reviews.empty()) {
        w.open("ul", {{"class", "reviews"}, {"aria-label", "Relecture de " + question.label.fr}});
        for (const Review* review : reviews) write_review_item(w, *review);
        w.close("ul");
    }
    if (!may_review(panel.reviewer_role)) return;
    const std::string id = "review-" + question.id;
    const ReviewDraft* draft = panel.draft && panel.draft->question_id == question.id ? panel.draft : nullptr;
    w.open("details", {{"class", "review-form"}, Attr::flag("open", draft != nullptr), Attr::when(draft != nullptr, "id", id)});
    w.element("summary", "Relire cette réponse");
    w.open("form", {{"method", "post"}, {"action", "/responses/" + std::to_string(panel.response_id) + "/reviews"},
                    {"class", "stack"}});
    write_csrf_field(w, context);
    if (draft)
        w.element("p", {{"class", "field-error"}, {"role", "alert"}, {"id", id + "-error"}}, draft->error);
    w.void_tag("input", {{"type", "hidden"}, {"name", "question_id"}, {"value", question.id}});
    w.element("label", {{"for", id + "-status"}}, "Statut");
    w.open("select", {{"id", id + "-status"}, {"name", "status"}});
    const std::string status = draft ? draft->status : std::string();
    for (const auto& [value, label] : {std::pair<const char*, const char*>{"", "Commentaire seulement"},
                                       {"accepted", "Accepté"},
                                       {"clarification", "Précision demandée au fournisseur"},
                                       {"unsatisfactory", "Insatisfaisant"}})
        w.element("option", {{"value", value}, Attr::flag("selected", draft && status == value)}, label);
    w.close("select");
    w.element("label", {{"for", id + "-comment"}}, "Commentaire interne (jamais montré au fournisseur)");
    w.element("textarea", {{"id", id + "-comment"}, {"name", "comment"}, {"rows", 2}}, draft ? draft->comment : "");
    w.element("label", {{"for", id + "-question"}}, "Question posée au fournisseur (si une précision est demandée)");
    w.element("textarea",
              {{"id", id + "-question"}, {"name", "vendor_question"}, {"rows", 2},
               Attr::when(draft != nullptr, "aria-describedby", id + "-error"), Attr::when(draft != nullptr, "aria-invalid", "true")},
              draft ? draft->vendor_question : "");
    w.element("button", {{"type", "submit"}, {"class", "button button-secondary"}}, "Enregistrer la relecture");
    w.close("form");
    w.close("details");
}

void write_evaluation_panel(HtmlWriter& w, const PageContext& context, const Questionnaire& questionnaire,
                            const EvaluationPanel& panel, const AnswerMap& answers) {
    const ScoreCard& card = panel.card;
    w.open("section", {{"class", "card evaluation"}, {"id", "evaluation"}, {"aria-labelledby", "evaluation-title"}});
    w.element("h2", {{"id", "evaluation-title"}}, "Évaluation (interne à l'établissement)");
    w.element("p", {{"class", "notice advisory"}}, evaluation_advisory_note());
    w.open("dl", {{"class", "scores"}});
    w.element("dt", "Score global");
    w.open("dd").element("strong", {{"data-score", "overall"}}, score_text(card.overall.score())).close("dd");
    for (const auto& part : questionnaire.parts) {
        w.element("dt", part.short_title.fr);
        w.open("dd").element("span", {{"data-score", part.id}}, score_text(card.parts[part.index].score())).close("dd");
    }
    w.close("dl");
    w.element("p", {{"class", "hint"}},
              "Grille «\u00A0" + panel.grid.title.fr + "\u00A0» (version " + panel.grid.version +
                  ")\u00A0: part pondérée des réponses favorables parmi les questions notées qui s'appliquent.");

    write_opinions(w, context, panel);
    w.element("h3", {{"id", "vigilance-title"}},
              card.findings.empty() ? std::string("Aucun point de vigilance")
                                    : "Points de vigilance (" + std::to_string(card.findings.size()) + ")");
    if (!card.findings.empty()) {
        w.open("ol", {{"class", "findings"}, {"aria-labelledby", "vigilance-title"}});
        for (const Finding& finding : card.findings) {
            const Question& question = *questionnaire.questions()[finding.question_index];
            w.open("li", {{"class", "finding"}, {"data-finding", finding.question_id}});
            write_severity_badge(w, finding.severity);
            w.text(" ");
            w.element("a", {{"href", "#q-" + finding.question_id}}, question.label.fr);
            w.open("p", {{"class", "finding-answer"}});
            w.text(with_colon("Réponse", Language::fr));
            if (finding.unanswered) write_unanswered(w, Language::fr);
            else write_answer_value(w, question, finding.answer, Language::fr);
            w.close("p");
            w.element("p", {{"class", "finding-rationale"}}, finding.rule->rationale.fr);
            if (auto it = answers.find(finding.question_id); it != answers.end() && !it->second.comment.empty())
                w.element("p", {{"class", "finding-comment muted"}}, "Commentaire du fournisseur\u00A0: " + it->second.comment);
            for (const auto& review : panel.reviews)
                if (review.question_id == finding.question_id && !review.comment.empty())
                    w.element("p", {{"class", "finding-review"}},
                              std::string(review_status_label_fr(review.status)) + " (" +
                                  review.author.substr(review.author.find(':') + 1) + ")\u00A0: " + review.comment);
            w.close("li");
        }
        w.close("ol");
    }
    w.close("section");
}

}  // namespace cyberachat::web::views
