// Fuzz target: the zip reader of `cyberachat import-archive` (outputs/export/zip_archive.hpp),
// with a small entry limit so that each input stays fast, then the entries as the import reads them.
#include <string>

#include "fuzz_input.hpp"
#include "outputs/export/zip_archive.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    auto entries = cyberachat::exports::read_zip(bytes, 4u << 20);
    if (!entries) return 0;
    for (const auto& [name, content] : *entries) (void)(name.size() + content.size());
    return 0;
}
