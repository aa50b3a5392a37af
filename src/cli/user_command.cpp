// `cyberachat user add EMAIL --role R [--password-stdin | --directory]`, `user list [--json]`,
// `user disable|enable EMAIL`, `user set-role EMAIL ROLE`, `user reset-password EMAIL
// [--public-url URL] [--minutes N]`: hospital accounts. No default account
// exists. Every change is journalled (actor "system:cli", via cli); disabling an account ends its sessions
// and revokes its API tokens at once.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "core/utf8.hpp"
#include "services/account_service.hpp"

namespace cyberachat::cli {

void register_user_command(CLI::App& app) {
    struct Options {
        std::string email, role = "biomedical";
        StoreLocation store;
        bool password_stdin = false;
        bool directory = false;
    };
    auto options = std::make_shared<Options>();
    CLI::App* user = app.add_subcommand("user", "Gérer les comptes de l'établissement");
    user->require_subcommand(1);
    CLI::App* add = user->add_subcommand(
        "add", "Créer un compte (mot de passe généré et affiché une fois, ou lu sur l'entrée standard)");
    add->add_option("EMAIL", options->email, "Adresse e-mail (identifiant de connexion)")->required();
    add->add_option("--role", options->role, "admin | biomedical | it | buyer")->capture_default_str();
    add->add_flag("--password-stdin", options->password_stdin, "Lire le mot de passe sur l'entrée standard (12 caractères au moins)");
    add->add_flag("--directory", options->directory,
                  "Compte de l'annuaire (serve --ldap-config) : aucun mot de passe ici, il se connecte avec celui "
                  "de l'annuaire, qui met à jour son nom et son rôle")
        ->excludes("--password-stdin");
    add_store_options(add, options->store);
    add->callback([options] {
        auto store = open_store_or_report(options->store);
        if (!store) throw CLI::RuntimeError(1);
        if (options->directory) {
            if (!create_directory_user(*store, options->email, options->role)) throw CLI::RuntimeError(1);
            return;
        }
        std::string password;
        if (options->password_stdin) {
            std::getline(std::cin, password);
            if (!password.empty() && password.back() == '\r') password.pop_back();
            if (password.empty()) {
                std::cerr << "Aucun mot de passe lu sur l'entrée standard.\n";
                throw CLI::RuntimeError(1);
            }
        }
        if (!create_user(*store, options->email, options->role, password, true)) throw CLI::RuntimeError(1);
    });

    auto json_output = std::make_shared<bool>(false);
    CLI::App* list = user->add_subcommand("list", "Lister les comptes (rôle, statut, dernière connexion)");
    list->add_flag("--json", *json_output, "En JSON (pour un script)");
    add_store_options(list, options->store);
    list->callback([options, json_output] {
        auto store = open_store_or_report(options->store);
        if (!store) throw CLI::RuntimeError(1);
        auto users = store->users.list();
        auto logins = store->users.last_logins();
        if (!users || !logins) {
            std::cerr << (!users ? users.error() : logins.error()).message.fr << "\n";
            throw CLI::RuntimeError(1);
        }
        nlohmann::json out = nlohmann::json::array();
        for (const User& u : *users) {
            auto login = logins->find(u.id);
            out.push_back({{"id", u.id},
                           {"email", u.email},
                           {"role", std::string(role_name(u.role))},
                           {"origin", u.origin},
                           {"active", u.active},
                           {"created_at", u.created_at},
                           {"last_login_at", login != logins->end() ? nlohmann::json(login->second) : nlohmann::json()}});
        }
        if (*json_output) {
            std::cout << out.dump(2) << "\n";
            return;
        }
        std::cout << padded("COMPTE", 36) << padded("RÔLE", 12) << padded("ORIGINE", 10) << padded("STATUT", 11)
                  << "DERNIÈRE CONNEXION\n";
        for (const auto& u : out)
            std::cout << padded(u["email"].get<std::string>(), 36) << padded(u["role"].get<std::string>(), 12)
                      << padded(u["origin"] == "directory" ? "annuaire" : "local", 10)
                      << padded(u["active"].get<bool>() ? "actif" : "désactivé", 11)
                      << (u["last_login_at"].is_null() ? "jamais" : u["last_login_at"].get<std::string>()) << "\n";
    });

    for (const bool active : {false, true}) {
        CLI::App* command = user->add_subcommand(
            active ? "enable" : "disable",
            active ? "Réactiver un compte" : "Désactiver un compte : ses sessions et ses jetons d'API prennent fin aussitôt");
        command->add_option("EMAIL", options->email, "Adresse e-mail du compte")->required();
        add_store_options(command, options->store);
        command->callback([options, active] {
            auto store = open_store_or_report(options->store);
            if (!store) throw CLI::RuntimeError(1);
            auto account = find_account_or_report(*store, options->email);
            if (!account) throw CLI::RuntimeError(1);
            if (auto done = store->users.set_active(account->id, active, Actor("system:cli", Via::cli)); !done) {
                std::cerr << done.error().message.fr << "\n";
                throw CLI::RuntimeError(1);
            }
            std::cout << "Compte " << account->email << (active ? " réactivé.\n" : " désactivé (sessions et jetons révoqués).\n");
        });
    }
    struct ResetOptions {
        std::string public_url = "http://127.0.0.1:8080";
        long long minutes = services::kDefaultResetLinkSeconds / 60;
    };
    auto reset_options = std::make_shared<ResetOptions>();
    CLI::App* reset = user->add_subcommand(
        "reset-password",
        "Créer un lien de réinitialisation du mot de passe d'un compte local (à usage unique, affiché une seule fois)");
    reset->add_option("EMAIL", options->email, "Adresse e-mail du compte")->required();
    reset->add_option("--public-url", reset_options->public_url,
                      "Adresse publique du serveur, comme « serve --public-url »")
        ->capture_default_str();
    reset->add_option("--minutes", reset_options->minutes, "Durée de validité du lien, en minutes")
        ->capture_default_str()
        ->check(CLI::Range(1, 7 * 24 * 60));
    add_store_options(reset, options->store);
    reset->callback([options, reset_options] {
        auto store = open_store_or_report(options->store);
        if (!store) throw CLI::RuntimeError(1);
        auto account = find_account_or_report(*store, options->email);
        if (!account) throw CLI::RuntimeError(1);
        auto link = services::AccountService(*store).create_reset_link(account->id, reset_options->minutes * 60, "system:cli");
        if (!link) {
            std::cerr << link.error().message.fr << "\n";
            throw CLI::RuntimeError(1);
        }
        std::string base = reset_options->public_url;
        while (!base.empty() && base.back() == '/') base.pop_back();
        std::cout << "Lien de réinitialisation pour " << account->email << " (à usage unique, valable jusqu'au "
                  << link->expires_at << " UTC ; affiché une seule fois) :\n"
                  << base << "/reset-password/" << link->token << "\n";
    });

    CLI::App* set_role = user->add_subcommand("set-role", "Changer le rôle d'un compte");
    set_role->add_option("EMAIL", options->email, "Adresse e-mail du compte")->required();
    set_role->add_option("ROLE", options->role, "admin | biomedical | it | buyer")->required();
    add_store_options(set_role, options->store);
    set_role->callback([options] {
        auto role = parse_role(options->role);
        if (!role) {
            std::cerr << "Rôle inconnu « " << options->role << " » : admin, biomedical, it ou buyer.\n";
            throw CLI::RuntimeError(1);
        }
        auto store = open_store_or_report(options->store);
        if (!store) throw CLI::RuntimeError(1);
        auto account = find_account_or_report(*store, options->email);
        if (!account) throw CLI::RuntimeError(1);
        if (auto done = store->users.set_role(account->id, *role, Actor("system:cli", Via::cli)); !done) {
            std::cerr << done.error().message.fr << "\n";
            throw CLI::RuntimeError(1);
        }
        std::cout << "Compte " << account->email << " : rôle " << role_label_fr(*role) << ".\n";
    });
}

}  // namespace cyberachat::cli
