#pragma once
#include <memory>
#include <string>

#include "store/repositories.hpp"

namespace cyberachat::cli {

// Opens the data directory's database (creating it), or prints why not and returns null.
std::shared_ptr<store::Store> open_store_or_report(const std::string& data_dir, size_t connections = 8);

// At server start: removes what interrupted uploads left in the documents folder (files no row
// points to, last written over an hour ago), logging each file's name.
void sweep_document_leftovers(store::Store& store);

// A password's minimum length, in characters (UTF-8 code points), not bytes.
inline constexpr size_t kMinimumPasswordCharacters = 12;

// Creates a hospital user; prints the generated password when `password` is empty.
// Returns false (with a message on stderr) on failure.
bool create_user(store::Store& store, const std::string& email, const std::string& role, std::string password,
                 bool print_generated);

}  // namespace cyberachat::cli
