// The outbox: every outgoing e-mail, queued by the services, delivered by the mail worker
// (services/mail_delivery), kept once sent. An invitation's secret link is the only secret here:
// stored in clear while the message waits (the link exists nowhere else: only its hash is kept
// on the response), read only by due(), erased once the message is sent or given up.
#include "store/internal.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

namespace {

constexpr const char* kOutboxColumns =
    "id, acquisition_id, response_id, recipient, language, kind, subject, text_body, html_body, secret_link, "
    "dedup_key, status, attempts, next_attempt_at, last_error, created_at, sent_at";

// One row as SOCI reads it (nullable columns with their indicators).
struct OutboxRow {
    long long id = 0, acquisition_id = 0, response_id = 0;
    int attempts = 0;
    soci::indicator response_ind = soci::i_null, link_ind = soci::i_null, dedup_ind = soci::i_null;
    OutboxMessage message;

    void bind(soci::details::prepare_temp_type& p) {
        p, soci::into(id), soci::into(acquisition_id), soci::into(response_id, response_ind),
            soci::into(message.recipient), soci::into(message.language), soci::into(message.kind),
            soci::into(message.subject), soci::into(message.text_body), soci::into(message.html_body),
            soci::into(message.secret_link, link_ind), soci::into(message.dedup_key, dedup_ind),
            soci::into(message.status), soci::into(attempts), soci::into(message.next_attempt_at),
            soci::into(message.last_error), soci::into(message.created_at), soci::into(message.sent_at);
    }
    OutboxMessage to_message(bool with_link) const {
        OutboxMessage out = message;
        out.id = id;
        out.acquisition_id = acquisition_id;
        out.response_id = response_ind == soci::i_ok ? response_id : 0;
        out.attempts = attempts;
        if (link_ind != soci::i_ok || !with_link) out.secret_link.clear();
        if (dedup_ind != soci::i_ok) out.dedup_key.clear();
        return out;
    }
};

// The rows `where` selects (its placeholder :key bound to `key`), `order`, as messages.
Result<std::vector<OutboxMessage>> outbox_rows(Database& db, const std::string& where, long long key,
                                               bool with_link) {
    std::vector<OutboxMessage> out;
    TRY(db.read([&](soci::session& sql) {
        OutboxRow row;
        soci::details::prepare_temp_type p = sql.prepare << "SELECT " << kOutboxColumns << " FROM outbox " << where;
        row.bind(p);
        p, soci::use(key);
        soci::statement st(p);
        st.execute();
        while (st.fetch()) out.push_back(row.to_message(with_link));
    }));
    return out;
}

// The kind of message `id` (read inside the caller's transaction); nullopt when there is none.
std::optional<std::string> outbox_kind(soci::session& sql, long long id) {
    std::string kind;
    soci::indicator ind = soci::i_null;
    sql << "SELECT kind FROM outbox WHERE id = :id", soci::use(id), soci::into(kind, ind);
    if (ind != soci::i_ok) return std::nullopt;
    return kind;
}

}  // namespace

Result<std::optional<OutboxMessage>> OutboxRepository::enqueue(const OutboxMessage& message, const std::string& now,
                                                               const Actor& actor) {
    if (message.recipient.empty() || message.kind.empty() || message.subject.empty())
        return detail::invalid("Message sans destinataire, type ou objet.", "Message without recipient, kind or subject.");
    if (message.language != "fr" && message.language != "en") return detail::invalid("Langue inconnue.", "Unknown language.");
    std::optional<OutboxMessage> queued;
    TRY(db_->write([&](soci::session& sql) -> Result<void> {
        long long acquisition = message.acquisition_id, response = message.response_id;
        if (!detail::exists(sql, "SELECT 1 FROM acquisitions WHERE id = :id", soci::use(acquisition)))
            return detail::not_found("Achat", "Purchase");
        if (response != 0 &&
            !detail::exists(sql, "SELECT 1 FROM responses WHERE id = :id AND acquisition_id = :a", soci::use(response),
                            soci::use(acquisition)))
            return detail::not_found("Réponse", "Response");
        if (!message.dedup_key.empty() &&
            detail::exists(sql, "SELECT 1 FROM outbox WHERE dedup_key = :key", soci::use(message.dedup_key)))
            return {};
        OutboxMessage row = message;
        row.status = "pending";
        row.attempts = 0;
        row.next_attempt_at = now;
        row.created_at = now;
        row.last_error.clear();
        row.sent_at.clear();
        soci::indicator response_ind = response != 0 ? soci::i_ok : soci::i_null;
        soci::indicator link_ind = row.secret_link.empty() ? soci::i_null : soci::i_ok;
        soci::indicator dedup_ind = row.dedup_key.empty() ? soci::i_null : soci::i_ok;
        long long id = 0;
        sql << "INSERT INTO outbox (acquisition_id, response_id, recipient, language, kind, subject, text_body, html_body, "
               "secret_link, dedup_key, status, attempts, next_attempt_at, last_error, created_at, sent_at) VALUES "
               "(:acquisition, :response, :recipient, :language, :kind, :subject, :text, :html, :link, :dedup, "
               "'pending', 0, :next, '', :created, '') RETURNING id",
            soci::use(acquisition), soci::use(response, response_ind), soci::use(row.recipient), soci::use(row.language),
            soci::use(row.kind), soci::use(row.subject), soci::use(row.text_body), soci::use(row.html_body),
            soci::use(row.secret_link, link_ind), soci::use(row.dedup_key, dedup_ind), soci::use(row.next_attempt_at),
            soci::use(row.created_at), soci::into(id);
        row.id = id;
        detail::append_event(sql, actor, "message", id, "enqueue", row.kind, {},
                             nlohmann::json{{"recipient", row.recipient}, {"kind", row.kind}}.dump());
        row.secret_link.clear();
        queued = std::move(row);
        return {};
    }));
    return queued;
}

