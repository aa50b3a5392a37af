#pragma once
// One descriptor per answer kind: what the rest of the program asks about a kind instead of
// switching over QuestionKind. A site that must tell kinds apart switches over `shape` (or, for
// behaviour of its own, over the kind) without a `default:`, so that -Wswitch lists it when a kind
// or a shape is added. See docs/adding-a-kind.md.
#include <span>
#include <string_view>

#include "core/localized_text.hpp"
#include "core/question_kind.hpp"

namespace cyberachat {

// The shape of a kind's canonical value (as core/answer_validation returns it).
enum class ValueShape {
    yes_no,     // "oui" / "non"
    text,       // a string (text, long text, e-mail, telephone)
    number,     // a JSON number
    date,       // "YYYY-MM-DD"
    choice,     // one choice id
    choices,    // [choice ids]
    documents,  // [document references]; the documents themselves are stored apart
    rows,       // [{column id: scalar}]  (table)
    record,     // {field id: scalar}     (contact block)
};

struct KindTraits {
    QuestionKind kind;
    std::string_view name;  // as written in the YAML definition ("yes_no", …)
    ValueShape shape;
    bool field;             // may be a column of a table or a sub-field of a contact block
    // What the answer should be, in words, as the workbook's "Expected answer" column shows it.
    const char* expected_fr;
    const char* expected_en;
};

const KindTraits& kind_traits(QuestionKind kind);
// Every kind, in the order of the enum.
std::span<const KindTraits> all_kind_traits();

// One scalar (a yes/no, a text, a number or a date): what a table cell or a contact field holds.
bool is_scalar_shape(ValueShape shape);

}  // namespace cyberachat
