#include "store/engine.hpp"
#include "store/internal.hpp"
#include "store/journal_chain.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace detail {

std::string journal_actor(soci::session& sql, const std::string& actor) {
    constexpr std::string_view prefix = "user:";
    if (actor.compare(0, prefix.size(), prefix) != 0 || actor.compare(0, 6, "user:#") == 0) return actor;
    const std::string email = actor.substr(prefix.size());
    long long id = 0;
    soci::indicator ind = soci::i_null;
    soci::statement st = (sql.prepare << "SELECT id FROM users WHERE email = :email", soci::into(id, ind), soci::use(email));
    if (st.execute(true) && ind == soci::i_ok) return "user:#" + std::to_string(id);
    return actor;
}

void append_event(soci::session& sql, const std::string& actor, const std::string& entity, Id entity_id,
                  const std::string& action, const std::string& field, const std::string& old_value,
                  const std::string& new_value) {
    insert_event(sql, Event{0, now_iso(), journal_actor(sql, actor), entity, entity_id, action, field, old_value, new_value});
}

void insert_event(soci::session& sql, const Event& event) {
    // Under the writers' lock (Database::write), so nobody appends between these reads and the
    // insert. The id is known before the row is written (its hash covers it; the trigger forbids
    // an UPDATE afterwards): on SQLite the next rowid; on PostgreSQL the next value of the id's
    // sequence, which the previous release, writing without an id, uses too.
    Event chained = event;
    long long id = 0;
    if (engine_of(sql) == Engine::sqlite)
        sql << "SELECT COALESCE(MAX(id), 0) + 1 FROM events", soci::into(id);
    else
        sql << "SELECT nextval(pg_get_serial_sequence('events', 'id'))", soci::into(id);
    chained.id = id;
    // The last chained event: events without hash (written before migration 6, or by an instance
    // of the previous release during an upgrade) are not part of the chain.
    std::string prev_hash;
    soci::indicator prev_indicator = soci::i_null;
    sql << "SELECT hash FROM events WHERE hash <> '' ORDER BY id DESC LIMIT 1", soci::into(prev_hash, prev_indicator);
    if (prev_indicator != soci::i_ok) prev_hash.clear();
    const std::string hash = journal_event_hash(prev_hash, chained);
    const long long entity_id = event.entity_id;
    sql << "INSERT INTO events (id, at, actor, entity, entity_id, action, field, old_value, new_value, prev_hash, hash) "
           "VALUES (:id, :at, :actor, :entity, :entity_id, :action, :field, :old_value, :new_value, :prev_hash, :hash)",
        soci::use(id), soci::use(event.at), soci::use(event.actor), soci::use(event.entity), soci::use(entity_id),
        soci::use(event.action), soci::use(event.field), soci::use(event.old_value), soci::use(event.new_value),
        soci::use(prev_hash), soci::use(hash);
}

}  // namespace detail

namespace {

constexpr const char* kEventColumns = "id, at, actor, entity, entity_id, action, field, old_value, new_value";

struct EventRow {
    long long id = 0;
    std::string at, actor, entity;
    long long entity_id = 0;
    std::string action, field, old_value, new_value;

    void bind(soci::details::prepare_temp_type& p) {
        p, soci::into(id), soci::into(at), soci::into(actor), soci::into(entity), soci::into(entity_id),
            soci::into(action), soci::into(field), soci::into(old_value), soci::into(new_value);
    }
    Event to_event() const {
        return Event{id, at, actor, entity, entity_id, action, field, old_value, new_value};
    }
};

}  // namespace

Result<std::vector<Event>> EventRepository::list(const std::string& entity, Id entity_id, size_t limit) {
    std::vector<Event> out;
    TRY(db_->read([&](soci::session& sql) {
        EventRow row;
        long long id = entity_id;
        long long max = static_cast<long long>(limit);
        soci::details::prepare_temp_type p = sql.prepare << "SELECT " << kEventColumns
                                                         << " FROM events WHERE entity = :entity AND entity_id = :id"
                                                            " ORDER BY id DESC LIMIT :limit";
        row.bind(p);
        p, soci::use(entity), soci::use(id), soci::use(max);
        soci::statement st(p);
        st.execute();
        while (st.fetch()) out.push_back(row.to_event());
    }));
    return out;
}

Result<std::vector<Event>> EventRepository::list_all(size_t limit) {
    std::vector<Event> out;
    TRY(db_->read([&](soci::session& sql) {
        EventRow row;
        long long max = static_cast<long long>(limit);
        soci::details::prepare_temp_type p = sql.prepare << "SELECT " << kEventColumns
                                                         << " FROM events ORDER BY id DESC LIMIT :limit";
        row.bind(p);
        p, soci::use(max);
        soci::statement st(p);
        st.execute();
        while (st.fetch()) out.push_back(row.to_event());
    }));
    return out;
}

}  // namespace cyberachat::store
