#include "web/rendered_page_cache.hpp"

namespace cyberachat::web {
namespace {

size_t entry_bytes(const std::string& key, const std::string& html) { return key.size() + html.size(); }

}  // namespace

RenderedPageCache::RenderedPageCache(size_t capacity_bytes) : capacity_(capacity_bytes) {}

std::shared_ptr<const std::string> RenderedPageCache::find(const std::string& key) {
    if (capacity_ == 0) return nullptr;
    std::lock_guard lock(mutex_);
    auto found = by_key_.find(key);
    if (found == by_key_.end()) return nullptr;
    by_use_.splice(by_use_.begin(), by_use_, found->second);
    return found->second->html;
}

void RenderedPageCache::store(const std::string& key, std::string html) {
    const size_t bytes = entry_bytes(key, html);
    if (capacity_ == 0 || bytes > capacity_ / 4) return;  // one page never takes a quarter of it
    auto shared = std::make_shared<const std::string>(std::move(html));
    std::lock_guard lock(mutex_);
    if (auto found = by_key_.find(key); found != by_key_.end()) {
        bytes_ -= entry_bytes(key, *found->second->html);
        by_use_.erase(found->second);
        by_key_.erase(found);
    }
    evict_until_room_for(bytes);
    by_use_.push_front(Entry{key, std::move(shared)});
    by_key_.emplace(key, by_use_.begin());
    bytes_ += bytes;
}

void RenderedPageCache::evict_until_room_for(size_t bytes) {
    while (!by_use_.empty() && bytes_ + bytes > capacity_) {
        const Entry& oldest = by_use_.back();
        bytes_ -= entry_bytes(oldest.key, *oldest.html);
        by_key_.erase(oldest.key);
        by_use_.pop_back();
    }
}

size_t RenderedPageCache::size_bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
}

size_t RenderedPageCache::entries() const {
    std::lock_guard lock(mutex_);
    return by_key_.size();
}

}  // namespace cyberachat::web
