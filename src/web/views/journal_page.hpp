#pragma once
// GET /acquisitions/{id}/journal, /responses/{id}/journal, /users/{id}/journal (hospital only):
// breadcrumb, title, a GET filter form (du / au, action, qui, question on a response's page), a
// link to the CSV of the same list, the table of events newest first (date, qui — linked to the
// account's journal when known —, source, action, objet, question with its label, ancienne →
// nouvelle valeur), and "Plus ancien" when more remain.
#include <string>
#include <utility>
#include <vector>

#include "core/acquisition.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

struct JournalRow {
    Id id = 0;
    std::string at;        // ISO time (for <time datetime>)
    std::string when;      // readable
    std::string who;
    Id who_user_id = 0;    // 0: no link
    std::string via;       // "Page web", "API", …, "—"
    std::string what;
    std::string subject;
    std::string question_id, question_label;
    std::string old_text, new_text;
};

struct JournalFilterValues {
    std::string from, to, action, actor, question;
};

struct JournalView {
    std::string heading;                                   // "Journal — Réponse de Acme Medical"
    std::vector<std::pair<std::string, std::string>> trail;  // breadcrumb (label, href) before this page
    std::string path;                                      // "/responses/3/journal" (the form's action)
    JournalFilterValues filter;
    bool question_filter = false;                          // the response's page filters by question
    std::vector<std::pair<std::string, std::string>> actions;  // (value, label) of the action filter
    std::vector<JournalRow> rows;                          // newest first
    Id before = 0;                                         // this page starts before that event (0: the newest)
    Id next_before = 0;                                    // "Plus ancien" → ?before=…, 0: none
    size_t limit = 500;
};

// The filters as a query string ("from=…&to=…", URL-encoded, empty ones left out).
std::string journal_query(const JournalFilterValues& filter);

std::string render_journal_page(const PageContext& context, const JournalView& view);

}  // namespace cyberachat::web::views
