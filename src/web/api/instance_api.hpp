#pragma once
// GET /api/v1/instance (any hospital account): the hospital's identity; PUT /api/v1/instance
// (administrators): changes it — {hospital_name, contact_email, logo_png_base64} each optional,
// logo_png_base64 null removes the logo.
#include <httplib.h>

#include "web/web_app.hpp"

namespace cyberachat::web::instance_api {

void show(WebApp& app, const httplib::Request& req, httplib::Response& res);
void update(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::instance_api
