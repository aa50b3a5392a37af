#include "services/questionnaire_library.hpp"

#include "core/utf8.hpp"
#include "definition/extension_loader.hpp"
#include "definition/grid_loader.hpp"

namespace cyberachat::services {

using nlohmann::json;

namespace {

Error definition_errors(const std::vector<DefinitionError>& errors) {
    json list = json::array();
    for (const auto& error : errors)
        list.push_back({{"line", error.line}, {"subject", error.subject}, {"message", error.message}, {"text", error.to_string()}});
    const std::string count = std::to_string(errors.size());
    const bool one = errors.size() <= 1;
    return Error::make(ErrorCode::invalid_value,
                       "Le questionnaire contient " + count + (one ? " erreur" : " erreurs") +
                           " : rien n'a été enregistré. Corrigez " + (one ? "la ligne indiquée" : "les lignes indiquées") +
                           " puis envoyez le fichier à nouveau.",
                       "The questionnaire has " + count + (errors.size() == 1 ? " error" : " errors") +
                           ": nothing was saved. Fix the line" + (errors.size() == 1 ? "" : "s") +
                           " shown, then send the file again.")
        .with_payload({{"errors", std::move(list)}});
}

Error one_error(const std::string& fr, const std::string& en) {
    return Error::make(ErrorCode::invalid_value, fr, en)
        .with_payload({{"errors", json::array({{{"line", 0}, {"subject", ""}, {"message", fr}, {"text", fr}}})}});
}

}  // namespace

Result<std::vector<LibraryEntry>> QuestionnaireLibrary::list() {
    TRY_ASSIGN(const auto counts, store_.questionnaire_library.purchases_by_version());
    TRY_ASSIGN(const auto builtin_version, provider_.current_version());
    const auto count_of = [&](Id id) -> std::int64_t {
        auto it = counts.find(id);
        return it == counts.end() ? 0 : it->second;
    };
    std::vector<LibraryEntry> out;
    const Questionnaire& builtin = *provider_.current();
    LibraryEntry first;
    first.questionnaire_version_id = builtin_version.id;
    first.questionnaire_id = builtin.id;
    first.version = builtin.version;
    first.title = builtin.title.fr;
    first.kind = "builtin";
    first.has_grid = provider_.current_definition().grid != nullptr;
    first.purchases = count_of(builtin_version.id);
    out.push_back(std::move(first));
    TRY_ASSIGN(const auto rows, store_.questionnaire_library.list());
    for (const LibraryVersion& row : rows) {
        LibraryEntry entry;
        entry.questionnaire_version_id = row.questionnaire_version_id;
        entry.questionnaire_id = row.questionnaire_id;
        entry.version = row.version;
        entry.title = row.title;
        entry.kind = row.kind;
        if (row.base_version_id != 0)
            if (auto base = store_.questionnaires.find(row.base_version_id))
                entry.base_version = base->questionnaire_id + " " + base->version;
        entry.has_grid = !row.grid_yaml.empty();
        entry.purchases = count_of(row.questionnaire_version_id);
        entry.file_name = row.file_name;
        entry.created_by = row.created_by;
        entry.created_at = row.created_at;
        out.push_back(std::move(entry));
    }
    return out;
}

std::optional<QuestionnaireDefinition> QuestionnaireLibrary::definition_of(const std::string& questionnaire_id,
                                                                           const std::string& version) {
    const QuestionnaireDefinition& builtin = provider_.current_definition();
    if (builtin.questionnaire->id == questionnaire_id && builtin.questionnaire->version == version) return builtin;
    auto rows = store_.questionnaire_library.list();
    if (!rows) return std::nullopt;
    for (const LibraryVersion& row : *rows) {
        if (row.questionnaire_id != questionnaire_id || row.version != version) continue;
        auto questionnaire = provider_.get(row.questionnaire_version_id);
        auto stored = store_.questionnaires.find(row.questionnaire_version_id);
        if (!questionnaire || !stored) return std::nullopt;
        QuestionnaireDefinition definition;
        definition.questionnaire = *questionnaire;
        definition.questionnaire_yaml = stored->yaml;
        if (!row.grid_yaml.empty()) {
            auto grid = load_grid(row.grid_yaml, row.grid_id + " " + row.grid_version, **questionnaire);
            if (!grid.ok()) return std::nullopt;
            definition.grid = grid.grid;
            definition.grid_id = row.grid_id;
            definition.grid_version = row.grid_version;
            definition.grid_yaml = row.grid_yaml;
        }
        return definition;
    }
    return std::nullopt;
}

Result<LibraryEntry> QuestionnaireLibrary::add(const std::string& text, const std::string& file_name, const Actor& actor) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        return one_error("Le fichier est vide : envoyez un questionnaire ou une extension au format YAML.",
                         "The file is empty: send a questionnaire or an extension in YAML.");
    if (text.size() > kMaxSourceBytes)
        return one_error("Le fichier dépasse 2 Mo : un questionnaire, et plus encore une extension, est bien plus petit.",
                         "The file exceeds 2 MB: a questionnaire, let alone an extension, is much smaller.");
    if (!is_valid_utf8(text))
        return one_error("Le fichier n'est pas en UTF-8 : enregistrez-le en UTF-8 puis envoyez-le à nouveau.",
                         "The file is not UTF-8: save it as UTF-8 and send it again.");
    const std::string shown_name = file_name.empty() ? "questionnaire.yaml" : file_name;
    ComposedDefinition composed = compose_definition(
        text, shown_name, [this](const std::string& id, const std::string& version) { return definition_of(id, version); });
    if (!composed.ok()) return definition_errors(composed.errors);

