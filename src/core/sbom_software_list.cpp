#include "core/sbom_software_list.hpp"

#include <set>
#include <string>
#include <utility>

#include "core/ascii_text.hpp"

namespace cyberachat {
namespace {

constexpr const char* kColumns[] = {"nom", "niveau_version", "fournisseur", "identifiant", "type"};

std::string cell(const nlohmann::json& row, const char* column) {
    const auto it = row.find(column);
    return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A table cell holds 500 characters at most (core/answer_validation.cpp): a longer purl is cut
// there, on a character boundary (the SBOM file keeps it whole).
constexpr size_t kMaxCellCharacters = 500;
std::string at_most_cell(const std::string& text) {
    size_t characters = 0;
    for (size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && characters++ == kMaxCellCharacters) return text.substr(0, i);
    return text;
}

std::pair<std::string, std::string> key_of(const std::string& name, const std::string& version) {
    return {lower_ascii(name), lower_ascii(version)};
}

}  // namespace

bool takes_sbom_rows(const Question& question) {
    if (question.kind != QuestionKind::table) return false;
    for (const char* column : kColumns) {
        bool found = false;
        for (const auto& field : question.fields) found = found || field.id == column;
        if (!found) return false;
    }
    return true;
}

SoftwareListMerge merge_sbom_into_software_list(const nlohmann::json& current, const Sbom& sbom, size_t max_rows) {
    SoftwareListMerge merge;
    std::set<std::pair<std::string, std::string>> listed;
    if (current.is_array())
        for (const auto& row : current) {
            if (!row.is_object()) continue;
            merge.rows.push_back(row);
            listed.insert(key_of(cell(row, "nom"), cell(row, "niveau_version")));
            ++merge.kept;
        }
    for (const SbomComponent& component : sbom.components) {
        if (!listed.insert(key_of(component.name, component.version)).second) {
            ++merge.already_listed;
            continue;
        }
        if (merge.rows.size() >= max_rows) {
            ++merge.left_out;
            continue;
        }
        nlohmann::json row = {{"nom", at_most_cell(component.name)}};
        if (!component.version.empty()) row["niveau_version"] = at_most_cell(component.version);
        if (!component.supplier.empty()) row["fournisseur"] = at_most_cell(component.supplier);
        if (!component.identifier.empty()) row["identifiant"] = at_most_cell(component.identifier);
        if (!component.type.empty()) row["type"] = at_most_cell(component.type);
        merge.rows.push_back(std::move(row));
        ++merge.added;
    }
    return merge;
}

}  // namespace cyberachat
