#pragma once
// Remembers the gzip of recently sent bodies, keyed by the bytes themselves: when a handler renders
// exactly the bytes it rendered before (a page reloaded, a vendor going back to a section, the same
// chart fetched again), the compression — the largest single cost of a page — is not redone.
//
// The cache is content-addressed: an entry is used only when the new body is byte-for-byte the
// body it was made from (the hash picks the candidate, a full comparison confirms it), so it can
// never serve stale or someone else's content. Every request still runs its handler in full.
// Memory is bounded (least recently inserted entries go first); capacity 0 disables it.
#include <array>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cyberachat::web {

class CompressedBodyCache {
public:
    explicit CompressedBodyCache(size_t capacity_bytes);

    // The compressed form of `body` if it was stored, else nullopt.
    std::optional<std::shared_ptr<const std::string>> find(std::string_view body);
    void store(std::string_view body, std::string compressed);

    size_t capacity_bytes() const { return capacity_; }
    // Bodies larger than this are never stored (they are rarely identical twice).
    static constexpr size_t kLargestBody = 512 * 1024;

private:
    struct Entry {
        std::string body;
        std::shared_ptr<const std::string> compressed;
    };
    struct Shard {
        std::mutex mutex;
        std::unordered_multimap<size_t, std::shared_ptr<Entry>> by_hash;
        std::deque<std::pair<size_t, std::shared_ptr<Entry>>> order;  // oldest first
        size_t bytes = 0;
    };
    static constexpr size_t kShards = 16;
    Shard& shard_for(size_t hash) { return shards_[hash % kShards]; }

    size_t capacity_;
    std::array<Shard, kShards> shards_;
};

}  // namespace cyberachat::web
