#pragma once
// The records of the hospital's evaluation of responses, as the domain sees them: the scoring
// grid copied into a purchase and the purchase's own weights. Plain data, filled by the store.
// Never shown to vendors.
#include <string>

#include "core/acquisition.hpp"

namespace cyberachat {

// A stored copy of one scoring grid text: a purchase keeps the grid it was created with.
struct StoredGrid {
    Id id = 0;
    std::string grid_id;   // "afib-grid"
    std::string version;   // "2024.1-1"
    std::string sha256;    // of yaml
    std::string yaml;
    std::string created_at;
};

// A weight the hospital changed for one purchase (replaces the grid's weight for that question).
struct WeightOverride {
    Id acquisition_id = 0;
    std::string question_id;
    double weight = 0;
    std::string updated_at;
    std::string updated_by;  // "user:<email>"
};

}  // namespace cyberachat
