#include "core/kind_traits.hpp"

#include <array>

namespace cyberachat {
namespace {

constexpr std::array<KindTraits, 13> kKindTraits{{
    {QuestionKind::yes_no, "yes_no", ValueShape::yes_no, true, "Oui / Non", "Yes / No"},
    {QuestionKind::text, "text", ValueShape::text, true, "Texte", "Text"},
    {QuestionKind::long_text, "long_text", ValueShape::text, true, "Texte long", "Long text"},
    {QuestionKind::number, "number", ValueShape::number, true, "Nombre", "Number"},
    {QuestionKind::integer, "integer", ValueShape::number, true, "Nombre entier", "Whole number"},
    {QuestionKind::date, "date", ValueShape::date, true, "Date (JJ/MM/AAAA)", "Date (DD/MM/YYYY)"},
    {QuestionKind::email, "email", ValueShape::text, true, "E-mail", "E-mail"},
    {QuestionKind::phone, "phone", ValueShape::text, true, "Téléphone", "Telephone"},
    {QuestionKind::single_choice, "single_choice", ValueShape::choice, false, "Un choix dans la liste", "One choice from the list"},
    {QuestionKind::multiple_choice, "multiple_choice", ValueShape::choices, false, "Un ou plusieurs choix, séparés par ;",
     "One or more choices, separated by ;"},
    {QuestionKind::document, "document", ValueShape::documents, false, "Document : à déposer sur la plateforme",
     "Document: upload it on the platform"},
    {QuestionKind::table, "table", ValueShape::rows, false, "Tableau : une ligne par case ci-dessous",
     "Table: one row per cell below"},
    {QuestionKind::contact, "contact", ValueShape::record, false, "Contact : champs ci-dessous", "Contact: fields below"},
}};

// The table is indexed by the enum: row i describes the kind of value i.
constexpr bool in_enum_order() {
    for (size_t i = 0; i < kKindTraits.size(); ++i)
        if (static_cast<size_t>(kKindTraits[i].kind) != i) return false;
    return true;
}
static_assert(in_enum_order(), "kKindTraits must list the kinds in the order of enum QuestionKind");
// -Wswitch names this function when a kind is added: give it a row above, then a case here.
constexpr bool has_row(QuestionKind kind) {
    switch (kind) {
        case QuestionKind::yes_no:
        case QuestionKind::text:
        case QuestionKind::long_text:
        case QuestionKind::number:
        case QuestionKind::integer:
        case QuestionKind::date:
        case QuestionKind::email:
        case QuestionKind::phone:
        case QuestionKind::single_choice:
        case QuestionKind::multiple_choice:
        case QuestionKind::document:
        case QuestionKind::table:
        case QuestionKind::contact: return static_cast<size_t>(kind) < kKindTraits.size();
    }
    return false;
}
static_assert(has_row(QuestionKind::contact), "one row of kKindTraits per QuestionKind");

}  // namespace

const KindTraits& kind_traits(QuestionKind kind) { return kKindTraits[static_cast<size_t>(kind)]; }

std::span<const KindTraits> all_kind_traits() { return kKindTraits; }

bool is_scalar_shape(ValueShape shape) {
    switch (shape) {
        case ValueShape::yes_no:
        case ValueShape::text:
        case ValueShape::number:
        case ValueShape::date: return true;
        case ValueShape::choice:
        case ValueShape::choices:
        case ValueShape::documents:
        case ValueShape::rows:
        case ValueShape::record: return false;
    }
    return false;
}

}  // namespace cyberachat
