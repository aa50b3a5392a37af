#pragma once
// What the pages of one vendor's response show: the purchase, the response, its questionnaire,
// its evaluation (visibility, progress), its answers and documents.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/acquisition.hpp"
#include "core/engine.hpp"
#include "core/questionnaire.hpp"

namespace cyberachat::web::views {

using AnswerMap = std::map<std::string, StoredAnswer>;                      // question id → answer
using DocumentMap = std::map<std::string, std::vector<StoredDocument>>;     // question id → documents

struct ResponseView {
    const Acquisition& acquisition;
    const VendorResponse& response;
    const Questionnaire& questionnaire;
    const Evaluation& evaluation;
    const AnswerMap& answers;
    const DocumentMap& documents;
    // The questions added to the purchase after the vendor first opened its link: marked "new".
    const std::set<std::string>* new_questions = nullptr;
    bool is_new(const std::string& question_id) const { return new_questions && new_questions->count(question_id) > 0; }
};

// The manufacturer's files kept with the response (its MDS2, its SBOM: the slots "mds2" and "sbom"
// in place of a question id), oldest first.
inline std::vector<StoredDocument> manufacturer_documents(const ResponseView& view) {
    std::vector<StoredDocument> out;
    for (const char* slot : {"mds2", "sbom"})
        if (auto kept = view.documents.find(slot); kept != view.documents.end())
            out.insert(out.end(), kept->second.begin(), kept->second.end());
    return out;
}

// The number of documents attached to the response.
inline size_t document_count(const ResponseView& view) {
    size_t count = 0;
    for (const auto& [question_id, documents] : view.documents) count += documents.size();
    return count;
}

}  // namespace cyberachat::web::views
