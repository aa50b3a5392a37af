#include "store/internal.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace detail {

void append_event(soci::session& sql, const std::string& actor, const std::string& entity, Id entity_id,
                  const std::string& action, const std::string& field, const std::string& old_value,
                  const std::string& new_value) {
    insert_event(sql, Event{0, now_iso(), actor, entity, entity_id, action, field, old_value, new_value});
}

void insert_event(soci::session& sql, const Event& event) {
    const long long id = event.entity_id;
    sql << "INSERT INTO events (at, actor, entity, entity_id, action, field, old_value, new_value) "
           "VALUES (:at, :actor, :entity, :entity_id, :action, :field, :old_value, :new_value)",
        soci::use(event.at), soci::use(event.actor), soci::use(event.entity), soci::use(id), soci::use(event.action),
        soci::use(event.field), soci::use(event.old_value), soci::use(event.new_value);
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
