#pragma once
// The static assets embedded in the binary (src/web/assets/), each under two addresses:
//   /assets/app.js                the plain name: revalidated (ETag), for anything that links it by name;
//   /assets/app.3f9c2a61d0be.js   its content-hashed name: a new build with other bytes gets another
//                                 name, so this one is served `immutable` for a year.
// Pages link the hashed names (asset_url), so a browser never asks again for an asset it holds.
// The hash is of the bytes served (the stylesheet and the script without comments and indentation).
#include <string>
#include <string_view>
#include <vector>

namespace cyberachat::web::views {

struct Asset {
    std::string name;          // "app.js"
    std::string plain_url;     // "/assets/app.js"
    std::string hashed_url;    // "/assets/app.3f9c2a61d0be.js"
    std::string etag;          // "\"3f9c2a61d0be\""
    std::string content_type;  // "text/javascript; charset=utf-8"
    std::string data;          // what is sent: the stylesheet and the script minified (asset_minifier.hpp)
};

// Every embedded asset, computed once.
const std::vector<Asset>& asset_catalog();

// The content-hashed address of the asset `name` ("app.css"); "/assets/unknown" if there is none.
const std::string& asset_url(std::string_view name);

// The content-hashed name of `name` for `data`: the hash before the last extension.
std::string hashed_asset_name(std::string_view name, std::string_view data);

}  // namespace cyberachat::web::views
