#pragma once
// The HTTP server: routes, security headers, access log (secrets redacted), error pages, tuning.
#include <httplib.h>

#include <memory>

#include "web/web_app.hpp"

namespace cyberachat::web {

// Builds a configured server with every route registered.
std::unique_ptr<httplib::Server> make_server(WebApp& app);

// "/invitation/abc…" → "/invitation/[secret]": what the access log may show of a path.
std::string redact_path(const std::string& path);

}  // namespace cyberachat::web
