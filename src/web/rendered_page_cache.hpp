#pragma once
// Keeps the HTML of recently rendered vendor section pages, keyed by everything the page is made
// of (web/vendor_section_page_key.hpp): the response's revision, which the database raises in the
// transaction of any change the page could show (store migration 19), the section, the session
// (its language, its CSRF token in the forms), the lock, the hospital's identity. While the key is
// the same, the page is the same bytes: they are sent again without reading the answers, running
// the branching engine or writing the HTML. A change anywhere (an answer saved in another tab, an
// Excel import, the hospital extending the deadline, the CLI) gives a new revision, hence a new
// key: a cached page can be unused, never stale, and never another session's (its key names it).
//
// Memory is bounded (least recently used first out); capacity 0 turns it off.
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace cyberachat::web {

class RenderedPageCache {
public:
    explicit RenderedPageCache(size_t capacity_bytes);

    // The page stored under `key`, or null.
    std::shared_ptr<const std::string> find(const std::string& key);
    void store(const std::string& key, std::string html);

    // The page and, once kept (keep_gzip), its gzip: sent as they are, neither copied nor hashed
    // nor compressed again.
    struct Page {
        std::shared_ptr<const std::string> html;
        std::shared_ptr<const std::string> gzip;  // null until kept
    };
    std::optional<Page> find_page(const std::string& key);
    // Keeps `gzip` with the page stored under `key` if it is still `html` (counted in the capacity).
    void keep_gzip(const std::string& key, const std::shared_ptr<const std::string>& html,
                   std::shared_ptr<const std::string> gzip);

    size_t capacity_bytes() const { return capacity_; }
    size_t size_bytes() const;
    size_t entries() const;

private:
    struct Entry {
        std::string key;
        std::shared_ptr<const std::string> html;
        std::shared_ptr<const std::string> gzip;
        size_t bytes() const { return key.size() + html->size() + (gzip ? gzip->size() : 0); }
    };
    void evict_until_room_for(size_t bytes);  // under the lock

    size_t capacity_;
    mutable std::mutex mutex_;
    std::list<Entry> by_use_;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
    size_t bytes_ = 0;
};

}  // namespace cyberachat::web
