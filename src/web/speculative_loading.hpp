#pragma once
// The vendor's next section is loaded before it clicks: a section page carries a
// `Speculation-Rules` header naming the rules (src/web/assets/speculation-rules.json: prerender
// the page its "next" link points to at once, any other section link — the previous one too — on
// hover: vendors mostly go forward, and each prerender costs the server a page),
// so the content security policy keeps forbidding inline scripts. A browser without the feature
// ignores the header; the links work as before.
//
// A prerendered page is built before the vendor sees it, perhaps never shown: its request carries
// `Sec-Purpose: prefetch;prerender`, and it must change nothing (no flash message taken, no
// section marked as seen). When it is shown, app.js asks GET /api/v1/vendor/sections/{id}/state
// for what may have changed since (progress, complete marks, branching, answers saved meanwhile)
// and updates the page, or reloads it when one of its own answers changed (docs/performance.md).
//
// Where it can, app.js does better than a prerender: it fetches the next and previous sections'
// pages itself once the page is idle (`X-Cyberachat-Prepare: section`, treated as a prerender
// here) and, on the click, swaps the page's body for the prepared one in place — no new document,
// which is most of what a prerendered page still costs when it is shown — then asks for the same
// state as a prerendered page does.
#include <httplib.h>

namespace cyberachat::web {

// The request header app.js sends when it prepares a section page to show in place.
inline constexpr const char* kPreparedPageHeader = "X-Cyberachat-Prepare";

// Whether the browser is prerendering this page (Speculation Rules), or app.js preparing it to
// show in place: built before the vendor sees it, perhaps never shown.
bool is_prerender_request(const httplib::Request& req);

// Adds the `Speculation-Rules` header to a vendor page.
void offer_speculation_rules(httplib::Response& res);

}  // namespace cyberachat::web
