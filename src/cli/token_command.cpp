// `cyberachat token create EMAIL`: an API token for a hospital user (only its hash is stored).
#include <iostream>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "security/secrets.hpp"

namespace cyberachat::cli {

void register_token_command(CLI::App& app) {
    struct Options {
        std::string email, name = "cli";
        StoreLocation store;
    };
    auto options = std::make_shared<Options>();
    CLI::App* token = app.add_subcommand("token", "Jetons d'API pour l'établissement");
    token->require_subcommand(1);
    CLI::App* create = token->add_subcommand("create", "Créer un jeton d'API pour un compte (affiché une seule fois)");
    create->add_option("EMAIL", options->email, "Compte propriétaire du jeton")->required();
    create->add_option("--name", options->name, "Nom du jeton (usage)")->capture_default_str();
    add_store_options(create, options->store);
    create->callback([options] {
        auto store = open_store_or_report(options->store);
        if (!store) throw CLI::RuntimeError(1);
        std::string email = options->email;
        for (char& c : email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        auto user = store->users.find_by_email(email);
        if (!user) {
            std::cerr << "Aucun compte pour " << email << " : créez-le avec « cyberachat user add ».\n";
            throw CLI::RuntimeError(1);
        }
        const std::string secret = security::random_token();
        auto created = store->api_tokens.create(user->id, security::sha256_hex(secret), options->name, "system:cli");
        if (!created) {
            std::cerr << created.error().message.fr << "\n";
            throw CLI::RuntimeError(1);
        }
        std::cout << secret << "\n";
    });
}

}  // namespace cyberachat::cli
