#pragma once
// Each subcommand registers itself on the application; main() only parses and dispatches.
#include <CLI/CLI.hpp>

namespace cyberachat::cli {

void register_template_command(CLI::App& app);
void register_template_add_command(CLI::App& app);  // after register_template_command
void register_serve_command(CLI::App& app);
void register_user_command(CLI::App& app);
void register_token_command(CLI::App& app);
void register_import_archive_command(CLI::App& app);
void register_demo_command(CLI::App& app);
void register_migrate_store_command(CLI::App& app);
void register_backup_command(CLI::App& app);
void register_restore_command(CLI::App& app);
void register_journal_command(CLI::App& app);
void register_purge_command(CLI::App& app);
void register_instance_command(CLI::App& app);
void register_manufacturer_import_command(CLI::App& app);
void register_stats_command(CLI::App& app);

}  // namespace cyberachat::cli
