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
#include "security/secrets.hpp"

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

bool create_user(store::Store& store, const std::string& email_input, const std::string& role_name_input,
                 std::string password, bool print_generated) {
    auto email = validate_email(email_input);
    if (!email) {
        std::cerr << "Adresse e-mail invalide : « " << email_input << " »\n";
        return false;
    }
    auto role = parse_role(role_name_input);
    if (!role) {
        std::cerr << "Rôle inconnu « " << role_name_input << " » : admin, biomedical, it ou buyer.\n";
        return false;
    }
    const bool generated = password.empty();
    if (generated) password = security::generate_password();
    // Counted in characters (code points), not bytes: "éééééé" is 12 bytes but 6 characters.
    if (!is_valid_utf8(password)) {
        std::cerr << "Mot de passe illisible : il doit être du texte UTF-8. / Unreadable password: it must be UTF-8 text.\n";
        return false;
    }
    if (utf8_character_count(password) < kMinimumPasswordCharacters) {
        std::cerr << "Mot de passe trop court : " << kMinimumPasswordCharacters
                  << " caractères au moins. / Password too short: at least " << kMinimumPasswordCharacters
                  << " characters.\n";
        return false;
    }
    User user;
    user.email = *email;
    for (char& c : user.email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    user.display_name = user.email;
    user.role = *role;
    user.password_hash = security::hash_password(password);
    auto created = store.users.create(user, Actor("system:cli", Via::cli));
    if (!created) {
        std::cerr << (created.error().code == ErrorCode::conflict ? "Un compte existe déjà pour " + user.email
                                                          : created.error().message.fr)
                  << "\n";
        return false;
    }
    std::cout << "Compte créé : " << user.email << " (" << role_label_fr(*role) << ")\n";
    if (generated && print_generated)
        std::cout << "Mot de passe (affiché une seule fois, notez-le) : " << password << "\n";
    return true;
}

}  // namespace cyberachat::cli
