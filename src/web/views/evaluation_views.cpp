#include "web/views/evaluation_views.hpp"

#include <algorithm>

#include "web/views/answer_format.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;
using nlohmann::json;

namespace {


// Eight colours distinguishable from each other and ≥ 3:1 against white (bars are also labelled).
constexpr const char* kPalette[] = {"#1f4e8c", "#b3541e", "#1e6b3a", "#7b2d8e", "#8a6d00", "#0f6e74", "#a3213f", "#4f5a66"};

const char* colour(size_t index) { return kPalette[index % (sizeof kPalette / sizeof *kPalette)]; }

std::string severity_class(Severity severity) { return "badge severity severity-" + std::string(severity_name(severity)); }

const char* advisory_note() {
    return "Cette évaluation éclaire le choix\u00A0: elle n'élimine aucun fournisseur. Les réponses au questionnaire "
           "influencent l'évaluation et la sélection de l'équipement mais ne sont pas un critère de blocage (AFIB).";
}

std::string score_text(int score) { return std::to_string(score) + CYB_NNBSP "/" CYB_NNBSP "100"; }

void write_value_or_documents(HtmlWriter& w, const Question& question, const json* value,
                              const std::vector<StoredDocument>* documents) {
    if (question.kind == QuestionKind::document) {
        if (documents && !documents->empty())
            write_documents(w, *documents, Language::fr, "/documents/", false);
        else
            write_unanswered(w, Language::fr);
        return;
    }
    write_answer_value(w, question, value ? *value : json(), Language::fr);
}

std::string vendor_label(const ComparedVendor& vendor) { return vendor.response.company; }

}  // namespace

void write_severity_badge(HtmlWriter& w, Severity severity) {
    w.element("span", {{"class", severity_class(severity)}}, severity_label_fr(severity));
}

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
    w.open("details", {{"class", "review-form"}});
    w.element("summary", "Relire cette réponse");
    w.open("form", {{"method", "post"}, {"action", "/responses/" + std::to_string(panel.response_id) + "/reviews"},
                    {"class", "stack"}});
    write_csrf_field(w, context);
    w.void_tag("input", {{"type", "hidden"}, {"name", "question_id"}, {"value", question.id}});
    w.element("label", {{"for", id + "-status"}}, "Statut");
    w.open("select", {{"id", id + "-status"}, {"name", "status"}});
    w.element("option", {{"value", ""}}, "Commentaire seulement");
    w.element("option", {{"value", "accepted"}}, "Accepté");
    w.element("option", {{"value", "clarification"}}, "Précision demandée au fournisseur");
    w.element("option", {{"value", "unsatisfactory"}}, "Insatisfaisant");
    w.close("select");
    w.element("label", {{"for", id + "-comment"}}, "Commentaire interne (jamais montré au fournisseur)");
    w.element("textarea", {{"id", id + "-comment"}, {"name", "comment"}, {"rows", 2}}, "");
    w.element("label", {{"for", id + "-question"}}, "Question posée au fournisseur (si une précision est demandée)");
    w.element("textarea", {{"id", id + "-question"}, {"name", "vendor_question"}, {"rows", 2}}, "");
    w.element("button", {{"type", "submit"}, {"class", "button button-secondary"}}, "Enregistrer la relecture");
    w.close("form");
    w.close("details");
}

