#pragma once
// API v1 (docs/api.md): POST /api/v1/acquisitions/restore (biomedical engineers) restores a
// purchase's archive — the zip of GET /api/v1/acquisitions/{id}/archive.zip, as the raw body
// (Content-Type application/zip) or a multipart part `archive` — as a new purchase led by the
// caller: 201 with the purchase; 422 invalid_archive, and nothing written, for a file refused.
#include <httplib.h>

#include "web/web_app.hpp"

namespace cyberachat::web::archive_restore_api {

void restore(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::archive_restore_api
