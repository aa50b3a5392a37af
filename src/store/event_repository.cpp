#include <algorithm>
#include <chrono>
#include <cstdio>

#include "store/engine.hpp"
#include "store/internal.hpp"
#include "store/journal_chain.hpp"
#include "store/prepared_queries.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace detail {

std::string journal_actor(soci::session& sql, const std::string& actor) {
    constexpr std::string_view prefix = "user:";
    if (actor.compare(0, prefix.size(), prefix) != 0 || actor.compare(0, 6, "user:#") == 0) return actor;
    const std::string email = actor.substr(prefix.size());
    if (auto id = query_prepared_value<long long>(sql, "SELECT id FROM users WHERE email = :email", email))
        return "user:#" + std::to_string(*id);
    return actor;
}

namespace {

// One number from a query on `sql` (0 when no row or NULL).
long long event_scope_number(soci::session& sql, const char* query, long long key) {
    return query_prepared_value<long long>(sql, query, key).value_or(0);
}

// What an event is about besides its own record: the purchase, the vendor response, the hospital
// account — found from its entity in the same transaction (the records exist: a repository that
// deletes one journals before deleting).
void fill_event_scope(soci::session& sql, Event& event) {
    const long long id = event.entity_id;
    event.acquisition_id = event.response_id = event.user_id = 0;
    if (event.entity == "acquisition") {
        event.acquisition_id = id;
    } else if (event.entity == "response" || event.entity == "answer" || event.entity == "review" ||
               event.entity == "opinion" || (event.entity == "session" && event.field == "vendor")) {
        event.response_id = id;
    } else if (event.entity == "document") {
        event.response_id = event_scope_number(sql, "SELECT response_id FROM documents WHERE id = :id", id);
    } else if (event.entity == "user" || (event.entity == "session" && event.field == "user")) {
        event.user_id = id;
    } else if (event.entity == "token") {
        event.user_id = event_scope_number(sql, "SELECT user_id FROM api_tokens WHERE id = :id", id);
    } else if (event.entity == "message") {
        event.response_id = event_scope_number(sql, "SELECT response_id FROM outbox WHERE id = :id", id);
        if (event.response_id == 0)
            event.acquisition_id = event_scope_number(sql, "SELECT acquisition_id FROM outbox WHERE id = :id", id);
    }
    if (event.response_id != 0)
        event.acquisition_id =
            event_scope_number(sql, "SELECT acquisition_id FROM responses WHERE id = :id", event.response_id);
}

}  // namespace

void append_event(soci::session& sql, const Actor& actor, const std::string& entity, Id entity_id,
                  const std::string& action, const std::string& field, const std::string& old_value,
                  const std::string& new_value) {
    Event event{0, now_iso(), journal_actor(sql, actor.name), entity, entity_id, action, field, old_value, new_value};
    event.via = std::string(via_name(actor.via));
    insert_event(sql, event);
}

void insert_event(soci::session& sql, const Event& event) {
    // Under the writers' lock (Database::write), so nobody appends between these reads and the
    // insert. The id is known before the row is written (its hash covers it; the trigger forbids
    // an UPDATE afterwards): on SQLite the next rowid; on PostgreSQL the next value of the id's
    // sequence, which the previous release, writing without an id, uses too.
    Event chained = event;
    fill_event_scope(sql, chained);
    const long long id = query_prepared_value<long long>(sql, engine_of(sql) == Engine::sqlite
                                                                   ? "SELECT COALESCE(MAX(id), 0) + 1 FROM events"
                                                                   : "SELECT nextval(pg_get_serial_sequence('events', 'id'))")
                             .value_or(1);
    chained.id = id;
    // The last chained event: events without hash (written before migration 6, or by an instance
    // of the previous release during an upgrade) are not part of the chain.
    const std::string prev_hash =
        query_prepared_value<std::string>(sql, "SELECT hash FROM events WHERE hash <> '' ORDER BY id DESC LIMIT 1").value_or("");
    const std::string hash = journal_event_hash(prev_hash, chained, kJournalFormat);
    const long long entity_id = chained.entity_id, acquisition_id = chained.acquisition_id,
                    response_id = chained.response_id, user_id = chained.user_id;
    const int format = kJournalFormat;
    execute_prepared(sql,
                     "INSERT INTO events (id, at, actor, entity, entity_id, action, field, old_value, new_value, prev_hash, "
                     "hash, format_version, via, acquisition_id, response_id, user_id) "
                     "VALUES (:id, :at, :actor, :entity, :entity_id, :action, :field, :old_value, :new_value, :prev_hash, "
                     ":hash, :format_version, :via, :acquisition_id, :response_id, :user_id)",
                     id, chained.at, chained.actor, chained.entity, entity_id, chained.action, chained.field,
                     chained.old_value, chained.new_value, prev_hash, hash, format, chained.via, acquisition_id,
                     response_id, user_id);
}

}  // namespace detail