void write_evaluation_panel(HtmlWriter& w, const PageContext& context, const Questionnaire& questionnaire,
                            const EvaluationPanel& panel, const AnswerMap& answers) {
    const ScoreCard& card = panel.card;
    w.open("section", {{"class", "card evaluation"}, {"id", "evaluation"}, {"aria-labelledby", "evaluation-title"}});
    w.element("h2", {{"id", "evaluation-title"}}, "Évaluation (interne à l'établissement)");
    w.element("p", {{"class", "notice advisory"}}, advisory_note());
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

std::string render_score_chart_svg(const Questionnaire& questionnaire, const std::vector<ComparedVendor>& vendors) {
    const size_t groups = questionnaire.parts.size() + 1;
    const size_t n = std::max<size_t>(vendors.size(), 1);
    const int bar = n > 5 ? 9 : 14, gap = 2, group_gap = 26, left = 40, top = 12, plot_height = 160, bottom = 44;
    const int group_width = static_cast<int>(n) * (bar + gap) - gap;
    const int width = left + static_cast<int>(groups) * (group_width + group_gap) + 8;
    const int height = top + plot_height + bottom;
    HtmlWriter w(4096 + vendors.size() * groups * 200);

    std::string description = "Scores sur 100 par partie. ";
    auto group_score = [&](const ComparedVendor& vendor, size_t group) {
        return group < questionnaire.parts.size() ? vendor.card.parts[group].score() : vendor.card.overall.score();
    };
    auto group_label = [&](size_t group) {
        return group < questionnaire.parts.size() ? questionnaire.parts[group].short_title.fr : std::string("Global");
    };
    for (size_t g = 0; g < groups; ++g) {
        description += group_label(g) + "\u00A0: ";
        for (size_t v = 0; v < vendors.size(); ++v)
            description += (v ? ", " : "") + vendor_label(vendors[v]) + " " + std::to_string(group_score(vendors[v], g));
        description += ". ";
    }
    w.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                   {"class", "score-chart"},
                   {"viewBox", "0 0 " + std::to_string(width) + " " + std::to_string(height)},
                   {"width", width},
                   {"height", height},
                   {"role", "img"},
                   {"aria-labelledby", "chart-title chart-desc"}});
    w.element("title", {{"id", "chart-title"}}, "Scores par partie et par fournisseur");
    w.element("desc", {{"id", "chart-desc"}}, description);
    for (int tick = 0; tick <= 100; tick += 25) {
        const int y = top + plot_height - tick * plot_height / 100;
        // Inside inline SVG an HTML void tag does not close itself: <line></line>, never <line>.
        w.open("line", {{"x1", left - 4}, {"x2", width - 4}, {"y1", y}, {"y2", y}, {"stroke", "#d5dbe2"}}).close("line");
        w.element("text", {{"x", left - 8}, {"y", y + 4}, {"text-anchor", "end"}, {"font-size", 11}, {"fill", "#4f5a66"}},
                  std::to_string(tick));
    }
    for (size_t g = 0; g < groups; ++g) {
        const int x0 = left + static_cast<int>(g) * (group_width + group_gap) + group_gap / 2;
        for (size_t v = 0; v < vendors.size(); ++v) {
            const int value = group_score(vendors[v], g);
            const int h = value * plot_height / 100;
            const int x = x0 + static_cast<int>(v) * (bar + gap);
            w.open("rect", {{"x", x},
                            {"y", top + plot_height - h},
                            {"width", bar},
                            {"height", std::max(h, 1)},
                            {"fill", colour(v)},
                            {"data-vendor", static_cast<long long>(vendors[v].response.id)},
                            {"data-part", g < questionnaire.parts.size() ? questionnaire.parts[g].id : "overall"},
                            {"data-score", value}});
            w.element("title", vendor_label(vendors[v]) + " — " + group_label(g) + "\u00A0: " + std::to_string(value));
            w.close("rect");
        }
        w.element("text", {{"x", x0 + group_width / 2},
                           {"y", top + plot_height + 16},
                           {"text-anchor", "middle"},
                           {"font-size", 11},
                           {"fill", "#1b1f24"}},
                  // Short axis labels ("Partie 1"): the full titles are in the description and the table.
                  g < questionnaire.parts.size() ? "Partie " + std::to_string(g + 1) : std::string("Global"));
    }
    w.close("svg");
    return w.take();
}

