#include "web/views/journal_page.hpp"

#include "web/html/html_writer.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;

std::string journal_query(const JournalFilterValues& filter) {
    std::string query;
    for (const auto& [name, value] : {std::pair<const char*, const std::string&>{"from", filter.from},
                                      {"to", filter.to},
                                      {"action", filter.action},
                                      {"actor", filter.actor},
                                      {"question", filter.question}}) {
        if (value.empty()) continue;
        if (!query.empty()) query += '&';
        query += std::string(name) + "=" + html::url_encode(value);
    }
    return query;
}

namespace {

void write_journal_filters(HtmlWriter& w, const JournalView& view) {
    const JournalFilterValues& f = view.filter;
    w.open("form", {{"method", "get"}, {"action", view.path}, {"class", "card filters journal-filters"},
                    {"aria-labelledby", "journal-filters-title"}});
    w.element("h2", {{"id", "journal-filters-title"}}, "Filtrer le journal");
    w.open("div", {{"class", "filter-row"}});
    w.element("label", {{"for", "journal-from"}}, "Du");
    w.void_tag("input", {{"type", "date"}, {"id", "journal-from"}, {"name", "from"}, {"value", f.from}});
    w.element("label", {{"for", "journal-to"}}, "au");
    w.void_tag("input", {{"type", "date"}, {"id", "journal-to"}, {"name", "to"}, {"value", f.to}});
    w.element("label", {{"for", "journal-action"}}, "Action");
    w.open("select", {{"id", "journal-action"}, {"name", "action"}});
    w.element("option", {{"value", ""}, Attr::flag("selected", f.action.empty())}, "Toutes");
    for (const auto& [value, label] : view.actions)
        w.element("option", {{"value", value}, Attr::flag("selected", f.action == value)}, label);
    w.close("select");
    w.element("label", {{"for", "journal-actor"}}, "Qui");
    w.void_tag("input", {{"type", "search"}, {"id", "journal-actor"}, {"name", "actor"}, {"value", f.actor},
                         {"placeholder", "e-mail, vendor:…"}});
    if (view.question_filter) {
        w.element("label", {{"for", "journal-question"}}, "Question");
        w.void_tag("input", {{"type", "text"}, {"id", "journal-question"}, {"name", "question"}, {"value", f.question},
                             {"placeholder", "identifiant, ex. p1.os_version"}});
    }
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}}, "Appliquer");
    w.element("a", {{"href", view.path}, {"class", "button button-secondary"}}, "Tout afficher");
    w.close("div");
    w.close("form");
}

void write_journal_row(HtmlWriter& w, const JournalRow& row) {
    w.open("tr", {{"id", "event-" + std::to_string(row.id)}});
    w.open("td").element("time", {{"datetime", row.at}}, row.when).close("td");
    w.open("td");
    if (row.who_user_id > 0)
        w.element("a", {{"href", "/users/" + std::to_string(row.who_user_id) + "/journal"}}, row.who);
    else
        w.text(row.who);
    w.close("td");
    w.element("td", {{"class", "journal-via"}}, row.via);
    w.element("td", row.what);
    w.open("td");
    w.text(row.subject);
    if (!row.question_id.empty()) {
        w.open("div", {{"class", "journal-question"}});
        w.element("code", row.question_id);
        if (!row.question_label.empty()) w.text(" — " + row.question_label);
        w.close("div");
    }
    w.close("td");
    w.open("td", {{"class", "journal-change"}});
    if (!row.old_text.empty() || !row.new_text.empty()) {
        if (!row.old_text.empty()) w.element("del", row.old_text);
        if (!row.old_text.empty() && !row.new_text.empty()) w.element("span", {{"aria-hidden", "true"}}, " → ");
        if (!row.new_text.empty()) w.element("ins", row.new_text);
    }
    w.close("td");
    w.close("tr");
}

}  // namespace

std::string render_journal_page(const PageContext& context, const JournalView& view) {
    PageContext page = context;
    if (page.title.empty()) page.title = view.heading;
    HtmlWriter w(16384 + view.rows.size() * 512);
    w.open("nav", {{"class", "breadcrumb"}, {"aria-label", "Fil d'Ariane"}});
    w.open("ol");
    for (const auto& [label, href] : view.trail) w.open("li").element("a", {{"href", href}}, label).close("li");
    w.open("li").element("span", {{"aria-current", "page"}}, "Journal").close("li");
    w.close("ol");
    w.close("nav");
    write_page_heading(w, "Journal", view.heading);
    w.element("p", {{"class", "lead"}},
              "Chaque modification enregistrée : qui, quand, d'où (page web, API, import Excel, restauration "
              "d'archive), et la valeur avant → après. Le journal ne peut pas être modifié ; « cyberachat journal "
              "verify » en vérifie l'intégrité.");
    write_journal_filters(w, view);

    const std::string query = journal_query(view.filter);
    // The CSV of exactly this list: the same filters, from the same event.
    std::string csv_query = query;
    if (view.before > 0) csv_query += (csv_query.empty() ? "" : "&") + std::string("before=") + std::to_string(view.before);
    const std::string csv_href = view.path + ".csv" + (csv_query.empty() ? "" : "?" + csv_query);
    w.open("p", {{"class", "journal-actions"}});
    w.element("a", {{"href", csv_href}, {"class", "button button-secondary"}, {"download", true}},
              "Télécharger en CSV (" + std::to_string(view.rows.size()) + " lignes)");
    w.close("p");

    if (view.rows.empty()) {
        w.element("p", {{"class", "empty"}}, "Aucun événement ne correspond à ces critères.");
        return render_layout(page, w.take());
    }
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table journal"}});
    w.element("caption", "Événements, du plus récent au plus ancien (" + std::to_string(view.rows.size()) +
                             (view.next_before > 0 ? ", d'autres suivent)" : ")"));
    w.open("thead").open("tr");
    for (const char* header : {"Date", "Qui", "Source", "Action", "Objet", "Avant → après"})
        w.element("th", {{"scope", "col"}}, header);
    w.close("tr").close("thead");
    w.open("tbody");
    for (const JournalRow& row : view.rows) write_journal_row(w, row);
    w.close("tbody").close("table").close("div");
    if (view.next_before > 0) {
        const std::string more = view.path + "?" + (query.empty() ? "" : query + "&") + "before=" +
                                 std::to_string(view.next_before);
        w.open("p", {{"class", "journal-more"}});
        w.element("a", {{"href", more}, {"class", "button button-secondary"}, {"rel", "next"}},
                  "Plus ancien (les " + std::to_string(view.limit) + " suivants)");
        w.close("p");
    }
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
