// cyberachat: the questionnaire tools, the web server and the administration commands.
#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "core/program_version.hpp"

int main(int argc, char** argv) {
    CLI::App app{
        "Cyberachat — la sécurité numérique dans les achats d'équipements biomédicaux (questionnaire AFIB).\n"
        "Cyberachat — digital security in the procurement of biomedical equipment (AFIB questionnaire)."};
    app.require_subcommand(1);
    app.set_version_flag("--version", "cyberachat " + std::string(cyberachat::kProgramVersion));
    cyberachat::cli::register_template_command(app);
    cyberachat::cli::register_template_add_command(app);
    cyberachat::cli::register_serve_command(app);
    cyberachat::cli::register_user_command(app);
    cyberachat::cli::register_token_command(app);
    cyberachat::cli::register_import_archive_command(app);
    cyberachat::cli::register_demo_command(app);
    cyberachat::cli::register_migrate_store_command(app);
    cyberachat::cli::register_backup_command(app);
    cyberachat::cli::register_restore_command(app);
    cyberachat::cli::register_journal_command(app);
    cyberachat::cli::register_purge_command(app);
    cyberachat::cli::register_instance_command(app);
    cyberachat::cli::register_manufacturer_import_command(app);
    cyberachat::cli::register_stats_command(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    return 0;
}
