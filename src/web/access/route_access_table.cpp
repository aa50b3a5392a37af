// The table of every route and who may call it. Keep docs/security.md ("Matrice des droits") in
// step: tests/web/access/route_access_table_test.cpp compares the two, and
// tests/http/access_matrix_test.cpp tries every row with every kind of account.
#include <algorithm>

#include "web/access/route_access.hpp"

namespace cyberachat::web {

std::string_view audience_name(Audience audience) {
    switch (audience) {
        case Audience::anyone: return "anyone";
        case Audience::vendor: return "vendor";
        case Audience::hospital_page: return "hospital_page";
        case Audience::hospital_api: return "hospital_api";
        case Audience::hospital_download: return "hospital_download";
    }
    return "?";
}

namespace {

constexpr const char* kId = R"((\d+))";
constexpr const char* kName = R"(([a-z0-9_.\-]+))";

}  // namespace

// "/responses/{response}/report.pdf" → "/responses/(\d+)/report\.pdf": the pattern registered for a path.
std::string route_pattern(std::string shown) {
    for (size_t at = 0; (at = shown.find('.', at)) != std::string::npos; at += 2) shown.insert(at, "\\");
    static const std::vector<std::pair<std::string, std::string>> placeholders = {
        {"{acquisition}", kId}, {"{response}", kId},   {"{document}", kId},  {"{user}", kId},
        {"{token}", kId},       {"{message}", kId},     {"{other}", kId},     {"{version}", kId},     {"{question}", kName}, {"{section}", kName}, {"{chart}", kName},
        {"{part}", R"(([^/]+))"}, {"{invitation}", R"(([A-Za-z0-9_\-]{20,100}))"}, {"{reset}", R"(([A-Za-z0-9_\-]{20,100}))"}, {"{anything}", ".*"},
    };
    for (const auto& [name, regex] : placeholders)
        for (size_t at = shown.find(name); at != std::string::npos; at = shown.find(name, at + regex.size()))
            shown.replace(at, name.size(), regex);
    return shown;
}

namespace {

RouteAccess row(const char* method, const char* shown, Audience audience, std::optional<Permission> permission = {},
                Scope scope = Scope::instance) {
    return RouteAccess{method, route_pattern(shown), shown, audience, permission, scope};
}

// A route that still works on an archived purchase (unarchive, delete).
RouteAccess on_archived(RouteAccess route) {
    route.allowed_when_archived = true;
    return route;
}

std::vector<RouteAccess> make_table() {
    using A = Audience;
    using P = Permission;
    using S = Scope;
    std::vector<RouteAccess> t = {
        // Public: the login, help, health, the blank questionnaire and its flowcharts.
        row("GET", "/", A::anyone),
        row("GET", "/login", A::anyone),
        row("POST", "/login", A::anyone),
        row("POST", "/logout", A::anyone),
        row("GET", "/help", A::anyone),
        row("GET", "/healthz", A::anyone),
        row("GET", "/instance/logo.png", A::anyone),  // the hospital's logo (vendor pages, e-mails)
        row("GET", "/flowcharts", A::anyone),
        row("GET", "/flowcharts/{chart}", A::anyone),
        row("GET", "/questionnaire/sections/{section}", A::hospital_page, P::read_questionnaire),  // read-only preview
        row("GET", "/questionnaire.xlsx", A::anyone),
        row("GET", "/api/v1/questionnaire", A::anyone),
        row("GET", "/api/v1/questionnaire.pdf", A::anyone),
        row("GET", "/api/v1/questionnaire.xlsx", A::anyone),
        row("GET", "/api/v1/questionnaire/flowcharts/{part}.svg", A::anyone),
        row("GET", "/reset-password/{reset}", A::anyone),  // the one-time link is the credential
        row("POST", "/reset-password/{reset}", A::anyone),
        // The vendor's side: its own response only, through its secret link.
        row("GET", "/invitation/{invitation}", A::anyone),
        row("GET", "/invitation/{anything}", A::anyone),  // any other: "this link is not valid"
        row("GET", "/vendor", A::vendor),
        row("GET", "/vendor/help", A::vendor),
        row("POST", "/vendor/language", A::vendor),
        row("GET", "/vendor/sections/{section}", A::vendor),
        row("POST", "/vendor/sections/{section}", A::vendor),
        row("POST", "/vendor/documents/{question}", A::vendor),
        row("GET", "/vendor/documents/{document}", A::vendor),
        row("POST", "/vendor/documents/{document}/delete", A::vendor),
        row("GET", "/vendor/clarifications", A::vendor),
        row("POST", "/vendor/clarifications/{question}", A::vendor),
        row("GET", "/vendor/review", A::vendor),
        row("POST", "/vendor/submit", A::vendor),
        row("GET", "/vendor/confirmation", A::vendor),
        row("GET", "/vendor/flowcharts", A::vendor),
        row("GET", "/vendor/flowcharts/{chart}", A::vendor),
        row("GET", "/vendor/export.xlsx", A::vendor),
        row("GET", "/vendor/import", A::vendor),
        row("POST", "/vendor/import", A::vendor),
        row("POST", "/vendor/import/apply", A::vendor),
        row("GET", "/vendor/manufacturer-documents", A::vendor),
        row("POST", "/vendor/import/mds2", A::vendor),
        row("POST", "/vendor/import/mds2/apply", A::vendor),
        row("POST", "/vendor/import/sbom", A::vendor),
        row("POST", "/vendor/import/sbom/apply", A::vendor),
        row("GET", "/vendor/reuse", A::vendor),
        row("GET", "/vendor/reuse/{response}", A::vendor),
        row("POST", "/vendor/reuse/{response}", A::vendor),
        row("GET", "/api/v1/vendor/response", A::vendor),
        row("GET", "/api/v1/vendor/sections/{section}/state", A::vendor),
        row("PUT", "/api/v1/vendor/answers/{question}", A::vendor),
        row("POST", "/api/v1/vendor/documents/{question}", A::vendor),
        row("GET", "/api/v1/vendor/documents/{document}", A::vendor),
        row("DELETE", "/api/v1/vendor/documents/{document}", A::vendor),
        row("GET", "/api/v1/vendor/clarifications", A::vendor),
        row("POST", "/api/v1/vendor/clarifications/{question}", A::vendor),
        row("POST", "/api/v1/vendor/submit", A::vendor),
        row("GET", "/api/v1/vendor/export.xlsx", A::vendor),
        row("POST", "/api/v1/vendor/import", A::vendor),
        row("POST", "/api/v1/vendor/import/mds2", A::vendor),
        row("POST", "/api/v1/vendor/import/sbom", A::vendor),
        row("GET", "/api/v1/vendor/earlier-responses", A::vendor),
        row("POST", "/api/v1/vendor/reuse/{response}", A::vendor),
        row("GET", "/api/v1/vendor/report.pdf", A::vendor),
        row("GET", "/api/v1/vendor/flowcharts/{part}.svg", A::vendor),

        // Hospital pages
        row("GET", "/acquisitions", A::hospital_page, P::list_purchases),
        row("GET", "/acquisitions/new", A::hospital_page, P::create_purchase),
        row("POST", "/acquisitions", A::hospital_page, P::create_purchase),
        row("GET", "/acquisitions/restore", A::hospital_page, P::create_purchase),  // an archive, as a new purchase
        row("POST", "/acquisitions/restore", A::hospital_page, P::create_purchase),
        row("GET", "/acquisitions/{acquisition}", A::hospital_page, P::view_purchase, S::acquisition),
        row("GET", "/acquisitions/{acquisition}/edit", A::hospital_page, P::edit_purchase, S::acquisition),
        row("GET", "/acquisitions/{acquisition}/questions/new", A::hospital_page, P::edit_purchase, S::acquisition),
        row("POST", "/acquisitions/{acquisition}/questions", A::hospital_page, P::edit_purchase, S::acquisition),
        row("POST", "/acquisitions/{acquisition}", A::hospital_page, P::edit_purchase, S::acquisition),
        row("POST", "/acquisitions/{acquisition}/vendors", A::hospital_page, P::invite_vendor, S::acquisition),
        on_archived(row("POST", "/acquisitions/{acquisition}/transition", A::hospital_page, P::edit_purchase, S::acquisition)),
        row("POST", "/acquisitions/{acquisition}/deadline", A::hospital_page, P::edit_purchase, S::acquisition),
        on_archived(row("POST", "/acquisitions/{acquisition}/delete", A::hospital_page, P::delete_purchase, S::acquisition)),
        row("GET", "/acquisitions/{acquisition}/comparison", A::hospital_page, P::view_purchase, S::acquisition),
        row("POST", "/acquisitions/{acquisition}/weights", A::hospital_page, P::set_weights, S::acquisition),
        row("GET", "/acquisitions/{acquisition}/members", A::hospital_page, P::view_members, S::acquisition),
        row("POST", "/acquisitions/{acquisition}/members", A::hospital_page, P::manage_members, S::acquisition),
        row("POST", "/acquisitions/{acquisition}/members/{user}/delete", A::hospital_page, P::manage_members,
            S::acquisition),
        row("GET", "/responses/{response}", A::hospital_page, P::view_purchase, S::response),
        row("GET", "/responses/{response}/flowcharts", A::hospital_page, P::view_purchase, S::response),
        row("GET", "/responses/{response}/flowcharts/{chart}", A::hospital_page, P::view_purchase, S::response),
        row("GET", "/documents/{document}", A::hospital_page, P::view_purchase, S::document),
        row("POST", "/responses/{response}/regenerate", A::hospital_page, P::manage_vendor_link, S::response),
        row("POST", "/responses/{response}/revoke", A::hospital_page, P::manage_vendor_link, S::response),
        row("POST", "/responses/{response}/reopen", A::hospital_page, P::reopen_response, S::response),
        row("POST", "/responses/{response}/vendor", A::hospital_page, P::edit_purchase, S::response),
        row("POST", "/responses/{response}/deadline", A::hospital_page, P::edit_purchase, S::response),
        row("POST", "/responses/{response}/withdraw", A::hospital_page, P::edit_purchase, S::response),
        row("POST", "/responses/{response}/restore", A::hospital_page, P::edit_purchase, S::response),
        row("POST", "/responses/{response}/send-invitation", A::hospital_page, P::invite_vendor, S::response),
        row("POST", "/responses/{response}/messages/{message}/resend", A::hospital_page, P::manage_vendor_link,
            S::response),
        row("POST", "/responses/{response}/reviews", A::hospital_page, P::review, S::response),
        row("POST", "/responses/{response}/opinion", A::hospital_page, P::give_opinion, S::response),
        row("GET", "/responses/{response}/export.xlsx", A::hospital_page, P::export_data, S::response),
        row("GET", "/responses/{response}/import", A::hospital_page, P::import_for_vendor, S::response),
        row("POST", "/responses/{response}/import", A::hospital_page, P::import_for_vendor, S::response),
        row("POST", "/responses/{response}/import/apply", A::hospital_page, P::import_for_vendor, S::response),
        row("GET", "/responses/{response}/manufacturer-documents", A::hospital_page, P::import_for_vendor, S::response),
        row("POST", "/responses/{response}/import/mds2", A::hospital_page, P::import_for_vendor, S::response),
        row("POST", "/responses/{response}/import/mds2/apply", A::hospital_page, P::import_for_vendor, S::response),
        row("POST", "/responses/{response}/import/sbom", A::hospital_page, P::import_for_vendor, S::response),
        row("POST", "/responses/{response}/import/sbom/apply", A::hospital_page, P::import_for_vendor, S::response),
        row("GET", "/acquisitions/{acquisition}/journal", A::hospital_page, P::view_journal, S::acquisition),
        row("GET", "/acquisitions/{acquisition}/journal.csv", A::hospital_page, P::view_journal, S::acquisition),
        row("GET", "/responses/{response}/journal", A::hospital_page, P::view_journal, S::response),
        // A vendor's history across purchases (only the purchases the caller may view are listed), and two
        // responses side by side (the other one's purchase is checked by the page against the access policy).
        row("GET", "/responses/{response}/history", A::hospital_page, P::view_purchase, S::response),
        row("GET", "/responses/{response}/compare/{other}", A::hospital_page, P::view_purchase, S::response),
        row("GET", "/responses/{response}/journal.csv", A::hospital_page, P::view_journal, S::response),
        row("GET", "/users/{user}/journal", A::hospital_page, P::view_account_journal, S::account),
        row("GET", "/users/{user}/journal.csv", A::hospital_page, P::view_account_journal, S::account),

        // My account, and the administration of accounts
        row("GET", "/account", A::hospital_page, P::own_account),
        row("POST", "/account/password", A::hospital_page, P::own_account),
        row("POST", "/account/sessions/end", A::hospital_page, P::own_account),
        row("POST", "/account/tokens", A::hospital_page, P::own_account),
        row("POST", "/account/tokens/{token}/revoke", A::hospital_page, P::own_account),  // one's own only
        row("GET", "/admin/users", A::hospital_page, P::manage_accounts),
        row("POST", "/admin/users", A::hospital_page, P::manage_accounts),
        row("POST", "/admin/users/{user}/role", A::hospital_page, P::manage_accounts),
        row("POST", "/admin/users/{user}/active", A::hospital_page, P::manage_accounts),
        row("POST", "/admin/users/{user}/reset-link", A::hospital_page, P::manage_accounts),
        row("POST", "/admin/users/{user}/delete", A::hospital_page, P::manage_accounts),
        row("GET", "/admin/instance", A::hospital_page, P::manage_instance),
        row("POST", "/admin/instance", A::hospital_page, P::manage_instance),
        row("GET", "/questionnaires", A::hospital_page, P::read_questionnaire),  // the library
        row("POST", "/questionnaires", A::hospital_page, P::manage_questionnaires),
        row("GET", "/questionnaires/{version}/questionnaire.xlsx", A::hospital_page, P::read_questionnaire),
        row("GET", "/questionnaires/{version}/questionnaire.pdf", A::hospital_page, P::read_questionnaire),
        // The market statistics: over the purchases one belongs to (administrators: all).
        row("GET", "/statistics", A::hospital_page, P::list_purchases),
        row("GET", "/statistics.csv", A::hospital_page, P::list_purchases),

        // Hospital API (an API token as Bearer)
        row("GET", "/api/v1/instance", A::hospital_api, P::own_account),
        row("PUT", "/api/v1/instance", A::hospital_api, P::manage_instance),
        row("GET", "/api/v1/questionnaires", A::hospital_api, P::read_questionnaire),
        row("POST", "/api/v1/questionnaires", A::hospital_api, P::manage_questionnaires),
        row("POST", "/api/v1/acquisitions/{acquisition}/questionnaire", A::hospital_api, P::edit_purchase, S::acquisition),
        row("GET", "/api/v1/users", A::hospital_api, P::manage_accounts),
        row("POST", "/api/v1/users", A::hospital_api, P::manage_accounts),
        row("GET", "/api/v1/users/{user}", A::hospital_api, P::manage_accounts),
        row("PATCH", "/api/v1/users/{user}", A::hospital_api, P::manage_accounts),
        row("DELETE", "/api/v1/users/{user}", A::hospital_api, P::manage_accounts),
        row("POST", "/api/v1/users/{user}/reset-link", A::hospital_api, P::manage_accounts),
        row("GET", "/api/v1/tokens", A::hospital_api, P::own_account),  // an administrator's ?user=ID: anyone's
        row("POST", "/api/v1/tokens", A::hospital_api, P::own_account),
        row("DELETE", "/api/v1/tokens/{token}", A::hospital_api, P::own_account),  // one's own (administrators: any)
        row("GET", "/api/v1/acquisitions", A::hospital_api, P::list_purchases),
        row("POST", "/api/v1/acquisitions", A::hospital_api, P::create_purchase),
        row("POST", "/api/v1/acquisitions/restore", A::hospital_api, P::create_purchase),
        row("GET", "/api/v1/acquisitions/{acquisition}", A::hospital_api, P::view_purchase, S::acquisition),
        row("PATCH", "/api/v1/acquisitions/{acquisition}", A::hospital_api, P::edit_purchase, S::acquisition),
        row("POST", "/api/v1/acquisitions/{acquisition}/vendors", A::hospital_api, P::invite_vendor, S::acquisition),
        on_archived(row("POST", "/api/v1/acquisitions/{acquisition}/transitions", A::hospital_api, P::edit_purchase,
                        S::acquisition)),
        row("POST", "/api/v1/acquisitions/{acquisition}/deadline", A::hospital_api, P::edit_purchase, S::acquisition),
        on_archived(row("DELETE", "/api/v1/acquisitions/{acquisition}", A::hospital_api, P::delete_purchase, S::acquisition)),
        row("GET", "/api/v1/acquisitions/{acquisition}/comparison", A::hospital_api, P::view_purchase, S::acquisition),
        row("GET", "/api/v1/acquisitions/{acquisition}/responses/{response}/messages", A::hospital_api, P::view_purchase,
            S::acquisition),
        row("POST", "/api/v1/acquisitions/{acquisition}/responses/{response}/messages/{message}/resend", A::hospital_api,
            P::manage_vendor_link, S::acquisition),
        row("POST", "/api/v1/acquisitions/{acquisition}/responses/{response}/send-invitation", A::hospital_api,
            P::invite_vendor, S::acquisition),
        row("PUT", "/api/v1/acquisitions/{acquisition}/weights/{question}", A::hospital_api, P::set_weights,
            S::acquisition),
        row("GET", "/api/v1/acquisitions/{acquisition}/members", A::hospital_api, P::view_members, S::acquisition),
        row("POST", "/api/v1/acquisitions/{acquisition}/members", A::hospital_api, P::manage_members, S::acquisition),
        row("DELETE", "/api/v1/acquisitions/{acquisition}/members/{user}", A::hospital_api, P::manage_members,
            S::acquisition),
        row("GET", "/api/v1/responses/{response}", A::hospital_api, P::view_purchase, S::response),
        row("POST", "/api/v1/responses/{response}/reopen", A::hospital_api, P::reopen_response, S::response),
        row("PATCH", "/api/v1/responses/{response}", A::hospital_api, P::edit_purchase, S::response),
        row("POST", "/api/v1/responses/{response}/deadline", A::hospital_api, P::edit_purchase, S::response),
        row("POST", "/api/v1/responses/{response}/withdraw", A::hospital_api, P::edit_purchase, S::response),
        row("POST", "/api/v1/responses/{response}/restore", A::hospital_api, P::edit_purchase, S::response),
        row("GET", "/api/v1/responses/{response}/evaluation", A::hospital_api, P::view_purchase, S::response),
        row("GET", "/api/v1/responses/{response}/history", A::hospital_api, P::view_purchase, S::response),
        row("GET", "/api/v1/responses/{response}/reviews", A::hospital_api, P::view_purchase, S::response),
        row("POST", "/api/v1/responses/{response}/reviews", A::hospital_api, P::review, S::response),
        row("PUT", "/api/v1/responses/{response}/opinion", A::hospital_api, P::give_opinion, S::response),
        row("GET", "/api/v1/responses/{response}/export.xlsx", A::hospital_api, P::export_data, S::response),
        row("POST", "/api/v1/responses/{response}/import", A::hospital_api, P::import_for_vendor, S::response),
        row("POST", "/api/v1/responses/{response}/import/mds2", A::hospital_api, P::import_for_vendor, S::response),
        row("POST", "/api/v1/responses/{response}/import/sbom", A::hospital_api, P::import_for_vendor, S::response),
        row("GET", "/api/v1/documents/{document}", A::hospital_api, P::view_purchase, S::document),
        row("GET", "/api/v1/acquisitions/{acquisition}/journal", A::hospital_api, P::view_journal, S::acquisition),
        row("GET", "/api/v1/responses/{response}/journal", A::hospital_api, P::view_journal, S::response),
        row("GET", "/api/v1/users/{user}/journal", A::hospital_api, P::view_account_journal, S::account),
        // Downloads a page links to (the session cookie serves too)
        row("GET", "/api/v1/responses/{response}/report.pdf", A::hospital_download, P::export_data, S::response),
        row("GET", "/api/v1/responses/{response}/flowcharts/{part}.svg", A::hospital_download, P::view_purchase,
            S::response),
        row("GET", "/api/v1/acquisitions/{acquisition}/report.pdf", A::hospital_download, P::export_data,
            S::acquisition),
        row("GET", "/api/v1/acquisitions/{acquisition}/export.csv", A::hospital_download, P::export_data,
            S::acquisition),
        row("GET", "/api/v1/acquisitions/{acquisition}/export.json", A::hospital_download, P::export_data,
            S::acquisition),
        row("GET", "/api/v1/acquisitions/{acquisition}/archive.zip", A::hospital_download, P::export_data,
            S::acquisition),
    };
    return t;
}

}  // namespace

const std::vector<RouteAccess>& route_access_table() {
    static const std::vector<RouteAccess> table = make_table();
    return table;
}

const RouteAccess* find_route_access(std::string_view method, std::string_view shown) {
    const auto& table = route_access_table();
    auto it = std::find_if(table.begin(), table.end(),
                           [&](const RouteAccess& r) { return r.method == method && r.shown == shown; });
    return it == table.end() ? nullptr : &*it;
}

}  // namespace cyberachat::web
