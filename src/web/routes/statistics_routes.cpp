// The market statistics page and its CSV download.
#include "web/routes/statistics_routes.hpp"

#include "core/answer_validation.hpp"
#include "core/equipment_family.hpp"
#include "outputs/export/statistics_csv.hpp"
#include "web/access/access_guard.hpp"
#include "web/html/html_writer.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/views/statistics_page.hpp"

namespace cyberachat::web {

namespace statistics_routes {

namespace {

struct ReadFilter {
    StatisticsFilter filter;
    std::map<std::string, std::string> errors;  // a field ignored → why
};

// The filter of the query, read leniently: a value the page does not know is ignored (and said so
// for the dates), so that a hand-edited address still gets statistics.
ReadFilter read_filter(const httplib::Request& req) {
    ReadFilter out;
    for (const char* name : {"from", "to"}) {
        const std::string text = req.get_param_value(name);
        if (text.empty()) continue;
        auto date = validate_date(text);
        if (!date) {
            out.errors[name] = "Date invalide (AAAA-MM-JJ ou JJ/MM/AAAA) : ignorée.";
            continue;
        }
        (std::string_view(name) == "from" ? out.filter.from : out.filter.to) = *date;
    }
    if (const std::string family = req.get_param_value("family"); find_equipment_family(family))
        out.filter.equipment_family = family;
    if (const std::string purchase = req.get_param_value("purchase"); !purchase.empty()) {
        try {
            size_t used = 0;
            const long long id = std::stoll(purchase, &used);
            if (used == purchase.size() && id > 0) out.filter.purchase_id = id;
        } catch (const std::exception&) {
        }
    }
    if (req.get_param_value("period") == "month") out.filter.period = StatisticsPeriod::month;
    return out;
}

// The filter as applied, as a query string ("" : none).
std::string filter_query(const StatisticsFilter& filter) {
    std::string query;
    auto add = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        query += (query.empty() ? "" : "&") + std::string(name) + "=" + html::url_encode(value);
    };
    add("from", filter.from);
    add("to", filter.to);
    add("family", filter.equipment_family);
    add("purchase", filter.purchase_id ? std::to_string(*filter.purchase_id) : std::string());
    add("period", filter.period == StatisticsPeriod::month ? "month" : "");
    return query;
}

}  // namespace

void statistics_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    auto context = hospital_context(*caller, "Statistiques du marché");
    context.current_path = req.path;
    ReadFilter read = read_filter(req);
    auto view = app.statistics.for_user(caller->user, read.filter);
    if (!view) return send_error_page(res, view.error(), context);
    views::StatisticsPageData data;
    for (const auto& purchase : view->purchases) data.purchases.push_back({purchase.id, purchase.title});
    data.filter = view->filter;
    data.errors = std::move(read.errors);
    data.statistics = std::move(view->statistics);
    data.query = filter_query(data.filter);
    send_html(res, 200, views::render_statistics_page(context, data));
}

void statistics_csv(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    auto view = app.statistics.for_user(caller->user, read_filter(req).filter);
    if (!view) return send_error_page(res, view.error(), hospital_context(*caller, "Statistiques du marché"));
    send_attachment(res, exports::market_statistics_csv(view->statistics), "text/csv; charset=utf-8", "statistiques.csv");
}

}  // namespace statistics_routes

void register_statistics_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/statistics", statistics_routes::statistics_page);
    add_route(server, app, "GET", "/statistics.csv", statistics_routes::statistics_csv);
}

}  // namespace cyberachat::web
