#pragma once
#include <httplib.h>

#include <string>
#include <string_view>

#include "core/acquisition.hpp"
#include "web/web_app.hpp"

namespace cyberachat::web {

// The Content-Type a stored document is sent with: its detected type when it is on an allow-list
// of types no browser runs as a page (PDF, raster images, office documents, zip, plain text,
// CSV), without parameters; anything else (HTML, SVG, XHTML, XML, JavaScript, unknown…) becomes
// application/octet-stream, so that uploaded bytes are never interpreted by the browser.
std::string safe_download_type(std::string_view detected_type);

// Sends a stored document as an attachment (never rendered inline): a safe type (above),
// `Content-Security-Policy: sandbox; default-src 'none'` (a browser that opens it anyway runs
// nothing and loads nothing) and `X-Content-Type-Options: nosniff`.
void send_document(WebApp& app, httplib::Response& res, const StoredDocument& document);

// The document whose id is the path's number (for the hospital, who sees every response's).
Result<StoredDocument> find_document_by_path(WebApp& app, const httplib::Request& req);
// The document whose id is the path's number, when it belongs to response `response_id`:
// "not_found" otherwise (another vendor's document is as if it did not exist), "storage" when
// the read failed.
Result<StoredDocument> find_response_document(WebApp& app, const httplib::Request& req, Id response_id);

}  // namespace cyberachat::web
