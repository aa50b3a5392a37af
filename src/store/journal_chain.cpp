#include "store/journal_chain.hpp"

#include "security/secrets.hpp"
#include "store/internal.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace {

void append_length_prefixed(std::string& out, std::string_view field) {
    out += std::to_string(field.size());
    out += ':';
    out += field;
}

// Events read per page by verify_journal.
constexpr long long kJournalPage = 500;

struct ChainedEventRow {
    Event event;
    long long entity_id = 0, acquisition_id = 0, response_id = 0, user_id = 0;
    int format = 1;
    std::string prev_hash, hash;
};

}  // namespace

std::string journal_event_hash(const std::string& prev_hash, const Event& event, int format) {
    std::string serialized = format >= 2 ? "cyberachat-journal-v2" : "cyberachat-journal-v1";
    append_length_prefixed(serialized, prev_hash);
    append_length_prefixed(serialized, std::to_string(event.id));
    append_length_prefixed(serialized, event.at);
    append_length_prefixed(serialized, event.actor);
    append_length_prefixed(serialized, event.entity);
    append_length_prefixed(serialized, std::to_string(event.entity_id));
    append_length_prefixed(serialized, event.action);
    append_length_prefixed(serialized, event.field);
    append_length_prefixed(serialized, event.old_value);
    append_length_prefixed(serialized, event.new_value);
    if (format >= 2) {
        append_length_prefixed(serialized, event.via);
        append_length_prefixed(serialized, std::to_string(event.acquisition_id));
        append_length_prefixed(serialized, std::to_string(event.response_id));
        append_length_prefixed(serialized, std::to_string(event.user_id));
    }
    return security::sha256_hex(serialized);
}

Result<JournalVerification> verify_journal(Store& store) {
    JournalVerification verification;
    bool chain_started = false;
    long long after = 0;
    for (bool more = true; more && verification.intact();) {
        std::vector<ChainedEventRow> page;
        TRY(store.db->read([&](soci::session& sql) {
            ChainedEventRow row;
            long long id = 0, page_size = kJournalPage;
            soci::statement st =
                (sql.prepare << "SELECT id, at, actor, entity, entity_id, action, field, old_value, new_value, "
                                "prev_hash, hash, format_version, via, acquisition_id, response_id, user_id "
                                "FROM events WHERE id > :after ORDER BY id LIMIT :page",
                 soci::into(id), soci::into(row.event.at), soci::into(row.event.actor), soci::into(row.event.entity),
                 soci::into(row.entity_id), soci::into(row.event.action), soci::into(row.event.field),
                 soci::into(row.event.old_value), soci::into(row.event.new_value), soci::into(row.prev_hash),
                 soci::into(row.hash), soci::into(row.format), soci::into(row.event.via), soci::into(row.acquisition_id),
                 soci::into(row.response_id), soci::into(row.user_id), soci::use(after), soci::use(page_size));
            st.execute();
            while (st.fetch()) {
                row.event.id = id;
                row.event.entity_id = row.entity_id;
                row.event.acquisition_id = row.acquisition_id;
                row.event.response_id = row.response_id;
                row.event.user_id = row.user_id;
                page.push_back(row);
            }
        }));
        more = static_cast<long long>(page.size()) == kJournalPage;
        for (const ChainedEventRow& row : page) {
            after = row.event.id;
            if (row.hash.empty()) {
                if (!chain_started) {
                    ++verification.before_chain;
                    continue;
                }
                verification.problem = JournalVerification::Break::unchained;
            } else if (journal_event_hash(row.prev_hash, row.event, row.format) != row.hash) {
                verification.problem = JournalVerification::Break::content_changed;
            } else if (row.prev_hash != verification.last_hash) {
                verification.problem = JournalVerification::Break::link_broken;
            }
            if (!verification.intact()) {
                verification.broken_event_id = row.event.id;
                break;
            }
            chain_started = true;
            ++verification.chained;
            verification.last_event_id = row.event.id;
            verification.last_hash = row.hash;
        }
    }
    return verification;
}

}  // namespace cyberachat::store
