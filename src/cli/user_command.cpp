// `cyberachat user add EMAIL --role R [--password-stdin]`: hospital accounts. No default account exists.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"

namespace cyberachat::cli {

void register_user_command(CLI::App& app) {
    struct Options {
        std::string email, role = "biomedical";
        StoreLocation store;
        bool password_stdin = false;
    };
    auto options = std::make_shared<Options>();
    CLI::App* user = app.add_subcommand("user", "Gérer les comptes de l'établissement");
    user->require_subcommand(1);
    CLI::App* add = user->add_subcommand(
        "add", "Créer un compte (mot de passe généré et affiché une fois, ou lu sur l'entrée standard)");
    add->add_option("EMAIL", options->email, "Adresse e-mail (identifiant de connexion)")->required();
    add->add_option("--role", options->role, "admin | biomedical | it | buyer")->capture_default_str();
    add->add_flag("--password-stdin", options->password_stdin, "Lire le mot de passe sur l'entrée standard (12 caractères au moins)");
    add_store_options(add, options->store);
    add->callback([options] {
        auto store = open_store_or_report(options->store);
        if (!store) throw CLI::RuntimeError(1);
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
}

}  // namespace cyberachat::cli