Result<std::vector<OutboxMessage>> OutboxRepository::due(const std::string& now, size_t limit) {
    std::vector<OutboxMessage> out;
    TRY(db_->read([&](soci::session& sql) {
        OutboxRow row;
        long long count = static_cast<long long>(limit);
        soci::details::prepare_temp_type p = sql.prepare << "SELECT " << kOutboxColumns
                                                         << " FROM outbox WHERE status = 'pending' AND next_attempt_at <= :now"
                                                            " ORDER BY next_attempt_at, id LIMIT :limit";
        row.bind(p);
        p, soci::use(now), soci::use(count);
        soci::statement st(p);
        st.execute();
        while (st.fetch()) out.push_back(row.to_message(true));
    }));
    return out;
}

Result<void> OutboxRepository::mark_sent(Id id, const std::string& now) {
    return db_->write([&](soci::session& sql) -> Result<void> {
        long long key = id;
        const auto kind = outbox_kind(sql, key);
        if (!kind) return detail::not_found("Message", "Message");
        sql << "UPDATE outbox SET status = 'sent', sent_at = :now, attempts = attempts + 1, secret_link = NULL, "
               "last_error = '' WHERE id = :id",
            soci::use(now), soci::use(key);
        detail::append_event(sql, Actor("system", Via::system), "message", id, "sent", *kind);
        return {};
    });
}

Result<void> OutboxRepository::mark_attempt_failed(Id id, const std::string& next_attempt_at, const std::string& error,
                                                   bool give_up) {
    return db_->write([&](soci::session& sql) -> Result<void> {
        long long key = id;
        std::string kind;
        int attempts = 0;
        soci::indicator ind = soci::i_null;
        sql << "SELECT kind, attempts FROM outbox WHERE id = :id", soci::use(key), soci::into(kind, ind), soci::into(attempts);
        if (ind != soci::i_ok) return detail::not_found("Message", "Message");
        const std::string status = give_up ? "failed" : "pending";
        if (give_up)
            sql << "UPDATE outbox SET status = :status, attempts = attempts + 1, next_attempt_at = :next, "
                   "last_error = :error, secret_link = NULL WHERE id = :id",
                soci::use(status), soci::use(next_attempt_at), soci::use(error), soci::use(key);
        else
            sql << "UPDATE outbox SET status = :status, attempts = attempts + 1, next_attempt_at = :next, "
                   "last_error = :error WHERE id = :id",
                soci::use(status), soci::use(next_attempt_at), soci::use(error), soci::use(key);
        if (give_up)
            detail::append_event(sql, Actor("system", Via::system), "message", id, "failed", kind, {},
                                 nlohmann::json{{"attempts", attempts + 1}, {"error", error}}.dump());
        return {};
    });
}

Result<std::vector<OutboxMessage>> OutboxRepository::for_response(Id response_id) {
    return outbox_rows(*db_, "WHERE response_id = :key ORDER BY id DESC", response_id, false);
}

Result<std::vector<OutboxMessage>> OutboxRepository::for_acquisition(Id acquisition_id) {
    return outbox_rows(*db_, "WHERE acquisition_id = :key ORDER BY id DESC", acquisition_id, false);
}

Result<OutboxMessage> OutboxRepository::find(Id id) {
    TRY_ASSIGN(auto rows, outbox_rows(*db_, "WHERE id = :key", id, false));
    if (rows.empty()) return detail::not_found("Message", "Message");
    return std::move(rows.front());
}

Result<void> OutboxRepository::requeue(Id id, const std::string& now, const std::optional<std::string>& secret_link,
                                       const Actor& actor) {
    return db_->write([&](soci::session& sql) -> Result<void> {
        long long key = id;
        const auto kind = outbox_kind(sql, key);
        if (!kind) return detail::not_found("Message", "Message");
        sql << "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = :now, last_error = '' WHERE id = :id",
            soci::use(now), soci::use(key);
        if (secret_link) {
            soci::indicator link_ind = secret_link->empty() ? soci::i_null : soci::i_ok;
            sql << "UPDATE outbox SET secret_link = :link WHERE id = :id", soci::use(*secret_link, link_ind),
                soci::use(key);
        }
        detail::append_event(sql, actor, "message", id, "resend", *kind);
        return {};
    });
}

Result<void> OutboxRepository::replace_pending_links(Id response_id, const std::string& secret_link) {
    return db_->write([&](soci::session& sql) -> Result<void> {
        long long key = response_id;
        if (!secret_link.empty()) {
            sql << "UPDATE outbox SET secret_link = :link WHERE response_id = :id AND status = 'pending' AND "
                   "secret_link IS NOT NULL",
                soci::use(secret_link), soci::use(key);
            return {};
        }
        long long one = 0;
        std::vector<long long> pending;
        soci::statement st = (sql.prepare << "SELECT id FROM outbox WHERE response_id = :id AND status = 'pending' AND "
                                             "secret_link IS NOT NULL",
                              soci::use(key), soci::into(one));
        st.execute();
        while (st.fetch()) pending.push_back(one);
        const std::string reason = "Lien révoqué avant l'envoi";
        for (long long id : pending) {
            sql << "UPDATE outbox SET status = 'failed', secret_link = NULL, last_error = :error WHERE id = :id",
                soci::use(reason), soci::use(id);
            detail::append_event(sql, Actor("system", Via::system), "message", id, "failed", "invitation", {},
                                 nlohmann::json{{"error", reason}}.dump());
        }
        return {};
    });
}

}  // namespace cyberachat::store
