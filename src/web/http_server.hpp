#pragma once
// The HTTP server: routes, security headers, access log (secrets redacted), error pages, tuning.
#include <httplib.h>

#include <memory>

#include "web/connection_limits.hpp"
#include "web/web_app.hpp"

namespace cyberachat::web {

// Builds a configured server with every route registered.
std::unique_ptr<httplib::Server> make_server(WebApp& app, const ConnectionLimits& limits = {});

// Call after bind_to_port(): lets the kernel queue as many connections as it allows while the
// workers are busy (Debian's cpp-httplib listens with a backlog of 5: beyond that, a burst of new
// connections saw its SYNs dropped and waited a whole second to retry).
void widen_listen_backlog(const WebApp& app);

// What the access log may show of a path: every segment after one that reads "invitation" (in any
// case, wherever it stands: "//invitation/…", "/./Invitation/…") and every segment shaped like a
// secret token become "[secret]". "/invitation/abc…" → "/invitation/[secret]".
std::string redact_path(const std::string& path);

}  // namespace cyberachat::web
