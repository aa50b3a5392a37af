#include "core/section_fingerprint.hpp"

#include "core/fnv_hash.hpp"

namespace cyberachat {

std::string section_fingerprint(const Questionnaire& questionnaire, const Section& section,
                                const std::map<std::string, StoredAnswer>& answers,
                                const std::map<std::string, std::vector<StoredDocument>>& documents, bool read_only) {
    FnvHash hash;
    hash.add_field(questionnaire.id).add_field(questionnaire.version).add_field(section.id);
    hash.add_field(read_only ? "read-only" : "open");
    for (const Question& question : section.questions) {
        auto answer = answers.find(question.id);
        hash.add_field(question.id).add_field(std::to_string(answer == answers.end() ? 0 : answer->second.revision));
        if (auto files = documents.find(question.id); files != documents.end())
            for (const StoredDocument& document : files->second) hash.add_field(std::to_string(document.id));
    }
    return hash.hex();
}

}  // namespace cyberachat
