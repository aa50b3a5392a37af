#pragma once
// Everything a request handler may use: the store, the services, the server's settings.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "directory/directory_client.hpp"
#include "outputs/flowchart/flowchart_drawing.hpp"
#include "security/login_guard.hpp"
#include "security/password_check_gate.hpp"
#include "services/account_service.hpp"
#include "services/acquisition_service.hpp"
#include "services/export_service.hpp"
#include "services/instance_settings_service.hpp"
#include "services/questionnaire_library.hpp"
#include "services/journal_service.hpp"
#include "services/market_statistics_service.hpp"
#include "services/mail_service.hpp"
#include "services/evaluation_service.hpp"
#include "services/questionnaire_provider.hpp"
#include "services/report_service.hpp"
#include "services/response_service.hpp"
#include "services/team_service.hpp"
#include "services/answer_reuse_service.hpp"
#include "services/manufacturer_import_service.hpp"
#include "services/xlsx_import_service.hpp"
#include "store/repositories.hpp"
#include "web/compressed_body_cache.hpp"
#include "web/rendered_page_cache.hpp"
#include "web/request_gate.hpp"

namespace cyberachat::web {

struct ServerConfig {
    std::string bind = "127.0.0.1";
    int port = 8080;
    std::string public_url;            // e.g. https://cyberachat.chu-exemple.fr; default http://bind:port
    bool secure_cookies = false;       // set when served over HTTPS (behind a reverse proxy)
    std::vector<std::string> trusted_proxies;  // besides loopback: proxies whose X-Forwarded-For counts
    int hospital_idle_minutes = 60;    // hospital sessions end after this much inactivity
    int vendor_idle_minutes = 12 * 60; // vendor sessions too (the link opens a new one)
    int session_max_hours = 12;        // any session ends this long after it began, active or not
    size_t max_document_bytes = 50u * 1024 * 1024;
    std::uint64_t max_response_bytes = 500ull * 1024 * 1024;  // each vendor response's documents together
    size_t compression_cache_bytes = 32u * 1024 * 1024;  // gzip of recently sent bodies (0: off)
    size_t page_cache_bytes = 32u * 1024 * 1024;  // vendors' section pages, by what they are made of (0: off)
    size_t parallel_requests = 0;  // handlers computing at once, the others wait their turn (0: no limit; serve sets it)
    int reset_link_minutes = 30;       // a password reset link is valid this long
    int retention_years = 10;          // an archived purchase is kept this long after its archiving (`cyberachat purge`)
};

// The current questionnaire's blank workbook per language (fr, en), written on first request.
struct BlankWorkbookCache {
    std::mutex mutex;
    std::string bytes[2];
};

struct WebApp {
    std::shared_ptr<store::Store> store;
    ServerConfig config;
    services::QuestionnaireProvider questionnaires;  // the current questionnaire and each purchase's
    services::InstanceSettingsService instance{*store};  // the hospital's identity
    services::QuestionnaireLibrary library{*store, questionnaires};  // the versions a purchase can be created on
    // The e-mails queued in the outbox (serve's mail worker sends them); links use base_url().
    services::MailService mail{*store, system_clock(), [this] { return base_url(); }};
    services::ResponseService responses{*store, questionnaires,
                                        services::ServiceLimits{config.max_document_bytes, config.max_response_bytes},
                                        system_clock(), &mail};
    services::AcquisitionService acquisitions{*store, questionnaires, system_clock(), &mail};
    services::TeamService teams{*store};  // each purchase's members
    services::AccountService accounts{*store};
    flowchart::FlowchartCache flowcharts;  // charts laid out once per questionnaire version, part, language
    services::XlsxImportService xlsx{*store, responses,
                                     services::XlsxLimits{std::min<size_t>(config.max_document_bytes, 10u * 1024 * 1024)}};
    // MDS2 and SBOM imports (issue 16), their previews waiting in pending_xlsx like the Excel ones.
    services::ManufacturerImportService manufacturer_imports{
        *store, responses,
        services::ManufacturerImportLimits{std::min<size_t>(config.max_document_bytes, 10u * 1024 * 1024),
                                           std::min<size_t>(config.max_document_bytes, kMaxSbomBytes)}};
    services::AnswerReuseService reuse{*store, responses};  // a vendor starts from its company's earlier response
    services::PendingUploads pending_xlsx{store->pending_uploads};  // previews waiting for "apply" (pages; in the database)
    services::ReportService reports{*store, questionnaires, responses, flowcharts, &instance};
    services::EvaluationService evaluations{*store, questionnaires, responses, &mail};
    services::ExportService exports{*store, questionnaires, responses, evaluations};
    services::JournalService journal{*store, questionnaires};  // hospital only
    services::MarketStatisticsService statistics{*store, responses, evaluations};  // the market across purchases
    CompressedBodyCache compressed_bodies{config.compression_cache_bytes};
    RenderedPageCache vendor_pages{config.page_cache_bytes};  // section pages (web/vendor_section_page_key.hpp)
    RequestGate request_gate{config.parallel_requests, std::chrono::milliseconds(200)};  // turns to compute (web/request_gate.hpp)
    BlankWorkbookCache blank_workbooks;
    security::LoginGuard login_guard{store->login_counters};  // login attempts per account and address (in the database)
    // The hospital's directory (serve --ldap-config), or none: then local accounts only.
    std::shared_ptr<const directory::DirectoryClient> directory;
    // Directory logins waiting on the network at once: a slow directory holds at most this many
    // worker threads; beyond, the login answers 503 "server busy" (the argon2 gate is for CPU).
    security::PasswordCheckGate directory_logins{8, 16, std::chrono::milliseconds(5000)};
    int listening_socket = -1;  // set when the server binds (see widen_listen_backlog)

    // `current`: the questionnaire (and grid) new purchases get and the public pages show; the CLI
    // passes the built-in AFIB one (definition/builtin_definition.hpp).
    WebApp(std::shared_ptr<store::Store> s, ServerConfig c, QuestionnaireDefinition current)
        : store(std::move(s)), config(std::move(c)), questionnaires(*store, std::move(current)) {
        mail.set_identity_source([this] {
            const HospitalIdentity identity = instance.identity();
            return services::MailIdentity{identity.shown_name(), identity.contact_email,
                                          identity.has_logo() ? base_url() + identity.logo_path() : std::string()};
        });
        // An extension is e-mailed to each vendor it concerns (the journal already names who extended it).
        acquisitions.on_deadline_extended = [this](const services::DeadlineExtension& extension) {
            for (const VendorResponse& vendor : extension.vendors)
                if (!vendor.email.empty()) (void)mail.deadline_extended(vendor.id, Actor("system"));
        };
    }

    // The address users reach, without a trailing slash (--public-url may be written with one).
    std::string base_url() const {
        std::string url = config.public_url.empty() ? "http://" + config.bind + ":" + std::to_string(config.port)
                                                    : config.public_url;
        while (!url.empty() && url.back() == '/') url.pop_back();
        return url;
    }
    // A vendor's secret link.
    std::string invitation_url(const std::string& token) const { return base_url() + "/invitation/" + token; }
    // A password reset link.
    std::string reset_url(const std::string& token) const { return base_url() + "/reset-password/" + token; }
};

}  // namespace cyberachat::web