std::string render_comparison_page(const PageContext& context, const ComparisonPage& page) {
    const Questionnaire& questionnaire = page.questionnaire;
    const std::string base = "/acquisitions/" + std::to_string(page.acquisition.id);
    PageContext layout = context;
    if (layout.title.empty()) layout.title = "Comparaison — " + page.acquisition.title;
    HtmlWriter w(65536 + page.rows.size() * page.vendors.size() * 160);

    w.open("nav", {{"class", "breadcrumb"}, {"aria-label", "Fil d'Ariane"}});
    w.open("ol");
    w.open("li").element("a", {{"href", "/acquisitions"}}, "Achats").close("li");
    w.open("li").element("a", {{"href", base}}, page.acquisition.title).close("li");
    w.open("li").element("span", {{"aria-current", "page"}}, "Comparaison").close("li");
    w.close("ol");
    w.close("nav");
    write_page_heading(w, page.acquisition.title, "Comparaison des fournisseurs");
    w.element("p", {{"class", "notice advisory"}}, advisory_note());

    if (page.vendors.empty()) {
        w.element("p", "Aucun fournisseur n'a encore été invité pour cet achat.");
        return render_layout(layout, w.take());
    }

    // Scores: chart, then the same figures as a table (the chart's text alternative).
    w.open("section", {{"class", "card"}, {"aria-labelledby", "scores-title"}});
    w.element("h2", {{"id", "scores-title"}}, "Scores par partie");
    w.open("div", {{"class", "chart-wrap"}});
    w.raw(render_score_chart_svg(questionnaire, page.vendors));
    w.open("ul", {{"class", "chart-legend"}});
    for (size_t v = 0; v < page.vendors.size(); ++v) {
        w.open("li");
        w.element("span", {{"class", "legend-swatch legend-" + std::to_string(v % 8)}, {"aria-hidden", "true"}}, "");
        w.text(vendor_label(page.vendors[v]));
        w.close("li");
    }
    w.close("ul");
    w.close("div");
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table scores-table"}});
    w.element("caption", "Scores sur 100");
    w.open("thead").open("tr").element("th", {{"scope", "col"}}, "Fournisseur");
    for (const auto& part : questionnaire.parts) w.element("th", {{"scope", "col"}}, part.short_title.fr);
    w.element("th", {{"scope", "col"}}, "Global");
    w.element("th", {{"scope", "col"}}, "Points de vigilance");
    w.close("tr").close("thead").open("tbody");
    for (const auto& vendor : page.vendors) {
        w.open("tr", {{"data-vendor", static_cast<long long>(vendor.response.id)}});
        w.open("th", {{"scope", "row"}})
            .element("a", {{"href", "/responses/" + std::to_string(vendor.response.id) + "#evaluation"}}, vendor.response.company)
            .close("th");
        for (const auto& part : questionnaire.parts) w.element("td", std::to_string(vendor.card.parts[part.index].score()));
        w.element("td", {{"data-score", "overall"}}, std::to_string(vendor.card.overall.score()));
        w.element("td", std::to_string(vendor.card.findings.size()));
        w.close("tr");
    }
    w.close("tbody").close("table").close("div");
    w.element("h3", {{"id", "ranking-title"}}, "Classement global (à titre d'information)");
    w.open("ol", {{"class", "ranking"}, {"aria-labelledby", "ranking-title"}});
    for (size_t index : page.ranking) {
        const auto& vendor = page.vendors[index];
        w.element("li", {{"data-vendor", static_cast<long long>(vendor.response.id)}},
                  vendor.response.company + " — " + score_text(vendor.card.overall.score()));
    }
    w.close("ol");
    w.close("section");

    if (page.weights) {
        // The purchase's weights: each change is recorded in the journal.
        w.open("details", {{"class", "card weights"}, {"id", "poids"}});
        w.element("summary", "Ajuster les poids de la grille pour cet achat");
        w.element("p", {{"class", "hint"}},
                  "Un poids de 0 retire la question du score. Chaque changement est enregistré avec son auteur et sa date.");
        w.open("form", {{"method", "post"}, {"action", base + "/weights"}, {"class", "stack"}});
        write_csrf_field(w, context);
        w.open("div", {{"class", "table-wrap"}});
        w.open("table", {{"class", "data-table weights-table"}});
        w.element("caption", "Poids par question notée");
        w.open("thead").open("tr");
        w.element("th", {{"scope", "col"}}, "Question");
        w.element("th", {{"scope", "col"}}, "Gravité");
        w.element("th", {{"scope", "col"}}, "Poids de la grille");
        w.element("th", {{"scope", "col"}}, "Poids pour cet achat");
        w.close("tr").close("thead").open("tbody");
        for (const GridRule& rule : page.grid.rules) {
            const Question& question = *questionnaire.questions()[rule.question_index];
            auto own = page.weights->find(rule.question_id);
            const std::string id = "w-" + rule.question_id;
            w.open("tr");
            w.open("th", {{"scope", "row"}}).element("label", {{"for", id}}, question.label.fr).close("th");
            w.open("td");
            write_severity_badge(w, rule.severity);
            w.close("td");
            w.element("td", format_number(rule.weight, Language::fr));
            w.open("td");
            w.void_tag("input", {{"type", "text"}, {"inputmode", "decimal"}, {"id", id}, {"name", "w:" + rule.question_id},
                                 {"size", 5},
                                 {"value", own != page.weights->end() ? format_number_input(own->second, Language::fr) : std::string()},
                                 {"placeholder", format_number_input(rule.weight, Language::fr)}});
            w.close("td");
            w.close("tr");
        }
        w.close("tbody").close("table").close("div");
        w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Enregistrer les poids");
        w.close("form");
        w.close("details");
    }

    // Filters: a plain GET form, works without JavaScript.
    w.open("form", {{"method", "get"}, {"action", base + "/comparison"}, {"class", "card filters"},
                    {"aria-labelledby", "filters-title"}});
    w.element("h2", {{"id", "filters-title"}}, "Filtrer les questions");
    w.open("div", {{"class", "filter-row"}});
    w.open("label", {{"class", "option"}});
    w.void_tag("input", {{"type", "checkbox"}, {"name", "differences"}, {"value", "1"},
                         Attr::flag("checked", page.filter.only_differences)});
    w.text(" Seulement les différences");
    w.close("label");
    w.open("label", {{"class", "option"}});
    w.void_tag("input", {{"type", "checkbox"}, {"name", "vigilance"}, {"value", "1"},
                         Attr::flag("checked", page.filter.only_vigilance)});
    w.text(" Seulement les points de vigilance");
    w.close("label");
    w.element("label", {{"for", "filter-part"}}, "Partie");
    w.open("select", {{"id", "filter-part"}, {"name", "part"}});
    w.element("option", {{"value", ""}, Attr::flag("selected", page.filter.part_id.empty())}, "Toutes les parties");
    for (const auto& part : questionnaire.parts)
        w.element("option", {{"value", part.id}, Attr::flag("selected", page.filter.part_id == part.id)},
                  "Partie " + std::to_string(part.index + 1) + " — " + part.short_title.fr);
    w.close("select");
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Appliquer");
    w.element("a", {{"href", base + "/comparison"}, {"class", "button button-secondary"}}, "Tout afficher");
    w.close("div");
    w.close("form");

    // The rows, part by part, section by section.
    size_t shown = 0;
    const Section* open_section = nullptr;
    auto close_section = [&] {
        if (!open_section) return;
        w.close("tbody").close("table").close("div").close("section");
        open_section = nullptr;
    };
    for (const ComparisonRow& row : page.rows) {
        if (!page.filter.keeps(row, questionnaire)) continue;
        const Question& question = *row.question;
        const Section* section = questionnaire.sections()[question.section_index];
        if (section != open_section) {
            close_section();
            open_section = section;
            const Part& part = questionnaire.parts[section->part_index];
            w.open("section", {{"class", "comparison-section"}, {"id", "s-" + section->id},
                               {"aria-labelledby", "st-" + section->id}});
            w.element("h2", {{"id", "st-" + section->id}, {"class", "comparison-section-title"}},
                      "Partie " + std::to_string(part.index + 1) + " — " + section->title.fr);
            w.open("div", {{"class", "table-wrap"}});
            w.open("table", {{"class", "data-table comparison-table"}});
            w.open("thead").open("tr").element("th", {{"scope", "col"}}, "Question");
            for (const auto& vendor : page.vendors) w.element("th", {{"scope", "col"}}, vendor.response.company);
            w.close("tr").close("thead").open("tbody");
        }
        ++shown;
        std::string row_class = "comparison-row";
        if (row.differs) row_class += " row-differs";
        if (row.vigilance) row_class += " row-vigilance";
        w.open("tr", {{"class", row_class}, {"data-question", question.id}, {"data-differs", row.differs ? "1" : "0"},
                      {"data-vigilance", row.vigilance ? "1" : "0"}});
        w.open("th", {{"scope", "row"}});
        w.text(question.label.fr);
        if (row.differs) {
            w.text(" ");
            w.element("span", {{"class", "badge badge-differs"}}, "Réponses différentes");
        }
        w.close("th");
        for (size_t v = 0; v < page.vendors.size(); ++v) {
            const ComparisonCell& cell = row.cells[v];
            std::string cell_class = "cell";
            if (cell.outcome == Outcome::unfavourable) cell_class += " cell-unfavourable";
            if (cell.outcome == Outcome::favourable) cell_class += " cell-favourable";
            w.open("td", {{"class", cell_class}});
            if (!cell.visible) {
                w.element("span", {{"class", "muted"}}, "Sans objet");
            } else {
                auto docs = page.vendors[v].documents.find(question.id);
                write_value_or_documents(w, question, cell.value,
                                         docs == page.vendors[v].documents.end() ? nullptr : &docs->second);
                if (cell.outcome == Outcome::favourable) {
                    w.element("span", {{"class", "outcome outcome-favourable"}}, "✓ Favorable");
                } else if (cell.outcome == Outcome::unfavourable) {
                    w.open("span", {{"class", "outcome outcome-unfavourable"}});
                    w.text("⚠ Point de vigilance ");
                    if (const GridRule* rule = page.grid.find_rule(question.id)) write_severity_badge(w, rule->severity);
                    w.close("span");
                }
            }
            w.close("td");
        }
        w.close("tr");
    }
    close_section();
    if (shown == 0) w.element("p", {{"class", "notice"}}, "Aucune question ne correspond à ces filtres.");
    return render_layout(layout, w.take());
}

}  // namespace cyberachat::web::views
