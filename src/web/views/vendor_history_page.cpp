#include "web/views/vendor_history_page.hpp"

#include "core/response_state.hpp"
#include "core/text_format.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/side_answer.hpp"
#include "web/views/status_labels.hpp"
#include "web/views/vendor_history_chart.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;

namespace {

std::string response_url(const VendorResponse& response) { return "/responses/" + std::to_string(response.id); }

std::string submission_date(const VendorResponse& response) {
    return response.submitted_at.empty() ? std::string() : format_date(response.submitted_at.substr(0, 10), Language::fr);
}

// "n° 12 — Échographes 2027 (Brouillon)": an option of the form.
std::string option_label(const HistoryRow& row) {
    return "n° " + std::to_string(row.response.id) + " — " + row.acquisition.title + " (" +
           std::string(response_state_label(response_state(row.response), Language::fr)) + ")";
}

void write_history_table(HtmlWriter& w, const VendorHistoryPage& page) {
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table history-table"}});
    w.element("caption", "Réponses du fournisseur, de la plus ancienne à la plus récente");
    w.open("thead").open("tr");
    for (const char* heading : {"Réponse", "Achat", "Référence", "Équipement", "Statut", "Déposée le", "Score global",
                                "Points de vigilance", "Fin de support"})
        w.element("th", {{"scope", "col"}}, heading);
    w.close("tr").close("thead").open("tbody");
    for (const auto& row : page.rows) {
        const bool current = row.response.id == page.subject.id;
        w.open("tr", {{"data-response", static_cast<long long>(row.response.id)}, Attr::when(current, "aria-current", "true")});
        w.open("th", {{"scope", "row"}});
        w.element("a", {{"href", response_url(row.response)}}, "n° " + std::to_string(row.response.id));
        if (current) w.element("span", {{"class", "block muted"}}, "(cette réponse)");
        w.close("th");
        w.element("td", row.acquisition.title);
        w.element("td", row.acquisition.reference.empty() ? "—" : row.acquisition.reference);
        w.element("td", row.acquisition.equipment.empty() ? "—" : row.acquisition.equipment);
        w.open("td");
        write_response_status_badge(w, row.response);
        w.close("td");
        w.open("td");
        if (row.response.submitted_at.empty())
            w.text("—");
        else
            w.element("time", {{"datetime", row.response.submitted_at}}, submission_date(row.response));
        w.close("td");
        w.element("td", {{"data-score", "overall"}}, std::to_string(row.card.overall.score()));
        w.element("td", {{"data-findings", "vigilance"}}, std::to_string(row.card.findings.size()));
        w.element("td", {{"data-findings", "end-of-support"}}, std::to_string(row.support_findings));
        w.close("tr");
    }
    w.close("tbody").close("table").close("div");
}

void write_chart(HtmlWriter& w, const VendorHistoryPage& page) {
    std::vector<HistoryPoint> points;
    for (const auto& row : page.rows)
        if (is_submitted_state(response_state(row.response)))
            points.push_back({row.response.id, submission_date(row.response), row.card.overall.score(), row.card.findings.size()});
    if (points.empty()) {
        w.element("p", {{"class", "muted"}}, "Aucune réponse déposée : pas encore d'évolution à montrer.");
        return;
    }
    w.element("p", {{"class", "hint"}}, "Les réponses déposées seulement ; le tableau ci-dessus donne les mêmes chiffres.");
    w.open("div", {{"class", "chart-wrap"}});
    w.raw(render_history_chart_svg(points));
    w.close("div");
}

void write_pair_form(HtmlWriter& w, const VendorHistoryPage& page) {
    const std::string action = response_url(page.subject) + "/history";
    w.open("form", {{"method", "get"}, {"action", action + "#changements"}, {"class", "filters"}});
    w.open("div", {{"class", "filter-row"}});
    for (const auto& [name, label, selected] : {std::tuple{"from", "Réponse la plus ancienne", page.from},
                                                std::tuple{"to", "Réponse la plus récente", page.to}}) {
        w.element("label", {{"for", std::string("history-") + name}}, label);
        w.open("select", {{"id", std::string("history-") + name}, {"name", name}});
        for (const auto& row : page.rows)
            w.element("option", {{"value", std::to_string(row.response.id)}, Attr::flag("selected", row.response.id == selected)},
                      option_label(row));
        w.close("select");
    }
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Comparer");
    w.close("div");
    w.close("form");
}

void write_change_row(HtmlWriter& w, const HistoryChangesView& changes, const AnswerPair& pair) {
    // pair.base is the newer side's question, pair.other the older's.
    const Question* to_question = changes.to_is_newer ? pair.base : pair.other;
    const Question* from_question = changes.to_is_newer ? pair.other : pair.base;
    const Question* shown = pair.base ? pair.base : pair.other;
    w.open("tr", {{"data-question", pair.question_id}});
    w.open("th", {{"scope", "row"}});
    w.text(shown->label.fr);
    if (pair.kind_changed) w.element("span", {{"class", "block muted"}}, "(la nature de la question a changé)");
    w.close("th");
    w.open("td", {{"data-side", "from"}});
    write_side_answer(w, from_question, changes.from_side);
    w.close("td");
    w.open("td", {{"data-side", "to"}});
    write_side_answer(w, to_question, changes.to_side);
    w.close("td");
    w.close("tr");
}

void write_change_table(HtmlWriter& w, const HistoryChangesView& changes, const std::vector<const AnswerPair*>& pairs,
                        const std::string& caption) {
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table changes-table"}});
    w.element("caption", caption);
    w.open("thead").open("tr");
    w.element("th", {{"scope", "col"}}, "Question");
    w.element("th", {{"scope", "col"}}, "Réponse n° " + std::to_string(changes.from.id));
    w.element("th", {{"scope", "col"}}, "Réponse n° " + std::to_string(changes.to.id));
    w.close("tr").close("thead").open("tbody");
    for (const auto* pair : pairs) write_change_row(w, changes, *pair);
    w.close("tbody").close("table").close("div");
}

void write_changes(HtmlWriter& w, const VendorHistoryPage& page) {
    w.open("section", {{"class", "card"}, {"id", "changements"}, {"aria-labelledby", "changes-title"}});
    w.element("h2", {{"id", "changes-title"}}, "Réponses qui ont changé");
    if (page.rows.size() < 2) {
        w.element("p", {{"class", "muted"}}, "Une seule réponse de ce fournisseur : rien à comparer.");
        w.close("section");
        return;
    }
    write_pair_form(w, page);
    if (!page.changes) {
        w.element("p", {{"class", "muted"}},
                  "Moins de deux réponses déposées : choisissez ci-dessus les deux réponses à comparer.");
        w.close("section");
        return;
    }
    const HistoryChangesView& changes = *page.changes;
    std::vector<const AnswerPair*> both, one_version;
    for (const auto* pair : changes.changes)
        (pair->difference == AnswerDifference::different ? both : one_version).push_back(pair);
    w.element("p", {{"class", "changes-count"}},
              count_with_noun(both.size(), "question dont la réponse a changé", "questions dont la réponse a changé",
                              Language::fr) +
                  " entre la réponse n° " + std::to_string(changes.from.id) + " et la réponse n° " +
                  std::to_string(changes.to.id) + " (dans l'ordre du questionnaire de la plus récente).");
    if (!both.empty()) write_change_table(w, changes, both, "Réponses différentes");
    if (!one_version.empty()) {
        w.element("h3", "Questions d'une seule des deux versions du questionnaire");
        w.element("p", {{"class", "hint"}}, "Questions ajoutées ou retirées d'une version à l'autre, avec la réponse donnée.");
        write_change_table(w, changes, one_version, "Questions d'une seule version");
    }
    w.close("section");
}

}  // namespace

