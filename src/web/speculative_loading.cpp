#include "web/speculative_loading.hpp"

#include "web/views/asset_catalog.hpp"

namespace cyberachat::web {

bool is_prerender_request(const httplib::Request& req) {
    // "prefetch;prerender" (Chromium); a plain "prefetch" only fetches, nothing is shown either.
    const std::string purpose = req.get_header_value("Sec-Purpose");
    if (purpose.find("prerender") != std::string::npos) return true;
    // app.js preparing the next or previous section to show it in place (fetch may not set Sec-*).
    return req.get_header_value(kPreparedPageHeader) == "section";
}

void offer_speculation_rules(httplib::Response& res) {
    // A structured header: a list of quoted URLs.
    res.set_header("Speculation-Rules", "\"" + views::asset_url("speculation-rules.json") + "\"");
}

}  // namespace cyberachat::web
