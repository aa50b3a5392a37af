// Static assets embedded in the binary, and the health check.
#include "web/routes/asset_routes.hpp"

#include "web/access/access_guard.hpp"

#include "store/engine.hpp"
#include "web/http_io.hpp"
#include "web/routes/routes.hpp"
#include "web/views/asset_catalog.hpp"

namespace cyberachat::web {
namespace {

// One asset under one address: `cache_control` tells how long a browser may keep it.
void serve_asset(httplib::Server& server, const std::string& url, const views::Asset& asset,
                 const std::string& cache_control) {
    server.Get(url, [&asset, cache_control](const httplib::Request& req, httplib::Response& res) {
        res.headers.erase("Cache-Control");  // the server's default for dynamic answers (no-store)
        res.set_header("Cache-Control", cache_control);
        res.set_header("ETag", asset.etag);
        if (req.get_header_value("If-None-Match") == asset.etag) {
            res.status = 304;
            return;
        }
        res.set_content(asset.data.data(), asset.data.size(), asset.content_type);
    });
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
    // The pages link the content-hashed names: kept a year, never revalidated. The plain names
    // (older pages, bookmarks, tools) are revalidated by ETag at each use.
    for (const views::Asset& asset : views::asset_catalog()) {
        serve_asset(server, asset.hashed_url, asset, "public, max-age=31536000, immutable");
        serve_asset(server, asset.plain_url, asset, "no-cache");
        // What browsers ask for by themselves, at the site's root.
        if (asset.name == "favicon.svg") serve_asset(server, "/favicon.ico", asset, "public, max-age=86400");
    }

    add_route(server, app, "GET", "/healthz", asset_routes::health);
}

}  // namespace cyberachat::web
