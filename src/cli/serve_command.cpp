// `cyberachat serve`: the web application, on an embedded SQLite database or on PostgreSQL.
#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdlib>
#include <optional>
#include <cstdio>
#include <iostream>
#include <algorithm>
#include <thread>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "definition/builtin_definition.hpp"
#include "directory/ldap_config.hpp"
#include "mail/smtp_settings.hpp"
#include "mail/smtp_transport.hpp"
#include "services/mail_delivery.hpp"
#include "web/http_server.hpp"

namespace cyberachat::cli {
namespace {

// --parallel-requests 0: a turn per core computes (the others wait, asleep); with PostgreSQL each
// read waits for the database server's answer, so four per core keep the cores busy.
size_t automatic_parallel_requests(store::Engine engine) {
    const size_t cores = std::max(1u, std::thread::hardware_concurrency());
    return engine == store::Engine::postgresql ? 4 * cores : cores;
}

struct ServeOptions {
    web::ServerConfig config;
    StoreLocation store;
    std::string admin_email = "admin@cyberachat.local";
    size_t max_upload_mb = 50;
    size_t vendor_quota_mb = 500;
    size_t compression_cache_mb = 32;
    size_t page_cache_mb = 32;
    size_t parallel_requests = 0;  // 0: automatic (from the cores and the engine)
    web::ConnectionLimits connections;
    size_t db_connections = 16;  // shared by every worker thread: each request leases one per read or write
    std::string ldap_config;     // the directory's YAML file; empty: local accounts only
    std::string smtp_url;        // empty: messages wait in the outbox
    std::string smtp_from, smtp_user, smtp_password_file, smtp_ca_file;
    std::vector<int> reminder_days{7, 3, 1};
    int mail_interval_seconds = 5;
    int reminder_planning_seconds = 60;
};

// The SMTP settings of --smtp-url… (the password from its file or CYBERACHAT_SMTP_PASSWORD), or
// none; exits with the mistake otherwise.
std::optional<mail::SmtpSettings> smtp_settings_or_exit(const ServeOptions& options) {
    if (options.smtp_url.empty()) return std::nullopt;
    auto settings = mail::make_smtp_settings(options.smtp_url, options.smtp_from, options.smtp_user,
                                             options.smtp_password_file, std::getenv("CYBERACHAT_SMTP_PASSWORD"));
    Result<void> ca = settings && !options.smtp_ca_file.empty() ? mail::use_smtp_ca_file(*settings, options.smtp_ca_file)
                                                                 : Result<void>();
    const Error* mistake = !settings ? &settings.error() : !ca ? &ca.error() : nullptr;
    if (mistake) {
        std::cerr << mistake->message.fr << "\n" << mistake->message.in(Language::en) << "\n";
        throw CLI::RuntimeError(1);
    }
    return std::move(*settings);
}

// The directory of --ldap-config, read and checked before anything starts (its password once,
// from its file or CYBERACHAT_LDAP_PASSWORD); exits with the file's mistake otherwise.
std::shared_ptr<const directory::DirectoryClient> load_directory_or_exit(const std::string& path) {
    if (path.empty()) return nullptr;
    auto config = directory::load_ldap_config(path);
    if (!config) {
        std::cerr << config.error().message.fr << "\n" << config.error().message.in(Language::en) << "\n";
        throw CLI::RuntimeError(1);
    }
    // libldap writes to its sockets with write(): a directory that closes its end must not kill
    // the server with SIGPIPE (the HTTP side already sends with MSG_NOSIGNAL).
    std::signal(SIGPIPE, SIG_IGN);
    return std::make_shared<const directory::DirectoryClient>(std::move(*config));
}

void run_serve(const ServeOptions& options) {
    // Stop cleanly on SIGINT/SIGTERM: finish the requests in progress, nothing acknowledged is lost.
    // The signals are blocked before any thread starts (the log flusher, the workers), so that only
    // the stopper thread below receives them: delivered to another thread, SIGTERM would kill the
    // process on the spot, losing the log lines not yet flushed.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    auto directory = load_directory_or_exit(options.ldap_config);
    const auto smtp = smtp_settings_or_exit(options);
    auto store = open_store_or_report(options.store, options.db_connections);
    if (!store) throw CLI::RuntimeError(1);
    sweep_document_leftovers(*store);  // what interrupted uploads left (see DocumentRepository::sweep_orphans)
    web::ServerConfig config = options.config;
    config.max_document_bytes = options.max_upload_mb * 1024 * 1024;
    config.max_response_bytes = static_cast<std::uint64_t>(options.vendor_quota_mb) * 1024 * 1024;
    config.compression_cache_bytes = options.compression_cache_mb * 1024 * 1024;
    config.page_cache_bytes = options.page_cache_mb * 1024 * 1024;
    config.parallel_requests = options.parallel_requests ? options.parallel_requests
                                                         : automatic_parallel_requests(store->db->engine());

    // First start on an empty database: one administrator, its password generated and shown once.
    auto users = store->users.count();
    if (!users) {
        std::cerr << users.error().message.fr << "\n";
        throw CLI::RuntimeError(1);
    }
    if (*users == 0) {
        std::cout << "Base de données vide : création du compte administrateur.\n";
        if (!create_user(*store, options.admin_email, "admin", "", true)) throw CLI::RuntimeError(1);
    }

    spdlog::flush_every(std::chrono::seconds(1));
    web::WebApp app(store, config, builtin_afib_definition());
    app.directory = directory;
    // Outgoing e-mail: the worker plans reminders and, with an SMTP server, sends the outbox.
    app.mail.set_reminder_days(options.reminder_days);
    std::unique_ptr<mail::SmtpTransport> transport;
    std::unique_ptr<services::MailDelivery> delivery;
    if (smtp) {
        std::signal(SIGPIPE, SIG_IGN);  // a relay closing its end must not kill the server
        transport = std::make_unique<mail::SmtpTransport>(*smtp);
        delivery = std::make_unique<services::MailDelivery>(*store, app.mail, *transport);
        app.mail.set_delivery_configured(true);
    }
    services::MailWorker mail_worker(app.mail, delivery.get(), std::chrono::seconds(options.mail_interval_seconds),
                                     std::chrono::seconds(options.reminder_planning_seconds));
    auto server = web::make_server(app, options.connections);
    int port = config.port;
    if (port == 0) port = server->bind_to_any_port(config.bind);
    else if (!server->bind_to_port(config.bind, port)) port = -1;
    if (port <= 0) {
        std::cerr << "Impossible d'écouter sur " << config.bind << ":" << config.port
                  << " (port déjà utilisé ?). Choisissez-en un autre avec --port.\n";
        throw CLI::RuntimeError(1);
    }
    app.config.port = port;
    web::widen_listen_backlog(app);

    std::thread stopper([&server, signals] {
        int signal = 0;
        sigwait(&signals, &signal);
        spdlog::info("signal {} received: stopping", signal);
        server->stop();
    });

    std::cout << "Cyberachat écoute sur " << app.base_url() << "  (base de données : " << describe_store(options.store)
              << ")\n"
              << "Connectez-vous sur " << app.base_url() << "/login avec le compte administrateur.\n";
    if (directory) std::cout << "Annuaire : " << directory->config().describe() << "\n";
    if (smtp) std::cout << "Envoi des e-mails : " << mail::describe_smtp(*smtp) << "\n";
    else std::cout << "Aucun serveur d'envoi configuré (--smtp-url) : les messages attendent dans la boîte d'envoi.\n";
    std::cout << std::flush;
    mail_worker.start();
    server->listen_after_bind();
    mail_worker.stop();  // after the round in progress; what is not sent stays in the outbox
    spdlog::default_logger()->flush();
    std::fflush(stdout);
    if (stopper.joinable()) {
        pthread_kill(stopper.native_handle(), SIGTERM);
        stopper.join();
    }
}

}  // namespace

void register_serve_command(CLI::App& app) {
    auto options = std::make_shared<ServeOptions>();
    CLI::App* serve = app.add_subcommand(
        "serve", "Démarrer l'application web (base SQLite intégrée dans --data, ou PostgreSQL avec --database)");
    serve->add_option("--port", options->config.port, "Port d'écoute (0 : un port libre)")->capture_default_str();
    serve->add_option("--bind", options->config.bind, "Adresse d'écoute")->capture_default_str();
    add_store_options(serve, options->store);
    serve->add_option("--public-url", options->config.public_url,
                      "Adresse publique, pour les liens d'invitation (ex. https://cyberachat.chu.fr)");
    serve->add_flag("--secure-cookies", options->config.secure_cookies, "Cookies « Secure » (derrière HTTPS)");
    serve->add_option("--trusted-proxy", options->config.trusted_proxies,
                      "Adresse d'un proxy inverse sur une autre machine dont l'en-tête X-Forwarded-For est cru "
                      "(répétable ; celui de cette machine l'est toujours)");
    serve->add_option("--hospital-idle-minutes", options->config.hospital_idle_minutes,
                      "Fin d'une session de l'établissement après ce temps sans activité, en minutes")
        ->capture_default_str()
        ->check(CLI::Range(1, 24 * 60));
    serve->add_option("--vendor-idle-minutes", options->config.vendor_idle_minutes,
                      "Fin d'une session de fournisseur après ce temps sans activité, en minutes (le lien en rouvre une)")
        ->capture_default_str()
        ->check(CLI::Range(1, 7 * 24 * 60));
    serve->add_option("--session-max-hours", options->config.session_max_hours,
                      "Durée de vie absolue d'une session, en heures, même active (puis reconnexion)")
        ->capture_default_str()
        ->check(CLI::Range(1, 24 * 30));
    serve->add_option("--reset-link-minutes", options->config.reset_link_minutes,
                      "Durée de validité d'un lien de réinitialisation du mot de passe, en minutes")
        ->capture_default_str()
        ->check(CLI::Range(1, 7 * 24 * 60));
    serve->add_option("--retention-years", options->config.retention_years,
                      "Durée de conservation d'un achat archivé, en années après son archivage (annoncée sur ses pages ; "
                      "`cyberachat purge` supprime ceux qui l'ont dépassée)")
        ->capture_default_str()
        ->check(CLI::Range(1, 100));
    serve->add_option("--max-upload-mb", options->max_upload_mb, "Taille maximale d'un document, en Mo")->capture_default_str();
    serve->add_option("--vendor-quota-mb", options->vendor_quota_mb,
                      "Espace de stockage de chaque réponse de fournisseur (tous ses documents), en Mo")
        ->capture_default_str()
        ->check(CLI::Range(1, 1'000'000));
    serve->add_option("--max-connections", options->connections.max_connections,
                      "Requêtes reçues ou traitées en même temps, au plus (un fil chacune ; une connexion inactive "
                      "entre deux requêtes n'en occupe pas)")
        ->capture_default_str()
        ->check(CLI::Range(1, 65536));
    serve->add_option("--threads", options->connections.kept_threads,
                      "Fils de traitement démarrés d'avance et gardés (d'autres démarrent à la demande, jusqu'à "
                      "--max-connections)")
        ->capture_default_str();
    serve->add_option("--keep-alive-seconds", options->connections.keep_alive_seconds,
                      "Fermeture d'une connexion restée sans requête pendant ce délai, en secondes")
        ->capture_default_str()
        ->check(CLI::Range(1, 3600));
    serve->add_option("--header-timeout-seconds", options->connections.header_timeout_seconds,
                      "Délai pour recevoir la ligne et les en-têtes d'une requête, en secondes (au-delà : connexion fermée)")
        ->capture_default_str()
        ->check(CLI::Range(1, 300));
    serve->add_option("--db-connections", options->db_connections,
                      "Connexions à la base de données partagées par les fils de traitement")
        ->capture_default_str()
        ->check(CLI::Range(1, 256));
    serve->add_option("--compression-cache-mb", options->compression_cache_mb,
                      "Mémoire gardée pour ne pas recompresser une page identique à un envoi récent, en Mo (0 : aucune)")
        ->capture_default_str();
    serve->add_option("--parallel-requests", options->parallel_requests,
                      "Requêtes calculées en même temps, les autres attendant leur tour dans l'ordre (une requête qui "
                      "attend le disque ou l'annuaire laisse son tour) ; 0 : automatique, le nombre de cœurs (quatre "
                      "par cœur avec PostgreSQL, dont chaque lecture attend le serveur)")
        ->capture_default_str()
        ->check(CLI::Range(0, 4096));
    serve->add_option("--page-cache-mb", options->page_cache_mb,
                      "Mémoire gardée pour renvoyer une page de section d'un fournisseur sans la refaire tant que rien "
                      "de ce qu'elle montre n'a changé, en Mo (0 : aucune)")
        ->capture_default_str()
        ->check(CLI::Range(0, 4096));
    serve->add_option("--ldap-config", options->ldap_config,
                      "Connexion des comptes de l'établissement par l'annuaire (LDAP / Active Directory) : fichier "
                      "YAML (docs/deployment.md) ; mot de passe du compte de service dans son fichier ou la variable "
                      "CYBERACHAT_LDAP_PASSWORD");
    serve->add_option("--smtp-url", options->smtp_url,
                      "Serveur d'envoi des e-mails : smtp://hôte:port (STARTTLS s'il le propose) ou smtps://hôte:port ; "
                      "sans lui, les messages attendent dans la boîte d'envoi");
    serve->add_option("--smtp-from", options->smtp_from, "Adresse d'expédition des e-mails (obligatoire avec --smtp-url)");
    serve->add_option("--smtp-user", options->smtp_user, "Compte SMTP (authentification)");
    serve->add_option("--smtp-password-file", options->smtp_password_file,
                      "Fichier contenant le mot de passe SMTP (sinon la variable CYBERACHAT_SMTP_PASSWORD)");
    serve->add_option("--smtp-ca-file", options->smtp_ca_file,
                      "Certificats (PEM) de l'autorité qui a signé celui du relais SMTP (une AC interne), au lieu de ceux du système");
    serve->add_option("--reminder-days", options->reminder_days,
                      "Rappels aux fournisseurs qui n'ont pas soumis, en jours avant la date limite (heure de Paris)")
        ->delimiter(',')
        ->capture_default_str()
        ->check(CLI::Range(1, 365));
    serve->add_option("--mail-interval-seconds", options->mail_interval_seconds,
                      "Intervalle entre deux passages d'envoi des e-mails et de calcul des rappels, en secondes")
        ->capture_default_str()
        ->check(CLI::Range(1, 3600));
    serve->add_option("--reminder-planning-seconds", options->reminder_planning_seconds,
                      "Intervalle entre deux calculs des rappels et des avis de date limite dépassée, en secondes")
        ->capture_default_str()
        ->check(CLI::Range(1, 3600));
    serve->add_option("--admin-email", options->admin_email,
                      "Identifiant de l'administrateur créé au premier démarrage sur une base vide")->capture_default_str();
    serve->callback([options] { run_serve(*options); });
}

}  // namespace cyberachat::cli
