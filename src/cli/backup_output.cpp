#include "cli/backup_output.hpp"

#include <iomanip>
#include <iostream>

namespace cyberachat::cli {

void print_backup_contents(std::ostream& out, const store::BackupManifest& manifest) {
    size_t width = 0;
    for (const auto& [table, count] : manifest.counts) width = std::max(width, table.size());
    out << "  schéma / schema " << manifest.schema_version << ", programme / program " << manifest.program_version
        << ", créée le / made " << manifest.created_at << "\n";
    out << "  lignes par table / rows per table :\n";
    for (const auto& [table, count] : manifest.counts)
        out << "    " << std::left << std::setw(static_cast<int>(width)) << table << "  " << count << "\n";
    out << "  documents : " << manifest.documents.size() << " fichier(s) / file(s), " << manifest.document_bytes()
        << " octets / bytes\n";
}

void print_backup_failure(const std::string& title_fr, const std::string& title_en, const Error& error) {
    std::cerr << title_fr << " : " << error.message.fr << "\n" << title_en << ": " << error.message.in(Language::en) << "\n";
}

}  // namespace cyberachat::cli
