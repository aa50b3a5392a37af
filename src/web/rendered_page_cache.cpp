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

std::optional<RenderedPageCache::Page> RenderedPageCache::find_page(const std::string& key) {
    if (capacity_ == 0) return std::nullopt;
    std::lock_guard lock(mutex_);
    auto found = by_key_.find(key);
    if (found == by_key_.end()) return std::nullopt;
    by_use_.splice(by_use_.begin(), by_use_, found->second);
    return Page{found->second->html, found->second->gzip};
}

void RenderedPageCache::store(const std::string& key, std::string html) {
    const size_t bytes = entry_bytes(key, html);
    if (capacity_ == 0 || bytes > capacity_ / 4) return;  // one page never takes a quarter of it
    auto shared = std::make_shared<const std::string>(std::move(html));
    std::lock_guard lock(mutex_);
    if (auto found = by_key_.find(key); found != by_key_.end()) {
        bytes_ -= found->second->bytes();
        by_use_.erase(found->second);
        by_key_.erase(found);
    }
    evict_until_room_for(bytes);
    by_use_.push_front(Entry{key, std::move(shared), nullptr});
    by_key_.emplace(key, by_use_.begin());
    bytes_ += bytes;
}

void RenderedPageCache::keep_gzip(const std::string& key, const std::shared_ptr<const std::string>& html,
                                  std::shared_ptr<const std::string> gzip) {
    if (capacity_ == 0 || !gzip) return;
    std::lock_guard lock(mutex_);
    auto found = by_key_.find(key);
    if (found == by_key_.end() || found->second->html != html || found->second->gzip) return;
    const size_t more = gzip->size();
    if (found->second->bytes() + more > capacity_ / 4) return;
    // Room first, this page kept (it is the most recently used: evicted last, and only if alone).
    by_use_.splice(by_use_.begin(), by_use_, found->second);
    evict_until_room_for(more);
    if (by_key_.find(key) == by_key_.end()) return;
    found->second->gzip = std::move(gzip);
    bytes_ += more;
}

void RenderedPageCache::evict_until_room_for(size_t bytes) {
    while (!by_use_.empty() && bytes_ + bytes > capacity_) {
        const Entry& oldest = by_use_.back();
        bytes_ -= oldest.bytes();
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
