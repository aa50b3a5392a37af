#include "services/questionnaire_cache.hpp"

#include "definition/builtin_questionnaire.hpp"
#include "definition/definition_loader.hpp"

namespace cyberachat::services {

Result<std::shared_ptr<const Questionnaire>> QuestionnaireCache::get(Id version_id) {
    {
        std::lock_guard lock(mutex_);
        if (auto it = loaded_.find(version_id); it != loaded_.end()) return it->second;
    }
    auto version = store_.questionnaires.find(version_id);
    if (!version) return Error::make("not_found", "Version du questionnaire introuvable.", "Questionnaire version not found.");
    auto loaded = load_definition(version->yaml, version->questionnaire_id + " " + version->version);
    if (!loaded.ok())
        return Error::make("storage", "La version enregistrée du questionnaire ne se charge plus : " +
                                          loaded.errors.front().to_string());
    std::lock_guard lock(mutex_);
    loaded_[version_id] = loaded.questionnaire;
    return loaded.questionnaire;
}

Result<QuestionnaireVersion> QuestionnaireCache::current_version() {
    auto builtin = builtin_afib();
    return store_.questionnaires.ensure(builtin->id, builtin->version, std::string(builtin_afib_yaml()));
}

}  // namespace cyberachat::services
