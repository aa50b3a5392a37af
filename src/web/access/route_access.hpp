#pragma once
// Every route of the server, with who may call it: the table the access guard applies
// (web/access/access_guard) and docs/security.md writes out ("Matrice des droits"). A route
// registered without a row here makes the server refuse to start (tests catch it), so no
// handler can be added without deciding who may use it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access_policy.hpp"

namespace cyberachat::web {

enum class Audience {
    anyone,             // public: login page, help, the blank questionnaire, assets
    vendor,             // the vendor's session (its secret link) or its invitation token as Bearer
    hospital_page,      // a hospital session cookie (else redirected to /login)
    hospital_api,       // a hospital API token as Bearer (else 401)
    hospital_download,  // an API token, or the session cookie without Authorization header (GET exports)
};
std::string_view audience_name(Audience audience);

// What the path's first number designates, to find the purchase concerned.
enum class Scope { instance, acquisition, response, document, account };

struct RouteAccess {
    std::string method;   // "GET", "POST", "PUT", "PATCH", "DELETE"
    std::string pattern;  // the regular expression registered with httplib
    std::string shown;    // the same path as docs/security.md shows it: /responses/{response}/reopen
    Audience audience = Audience::anyone;
    std::optional<Permission> permission;  // hospital audiences only
    Scope scope = Scope::instance;
    // A change (any method but GET) to an archived purchase is refused (409 "archived": it is
    // read-only for everyone) unless the route is one that takes it out of the archive or deletes it.
    bool allowed_when_archived = false;
};

const std::vector<RouteAccess>& route_access_table();
// The row of (method, shown path), or nullptr.
const RouteAccess* find_route_access(std::string_view method, std::string_view shown);
// The regular expression registered for a shown path: dots escaped, each {placeholder} its group.
std::string route_pattern(std::string shown);

}  // namespace cyberachat::web