namespace {

constexpr const char* kEventColumns =
    "id, at, actor, entity, entity_id, action, field, old_value, new_value, via, acquisition_id, response_id, user_id";

struct EventRow {
    long long id = 0;
    std::string at, actor, entity;
    long long entity_id = 0;
    std::string action, field, old_value, new_value, via;
    long long acquisition_id = 0, response_id = 0, user_id = 0;

    void bind(soci::details::prepare_temp_type& p) {
        p, soci::into(id), soci::into(at), soci::into(actor), soci::into(entity), soci::into(entity_id),
            soci::into(action), soci::into(field), soci::into(old_value), soci::into(new_value), soci::into(via),
            soci::into(acquisition_id), soci::into(response_id), soci::into(user_id);
    }
    Event to_event() const {
        Event event{id, at, actor, entity, entity_id, action, field, old_value, new_value};
        event.via = via;
        event.acquisition_id = acquisition_id;
        event.response_id = response_id;
        event.user_id = user_id;
        return event;
    }
};

// The ids of the events about one purchase, response or account: those written since migration 8
// by their columns, those of format 1 (before) by their entity as the repositories wrote them
// (documents by their current rows: the events of a document deleted before migration 8 are not
// found; nor those of a token revoked before it).
constexpr const char* kAcquisitionEventIds =
    "SELECT id FROM events WHERE acquisition_id = :s1"
    " UNION ALL SELECT id FROM events WHERE format_version = 1 AND entity = 'acquisition' AND entity_id = :s2"
    " UNION ALL SELECT id FROM events WHERE format_version = 1"
    " AND entity IN ('response', 'answer', 'review', 'opinion', 'session') AND (entity <> 'session' OR field = 'vendor')"
    " AND entity_id IN (SELECT id FROM responses WHERE acquisition_id = :s3)"
    " UNION ALL SELECT id FROM events WHERE format_version = 1 AND entity = 'document' AND entity_id IN"
    " (SELECT d.id FROM documents d JOIN responses r ON r.id = d.response_id WHERE r.acquisition_id = :s4)";
constexpr const char* kResponseEventIds =
    "SELECT id FROM events WHERE response_id = :s1"
    " UNION ALL SELECT id FROM events WHERE format_version = 1"
    " AND entity IN ('response', 'answer', 'review', 'opinion', 'session') AND (entity <> 'session' OR field = 'vendor')"
    " AND entity_id = :s2"
    " UNION ALL SELECT id FROM events WHERE format_version = 1 AND entity = 'document'"
    " AND entity_id IN (SELECT id FROM documents WHERE response_id = :s3)";
constexpr const char* kUserEventIds =
    "SELECT id FROM events WHERE actor = :s0"
    " UNION ALL SELECT id FROM events WHERE actor = :s0b"  // "user:#<id>" (schema 9 on), "user:<email>" before
    " UNION ALL SELECT id FROM events WHERE user_id = :s1"
    " UNION ALL SELECT id FROM events WHERE format_version = 1"
    " AND entity IN ('user', 'session') AND (entity <> 'session' OR field = 'user') AND entity_id = :s2"
    " UNION ALL SELECT id FROM events WHERE format_version = 1 AND entity = 'token'"
    " AND entity_id IN (SELECT id FROM api_tokens WHERE user_id = :s3)";

// Each filter is "(:x = <none> OR <test>)": one SQL text, whatever is given. Each placeholder is
// bound once, in order (SQLite gives a repeated name one slot).
constexpr const char* kEventFilterClauses =
    " AND (:from_given = 0 OR at >= :from_value)"
    " AND (:to_given = 0 OR at < :to_value)"
    " AND (:action_given = 0 OR action = :action_value)"
    " AND (:actor_given = 0 OR LOWER(actor) LIKE :actor_value ESCAPE '!')"
    " AND (:field_given = 0 OR field = :field_value)"
    " AND (:before_given = 0 OR id < :before_value)"
    " ORDER BY id DESC LIMIT :limit";

bool parse_filter_date(const std::string& text, std::chrono::year_month_day& out) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    const int year = std::stoi(text.substr(0, 4));
    const unsigned month = static_cast<unsigned>(std::stoi(text.substr(5, 2)));
    const unsigned day = static_cast<unsigned>(std::stoi(text.substr(8, 2)));
    out = std::chrono::year_month_day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    return out.ok();
}

