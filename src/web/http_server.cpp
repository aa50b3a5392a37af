#include "web/http_server.hpp"

#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <string_view>

#include "web/connection_server.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/response_compression.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {

namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// A run of 32 or more base64url characters mixing upper and lower case: the shape of every secret
// Cyberachat issues (random_token: 43 characters), never of a question id or a route.
bool holds_secret_shape(std::string_view segment) {
    size_t run = 0;
    bool upper = false, lower = false;
    for (char c : segment) {
        const bool base64url = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
        if (!base64url) {
            run = 0;
            upper = lower = false;
            continue;
        }
        ++run;
        upper |= std::isupper(static_cast<unsigned char>(c)) != 0;
        lower |= std::islower(static_cast<unsigned char>(c)) != 0;
        if (run >= 32 && upper && lower) return true;
    }
    return false;
}

}  // namespace

std::string redact_path(const std::string& path) {
    std::string redacted;
    redacted.reserve(path.size());
    bool after_invitation = false;
    size_t start = 0;
    while (true) {
        const size_t slash = path.find('/', start);
        const std::string_view segment =
            std::string_view(path).substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (!segment.empty() && (after_invitation || holds_secret_shape(segment))) redacted += "[secret]";
        else redacted += segment;
        if (equals_ignoring_case(segment, "invitation")) after_invitation = true;
        if (slash == std::string::npos) break;
        redacted += '/';
        start = slash + 1;
    }
    return redacted;
}

std::unique_ptr<httplib::Server> make_server(WebApp& app, const ConnectionLimits& limits) {
    // Threads, keep-alive, timeouts and when a connection must close: connection_server.hpp.
    auto server = std::make_unique<ConnectionServer>(limits);
    server->set_tcp_nodelay(true);
    server->set_keep_alive_max_count(10000);
    server->set_payload_max_length(app.config.max_document_bytes + 2 * 1024 * 1024);

    install_response_compression(*server, &app.compressed_bodies);
    // SO_REUSEADDR (a restart binds at once) but not httplib's default SO_REUSEPORT, which would let
    // a second instance bind the same port and share its connections instead of failing.
    server->set_socket_options([&app](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
        app.listening_socket = sock;
    });
    server->set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        hide_accept_encoding_from_httplib(req);
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("X-Frame-Options", "DENY");
        res.set_header("Referrer-Policy", "no-referrer");
        res.set_header("Content-Security-Policy",
                       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                       "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        if (req.path.rfind("/assets/", 0) != 0) res.set_header("Cache-Control", "no-store");
        if (!request_text_is_utf8(req)) {  // the address or the query: forms are checked with their CSRF token
            const std::string message = "Adresse illisible (encodage autre que UTF-8). / Unreadable address (not UTF-8).";
            if (is_api_path(req.path)) send_json_error(res, Error::make(ErrorCode::bad_request, message));
            else send_error_page(res, 400, message);
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });

    server->set_logger([](const httplib::Request& req, const httplib::Response& res) {
        spdlog::info("{} {} {}", req.method, redact_path(req.path), res.status);
    });

    httplib::Server::HandlerWithResponse error_handler = [](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        // httplib itself refused the request (headers or body unreadable, a multipart body it could
        // not parse or of more than 1,024 parts, too large): whatever is left of it on the
        // connection must never be read as the next request.
        if (res.status == 400 || res.status == 413 || res.status == 414) close_connection_after_response(req);
        std::string message;
        switch (res.status) {
            case 404: message = "Page introuvable. / Page not found."; break;
            case 413: message = "Envoi trop volumineux. / Upload too large."; break;
            case 400:
                message = req.is_multipart_form_data()
                              ? "Envoi multipart illisible, ou de plus de 1 024 parties. / "
                                "Unreadable multipart upload, or more than 1,024 parts."
                              : "Requête invalide. / Bad request.";
                break;
            case 405: message = "Méthode non permise. / Method not allowed."; break;
            default: message = "Erreur. / Error."; break;
        }
        if (is_api_path(req.path)) {
            const ErrorCode code = res.status == 404   ? ErrorCode::not_found
                                   : res.status == 413 ? ErrorCode::too_large
                                   : res.status == 405 ? ErrorCode::method_not_allowed
                                   : res.status < 500  ? ErrorCode::bad_request
                                                       : ErrorCode::internal;
            send_json(res, res.status, error_json(Error::make(code, message), Language::fr));  // httplib's status kept
        } else {
            send_error_page(res, res.status, message);
        }
        return httplib::Server::HandlerResponse::Handled;
    };
    server->set_error_handler(std::move(error_handler));

    server->set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
        try {
            if (error) std::rethrow_exception(error);
        } catch (const std::exception& e) {
            spdlog::error("{} {}: unexpected error: {}", req.method, redact_path(req.path), e.what());
        } catch (...) {
            spdlog::error("{} {}: unexpected error", req.method, redact_path(req.path));
        }
        const std::string message = "Erreur interne : rien n'a été perdu de ce qui était déjà enregistré. Réessayez. / "
                                    "Internal error: nothing already saved was lost. Please try again.";
        if (is_api_path(req.path)) send_json_error(res, Error::make(ErrorCode::internal, message));
        else send_error_page(res, 500, message);
    });

    register_asset_routes(*server, app);
    register_auth_routes(*server, app);
    register_acquisition_routes(*server, app);
    register_response_routes(*server, app);
    register_purchase_life_routes(*server, app);
    register_purchase_life_api(*server, app);
    register_vendor_routes(*server, app);
    register_acquisition_api(*server, app);
    register_vendor_api(*server, app);
    register_flowchart_routes(*server, app);
    register_flowchart_api(*server, app);
    register_xlsx_routes(*server, app);
    register_xlsx_api(*server, app);
    register_manufacturer_import_routes(*server, app);
    register_manufacturer_import_api(*server, app);
    register_reuse_routes(*server, app);
    register_reuse_api(*server, app);
    register_vendor_history_routes(*server, app);
    register_vendor_history_api(*server, app);
    register_export_api(*server, app);
    register_evaluation_routes(*server, app);
    register_evaluation_api(*server, app);
    register_member_routes(*server, app);
    register_member_api(*server, app);
    register_account_routes(*server, app);
    register_user_admin_routes(*server, app);
    register_instance_routes(*server, app);
    register_instance_api(*server, app);
    register_questionnaire_library_routes(*server, app);
    register_purchase_question_routes(*server, app);
    register_questionnaire_library_api(*server, app);
    register_statistics_routes(*server, app);
    register_archive_restore_routes(*server, app);
    register_archive_restore_api(*server, app);
    register_user_api(*server, app);
    register_token_api(*server, app);
    register_journal_routes(*server, app);
    register_journal_api(*server, app);
    register_message_routes(*server, app);
    register_message_api(*server, app);
    return server;
}

void widen_listen_backlog(const WebApp& app) {
    if (app.listening_socket >= 0) ::listen(app.listening_socket, SOMAXCONN);  // Linux updates the backlog
}

}  // namespace cyberachat::web
