#include "services/declared_systems.hpp"

#include <cstdio>

#include "core/end_of_use.hpp"
#include "core/paris_time.hpp"
#include "core/sbom_software_list.hpp"
#include "definition/builtin_end_of_support.hpp"

namespace cyberachat::services {
namespace {

std::string text_cell(const nlohmann::json& row, const char* column) {
    const auto it = row.find(column);
    return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::vector<DeclaredSystem> declared_systems(const ResponseSnapshot& snapshot) {
    std::vector<DeclaredSystem> out;
    for (const Question* question : snapshot.questionnaire->questions()) {
        if (!snapshot.evaluation.is_visible(*question)) continue;
        const auto answer = snapshot.answers.find(question->id);
        if (answer == snapshot.answers.end() || answer->second.value.is_null()) continue;
        const nlohmann::json& value = answer->second.value;
        if ((question->kind == QuestionKind::text || question->kind == QuestionKind::long_text) && value.is_string()) {
            out.push_back({value.get<std::string>(), "", question->id, DeclaredAs::free_text});
        } else if (question->kind == QuestionKind::table && value.is_array() && takes_sbom_rows(*question)) {
            for (const auto& row : value) {
                if (!row.is_object() || out.size() >= kMaxDeclaredSystems) continue;
                const std::string name = text_cell(row, "nom");
                if (name.empty()) continue;
                const bool system = text_cell(row, "type") == "operating-system";
                out.push_back({name, text_cell(row, "niveau_version"), question->id,
                               system ? DeclaredAs::system_name : DeclaredAs::component});
            }
        } else if (question->kind == QuestionKind::table && value.is_array()) {
            // Another table (a list of servers, of workstations): its text cells as free text.
            for (const auto& row : value) {
                if (!row.is_object() || out.size() >= kMaxDeclaredSystems) continue;
                for (const auto& [column, cell] : row.items())
                    if (cell.is_string() && !cell.get<std::string>().empty())
                        out.push_back({cell.get<std::string>(), "", question->id, DeclaredAs::free_text});
            }
        }
        if (out.size() >= kMaxDeclaredSystems) break;
    }
    if (out.size() > kMaxDeclaredSystems) out.resize(kMaxDeclaredSystems);
    return out;
}

SupportReport assess_declared_systems(const ResponseSnapshot& snapshot, const std::string& today) {
    const auto report = assess_support(builtin_end_of_support(), declared_systems(snapshot), today,
                                       expected_end_of_use(snapshot.acquisition).date);
    if (report) return *report;
    SupportReport empty;
    empty.citation = builtin_end_of_support().citation();
    return empty;
}

std::string paris_day(long long utc_seconds) {
    const CivilTime local = paris_time_of(utc_seconds);
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", local.year, local.month, local.day);
    return out;
}

}  // namespace cyberachat::services
