#pragma once
// The instance's questionnaire library: the built-in AFIB questionnaire and the versions the
// hospital adds (definition/extension_loader.hpp: a whole definition, or an extension of a version
// it has), each checked in full before anything is stored, and immutable once stored (a new upload
// is a new version). A purchase is created on one of them (QuestionnaireProvider keeps serving it).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/library_version.hpp"
#include "core/result.hpp"
#include "definition/builtin_definition.hpp"
#include "definition/purchase_question.hpp"
#include "services/questionnaire_provider.hpp"
#include "store/repositories.hpp"

namespace cyberachat::services {

using cyberachat::LibraryEntry;

class QuestionnaireLibrary {
public:
    // The largest text accepted (an extension is a few kilobytes; the AFIB definition ~150 KB).
    static constexpr size_t kMaxSourceBytes = 2 * 1024 * 1024;

    QuestionnaireLibrary(store::Store& store, QuestionnaireProvider& provider) : store_(store), provider_(provider) {}

    // The built-in version first, then the added ones, oldest first.
    Result<std::vector<LibraryEntry>> list();

    // Checks and stores an uploaded text. Errors: "invalid_value" with the payload
    // {"errors": [{"line", "subject", "message", "text"}]} (the definition's mistakes, each with
    // its line in the uploaded text; also a text too large, empty or not UTF-8), "conflict" (this
    // version number exists already, or the identical text). Journalled ("add_version").
    Result<LibraryEntry> add(const std::string& text, const std::string& file_name, const Actor& actor);

    // The version a new purchase gets: `requested` (0: the built-in one), which must be in the
    // library ("invalid_value" otherwise).
    Result<QuestionnaireVersion> version_for_new_purchase(Id requested);
    // Gives a new purchase the grid of its version (none for a version without grid).
    Result<void> attach_grid(Id acquisition_id, Id questionnaire_version_id, const Actor& actor);

    // Extends one purchase's questionnaire for that purchase alone (its own questions, rules…): `text`
    // is an extension whose `extends` names the purchase's current version. The purchase moves onto
    // the composed version (not listed in the library) with its grid; answers already given are
    // kept (they are by question id). Errors as add(), plus "purchase_closed" for a closed purchase.
    Result<QuestionnaireVersion> extend_purchase(Id acquisition_id, const std::string& text, const Actor& actor);

    // Adds one question to one purchase from its page's form (definition/purchase_question.hpp):
    // the draft is checked field by field ("invalid_value" with {"fields": {name: message}}), then
    // written as an extension of the purchase's questionnaire and applied as extend_purchase does
    // (errors as there). Returns the new question's id. Vendors who opened their link before see it
    // marked as new; nothing they answered changes.
    Result<std::string> add_purchase_question(Id acquisition_id, const PurchaseQuestionDraft& draft, const Actor& actor);

    // A version's full definition (questionnaire, grid and their texts), for extensions built on it.
    std::optional<QuestionnaireDefinition> definition_of(const std::string& questionnaire_id, const std::string& version);

private:
    store::Store& store_;
    QuestionnaireProvider& provider_;
};

}  // namespace cyberachat::services
