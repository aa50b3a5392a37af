// The login guard's counters in the database (table login_counters, migration 4), shared by every
// instance: one write loads the three counters of an attempt, lets the guard change them and saves
// what changed.
#include <algorithm>
#include <array>
#include <cstdio>
#include <sstream>

#include "store/internal.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace {

using security::LoginCounter;
using security::WallClock;

long long counter_milliseconds(WallClock::time_point time) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

WallClock::time_point counter_time(long long milliseconds) {
    return WallClock::time_point(std::chrono::milliseconds(milliseconds));
}

// in_flight: "1767225600000 1767225600042"
std::string join_reservations(const std::vector<WallClock::time_point>& times) {
    std::string text;
    for (const auto& time : times) {
        if (!text.empty()) text += ' ';
        text += std::to_string(counter_milliseconds(time));
    }
    return text;
}

std::vector<WallClock::time_point> split_reservations(const std::string& text) {
    std::vector<WallClock::time_point> times;
    std::istringstream in(text);
    long long milliseconds = 0;
    while (in >> milliseconds) times.push_back(counter_time(milliseconds));
    return times;
}

// known_addresses: one per line (an address holds no newline).
std::string join_addresses(const std::vector<std::string>& addresses) {
    std::string text;
    for (const auto& address : addresses) {
        if (!text.empty()) text += '\n';
        text += address;
    }
    return text;
}

std::vector<std::string> split_addresses(const std::string& text) {
    std::vector<std::string> addresses;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) addresses.push_back(line);
    return addresses;
}

// One counter as loaded, and as the guard left it.
struct CounterRow {
    CounterRow(std::string kind_, std::string key_) : kind(std::move(kind_)), key(std::move(key_)) {}
    std::string kind, key;
    bool stored = false;
    LoginCounter loaded;
    LoginCounter counter;
};

void load_counter(soci::session& sql, CounterRow& row) {
    long long failures = 0, last_failure = 0;
    std::string in_flight, known;
    soci::statement st = (sql.prepare << "SELECT failures, last_failure_ms, in_flight, known_addresses FROM login_counters "
                                         "WHERE kind = :kind AND counter_key = :counter_key",
                          soci::into(failures), soci::into(last_failure), soci::into(in_flight), soci::into(known),
                          soci::use(row.kind), soci::use(row.key));
    row.stored = st.execute(true);
    if (row.stored) {
        row.loaded.failures = static_cast<int>(failures);
        row.loaded.last_failure = counter_time(last_failure);
        row.loaded.in_flight = split_reservations(in_flight);
        row.loaded.known_addresses = split_addresses(known);
    }
    row.counter = row.loaded;
}

void save_counter(soci::session& sql, const CounterRow& row) {
    if (row.stored && row.counter == row.loaded) return;
    if (row.counter.idle()) {
        if (row.stored)
            sql << "DELETE FROM login_counters WHERE kind = :kind AND counter_key = :counter_key", soci::use(row.kind),
                soci::use(row.key);
        return;
    }
    const LoginCounter& counter = row.counter;
    long long failures = counter.failures;
    long long last_failure = counter_milliseconds(counter.last_failure);
    const std::string in_flight = join_reservations(counter.in_flight);
    long long last_reserved = 0;
    for (const auto& time : counter.in_flight) last_reserved = std::max(last_reserved, counter_milliseconds(time));
    const std::string known = join_addresses(counter.known_addresses);
    if (row.stored)
        sql << "UPDATE login_counters SET failures = :failures, last_failure_ms = :last_failure, in_flight = :in_flight, "
               "last_reserved_ms = :last_reserved, known_addresses = :known WHERE kind = :kind AND counter_key = :counter_key",
            soci::use(failures), soci::use(last_failure), soci::use(in_flight), soci::use(last_reserved),
            soci::use(known), soci::use(row.kind), soci::use(row.key);
    else
        sql << "INSERT INTO login_counters (kind, counter_key, failures, last_failure_ms, in_flight, last_reserved_ms, "
               "known_addresses) VALUES (:kind, :counter_key, :failures, :last_failure, :in_flight, :last_reserved, :known)",
            soci::use(row.kind), soci::use(row.key), soci::use(failures), soci::use(last_failure),
            soci::use(in_flight), soci::use(last_reserved), soci::use(known);
}

void log_counter_failure(const char* what, const Error& error) {
    std::fprintf(stderr, "cyberachat: login counters %s failed: %s\n", what, error.message.in(Language::en).c_str());
}

}  // namespace

bool LoginCounterRepository::update(const std::string& account, const std::string& address,
                                    const std::function<void(security::LoginCounters&)>& change) {
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        std::array<CounterRow, 3> rows{CounterRow{"pair", account + '\n' + address}, CounterRow{"address", address},
                                       CounterRow{"account", account}};
        for (CounterRow& row : rows) load_counter(sql, row);
        security::LoginCounters counters{rows[0].counter, rows[1].counter, rows[2].counter};
        change(counters);
        rows[0].counter = std::move(counters.pair);
        rows[1].counter = std::move(counters.address);
        rows[2].counter = std::move(counters.account);
        for (const CounterRow& row : rows) save_counter(sql, row);
        return {};
    });
    if (!written) log_counter_failure("update", written.error());
    return written.ok();
}

void LoginCounterRepository::forget_quiet(security::WallClock::time_point failures_before,
                                          security::WallClock::time_point reservations_before) {
    long long failure_cutoff = counter_milliseconds(failures_before);
    long long reservation_cutoff = counter_milliseconds(reservations_before);
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        sql << "DELETE FROM login_counters WHERE known_addresses = '' AND last_failure_ms < :failure_cutoff "
               "AND last_reserved_ms < :reservation_cutoff",
            soci::use(failure_cutoff), soci::use(reservation_cutoff);
        return {};
    });
    if (!written) log_counter_failure("cleanup", written.error());
}

}  // namespace cyberachat::store
