#include "web/journal_support.hpp"

#include <charconv>

#include "web/http_io.hpp"

namespace cyberachat::web {

namespace {

long long journal_query_number(const httplib::Request& req, const char* name) {
    const std::string text = form_value(req, name);
    long long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() && value > 0 ? value : 0;
}

nlohmann::json journal_stored_value(const std::string& text) {
    if (text.empty()) return nullptr;
    nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
    return parsed.is_discarded() ? nlohmann::json(text) : parsed;
}

nlohmann::json journal_optional_id(Id id) { return id > 0 ? nlohmann::json(id) : nlohmann::json(nullptr); }

}  // namespace

store::EventFilter journal_filter(const httplib::Request& req) {
    store::EventFilter filter;
    filter.from = form_value(req, "from");
    filter.to = form_value(req, "to");
    filter.action = form_value(req, "action");
    filter.actor = form_value(req, "actor");
    filter.field = form_value(req, "question");
    filter.before_id = journal_query_number(req, "before");
    if (const long long limit = journal_query_number(req, "limit"))
        filter.limit = static_cast<size_t>(std::min<long long>(limit, store::EventFilter::kMaxLimit));
    return filter;
}

views::JournalView journal_view(const services::JournalPage& page, std::string heading,
                                std::vector<std::pair<std::string, std::string>> trail, std::string path,
                                bool question_filter) {
    views::JournalView view;
    view.heading = std::move(heading);
    view.trail = std::move(trail);
    view.path = std::move(path);
    view.filter = {page.filter.from, page.filter.to, page.filter.action, page.filter.actor, page.filter.field};
    view.question_filter = question_filter;
    view.actions = services::JournalService::action_labels();
    view.before = page.filter.before_id;
    view.next_before = page.next_before;
    view.limit = page.filter.limit;
    view.rows.reserve(page.entries.size());
    for (const services::JournalEntry& entry : page.entries)
        view.rows.push_back(views::JournalRow{entry.event.id, entry.event.at, entry.when, entry.who, entry.who_user_id,
                                              entry.via, entry.what, entry.subject, entry.question_id,
                                              entry.question_label, entry.old_text, entry.new_text});
    return view;
}

nlohmann::json journal_json(const services::JournalPage& page) {
    nlohmann::json events = nlohmann::json::array();
    for (const services::JournalEntry& entry : page.entries) {
        const Event& e = entry.event;
        events.push_back({{"id", e.id},
                          {"at", e.at},
                          {"actor", e.actor},
                          {"who", entry.who},
                          {"via", e.via.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.via)},
                          {"via_label", entry.via},
                          {"entity", e.entity},
                          {"entity_id", e.entity_id},
                          {"action", e.action},
                          {"action_label", entry.what},
                          {"field", e.field},
                          {"subject", entry.subject},
                          {"question_label", entry.question_label},
                          {"old_value", journal_stored_value(e.old_value)},
                          {"new_value", journal_stored_value(e.new_value)},
                          {"old_text", entry.old_text},
                          {"new_text", entry.new_text},
                          {"acquisition_id", journal_optional_id(e.acquisition_id)},
                          {"response_id", journal_optional_id(e.response_id)},
                          {"user_id", journal_optional_id(e.user_id)}});
    }
    return {{"title", page.title}, {"events", std::move(events)}, {"next_before", journal_optional_id(page.next_before)}};
}

void send_journal_csv(httplib::Response& res, const services::JournalPage& page, const std::string& file_name) {
    send_attachment(res, services::JournalService::csv(page), "text/csv; charset=utf-8", file_name);
}

}  // namespace cyberachat::web
