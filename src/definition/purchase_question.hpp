#pragma once
// One question the lead adds to one purchase from the purchase's page (issue 15): what the form
// gives (where, kind, labels, required, a condition on one of the purchase's yes/no or choice
// questions, a note, a grid rule), checked field by field, then written as an EXTENSION of the
// purchase's current questionnaire (docs/questionnaire-format.md, "Extensions") — the same text an
// administrator could upload, so compose_definition checks it all again and the archive keeps it.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/questionnaire.hpp"

namespace cyberachat {

struct PurchaseQuestionDraft {
    // Where: "after:<question id>", or "first:<section id>" / "last:<section id>".
    std::string position;
    std::string kind = "yes_no";  // yes_no, text, long_text, number, integer, date, email, phone,
                                  // single_choice, multiple_choice, document
    std::string label_fr, label_en;
    bool required = true;
    std::string choices;    // choice kinds: one per line, "Libellé français | English label"
    std::string condition;  // "" (always asked) or "<question id> == <value>" on a yes/no or choice question
    std::string help_fr, help_en;  // the note shown under the question
    // The grid rule: "" (none), "oui" / "non" (a yes/no answer that is favourable), "answered"
    // (having an answer is favourable; for a document, a file).
    std::string rule;
    std::string weight = "1";
    std::string severity = "major";  // info | minor | major | critical
    std::string rationale_fr, rationale_en;
};

struct PurchaseQuestionExtension {
    std::map<std::string, std::string> errors;  // form field → what is wrong (French); empty when written
    std::string question_id;  // "achat12.q1"
    std::string version;      // the purchase's new questionnaire version ("2024.3-achat12.1")
    std::string yaml;         // the extension
    bool ok() const { return errors.empty(); }
};

// The kinds the form offers, in its order, with their French labels.
const std::vector<std::pair<std::string, std::string>>& purchase_question_kinds();

// Checks `draft` against `base` (the purchase's current questionnaire) and writes the extension.
// `attempt` (0, 1, …) moves the version number on when the first one is taken on the instance.
PurchaseQuestionExtension write_purchase_question(const Questionnaire& base, std::int64_t acquisition_id,
                                                  const PurchaseQuestionDraft& draft, int attempt = 0);

}  // namespace cyberachat
