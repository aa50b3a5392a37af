#pragma once
// What loading a response reads and works out beyond its own row and its purchase's — its answers,
// documents, the engine's evaluation, the questions new to it — kept by the response's revision
// (VendorResponse::revision, raised by the database at any change of them: store migration 19).
// An entry is stored only when it is exactly the state of that revision: a load whose revision was
// still the same after its reads, or a save applied to such a state inside the transaction that
// moved the revision (store::SavedAnswer). So an entry found for the revision a request has just
// read is that response as it is: a vendor saving answer after answer, or going from page to page,
// is not read again each time. Bounded: least recently used entries go first.
#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/acquisition.hpp"
#include "core/engine.hpp"

namespace cyberachat::services {

struct LoadedResponseState {
    Id questionnaire_version_id = 0;
    std::map<std::string, StoredAnswer> answers;
    std::map<std::string, std::vector<StoredDocument>> documents;
    AnswerSet answer_set;
    Evaluation evaluation;
    std::set<std::string> new_questions;
};

class ResponseSnapshotCache {
public:
    explicit ResponseSnapshotCache(size_t max_entries) : max_entries_(max_entries) {}

    // The state of this response at exactly this revision, or null.
    std::shared_ptr<const LoadedResponseState> find(Id response_id, std::int64_t revision);
    void store(Id response_id, std::int64_t revision, std::shared_ptr<const LoadedResponseState> state);

    size_t entries() const;

private:
    struct Entry {
        Id response_id;
        std::int64_t revision;
        std::shared_ptr<const LoadedResponseState> state;
    };
    size_t max_entries_;
    mutable std::mutex mutex_;
    std::list<Entry> by_use_;  // most recently used first
    std::unordered_map<Id, std::list<Entry>::iterator> by_response_;
};

}  // namespace cyberachat::services
