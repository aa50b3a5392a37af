#pragma once
// Shared by the journal pages (web/routes/journal_routes.cpp) and their API twin
// (web/api/journal_api.cpp): the filters read from the query, and the page as a view, as JSON
// and as a CSV download.
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "services/journal_service.hpp"
#include "web/views/journal_page.hpp"

namespace cyberachat::web {

// ?from=YYYY-MM-DD&to=…&action=…&actor=…&question=…&before=<event id>&limit=… (all optional;
// limit at most 500, the default).
store::EventFilter journal_filter(const httplib::Request& req);

// The page's view: its heading, breadcrumb `trail` and path ("/responses/3/journal").
views::JournalView journal_view(const services::JournalPage& page, std::string heading,
                                std::vector<std::pair<std::string, std::string>> trail, std::string path,
                                bool question_filter);

// {"title", "events": [{id, at, actor, who, via, via_label, entity, entity_id, action, action_label,
// field, subject, question_label, old_value, new_value (as stored, JSON or null), old_text,
// new_text, acquisition_id, response_id, user_id}], "next_before": id | null}
nlohmann::json journal_json(const services::JournalPage& page);

// The page as an attachment `file_name` (text/csv, UTF-8 with BOM).
void send_journal_csv(httplib::Response& res, const services::JournalPage& page, const std::string& file_name);

}  // namespace cyberachat::web
