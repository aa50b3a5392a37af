#include "web/compressed_body_cache.hpp"

#include <functional>

namespace cyberachat::web {

CompressedBodyCache::CompressedBodyCache(size_t capacity_bytes) : capacity_(capacity_bytes) {}

std::optional<std::shared_ptr<const std::string>> CompressedBodyCache::find(std::string_view body) {
    if (capacity_ == 0 || body.size() > kLargestBody) return std::nullopt;
    const size_t hash = std::hash<std::string_view>{}(body);
    Shard& shard = shard_for(hash);
    std::lock_guard lock(shard.mutex);
    auto [first, last] = shard.by_hash.equal_range(hash);
    for (auto it = first; it != last; ++it)
        if (it->second->body == body) return it->second->compressed;
    return std::nullopt;
}

void CompressedBodyCache::store(std::string_view body, std::string compressed) {
    if (capacity_ == 0 || body.size() > kLargestBody) return;
    const size_t hash = std::hash<std::string_view>{}(body);
    auto entry = std::make_shared<Entry>(Entry{std::string(body), std::make_shared<const std::string>(std::move(compressed))});
    const size_t size = entry->body.size() + entry->compressed->size();
    const size_t shard_capacity = capacity_ / kShards;
    if (size > shard_capacity) return;
    Shard& shard = shard_for(hash);
    std::lock_guard lock(shard.mutex);
    auto [first, last] = shard.by_hash.equal_range(hash);
    for (auto it = first; it != last; ++it)
        if (it->second->body == body) return;  // another thread stored it meanwhile
    while (shard.bytes + size > shard_capacity && !shard.order.empty()) {
        auto [old_hash, old_entry] = shard.order.front();
        shard.order.pop_front();
        auto [from, to] = shard.by_hash.equal_range(old_hash);
        for (auto it = from; it != to; ++it)
            if (it->second == old_entry) {
                shard.by_hash.erase(it);
                break;
            }
        shard.bytes -= old_entry->body.size() + old_entry->compressed->size();
    }
    shard.by_hash.emplace(hash, entry);
    shard.order.emplace_back(hash, entry);
    shard.bytes += size;
}

}  // namespace cyberachat::web
