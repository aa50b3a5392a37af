// `cyberachat token create EMAIL [--name N] [--days D]`: an API token for a hospital user (only its hash is stored);
// `token list [EMAIL] [--json]` (never the tokens themselves) and `token revoke ID`.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "core/utf8.hpp"
#include "security/secrets.hpp"
#include "services/account_service.hpp"

namespace cyberachat::cli {

void register_token_command(CLI::App& app) {
    struct Options {
        std::string email, name = "cli";
        int days = 0;
        StoreLocation store;
    };
    auto options = std::make_shared<Options>();
    CLI::App* token = app.add_subcommand("token", "Jetons d'API pour l'établissement");
    token->require_subcommand(1);
    CLI::App* create = token->add_subcommand("create", "Créer un jeton d'API pour un compte (affiché une seule fois)");
    create->add_option("EMAIL", options->email, "Compte propriétaire du jeton")->required();
    create->add_option("--name", options->name, "Nom du jeton (usage)")->capture_default_str();
    create->add_option("--days", options->days, "Durée de validité en jours (1 à 365 ; sans : pas d'expiration)")
        ->check(CLI::Range(1, services::kMaximumTokenDays));
    add_store_options(create, options->store);
    create->callback([options] {
        auto store = open_store_or_report(options->store);
        if (!store) throw CLI::RuntimeError(1);
        auto user = find_account_or_report(*store, options->email);
        if (!user) {
            std::cerr << "Créez-le avec « cyberachat user add ».\n";
            throw CLI::RuntimeError(1);
        }
        if (options->days > 0) {
            auto created = services::AccountService(*store).create_token(user->id, options->name, options->days, "system:cli");
            if (!created) {
                std::cerr << created.error().message.fr << "\n";
                throw CLI::RuntimeError(1);
            }
            std::cout << created->secret << "\n";
            return;
        }
        const std::string secret = security::random_token();
        auto created = store->api_tokens.create(user->id, security::sha256_hex(secret), options->name, Actor("system:cli", Via::cli));
        if (!created) {
            std::cerr << created.error().message.fr << "\n";
            throw CLI::RuntimeError(1);
        }
        std::cout << secret << "\n";
    });

    auto listed = std::make_shared<std::pair<std::string, bool>>();  // e-mail filter, --json
    CLI::App* list = token->add_subcommand("list", "Lister les jetons d'API (de tous les comptes, ou d'un seul)");
    list->add_option("EMAIL", listed->first, "Seulement les jetons de ce compte");
    list->add_flag("--json", listed->second, "En JSON (pour un script)");
    add_store_options(list, options->store);
    list->callback([options, listed] {
        auto store = open_store_or_report(options->store);
        if (!store) throw CLI::RuntimeError(1);
        std::optional<Id> owner;
        if (!listed->first.empty()) {
            auto user = find_account_or_report(*store, listed->first);
            if (!user) throw CLI::RuntimeError(1);
            owner = user->id;
        }
        auto tokens = store->api_tokens.list(owner);
        if (!tokens) {
            std::cerr << tokens.error().message.fr << "\n";
            throw CLI::RuntimeError(1);
        }
        nlohmann::json out = nlohmann::json::array();
        for (const auto& t : *tokens)
            out.push_back({{"id", t.id}, {"email", t.user_email}, {"name", t.name}, {"created_at", t.created_at},
                           {"expires_at", t.expires_at.empty() ? nlohmann::json() : nlohmann::json(t.expires_at)}});
        if (listed->second) {
            std::cout << out.dump(2) << "\n";
            return;
        }
        std::cout << padded("N°", 8) << padded("COMPTE", 36) << padded("NOM", 20) << "CRÉÉ LE\n";
        for (const auto& t : *tokens)
            std::cout << padded(std::to_string(t.id), 8) << padded(t.user_email, 36) << padded(t.name, 20) << t.created_at
                      << "\n";
    });

    auto revoked = std::make_shared<long long>(0);
    CLI::App* revoke = token->add_subcommand("revoke", "Révoquer un jeton d'API (son n°, voir « token list »)");
    revoke->add_option("ID", *revoked, "N° du jeton")->required();
    add_store_options(revoke, options->store);
    revoke->callback([options, revoked] {
        auto store = open_store_or_report(options->store);
        if (!store) throw CLI::RuntimeError(1);
        if (auto done = store->api_tokens.revoke(*revoked, Actor("system:cli", Via::cli)); !done) {
            std::cerr << (done.error().code == ErrorCode::not_found ? "Aucun jeton n° " + std::to_string(*revoked) + "."
                                                                    : done.error().message.fr)
                      << "\n";
            throw CLI::RuntimeError(1);
        }
        std::cout << "Jeton n° " << *revoked << " révoqué : il ne donne plus accès.\n";
    });
}

}  // namespace cyberachat::cli