    const QuestionnaireDefinition& definition = composed.definition;
    LibraryVersion row;
    row.questionnaire_id = definition.questionnaire->id;
    row.version = definition.questionnaire->version;
    row.kind = composed.extension ? "extension" : "definition";
    row.title = definition.questionnaire->title.fr;
    if (composed.extension) {
        const QuestionnaireDefinition& builtin = provider_.current_definition();
        if (builtin.questionnaire->id == composed.base_questionnaire_id && builtin.questionnaire->version == composed.base_version) {
            TRY_ASSIGN(auto base, provider_.current_version());
            row.base_version_id = base.id;
        } else {
            TRY_ASSIGN(auto rows, store_.questionnaire_library.list());
            for (const auto& other : rows)
                if (other.questionnaire_id == composed.base_questionnaire_id && other.version == composed.base_version)
                    row.base_version_id = other.questionnaire_version_id;
        }
    }
    if (definition.grid) {
        row.grid_id = definition.grid_id;
        row.grid_version = definition.grid_version;
        row.grid_yaml = definition.grid_yaml;
    }
    row.source = text;
    row.file_name = file_name;
    TRY(provider_.current_version());  // the built-in version's row exists before any other (its number is taken)
    TRY_ASSIGN(auto stored, store_.questionnaire_library.add(row, definition.questionnaire_yaml, actor));
    TRY_ASSIGN(auto entries, list());
    for (auto& entry : entries)
        if (entry.questionnaire_version_id == stored.questionnaire_version_id) return std::move(entry);
    return Error::make(ErrorCode::storage, "La version enregistrée est introuvable.", "The stored version cannot be found.");
}

