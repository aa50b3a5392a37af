// Sessions (cookie → subject). The journal gets logins, logouts, language changes, revocations
// and expiries — never the token hash nor the CSRF token; touch() writes no event (it runs at
// every request).
#include <cstdio>

#include "store/internal.hpp"
#include "store/prepared_queries.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace {

constexpr const char* kSessionColumns = "token_hash, kind, subject_id, csrf_token, language, created_at, last_seen_at";

struct SessionRow {
    std::string token_hash, kind;
    long long subject_id = 0;
    std::string csrf_token, language, created_at, last_seen_at;

    void bind(soci::details::prepare_temp_type& p) {
        p, soci::into(token_hash), soci::into(kind), soci::into(subject_id), soci::into(csrf_token),
            soci::into(language), soci::into(created_at), soci::into(last_seen_at);
    }
    Session to_session() const {
        return Session{token_hash, kind, subject_id, csrf_token, language, created_at, last_seen_at};
    }
};

// "user:#<id>" or "vendor:<response id>": who the session belongs to (the journal names accounts by id).
std::string subject_actor(soci::session&, const std::string& kind, long long subject_id) {
    return (kind == "user" ? "user:#" : "vendor:") + std::to_string(subject_id);
}

std::optional<SessionRow> find_session_row(soci::session& sql, const std::string& token_hash) {
    std::optional<SessionRow> out;
    detail::select_rows<SessionRow>(
        sql, std::string("SELECT ") + kSessionColumns + " FROM sessions WHERE token_hash = :token_hash", token_hash,
        [&](const SessionRow& row) { out = row; }, true);
    return out;
}

void log_failure(const char* what, const Result<void>& result) {
    if (!result.ok()) {
        std::fprintf(stderr, "cyberachat: session %s failed: %s\n", what, result.error().message.in(Language::en).c_str());
    }
}

}  // namespace

Result<void> SessionRepository::create(const Session& session) {
    if (session.token_hash.empty())
        return detail::invalid("Session sans identifiant.", "Session without an identifier.");
    if (session.kind != "user" && session.kind != "vendor")
        return detail::invalid("Type de session inconnu.", "Unknown session kind.");
    Session stored = session;
    const std::string now = now_iso();
    if (stored.created_at.empty()) stored.created_at = now;
    if (stored.last_seen_at.empty()) stored.last_seen_at = stored.created_at;
    if (stored.language.empty()) stored.language = "fr";
    return db_->write([&](soci::session& sql) -> Result<void> {
        if (detail::exists(sql, "SELECT 1 FROM sessions WHERE token_hash = :token_hash", soci::use(stored.token_hash)))
            return detail::conflict("Session déjà existante.", "Session already exists.");
        long long subject = stored.subject_id;
        sql << "INSERT INTO sessions (token_hash, kind, subject_id, csrf_token, language, created_at, last_seen_at) "
               "VALUES (:token_hash, :kind, :subject_id, :csrf_token, :language, :created_at, :last_seen_at)",
            soci::use(stored.token_hash), soci::use(stored.kind), soci::use(subject), soci::use(stored.csrf_token),
            soci::use(stored.language), soci::use(stored.created_at), soci::use(stored.last_seen_at);
        const nlohmann::json shown = {{"kind", stored.kind}, {"language", stored.language}};
        detail::append_event(sql, Actor(subject_actor(sql, stored.kind, subject), Via::page), "session", stored.subject_id, "login",
                             stored.kind, {}, shown.dump());
        return {};
    });
}

Result<Session> SessionRepository::find(const std::string& token_hash) {
    std::optional<Session> out;
    if (token_hash.empty()) return detail::not_found("Session", "Session");
    TRY(db_->read([&](soci::session& sql) {
        if (auto row = find_session_row(sql, token_hash)) out = row->to_session();
    }));
    if (!out) return detail::not_found("Session", "Session");
    return std::move(*out);
}

void SessionRepository::touch(const std::string& token_hash) {
    const std::string now = now_iso();
    log_failure("touch", db_->write([&](soci::session& sql) -> Result<void> {
        sql << "UPDATE sessions SET last_seen_at = :now WHERE token_hash = :token_hash", soci::use(now),
            soci::use(token_hash);
        return {};
    }));
}

