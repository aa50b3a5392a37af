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
#include <httplib.h>

namespace cyberachat::web {

// Whether the browser is prerendering this page (Speculation Rules), not showing it.
bool is_prerender_request(const httplib::Request& req);

// Adds the `Speculation-Rules` header to a vendor page.
void offer_speculation_rules(httplib::Response& res);

}  // namespace cyberachat::web
