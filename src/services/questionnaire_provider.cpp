#include "services/questionnaire_provider.hpp"

#include "definition/definition_loader.hpp"

namespace cyberachat::services {

Result<std::shared_ptr<const Questionnaire>> QuestionnaireProvider::get(Id version_id) {
    {
        std::lock_guard lock(mutex_);
        if (auto it = loaded_.find(version_id); it != loaded_.end()) return it->second;
    }
    TRY_ASSIGN(auto version, store_.questionnaires.find(version_id));
    auto loaded = load_definition(version.yaml, version.questionnaire_id + " " + version.version);
    if (!loaded.ok())
        return Error::make(ErrorCode::storage, "La version enregistrée du questionnaire ne se charge plus : " +
                                                   loaded.errors.front().to_string());
    std::lock_guard lock(mutex_);
    loaded_[version_id] = loaded.questionnaire;
    return loaded.questionnaire;
}

Result<QuestionnaireVersion> QuestionnaireProvider::current_version() {
    const Questionnaire& questionnaire = *current_.questionnaire;
    return store_.questionnaires.ensure(questionnaire.id, questionnaire.version, current_.questionnaire_yaml);
}

Result<StoredGrid> QuestionnaireProvider::attach_current_grid(Id acquisition_id, const Actor& actor) {
    return store_.scoring_grids.attach(acquisition_id, current_.grid_id, current_.grid_version, current_.grid_yaml, actor);
}

bool QuestionnaireProvider::is_current(const Questionnaire& questionnaire) const {
    return questionnaire.id == current_.questionnaire->id && questionnaire.version == current_.questionnaire->version;
}

}  // namespace cyberachat::services
