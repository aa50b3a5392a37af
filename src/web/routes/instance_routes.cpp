// The hospital's identity page and its logo.
#include "web/routes/instance_routes.hpp"

#include "web/access/access_guard.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/views/instance_page.hpp"

namespace cyberachat::web {

namespace instance_routes {

void identity_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    auto context = hospital_context(*caller, "Établissement");
    context.current_path = req.path;
    take_flash(req, res, app, context);
    send_html(res, 200, views::render_instance_page(context, {app.instance.identity(), {}, {}}));
}

void update_identity(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
    services::IdentityChange change;
    change.name = form_value(req, "name");
    change.contact_email = form_value(req, "contact_email");
    change.remove_logo = form_value(req, "remove_logo") == "1";
    if (req.is_multipart_form_data() && req.has_file("logo")) {
        const auto& file = req.get_file_value("logo");
        if (!file.filename.empty() && !file.content.empty()) change.logo_png = file.content;
    }
    views::InstancePageData data;
    data.values = {{"name", *change.name}, {"contact_email", *change.contact_email}};
    auto updated = app.instance.update_identity(std::move(change), caller->actor());
    if (!updated && updated.error().code == ErrorCode::invalid_value) {
        const nlohmann::json fields = updated.error().payload.value("fields", nlohmann::json::object());
        for (const auto& [field, message] : fields.items()) data.errors[field] = message.get<std::string>();
        data.identity = app.instance.identity();
        auto context = hospital_context(*caller, "Établissement");
        context.current_path = req.path;
        return send_html(res, 422, views::render_instance_page(context, data));
    }
    if (!updated) return send_error_page(res, updated.error(), hospital_context(*caller, "Établissement"));
    set_flash(res, app, "Identité de l'établissement enregistrée.");
    redirect(res, "/admin/instance");
}

void logo(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    const HospitalIdentity identity = app.instance.identity();
    if (!identity.has_logo()) return send_error_page(res, 404, "Aucun logo n'est défini. / No logo is set.");
    const std::string etag = "\"" + identity.logo_sha256.substr(0, 32) + "\"";
    // The address pages give carries the logo's hash: that one never changes (a new logo is a new
    // address); any other is checked again each time.
    const bool versioned = req.get_param_value("v") == identity.logo_sha256.substr(0, 16);
    res.headers.erase("Cache-Control");  // the server's default for dynamic answers (no-store)
    res.set_header("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "no-cache");
    res.set_header("ETag", etag);
    if (req.get_header_value("If-None-Match") == etag) {
        res.status = 304;
        return;
    }
    auto bytes = app.instance.logo_png();
    res.status = 200;
    res.set_content(*bytes, "image/png");
}

}  // namespace instance_routes

void register_instance_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/admin/instance", instance_routes::identity_page);
    add_route(server, app, "POST", "/admin/instance", instance_routes::update_identity);
    add_route(server, app, "GET", "/instance/logo.png", instance_routes::logo);
}

}  // namespace cyberachat::web
