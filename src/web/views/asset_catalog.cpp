#include "web/views/asset_catalog.hpp"

#include "core/fnv_hash.hpp"
#include "embedded_files.hpp"
#include "web/views/asset_minifier.hpp"

namespace cyberachat::web::views {
namespace {

constexpr std::string_view kAssetFolder = "src/web/assets/";

// 48 bits of FNV-1a over the bytes, in hex: enough to tell builds apart.
std::string content_hash(std::string_view data) { return FnvHash().add(data).hex(12); }

bool has_suffix(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string asset_content_type(std::string_view name) {
    if (has_suffix(name, ".css")) return "text/css; charset=utf-8";
    if (has_suffix(name, ".js")) return "text/javascript; charset=utf-8";
    if (has_suffix(name, ".svg")) return "image/svg+xml";
    if (has_suffix(name, ".png")) return "image/png";
    if (has_suffix(name, ".woff2")) return "font/woff2";
    // Speculation rules are read by the browser only with their own type.
    if (has_suffix(name, "speculation-rules.json")) return "application/speculationrules+json";
    if (has_suffix(name, ".json")) return "application/json";
    return "application/octet-stream";
}

// What is sent of an asset: the stylesheet and the script without their comments and indentation;
// JSON with its lines trimmed; the rest as it is.
std::string served_bytes(std::string_view name, std::string_view source) {
    if (has_suffix(name, ".css")) return minify_css(source);
    if (has_suffix(name, ".js")) return minify_js(source);
    if (has_suffix(name, ".json")) return minify_js(source);  // JSON has no comment lines: only the indentation goes
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