void write_vendor_history_link(HtmlWriter& w, const VendorResponse& response) {
    w.open("p", {{"class", "vendor-history-link"}});
    w.element("a", {{"href", response_url(response) + "/history"}}, "Historique du fournisseur");
    w.text(response.company_key.empty() ? " (fournisseur non reconnu d'un achat à l'autre)"
                                        : " : ses réponses aux autres achats, scores et réponses qui ont changé");
    w.close("p");
}

std::string render_vendor_history_page(const PageContext& context, const VendorHistoryPage& page) {
    PageContext layout = context;
    if (layout.title.empty()) layout.title = "Historique — " + page.subject.company;
    HtmlWriter w(32768 + page.rows.size() * 1024);

    w.open("nav", {{"class", "breadcrumb"}, {"aria-label", "Fil d'Ariane"}});
    w.open("ol");
    w.open("li").element("a", {{"href", "/acquisitions"}}, "Achats").close("li");
    w.open("li").element("a", {{"href", response_url(page.subject)}}, "Réponse n° " + std::to_string(page.subject.id)).close("li");
    w.open("li").element("span", {{"aria-current", "page"}}, "Historique du fournisseur").close("li");
    w.close("ol");
    w.close("nav");
    write_page_heading(w, page.subject.company, "Historique du fournisseur");

    w.open("section", {{"class", "card"}, {"aria-labelledby", "history-title"}});
    w.element("h2", {{"id", "history-title"}}, "Ses réponses d'un achat à l'autre");
    if (!page.linked) {
        w.element("p", {{"class", "notice history-unlinked"}},
                  "Ce fournisseur n'a pas été reconnu d'un achat à l'autre : son invitation ne l'a pas rattaché à "
                  "une société (identifiant SIREN, SIRET, TVA ou DUNS, ou domaine de son adresse électronique). "
                  "Seule cette réponse est listée.");
    } else {
        w.element("p", {{"class", "hint"}},
                  "Les réponses de cette société aux achats dont vous faites partie ; les autres achats ne sont pas montrés.");
    }
    if (page.left_out_older > 0)
        w.element("p", {{"class", "muted"}},
                  count_with_noun(page.left_out_older, "réponse plus ancienne non listée", "réponses plus anciennes non listées",
                                  Language::fr) + ".");
    write_history_table(w, page);
    w.element("h3", "Score et points de vigilance au fil du temps");
    write_chart(w, page);
    w.close("section");

    write_changes(w, page);
    return render_layout(layout, w.take());
}

}  // namespace cyberachat::web::views
