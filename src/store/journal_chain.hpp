#pragma once
// The tamper-evident journal: each event (table `events`, append-only) carries the SHA-256 of its
// own content chained to the previous event's (migration 6). detail::insert_event writes the
// links; verify_journal walks them. Events written before migration 6 have no hash: they are
// "before the chain", counted but not checked.
//
// What the chain shows: a row changed, removed or inserted behind the program's back (with the
// triggers dropped or disabled) breaks it at that row or at the next one, unless every following
// hash was recomputed too — the hashes are unkeyed, so whoever can write the database can rewrite
// the whole chain from that point; noting the last link elsewhere (verify prints it) detects that.
// Removing the last events leaves a valid, shorter chain, which only such a noted link reveals.
//
// Two formats (column events.format_version): 1, events written before migration 8 (or by an
// instance of the release before it during an upgrade), hashed as they were; 2, since migration 8,
// whose hash also covers where the change came from (via) and the purchase, response and account
// the event is about. Changing a row's format breaks its hash too.
#include <string>

#include "core/acquisition.hpp"
#include "core/result.hpp"

namespace cyberachat::store {

struct Store;

// The format new events are written in.
inline constexpr int kJournalFormat = 2;

// Hex SHA-256 of `prev_hash` and the event's id, time, actor, entity, entity id, action, field,
// old and new values — and, in format 2, its via, purchase, response and account ids —, each
// written as its length in bytes, ':' and the bytes (so that no two different events serialize
// alike), after a version tag.
std::string journal_event_hash(const std::string& prev_hash, const Event& event, int format = kJournalFormat);

struct JournalVerification {
    enum class Break {
        none,
        content_changed,  // the event's content no longer matches its hash
        link_broken,      // its prev_hash is not the previous chained event's hash: events removed or inserted before it
        unchained,        // an event without hash after the chain began: inserted outside the program (or by an
                          // instance of a release before migration 6 still running during an upgrade)
    };
    long long chained = 0;       // events checked and found linked (before the break, if any)
    long long before_chain = 0;  // events without hash before the first chained one
    Break problem = Break::none;
    Id broken_event_id = 0;       // the first event where the chain breaks
    Id last_event_id = 0;         // the last chained event verified, and its hash ("" for none)
    std::string last_hash;
    bool intact() const { return problem == Break::none; }
};

// Walks the whole journal by id, a page at a time (never the whole table in memory), recomputing
// each chained event's hash and checking its link to the previous one; stops at the first break.
// Events appended while it runs are verified too. Error "storage" if the journal cannot be read.
Result<JournalVerification> verify_journal(Store& store);

}  // namespace cyberachat::store
