#pragma once
// An SBOM's components as rows of the AFIB "liste exhaustive des logiciels installés" table
// (serveurs.liste_logiciels_installes: nom, niveau_version, fournisseur, identifiant, type), merged
// into what the response already lists: a component already there (same name and version, letter
// case aside) is not added again, nothing listed is removed or changed.
#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/questionnaire.hpp"
#include "core/sbom.hpp"

namespace cyberachat {

inline constexpr std::string_view kSoftwareListQuestionId = "serveurs.liste_logiciels_installes";

// Whether `question` is a table with the five columns an SBOM fills.
bool takes_sbom_rows(const Question& question);

struct SoftwareListMerge {
    nlohmann::json rows = nlohmann::json::array();  // the table's value after the merge (rows kept first)
    size_t kept = 0;            // rows that were listed already
    size_t added = 0;           // components added
    size_t already_listed = 0;  // components the list had already
    size_t left_out = 0;        // components beyond max_rows (the file keeps them all)
};

SoftwareListMerge merge_sbom_into_software_list(const nlohmann::json& current, const Sbom& sbom, size_t max_rows);

}  // namespace cyberachat
