// `cyberachat migrate-store --from DIR --to postgresql://…`: copies an existing SQLite instance
// (its data folder: database and documents) into an empty PostgreSQL database, then verifies the
// counts and every document's SHA-256 (store/store_copy.hpp). Run it with the server stopped; the
// source is left as it was. The URL may also come from CYBERACHAT_DATABASE_URL (no password in
// `ps`); it is never printed with its password.
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "security/secrets.hpp"
#include "store/engine.hpp"
#include "store/store_copy.hpp"

namespace cyberachat::cli {

void register_migrate_store_command(CLI::App& app) {
    struct Options {
        std::string from, to;
    };
    auto options = std::make_shared<Options>();
    CLI::App* command = app.add_subcommand(
        "migrate-store", "Copier une instance SQLite (dossier de données) dans une base PostgreSQL vide, puis vérifier");
    command->add_option("--from", options->from, "Dossier de données de l'instance SQLite (celui de --data)")->required();
    command->add_option("--to", options->to,
                        "Base PostgreSQL de destination (postgresql://utilisateur@hôte/base ; par défaut "
                        "CYBERACHAT_DATABASE_URL)");
    command->callback([options] {
        const auto fail = [](const std::string& message) {
            std::cerr << message << "\n";
            throw CLI::RuntimeError(1);
        };
        std::string to = options->to;
        if (to.empty())
            if (const char* env = std::getenv("CYBERACHAT_DATABASE_URL")) to = env;
        if (to.empty()) fail("Base de destination non précisée : --to postgresql://… ou CYBERACHAT_DATABASE_URL.");
        if (auto engine = store::engine_of_url(to); !engine) fail(engine.error().message.fr);
        std::error_code ec;
        if (!std::filesystem::is_regular_file(std::filesystem::path(options->from) / "cyberachat.db", ec))
            fail("« " + options->from + " » n'est pas un dossier de données Cyberachat (pas de cyberachat.db).");
        if (!security::initialize()) fail("libsodium ne démarre pas.");

        auto from = store::Store::open(options->from, 2);
        if (!from) fail("Impossible d'ouvrir l'instance SQLite « " + options->from + " » : " + from.error().message.fr);
        auto target = store::Store::open_postgresql(to, 2);
        if (!target)
            fail("Impossible d'ouvrir la base « " + store::redact_database_url(to) + " » : " + target.error().message.fr);
        std::cout << "Copie de « " << options->from << " » vers « " << store::redact_database_url(to) << " »…\n";
        auto copied = store::copy_store(**from, **target, Actor("system:migrate-store", Via::cli));
        if (!copied) fail("Copie interrompue (la destination est laissée telle qu'elle était) : " + copied.error().message.fr);
        for (const auto& [table, rows] : copied->rows) std::cout << "  " << table << " : " << rows << "\n";
        std::cout << "  documents vérifiés (SHA-256) : " << copied->documents << " (" << copied->document_bytes
                  << " octets)\n"
                  << "Copie vérifiée. Les sessions ne sont pas copiées : chacun se reconnecte. Démarrez ensuite :\n"
                  << "  cyberachat serve --database " << store::redact_database_url(to) << "\n";
    });
}

}  // namespace cyberachat::cli
