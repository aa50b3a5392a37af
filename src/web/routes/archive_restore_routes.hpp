#pragma once
// A purchase's archive restored from the pages (src/web/views/archive_restore_page.hpp), through
// ExportService::import_archive with the account restoring it as the purchase's lead.
#include <httplib.h>

#include "web/web_app.hpp"

namespace cyberachat::web::archive_restore_routes {

void restore_page(WebApp& app, const httplib::Request& req, httplib::Response& res);  // GET /acquisitions/restore
void restore(WebApp& app, const httplib::Request& req, httplib::Response& res);       // POST /acquisitions/restore

}  // namespace cyberachat::web::archive_restore_routes
