#include "web/views/response_pair_page.hpp"

#include "core/answer_source.hpp"
#include "core/text_format.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/side_answer.hpp"
#include "web/views/status_labels.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

namespace {

std::string number(const VendorResponse& response) { return "n° " + std::to_string(response.id); }

void write_summary(HtmlWriter& w, const ResponsePairPage& page) {
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table pair-summary"}});
    w.element("caption", "Les deux réponses");
    w.open("thead").open("tr").element("th", {{"scope", "col"}}, "");
    for (const PairedResponse* side : {&page.first, &page.second}) {
        w.open("th", {{"scope", "col"}});
        w.element("a", {{"href", "/responses/" + std::to_string(side->response.id)}}, "Réponse " + number(side->response));
        w.close("th");
    }
    w.close("tr").close("thead").open("tbody");
    auto row = [&](const char* label, auto&& cell) {
        w.open("tr").element("th", {{"scope", "row"}}, label);
        for (const PairedResponse* side : {&page.first, &page.second}) {
            w.open("td");
            cell(*side);
            w.close("td");
        }
        w.close("tr");
    };
    row("Société", [&](const PairedResponse& side) { w.text(side.response.company); });
    row("Achat", [&](const PairedResponse& side) {
        w.element("a", {{"href", "/acquisitions/" + std::to_string(side.acquisition.id)}}, side.acquisition.title);
        if (!side.acquisition.reference.empty()) w.text(" (" + side.acquisition.reference + ")");
    });
    row("Statut", [&](const PairedResponse& side) { write_response_status_badge(w, side.response); });
    row("Déposée le", [&](const PairedResponse& side) {
        if (side.response.submitted_at.empty()) return (void)w.text("—");
        w.element("time", {{"datetime", side.response.submitted_at}}, format_datetime(side.response.submitted_at, Language::fr));
    });
    row("Score global", [&](const PairedResponse& side) { w.text(std::to_string(side.card.overall.score()) + " / 100"); });
    row("Points de vigilance", [&](const PairedResponse& side) { w.text(std::to_string(side.card.findings.size())); });
    w.close("tbody").close("table").close("div");
}

// "Repris de la réponse n° 12" when the answer was carried over from an earlier response.
void write_reuse_mark(HtmlWriter& w, const AnswerSide& side, const std::string& question_id, const VendorResponse& other) {
    auto it = side.answers->find(question_id);
    if (it == side.answers->end()) return;
    const auto source = parse_answer_source(it->second.source);
    if (!source || source->kind != "reuse") return;
    w.open("p", {{"class", "answer-source"}, {"data-source", "reuse"}});
    w.text("Repris de la réponse n° " + std::to_string(source->response));
    if (source->response == other.id) w.text(" (l'autre réponse de cette page)");
    w.close("p");
}

void write_cell(HtmlWriter& w, const Question* question, const PairedResponse& side, const PairedResponse& other) {
    w.open("td", {{"data-response", static_cast<long long>(side.response.id)}});
    write_side_answer(w, question, side.side);
    if (question) write_reuse_mark(w, side.side, question->id, other.response);
    w.close("td");
}

void write_row(HtmlWriter& w, const ResponsePairPage& page, const AnswerPair& pair) {
    const Question* shown = pair.base ? pair.base : pair.other;
    const bool differs = pair.difference == AnswerDifference::different;
    const bool one_version = pair.difference == AnswerDifference::only_in_base || pair.difference == AnswerDifference::only_in_other;
    w.open("tr", {{"id", "q-" + pair.question_id},
                  {"data-question", pair.question_id},
                  {"data-differs", one_version ? "version" : differs ? "1" : "0"}});
    w.open("th", {{"scope", "row"}});
    w.text(shown->label.fr);
    if (pair.kind_changed) w.element("span", {{"class", "block muted"}}, "(la nature de la question a changé)");
    w.close("th");
    write_cell(w, pair.base, page.first, page.second);
    write_cell(w, pair.other, page.second, page.first);
    w.open("td", {{"class", differs || one_version ? "pair-differs" : "pair-same"}});
    w.element("strong", one_version ? "≠ Question d'une seule version" : differs ? "≠ Différente" : "= Identique");
    w.close("td");
    w.close("tr");
}

void open_table(HtmlWriter& w, const ResponsePairPage& page, const std::string& caption) {
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table pair-table"}});
    w.element("caption", caption);
    w.open("thead").open("tr");
    w.element("th", {{"scope", "col"}}, "Question");
    w.element("th", {{"scope", "col"}}, "Réponse " + number(page.first.response));
    w.element("th", {{"scope", "col"}}, "Réponse " + number(page.second.response));
    w.element("th", {{"scope", "col"}}, "Écart");
    w.close("tr").close("thead").open("tbody");
}

void close_table(HtmlWriter& w) { w.close("tbody").close("table").close("div"); }

// Whether a question is worth a row: it applies to either response, or either answered it.
bool shown(const ResponsePairPage& page, const AnswerPair& pair) {
    if (pair.base && (page.first.evaluation.is_visible(*pair.base) || page.first.side.answered(pair.question_id))) return true;
    return pair.other && (page.second.evaluation.is_visible(*pair.other) || page.second.side.answered(pair.question_id));
}

}  // namespace

