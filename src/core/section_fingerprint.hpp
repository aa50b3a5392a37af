#pragma once
// What a vendor's section page shows of its own content, as one short text: the questionnaire's
// version, whether the response can still change, and, for each question of the section, the
// revision of its answer and the files attached to it. Two builds of the page with the same
// fingerprint show the same answers: a page prerendered before the vendor clicked (or brought
// back from the history) compares its fingerprint with the current one, and reloads when they
// differ (what changes with any answer elsewhere — progress, complete marks, branching — is
// updated in place instead: web/speculative_loading.hpp).
#include <map>
#include <string>
#include <vector>

#include "core/acquisition.hpp"
#include "core/questionnaire.hpp"

namespace cyberachat {

std::string section_fingerprint(const Questionnaire& questionnaire, const Section& section,
                                const std::map<std::string, StoredAnswer>& answers,
                                const std::map<std::string, std::vector<StoredDocument>>& documents, bool read_only);

}  // namespace cyberachat
