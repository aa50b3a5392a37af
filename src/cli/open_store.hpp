#pragma once
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/repositories.hpp"

namespace cyberachat::cli {

// Where a command's store is: the SQLite database in a data directory (--data DIR, default
// "var"), or a PostgreSQL database (--database URL, or the environment variable
// CYBERACHAT_DATABASE_URL when neither option is given, so that a password need not show in `ps`).
struct StoreLocation {
    std::string data_dir = "var";
    std::string database_url;
    // Set by add_store_options, one per subcommand sharing this location (only the one that runs
    // can have been given): whether --data was given.
    std::vector<const CLI::Option*> data_options;
};

inline constexpr const char* kDatabaseUrlVariable = "CYBERACHAT_DATABASE_URL";

// Adds --data DIR and --database URL to `command`, filling `location`.
void add_store_options(CLI::App* command, StoreLocation& location);

// Opens the store `location` names (creating the SQLite database, or migrating the PostgreSQL
// one), or prints why not (French, then English; a URL only without its password) and returns
// null: --database with an explicit --data, a URL that is not postgresql://…, a server that
// cannot be reached.
std::shared_ptr<store::Store> open_store_or_report(const StoreLocation& location, size_t connections = 8);

// What an opened store is, for messages: "SQLite, dossier var" or "PostgreSQL, postgresql://u:***@h/db".
std::string describe_store(const StoreLocation& location);
// The options that name the same store to another command: " --data var", " --database
// postgresql://u:***@h/db" (password masked), or "" when it came from CYBERACHAT_DATABASE_URL.
std::string store_options_text(const StoreLocation& location);

// At server start: removes what interrupted uploads left in the documents folder (files no row
// points to, last written over an hour ago), logging each file's name.
void sweep_document_leftovers(store::Store& store);

// The account with this e-mail (case-insensitive); prints "Aucun compte pour « … »." (or the
// storage error) and returns nullopt otherwise.
std::optional<User> find_account_or_report(store::Store& store, const std::string& email);

// Creates a hospital user (services::AccountService: the password policy applies); prints the
// generated password when `password` is empty. Returns false (with a message on stderr) on failure.
bool create_user(store::Store& store, const std::string& email, const std::string& role, std::string password,
                 bool print_generated);
// Creates a hospital account that logs in through the directory (origin "directory", no local
// password): its first directory login finds it by e-mail and brings its name and role up to date.
bool create_directory_user(store::Store& store, const std::string& email, const std::string& role);

}  // namespace cyberachat::cli
