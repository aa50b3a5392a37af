// `cyberachat restore --from BACKUP_DIR --data DIR [--force]`: verifies a backup made by
// `cyberachat backup`, then makes it a new instance in DIR (store/sqlite_backup.hpp).
#include <iostream>

#include "cli/backup_output.hpp"
#include "cli/commands.hpp"
#include "security/secrets.hpp"

namespace cyberachat::cli {

void register_restore_command(CLI::App& app) {
    struct Options {
        std::string from, data;
        bool force = false;
    };
    auto options = std::make_shared<Options>();
    CLI::App* command = app.add_subcommand(
        "restore", "Restaurer une sauvegarde dans un nouveau dossier de données / Restore a backup into a new data folder");
    command->add_option("--from", options->from, "Dossier de la sauvegarde")->required();
    command->add_option("--data", options->data, "Dossier de données à créer (nouveau ou vide)")->required();
    command->add_flag("--force", options->force,
                      "Accepter un dossier non vide, s'il ne contient pas de base (cyberachat.db)");
    command->callback([options] {
        if (!security::initialize()) {
            std::cerr << "libsodium ne démarre pas. / libsodium does not start.\n";
            throw CLI::RuntimeError(1);
        }
        auto restored = store::restore_sqlite({options->from, options->data, options->force});
        if (!restored) {
            print_backup_failure("Échec de la restauration", "Restore failed", restored.error());
            throw CLI::RuntimeError(1);
        }
        std::cout << "Restauration vérifiée et terminée dans « " << restored->data_dir << " » / Restore verified and complete in \""
                  << restored->data_dir << "\"\n";
        print_backup_contents(std::cout, restored->manifest);
        std::cout << "  schéma après migrations / schema after migrations : " << restored->schema_version << "\n"
                  << "Démarrer / start: cyberachat serve --data " << restored->data_dir << "\n";
    });
}

}  // namespace cyberachat::cli