Result<QuestionnaireVersion> QuestionnaireLibrary::extend_purchase(Id acquisition_id, const std::string& text,
                                                                   const Actor& actor) {
    TRY_ASSIGN(auto acquisition, store_.acquisitions.find(acquisition_id));
    if (acquisition.status == "closed" || acquisition.status == "archived")
        return Error::make(ErrorCode::purchase_closed,
                           "L'achat est clos : son questionnaire ne change plus. Rouvrez-le d'abord.",
                           "The purchase is closed: its questionnaire no longer changes. Reopen it first.");
    if (text.size() > kMaxSourceBytes || !is_valid_utf8(text) || text.find_first_not_of(" \t\r\n") == std::string::npos)
        return one_error("Envoyez une extension au format YAML, en UTF-8, de 2 Mo au plus.",
                         "Send an extension in YAML, UTF-8, at most 2 MB.");
    TRY_ASSIGN(auto current, store_.questionnaires.find(acquisition.questionnaire_version_id));
    TRY_ASSIGN(auto questionnaire, provider_.get(current.id));
    QuestionnaireDefinition base;
    base.questionnaire = questionnaire;
    base.questionnaire_yaml = current.yaml;
    if (auto grid = store_.scoring_grids.for_acquisition(acquisition_id)) {
        auto loaded = load_grid(grid->yaml, grid->grid_id + " " + grid->version, *questionnaire);
        if (loaded.ok()) {
            base.grid = loaded.grid;
            base.grid_id = grid->grid_id;
            base.grid_version = grid->version;
            base.grid_yaml = grid->yaml;
        }
    }
    ComposedDefinition composed = compose_definition(text, "extension.yaml", [&](const std::string& id, const std::string& version) {
        return id == current.questionnaire_id && version == current.version ? std::optional(base) : std::nullopt;
    });
    if (!composed.ok()) return definition_errors(composed.errors);
    if (!composed.extension)
        return one_error("Envoyez une extension du questionnaire de l'achat (« extends: {questionnaire: " +
                             current.questionnaire_id + ", version: \"" + current.version + "\"} »), pas un questionnaire complet.",
                         "Send an extension of the purchase's questionnaire, not a whole questionnaire.");
    const QuestionnaireDefinition& definition = composed.definition;
    std::vector<std::string> added;  // recorded with the time: vendors who opened before see them as new
    for (const Question* question : definition.questionnaire->questions())
        if (!questionnaire->find_question(question->id)) added.push_back(question->id);
    return store_.questionnaire_library.pin_purchase(
        acquisition_id, definition.questionnaire->id, definition.questionnaire->version, definition.questionnaire_yaml,
        definition.grid ? definition.grid_id : std::string(), definition.grid ? definition.grid_version : std::string(),
        definition.grid ? definition.grid_yaml : std::string(), actor, added);
}

Result<std::string> QuestionnaireLibrary::add_purchase_question(Id acquisition_id, const PurchaseQuestionDraft& draft,
                                                                const Actor& actor) {
    TRY_ASSIGN(auto acquisition, store_.acquisitions.find(acquisition_id));
    TRY_ASSIGN(auto questionnaire, provider_.get(acquisition.questionnaire_version_id));
    // The version number is the purchase's own ("…-achat12.3"): one taken already on this
    // instance (an archive restored here) moves it on.
    for (int attempt = 0; attempt < 20; ++attempt) {
        PurchaseQuestionExtension written = write_purchase_question(*questionnaire, acquisition_id, draft, attempt);
        if (!written.ok()) {
            nlohmann::json fields = nlohmann::json::object();
            for (const auto& [field, message] : written.errors) fields[field] = message;
            return Error::make(ErrorCode::invalid_value, "Vérifiez les champs signalés.", "Check the fields shown.")
                .with_payload({{"fields", std::move(fields)}});
        }
        auto pinned = extend_purchase(acquisition_id, written.yaml, actor);
        if (pinned) return written.question_id;
        if (pinned.error().code != ErrorCode::conflict) return pinned.error();
    }
    return Error::make(ErrorCode::conflict, "Aucun numéro de version libre pour le questionnaire de cet achat.",
                       "No free version number for this purchase's questionnaire.");
}

Result<QuestionnaireVersion> QuestionnaireLibrary::version_for_new_purchase(Id requested) {
    TRY_ASSIGN(auto builtin, provider_.current_version());
    if (requested == 0 || requested == builtin.id) return builtin;
    auto row = store_.questionnaire_library.for_version(requested);
    if (!row) {
        if (row.error().code != ErrorCode::not_found) return row.error();
        return Error::make(ErrorCode::invalid_value,
                           "Ce questionnaire n'est pas dans la bibliothèque de l'instance : choisissez-en un dans la liste.",
                           "This questionnaire is not in the instance's library: choose one from the list.")
            .with_payload({{"fields", {{"questionnaire_version_id", "Questionnaire inconnu."}}}});
    }
    return store_.questionnaires.find(requested);
}

Result<void> QuestionnaireLibrary::attach_grid(Id acquisition_id, Id questionnaire_version_id, const Actor& actor) {
    TRY_ASSIGN(auto builtin, provider_.current_version());
    if (questionnaire_version_id == builtin.id) {
        TRY(provider_.attach_current_grid(acquisition_id, actor));
        return {};
    }
    TRY_ASSIGN(auto row, store_.questionnaire_library.for_version(questionnaire_version_id));
    if (row.grid_yaml.empty()) return {};  // a questionnaire without grid: no score, the answers alone
    TRY(store_.scoring_grids.attach(acquisition_id, row.grid_id, row.grid_version, row.grid_yaml, actor));
    return {};
}

}  // namespace cyberachat::services
