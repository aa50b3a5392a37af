#pragma once
// Reads the MDS2 → AFIB crosswalk (questionnaires/mds2-crosswalk.yaml; format in docs/mds2.md) and
// checks it against a questionnaire: every question exists, every transform fits its kind
// (yes_no… for yes/no questions, text/notes for text ones), every source is an MDS2 ID or pattern,
// a rationale in French is given. Errors name the line and the mapping, as `template check` does.
#include <string_view>
#include <vector>

#include "core/mds2_crosswalk.hpp"
#include "core/questionnaire.hpp"
#include "core/result.hpp"

namespace cyberachat {

// Errors: "invalid_value" with every problem found, one per line ("mds2-crosswalk.yaml:12: …").
Result<Mds2Crosswalk> load_mds2_crosswalk(std::string_view yaml, const Questionnaire& questionnaire);

// The crosswalk compiled into the binary, checked against the built-in AFIB questionnaire once.
const Mds2Crosswalk& builtin_mds2_crosswalk();

}  // namespace cyberachat