std::string filter_date_text(std::chrono::year_month_day date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()));
    return text;
}

// The filter's values as bound: the dates checked (the "to" day included: up to the next day),
// the actor as a LIKE pattern ('!' escapes).
struct BoundEventFilter {
    int from_given = 0, to_given = 0, action_given = 0, actor_given = 0, field_given = 0, before_given = 0;
    std::string from, to, action, actor, field;
    long long before = 0, limit = 0;
};

Result<BoundEventFilter> bind_event_filter(const EventFilter& filter) {
    BoundEventFilter bound;
    std::chrono::year_month_day date{};
    if (!filter.from.empty()) {
        if (!parse_filter_date(filter.from, date))
            return detail::invalid("Date de début invalide (AAAA-MM-JJ attendu).", "Invalid start date (YYYY-MM-DD expected).");
        bound.from_given = 1;
        bound.from = filter.from;
    }
    if (!filter.to.empty()) {
        if (!parse_filter_date(filter.to, date))
            return detail::invalid("Date de fin invalide (AAAA-MM-JJ attendu).", "Invalid end date (YYYY-MM-DD expected).");
        bound.to_given = 1;
        bound.to = filter_date_text(std::chrono::year_month_day{std::chrono::sys_days{date} + std::chrono::days{1}});
    }
    bound.action_given = filter.action.empty() ? 0 : 1;
    bound.action = filter.action;
    if (!filter.actor.empty()) {
        bound.actor_given = 1;
        bound.actor = "%";
        for (char c : lower_ascii(filter.actor)) {
            if (c == '%' || c == '_' || c == '!') bound.actor += '!';
            bound.actor += c;
        }
        bound.actor += '%';
    }
    bound.field_given = filter.field.empty() ? 0 : 1;
    bound.field = filter.field;
    bound.before_given = filter.before_id > 0 ? 1 : 0;
    bound.before = filter.before_id;
    bound.limit = static_cast<long long>(std::clamp<size_t>(filter.limit, 1, EventFilter::kMaxLimit));
    return bound;
}

// The events whose ids `scope_ids` selects (its placeholders bound to `keys` in order), filtered, newest first.
Result<std::vector<Event>> list_scoped_events(Database& db, const char* scope_ids, const std::vector<std::string>& text_keys,
                                              const std::vector<long long>& keys, const EventFilter& filter) {
    TRY_ASSIGN(BoundEventFilter bound, bind_event_filter(filter));
    std::vector<Event> out;
    TRY(db.read([&](soci::session& sql) {
        EventRow row;
        soci::details::prepare_temp_type p = sql.prepare << "SELECT " << kEventColumns << " FROM events WHERE id IN ("
                                                         << scope_ids << ")" << kEventFilterClauses;
        row.bind(p);
        for (const std::string& key : text_keys) p, soci::use(key);
        for (const long long& key : keys) p, soci::use(key);
        p, soci::use(bound.from_given), soci::use(bound.from), soci::use(bound.to_given), soci::use(bound.to),
            soci::use(bound.action_given), soci::use(bound.action), soci::use(bound.actor_given), soci::use(bound.actor),
            soci::use(bound.field_given), soci::use(bound.field), soci::use(bound.before_given), soci::use(bound.before),
            soci::use(bound.limit);
        soci::statement st(p);
        st.execute();
        while (st.fetch()) out.push_back(row.to_event());
    }));
    return out;
}

}  // namespace

Result<std::vector<Event>> EventRepository::for_acquisition(Id acquisition_id, const EventFilter& filter) {
    const long long id = acquisition_id;
    return list_scoped_events(*db_, kAcquisitionEventIds, {}, {id, id, id, id}, filter);
}

Result<std::vector<Event>> EventRepository::for_response(Id response_id, const EventFilter& filter) {
    const long long id = response_id;
    return list_scoped_events(*db_, kResponseEventIds, {}, {id, id, id}, filter);
}

Result<std::vector<Event>> EventRepository::for_user(const User& user, const EventFilter& filter) {
    const long long id = user.id;
    return list_scoped_events(*db_, kUserEventIds, {"user:" + user.email, "user:#" + std::to_string(user.id)},
                              {id, id, id}, filter);
}

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
