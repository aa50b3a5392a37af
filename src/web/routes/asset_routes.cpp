// Static assets embedded in the binary, and the health check.
#include "web/routes/asset_routes.hpp"

#include "web/access/access_guard.hpp"

#include "embedded_files.hpp"
#include "security/secrets.hpp"
#include "store/engine.hpp"
#include "web/http_io.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {
namespace {

std::string content_type_for(std::string_view path) {
    auto ends_with = [&](std::string_view suffix) {
        return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (ends_with(".css")) return "text/css; charset=utf-8";
    if (ends_with(".js")) return "text/javascript; charset=utf-8";
    if (ends_with(".svg")) return "image/svg+xml";
    if (ends_with(".png")) return "image/png";
    if (ends_with(".woff2")) return "font/woff2";
    return "application/octet-stream";
}

}  // namespace

namespace asset_routes {

// GET /healthz
void health(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    const int version = app.store->db->schema_version();
    send_json(res, 200,
              {{"status", "ok"},
               {"schema_version", version},
               {"database", std::string(store::engine_name(app.store->db->engine()))}});
}

}  // namespace asset_routes

void register_asset_routes(httplib::Server& server, WebApp& app) {
    // Assets are immutable for one build: long caching, revalidated by ETag.
    for (const auto& entry : embedded::all()) {
        constexpr std::string_view prefix = "src/web/assets/";
        if (entry.path.rfind(prefix, 0) != 0) continue;
        const std::string url = "/assets/" + std::string(entry.path.substr(prefix.size()));
        const std::string etag = "\"" + security::sha256_hex(entry.data).substr(0, 16) + "\"";
        const std::string type = content_type_for(entry.path);
        const std::string_view data = entry.data;
        server.Get(url, [etag, type, data](const httplib::Request& req, httplib::Response& res) {
            res.set_header("Cache-Control", "public, max-age=86400");
            res.set_header("ETag", etag);
            if (req.get_header_value("If-None-Match") == etag) {
                res.status = 304;
                return;
            }
            res.set_content(data.data(), data.size(), type);
        });
    }

    add_route(server, app, "GET", "/healthz", asset_routes::health);
}

}  // namespace cyberachat::web
