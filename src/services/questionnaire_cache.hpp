#pragma once
// Questionnaire versions stored with purchases, parsed once and kept in memory.
#include <map>
#include <memory>
#include <mutex>

#include "core/questionnaire.hpp"
#include "core/result.hpp"
#include "store/repositories.hpp"

namespace cyberachat::services {

class QuestionnaireCache {
public:
    explicit QuestionnaireCache(store::Store& store) : store_(store) {}
    Result<std::shared_ptr<const Questionnaire>> get(Id version_id);
    // The built-in AFIB questionnaire, stored (once) as a version; new purchases use it.
    Result<QuestionnaireVersion> current_version();

private:
    store::Store& store_;
    std::mutex mutex_;
    std::map<Id, std::shared_ptr<const Questionnaire>> loaded_;
};

}  // namespace cyberachat::services
