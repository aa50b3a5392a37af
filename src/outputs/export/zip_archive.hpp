#pragma once
// Zip files in memory (libzip): a purchase's archive is written and read with these.
#include <map>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace cyberachat::exports {

struct ZipEntry {
    std::string name;
    std::string bytes;
};

// The zip file's bytes (deflate). Error "zip".
Result<std::string> write_zip(const std::vector<ZipEntry>& entries);
// What a zip may inflate to, all its entries together: a zip of a few megabytes that claims
// gigabytes (a "zip bomb") is refused before anything is inflated.
inline constexpr size_t kMaxZipContentBytes = size_t{1} << 30;

// Every entry by name. Error "invalid_archive" (French/English message) when it is not a readable zip,
// when an entry is larger than max_entry_bytes, or when the entries together exceed max_total_bytes.
Result<std::map<std::string, std::string>> read_zip(const std::string& bytes, size_t max_entry_bytes = 512u << 20,
                                                    size_t max_total_bytes = kMaxZipContentBytes);

}  // namespace cyberachat::exports
