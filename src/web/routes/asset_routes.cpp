// Static assets embedded in the binary, and the health check.
#include "web/routes/asset_routes.hpp"

#include "web/access/access_guard.hpp"

#include "store/engine.hpp"
#include "web/http_io.hpp"
#include "web/response_compression.hpp"
#include "web/routes/routes.hpp"
#include "web/views/asset_catalog.hpp"

namespace cyberachat::web {
namespace {

// An asset as sent: its bytes, and their gzip at the highest level, made once at start-up (the
// response compression would make it at level 1 at each request).
struct ServedAsset {
    const views::Asset& asset;
    std::string gzipped;  // empty when not worth it (small, or not text)
};

// Headers that only mean something on a document: a stylesheet, a script or a JSON file is no
// page to frame, to refer from or to restrict (an SVG, which a browser may open as a document,
// keeps them).
void drop_document_headers(httplib::Response& res, const views::Asset& asset) {
    if (asset.content_type.rfind("image/svg", 0) == 0) return;
    for (const char* name : {"Content-Security-Policy", "X-Frame-Options", "Referrer-Policy"}) res.headers.erase(name);
}

// One asset under one address: `cache_control` tells how long a browser may keep it.
void serve_asset(httplib::Server& server, const std::string& url, const ServedAsset& served,
                 const std::string& cache_control) {
    server.Get(url, [&served, cache_control](const httplib::Request& req, httplib::Response& res) {
        const views::Asset& asset = served.asset;
        res.headers.erase("Cache-Control");  // the server's default for dynamic answers (no-store)
        res.set_header("Cache-Control", cache_control);
        res.set_header("ETag", asset.etag);
        drop_document_headers(res, asset);
        if (req.get_header_value("If-None-Match") == asset.etag) {
            res.status = 304;
            return;
        }
        if (served.gzipped.empty()) return res.set_content(asset.data.data(), asset.data.size(), asset.content_type);
        res.set_header("Vary", "Accept-Encoding");
        if (!request_accepts_gzip(req)) return res.set_content(asset.data.data(), asset.data.size(), asset.content_type);
        res.set_header("Content-Encoding", "gzip");  // the response compression leaves it as it is
        res.set_content(served.gzipped.data(), served.gzipped.size(), asset.content_type);
    });
}

const std::vector<ServedAsset>& served_assets() {
    static const std::vector<ServedAsset> served = [] {
        std::vector<ServedAsset> out;
        for (const views::Asset& asset : views::asset_catalog()) {
            const bool worth_it = asset.data.size() >= 1024 && is_compressible_type(asset.content_type);
            out.push_back(ServedAsset{asset, worth_it ? gzip_smallest(asset.data) : std::string()});
        }
        return out;
    }();
    return served;
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
    for (const ServedAsset& served : served_assets()) {
        serve_asset(server, served.asset.hashed_url, served, "public, max-age=31536000, immutable");
        serve_asset(server, served.asset.plain_url, served, "no-cache");
        // What browsers ask for by themselves, at the site's root.
        if (served.asset.name == "favicon.svg") serve_asset(server, "/favicon.ico", served, "public, max-age=86400");
    }

    add_route(server, app, "GET", "/healthz", asset_routes::health);
}

}  // namespace cyberachat::web
