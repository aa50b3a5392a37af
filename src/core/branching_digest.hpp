#pragma once
// What the branching of a response shows besides its answers — the visible sections and questions,
// the complete sections, the missing required answers, the progress per part and overall — as 16
// hex digits. A vendor page sends the digest of what it shows with each save; when the save leaves
// it unchanged (most saves: a text typed, a number corrected), the answer's response carries the
// digest alone instead of the lists (docs/api.md, PUT /api/v1/vendor/answers). Not a security
// hash (FNV-1a): a collision would only leave one vendor's page showing an old progress.
#include <string>

#include "core/engine.hpp"
#include "core/questionnaire.hpp"

namespace cyberachat {

std::string branching_digest(const Questionnaire& questionnaire, const Evaluation& evaluation);

}  // namespace cyberachat