void SessionRepository::set_language(const std::string& token_hash, const std::string& language) {
    log_failure("set_language", db_->write([&](soci::session& sql) -> Result<void> {
        auto row = find_session_row(sql, token_hash);
        if (!row || row->language == language) return {};
        sql << "UPDATE sessions SET language = :language WHERE token_hash = :token_hash", soci::use(language),
            soci::use(token_hash);
        detail::append_event(sql, Actor(subject_actor(sql, row->kind, row->subject_id), Via::page), "session", row->subject_id,
                             "update", "language", detail::json_text(row->language), detail::json_text(language));
        return {};
    }));
}

void SessionRepository::remove(const std::string& token_hash) {
    log_failure("remove", db_->write([&](soci::session& sql) -> Result<void> {
        auto row = find_session_row(sql, token_hash);
        if (!row) return {};
        sql << "DELETE FROM sessions WHERE token_hash = :token_hash", soci::use(token_hash);
        detail::append_event(sql, Actor(subject_actor(sql, row->kind, row->subject_id), Via::page), "session", row->subject_id,
                             "logout", row->kind);
        return {};
    }));
}

void SessionRepository::remove_for_subject(const std::string& kind, Id subject_id) {
    log_failure("remove_for_subject", db_->write([&](soci::session& sql) -> Result<void> {
        long long subject = subject_id;
        long long n = 0;
        sql << "SELECT COUNT(*) FROM sessions WHERE kind = :kind AND subject_id = :subject_id", soci::into(n),
            soci::use(kind), soci::use(subject);
        if (n == 0) return {};
        sql << "DELETE FROM sessions WHERE kind = :kind AND subject_id = :subject_id", soci::use(kind),
            soci::use(subject);
        detail::append_event(sql, Actor("system", Via::system), "session", subject_id, "revoke", kind, {},
                             nlohmann::json{{"sessions", n}}.dump());
        return {};
    }));
}

void SessionRepository::remove_idle(int idle_seconds) {
    const std::string cutoff = detail::iso_seconds_ago(idle_seconds);
    log_failure("remove_idle", db_->write([&](soci::session& sql) -> Result<void> {
        // Collect first (one event per expired session), then delete.
        std::vector<std::pair<std::string, long long>> expired;
        {
            std::string kind;
            long long subject = 0;
            soci::statement st = (sql.prepare << "SELECT kind, subject_id FROM sessions WHERE last_seen_at < :cutoff",
                                  soci::into(kind), soci::into(subject), soci::use(cutoff));
            st.execute();
            while (st.fetch()) expired.emplace_back(kind, subject);
        }
        if (expired.empty()) return {};
        sql << "DELETE FROM sessions WHERE last_seen_at < :cutoff", soci::use(cutoff);
        for (const auto& [kind, subject] : expired)
            detail::append_event(sql, Actor("system", Via::system), "session", subject, "expire", kind);
        return {};
    }));
}

Result<std::vector<Session>> SessionRepository::list_for_subject(const std::string& kind, Id subject_id) {
    std::vector<Session> out;
    TRY(db_->read([&](soci::session& sql) {
        SessionRow row;
        long long subject = subject_id;
        soci::details::prepare_temp_type p = sql.prepare << "SELECT " << kSessionColumns
                                                         << " FROM sessions WHERE kind = :kind AND subject_id = :subject"
                                                            " ORDER BY created_at, token_hash";
        row.bind(p);
        p, soci::use(kind), soci::use(subject);
        soci::statement st(p);
        st.execute();
        while (st.fetch()) out.push_back(row.to_session());
    }));
    return out;
}

Result<void> SessionRepository::revoke(const std::string& token_hash, const Actor& actor) {
    return db_->write([&](soci::session& sql) -> Result<void> {
        auto row = find_session_row(sql, token_hash);
        if (!row) return detail::not_found("Session", "Session");
        sql << "DELETE FROM sessions WHERE token_hash = :token_hash", soci::use(token_hash);
        detail::append_event(sql, actor, "session", row->subject_id, "revoke", row->kind);
        return {};
    });
}

}  // namespace cyberachat::store
