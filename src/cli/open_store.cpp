#include "cli/open_store.hpp"

#include <spdlog/spdlog.h>

#include <cctype>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "core/answer_validation.hpp"
#include "core/utf8.hpp"
#include "core/ascii_text.hpp"
#include "security/secrets.hpp"
#include "services/account_service.hpp"

namespace cyberachat::cli {

namespace {

// The one store a command opens: a data directory (SQLite) or a PostgreSQL URL, never both.
struct ResolvedStoreLocation {
    std::string data_dir;
    std::string database_url;
    bool from_environment = false;  // database_url is CYBERACHAT_DATABASE_URL's
};

Result<ResolvedStoreLocation> resolve_store_location(const StoreLocation& location) {
    const bool data_given = std::any_of(location.data_options.begin(), location.data_options.end(),
                                        [](const CLI::Option* option) { return option->count() > 0; });
    if (!location.database_url.empty()) {
        if (data_given)
            return Error::make(ErrorCode::invalid_value,
                               "--database et --data s'excluent : une seule base par commande (--data DOSSIER pour "
                               "SQLite, --database URL pour PostgreSQL).",
                               "--database and --data exclude each other: one database per command (--data DIR for "
                               "SQLite, --database URL for PostgreSQL).");
        return ResolvedStoreLocation{{}, location.database_url, false};
    }
    if (!data_given)
        if (const char* url = std::getenv(kDatabaseUrlVariable); url && *url) return ResolvedStoreLocation{{}, url, true};
    return ResolvedStoreLocation{location.data_dir, {}, false};
}

}  // namespace

void add_store_options(CLI::App* command, StoreLocation& location) {
    location.data_options.push_back(
        command->add_option("--data", location.data_dir, "Répertoire des données (base SQLite et documents)")
            ->capture_default_str());
    command->add_option("--database", location.database_url,
                        std::string("Base PostgreSQL à utiliser au lieu de --data : postgresql://utilisateur@hôte/base "
                                    "(mot de passe : PGPASSWORD ou ~/.pgpass ; à défaut des deux options, la "
                                    "variable d'environnement ") +
                            kDatabaseUrlVariable + ")");
}

std::shared_ptr<store::Store> open_store_or_report(const StoreLocation& location, size_t connections) {
    if (!security::initialize()) {
        std::cerr << "libsodium ne démarre pas.\n";
        return nullptr;
    }
    auto resolved = resolve_store_location(location);
    if (!resolved) {
        std::cerr << resolved.error().message.fr << " / " << resolved.error().message.in(Language::en) << "\n";
        return nullptr;
    }
    if (resolved->database_url.empty()) {
        auto opened = store::Store::open(resolved->data_dir, connections);
        if (!opened) {
            std::cerr << "Impossible d'ouvrir la base de données dans « " << resolved->data_dir
                      << " » : " << opened.error().message.fr << "\n";
            return nullptr;
        }
        return opened.value();
    }
    // Never the URL itself in a message: it may hold a password. Not even redacted when it is not
    // a postgresql:// URL (a key=value string would keep its password=…).
    const std::string origin = resolved->from_environment ? std::string(kDatabaseUrlVariable) + " : " : "";
    if (auto engine = store::engine_of_url(resolved->database_url); !engine) {
        std::cerr << origin << engine.error().message.fr << " / " << engine.error().message.in(Language::en) << "\n";
        return nullptr;
    }
    auto opened = store::Store::open_postgresql(resolved->database_url, connections);
    if (!opened) {
        const std::string shown = store::redact_database_url(resolved->database_url);
        std::string detail = opened.error().message.fr;  // libpq's own words after a connection failure
        while (!detail.empty() && std::isspace(static_cast<unsigned char>(detail.back()))) detail.pop_back();
        std::cerr << origin << "Impossible d'ouvrir la base PostgreSQL « " << shown
                  << " » (serveur injoignable, accès refusé, base absente ?). / Cannot open the PostgreSQL database \""
                  << shown << "\" (server unreachable, access refused, no such database?).\n"
                  << detail << "\n";
        return nullptr;
    }
    return opened.value();
}

std::string describe_store(const StoreLocation& location) {
    auto resolved = resolve_store_location(location);
    if (!resolved) return {};
    if (resolved->database_url.empty()) return "SQLite, dossier " + resolved->data_dir;
    return "PostgreSQL, " + store::redact_database_url(resolved->database_url);
}

std::string store_options_text(const StoreLocation& location) {
    auto resolved = resolve_store_location(location);
    if (!resolved) return {};
    if (resolved->database_url.empty()) return " --data " + resolved->data_dir;
    if (resolved->from_environment) return {};  // the next command reads the same variable
    return " --database " + store::redact_database_url(resolved->database_url);
}

void sweep_document_leftovers(store::Store& store) {
    // An hour: an upload in progress (here, or in another process or instance on the same
    // folder or database) is never touched. Files on SQLite, chunks on PostgreSQL.
    const auto sweep = store.documents.sweep_orphans(std::chrono::hours(1));
    for (const auto& path : sweep.removed)
        spdlog::info("documents: leftover content removed (no document points to it): {}",
                     std::filesystem::path(path).filename().string());
    for (const auto& path : sweep.failed)
        spdlog::warn("documents: leftover content could not be removed: {}", std::filesystem::path(path).filename().string());
}

std::optional<User> find_account_or_report(store::Store& store, const std::string& email_input) {
    std::string email = email_input;
    for (char& c : email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto found = store.users.find_by_email(email);
    if (found) return *found;
    std::cerr << (found.error().code == ErrorCode::not_found ? "Aucun compte pour « " + email + " »."
                                                             : found.error().message.fr)
              << "\n";
    return std::nullopt;
}

namespace {

// The e-mail (lower-cased) and role of a new account, or nullopt after saying what is wrong.
std::optional<std::pair<std::string, Role>> new_account_identity(const std::string& email_input,
                                                                 const std::string& role_name_input) {
    auto email = validate_email(email_input);
    if (!email) {
        std::cerr << "Adresse e-mail invalide : « " << email_input << " »\n";
        return std::nullopt;
    }
    auto role = parse_role(role_name_input);
    if (!role) {
        std::cerr << "Rôle inconnu « " << role_name_input << " » : admin, biomedical, it ou buyer.\n";
        return std::nullopt;
    }
    std::string lowered = *email;
    for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::make_pair(lowered, *role);
}

bool store_new_account(store::Store& store, const User& user) {
    auto created = store.users.create(user, Actor("system:cli", Via::cli));
    if (!created) {
        std::cerr << (created.error().code == ErrorCode::conflict ? "Un compte existe déjà pour " + user.email
                                                          : created.error().message.fr)
                  << "\n";
        return false;
    }
    return true;
}

}  // namespace

bool create_directory_user(store::Store& store, const std::string& email_input, const std::string& role_name_input) {
    auto identity = new_account_identity(email_input, role_name_input);
    if (!identity) return false;
    User user;
    user.email = identity->first;
    user.display_name = user.email;
    user.role = identity->second;
    user.origin = "directory";  // no password hash: it never logs in locally
    if (!store_new_account(store, user)) return false;
    std::cout << "Compte de l'annuaire créé : " << user.email << " (" << role_label_fr(user.role)
              << ") ; il se connecte avec son mot de passe de l'annuaire.\n";
    return true;
}

bool create_user(store::Store& store, const std::string& email_input, const std::string& role_name_input,
                 std::string password, bool print_generated) {
    auto identity = new_account_identity(email_input, role_name_input);
    if (!identity) return false;
    const Role* role = &identity->second;
    // The password policy (security/password_policy.hpp) applies to a given one; a generated one passes it.
    auto created = services::AccountService(store).create(services::NewAccount{identity->first, "", *role, password}, "system:cli");
    if (!created) {
        const Error& error = created.error();
        std::cerr << (error.code == ErrorCode::conflict
                          ? "Un compte existe déjà pour " + std::string(lower_ascii(trim(email_input)))
                          : error.message.fr + " / " + error.message.in(Language::en))
                  << "\n";
        return false;
    }
    std::cout << "Compte créé : " << created->user.email << " (" << role_label_fr(*role) << ")\n";
    if (!created->generated_password.empty() && print_generated)
        std::cout << "Mot de passe (affiché une seule fois, notez-le) : " << created->generated_password << "\n";
    return true;
}

}  // namespace cyberachat::cli
