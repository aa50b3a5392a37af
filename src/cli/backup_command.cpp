// `cyberachat backup --data DIR --output BACKUP_DIR`: a consistent copy of a SQLite instance
// (database and documents, with a manifest), taken while the server runs (store/sqlite_backup.hpp).
#include <iostream>

#include "cli/backup_output.hpp"
#include "cli/commands.hpp"
#include "security/secrets.hpp"

namespace cyberachat::cli {

void register_backup_command(CLI::App& app) {
    struct Options {
        std::string data = "var", output;
    };
    auto options = std::make_shared<Options>();
    CLI::App* command = app.add_subcommand(
        "backup", "Sauvegarder la base SQLite et les documents, même serveur en marche / Back up the SQLite instance, even while it serves");
    command->add_option("--data", options->data, "Répertoire des données à sauvegarder")->capture_default_str();
    command->add_option("--output", options->output, "Dossier de la sauvegarde (nouveau ou vide)")->required();
    command->callback([options] {
        if (!security::initialize()) {
            std::cerr << "libsodium ne démarre pas. / libsodium does not start.\n";
            throw CLI::RuntimeError(1);
        }
        auto made = store::backup_sqlite({options->data, options->output, {}});
        if (!made) {
            print_backup_failure("Échec de la sauvegarde", "Backup failed", made.error());
            throw CLI::RuntimeError(1);
        }
        std::cout << "Sauvegarde terminée dans « " << made->output_dir << " » / Backup complete in \"" << made->output_dir
                  << "\"\n";
        print_backup_contents(std::cout, made->manifest);
        if (made->snapshots > 1)
            std::cout << "  (" << made->snapshots << " copies de la base : des documents ont été retirés pendant la copie / "
                      << made->snapshots << " database copies: documents were removed while copying)\n";
    });
}

}  // namespace cyberachat::cli
