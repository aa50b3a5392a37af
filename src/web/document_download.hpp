#pragma once
#include <httplib.h>

#include "core/acquisition.hpp"
#include "web/web_app.hpp"

namespace cyberachat::web {

// Sends a stored document as an attachment (never rendered inline), with its detected type.
void send_document(WebApp& app, httplib::Response& res, const StoredDocument& document);

}  // namespace cyberachat::web
