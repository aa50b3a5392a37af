#include "services/response_snapshot_cache.hpp"

namespace cyberachat::services {

std::shared_ptr<const LoadedResponseState> ResponseSnapshotCache::find(Id response_id, std::int64_t revision) {
    if (max_entries_ == 0) return nullptr;
    std::lock_guard lock(mutex_);
    auto found = by_response_.find(response_id);
    if (found == by_response_.end() || found->second->revision != revision) return nullptr;
    by_use_.splice(by_use_.begin(), by_use_, found->second);
    return found->second->state;
}

void ResponseSnapshotCache::store(Id response_id, std::int64_t revision, std::shared_ptr<const LoadedResponseState> state) {
    if (max_entries_ == 0 || revision < 0 || !state) return;
    std::lock_guard lock(mutex_);
    if (auto found = by_response_.find(response_id); found != by_response_.end()) {
        if (found->second->revision > revision) return;  // a newer state is there already
        by_use_.erase(found->second);
        by_response_.erase(found);
    }
    while (by_response_.size() >= max_entries_ && !by_use_.empty()) {
        by_response_.erase(by_use_.back().response_id);
        by_use_.pop_back();
    }
    by_use_.push_front(Entry{response_id, revision, std::move(state)});
    by_response_.emplace(response_id, by_use_.begin());
}

size_t ResponseSnapshotCache::entries() const {
    std::lock_guard lock(mutex_);
    return by_response_.size();
}

}  // namespace cyberachat::services