std::string render_response_pair_page(const PageContext& context, const ResponsePairPage& page) {
    const Questionnaire& questionnaire = *page.first.side.questionnaire;
    PageContext layout = context;
    if (layout.title.empty())
        layout.title = "Comparer les réponses " + number(page.first.response) + " et " + number(page.second.response);
    HtmlWriter w(65536);

    w.open("nav", {{"class", "breadcrumb"}, {"aria-label", "Fil d'Ariane"}});
    w.open("ol");
    w.open("li").element("a", {{"href", "/acquisitions"}}, "Achats").close("li");
    w.open("li")
        .element("a", {{"href", "/responses/" + std::to_string(page.first.response.id)}}, "Réponse " + number(page.first.response))
        .close("li");
    w.open("li").element("span", {{"aria-current", "page"}}, "Comparaison avec la réponse " + number(page.second.response)).close("li");
    w.close("ol");
    w.close("nav");
    write_page_heading(w, page.first.response.company, "Deux réponses côte à côte");

    w.open("section", {{"class", "card"}, {"aria-labelledby", "pair-summary-title"}});
    w.element("h2", {{"id", "pair-summary-title"}}, "Synthèse");
    if (!page.same_company)
        w.element("p", {{"class", "notice pair-not-same-company"}},
                  "Ces deux réponses ne sont pas reconnues comme celles d'une même société (elles n'ont pas été "
                  "rattachées à la même société à l'invitation).");
    write_summary(w, page);
    size_t differing = 0;
    for (const auto& pair : page.comparison.rows)
        if (pair.difference == AnswerDifference::different && shown(page, pair)) ++differing;
    w.element("p", {{"class", "pair-count"}},
              count_with_noun(differing, "question dont la réponse diffère", "questions dont la réponse diffère", Language::fr) +
                  " (marquées « ≠ Différente »).");
    w.close("section");

    for (const auto& part : questionnaire.parts) {
        w.open("section", {{"class", "part"}, {"id", "part-" + part.id}, {"aria-labelledby", "part-title-" + part.id}});
        w.element("h2", {{"id", "part-title-" + part.id}}, part_heading(part, Language::fr));
        for (const auto& section : part.sections) {
            std::vector<const AnswerPair*> rows;
            for (const auto& question : section.questions)
                if (shown(page, page.comparison.rows[question.index])) rows.push_back(&page.comparison.rows[question.index]);
            if (rows.empty()) continue;
            w.open("section", {{"class", "answer-section"}, {"id", "s-" + section.id}});
            w.element("h3", section.title.fr);
            open_table(w, page, section.title.fr);
            for (const auto* pair : rows) write_row(w, page, *pair);
            close_table(w);
            w.close("section");
        }
        w.close("section");
    }

    // The questions the first one's questionnaire does not have (those it alone has are in their section above).
    std::vector<const AnswerPair*> apart;
    for (const auto& pair : page.comparison.only_in_other)
        if (page.second.side.answered(pair.question_id)) apart.push_back(&pair);
    if (!apart.empty()) {
        w.open("section", {{"class", "card"}, {"id", "une-seule-version"}, {"aria-labelledby", "apart-title"}});
        w.element("h2", {{"id", "apart-title"}}, "Questions absentes du questionnaire de la réponse " + number(page.first.response));
        open_table(w, page, "Questions d'une seule version");
        for (const auto* pair : apart) write_row(w, page, *pair);
        close_table(w);
        w.close("section");
    }
    return render_layout(layout, w.take());
}

}  // namespace cyberachat::web::views
