#pragma once
// A questionnaire version the hospital added to its library (besides the built-in AFIB one): a
// whole definition or an extension of another version, with its scoring grid when it has one.
// Plain data: immutable once stored (a new upload is a new version), so a purchase created on it
// keeps exactly what its vendors answered.
#include <cstdint>
#include <string>

#include "core/acquisition.hpp"

namespace cyberachat {

struct LibraryVersion {
    Id id = 0;
    Id questionnaire_version_id = 0;  // the composed questionnaire (QuestionnaireVersion.yaml)
    std::string questionnaire_id;     // "afib" (an extension keeps its base's)
    std::string version;              // "2024.3-chu.1": unique per questionnaire id on the instance
    std::string kind = "extension";   // "definition" (a whole questionnaire) | "extension"
    Id base_version_id = 0;           // an extension's base (0: the built-in one, or none)
    std::string title;                // the composed questionnaire's French title, for lists
    std::string grid_id;              // its scoring grid ("" : none)
    std::string grid_version;
    std::string grid_yaml;
    std::string source;               // the text as uploaded
    std::string file_name;            // as uploaded ("" : typed on the page)
    std::string created_by;           // "user:<email>" as the journal names it at upload
    std::string created_at;
};

// One version as the library lists it.
struct LibraryEntry {
    Id questionnaire_version_id = 0;  // what a purchase is created on
    std::string questionnaire_id;
    std::string version;
    std::string title;                // French
    std::string kind;                 // "builtin" | "definition" | "extension"
    std::string base_version;         // an extension's base ("afib 2024.3"), "" otherwise
    bool has_grid = false;
    std::int64_t purchases = 0;       // purchases created on it
    std::string file_name, created_by, created_at;  // "" for the built-in one
    bool builtin() const { return kind == "builtin"; }
};

}  // namespace cyberachat
