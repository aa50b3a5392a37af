#pragma once
// An action: one named function per route (read the request, call a service, pick a view or JSON).
// Actions live in the file of their resource (web/api/<resource>_api.cpp, web/routes/<resource>_routes.cpp),
// each declared in that file's header so that it can be found, named and tested.
#include <httplib.h>

#include "web/web_app.hpp"

namespace cyberachat::web {

using Action = void (*)(WebApp& app, const httplib::Request& req, httplib::Response& res);

// The handler httplib calls for `run`.
inline httplib::Server::Handler action(WebApp& app, Action run) {
    return [&app, run](const httplib::Request& req, httplib::Response& res) { run(app, req, res); };
}

}  // namespace cyberachat::web
