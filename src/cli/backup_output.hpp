#pragma once
// What `cyberachat backup` and `cyberachat restore` print: a backup's contents, and a failure
// (French first, English second).
#include <iosfwd>
#include <string>

#include "core/error.hpp"
#include "store/sqlite_backup.hpp"

namespace cyberachat::cli {

// The schema version, rows per table and documents (count, bytes) of a backup, one per line.
void print_backup_contents(std::ostream& out, const store::BackupManifest& manifest);

// "<title_fr> : <message fr>" then "<title_en>: <message en>" on stderr.
void print_backup_failure(const std::string& title_fr, const std::string& title_en, const Error& error);

}  // namespace cyberachat::cli
