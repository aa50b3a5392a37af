#include "web/views/asset_catalog.hpp"

#include "core/fnv_hash.hpp"
#include "embedded_files.hpp"
#include "web/views/asset_minifier.hpp"

namespace cyberachat::web::views {
namespace {

constexpr std::string_view kAssetFolder = "src/web/assets/";

// 48 bits of FNV-1a over the bytes, in hex: enough to tell builds apart.
std::string content_hash(std::string_view data) { return FnvHash().add(data).hex(12); }

std::string asset_content_type(std::string_view name) {
    if (name.ends_with(".css")) return "text/css; charset=utf-8";
    if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
    if (name.ends_with(".svg")) return "image/svg+xml";
    if (name.ends_with(".png")) return "image/png";
    if (name.ends_with(".woff2")) return "font/woff2";
    // Speculation rules are read by the browser only with their own type.
    if (name.ends_with("speculation-rules.json")) return "application/speculationrules+json";
    if (name.ends_with(".json")) return "application/json";
    return "application/octet-stream";
}

// What is sent of an asset: the stylesheet and the script without their comments and indentation;
// JSON with its lines trimmed; the rest as it is.
std::string served_bytes(std::string_view name, std::string_view source) {
    if (name.ends_with(".css")) return minify_css(source);
    if (name.ends_with(".js")) return minify_js(source);
    if (name.ends_with(".json")) return minify_js(source);  // JSON has no comment lines: only the indentation goes
    return std::string(source);
}

}  // namespace

std::string hashed_asset_name(std::string_view name, std::string_view data) {
    const size_t dot = name.rfind('.');
    const std::string hash = content_hash(data);
    if (dot == std::string_view::npos) return std::string(name) + "." + hash;
    return std::string(name.substr(0, dot)) + "." + hash + std::string(name.substr(dot));
}

const std::vector<Asset>& asset_catalog() {
    static const std::vector<Asset> catalog = [] {
        std::vector<Asset> assets;
        for (const auto& entry : embedded::all()) {
            if (entry.path.rfind(kAssetFolder, 0) != 0) continue;
            const std::string name(entry.path.substr(kAssetFolder.size()));
            std::string data = served_bytes(name, entry.data);
            const std::string hashed = hashed_asset_name(name, data);
            const std::string etag = "\"" + content_hash(data) + "\"";
            assets.push_back(Asset{name, "/assets/" + name, "/assets/" + hashed, etag, asset_content_type(name),
                                   std::move(data)});
        }
        return assets;
    }();
    return catalog;
}

const std::string& asset_url(std::string_view name) {
    for (const Asset& asset : asset_catalog())
        if (asset.name == name) return asset.hashed_url;
    static const std::string unknown = "/assets/unknown";
    return unknown;
}

}  // namespace cyberachat::web::views
