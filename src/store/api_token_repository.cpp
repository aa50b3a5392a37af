// API tokens: a user's long-lived credential for scripts. Only the SHA-256 of the token is kept.
#include "store/internal.hpp"
#include "store/repositories.hpp"
#include "store/user_row.hpp"

namespace cyberachat::store {

Result<Id> ApiTokenRepository::create(Id user_id, const std::string& token_hash, const std::string& name,
                                      const Actor& actor, const std::string& expires_at) {
    if (token_hash.empty()) return detail::invalid("Jeton vide.", "Empty token.");
    Id created = 0;
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        long long user = user_id;
        if (!detail::exists(sql, "SELECT 1 FROM users WHERE id = :id", soci::use(user)))
            return detail::not_found("Utilisateur", "User");
        if (detail::exists(sql, "SELECT 1 FROM api_tokens WHERE token_hash = :token_hash", soci::use(token_hash)))
            return detail::conflict("Ce jeton existe déjà.", "This token exists already.");
        const std::string now = now_iso();
        long long id = 0;
        sql << "INSERT INTO api_tokens (user_id, token_hash, name, created_at, expires_at) "
               "VALUES (:user_id, :token_hash, :name, :created_at, :expires_at) RETURNING id",
            soci::use(user), soci::use(token_hash), soci::use(name), soci::use(now), soci::use(expires_at),
            soci::into(id);
        created = id;
        nlohmann::json shown = {{"user_id", user_id}, {"name", name}};
        if (!expires_at.empty()) shown["expires_at"] = expires_at;
        detail::append_event(sql, actor, "token", created, "create", {}, {}, shown.dump());
        return {};
    });
    if (!written) return written.error();
    return created;
}

Result<User> ApiTokenRepository::find_user(const std::string& token_hash) {
    std::optional<User> out;
    if (token_hash.empty()) return detail::not_found("Compte", "Account");
    const std::string now = now_iso();
    TRY(db_->read([&](soci::session& sql) {
        detail::UserRow row;
        soci::details::prepare_temp_type p =
            sql.prepare << "SELECT " << detail::UserRow::kJoinedColumns
                        << " FROM api_tokens t JOIN users u ON u.id = t.user_id"
                           " WHERE t.token_hash = :token_hash AND u.active = 1"
                           " AND (t.expires_at = '' OR t.expires_at > :now)";
        row.bind(p);
        p, soci::use(token_hash), soci::use(now);
        soci::statement st(p);
        if (st.execute(true)) out = row.to_user();
    }));
    if (!out) return detail::not_found("Compte", "Account");
    return std::move(*out);
}

Result<std::vector<ApiToken>> ApiTokenRepository::list(std::optional<Id> user_id) {
    std::vector<ApiToken> out;
    TRY(db_->read([&](soci::session& sql) {
        long long id = 0, user = 0;
        std::string email, name, created_at, expires_at;
        long long filter = user_id.value_or(0);
        int all = user_id ? 0 : 1;
        soci::statement st = (sql.prepare << "SELECT t.id, t.user_id, u.email, t.name, t.created_at, t.expires_at "
                                             "FROM api_tokens t JOIN users u ON u.id = t.user_id "
                                             "WHERE (:all = 1 OR t.user_id = :user) ORDER BY t.id",
                              soci::into(id), soci::into(user), soci::into(email), soci::into(name),
                              soci::into(created_at), soci::into(expires_at), soci::use(all), soci::use(filter));
        st.execute();
        while (st.fetch()) out.push_back(ApiToken{id, user, email, name, created_at, expires_at});
    }));
    return out;
}

Result<ApiToken> ApiTokenRepository::find(Id id) {
    TRY_ASSIGN(auto all, list());
    for (ApiToken& token : all)
        if (token.id == id) return std::move(token);
    return detail::not_found("Jeton", "Token");
}

Result<void> ApiTokenRepository::revoke(Id id, const Actor& actor) {
    return db_->write([&](soci::session& sql) -> Result<void> {
        long long key = id;
        if (!detail::exists(sql, "SELECT 1 FROM api_tokens WHERE id = :id", soci::use(key)))
            return detail::not_found("Jeton", "Token");
        detail::append_event(sql, actor, "token", id, "revoke");  // first: the event is about the token's account
        sql << "DELETE FROM api_tokens WHERE id = :id", soci::use(key);
        return {};
    });
}

}  // namespace cyberachat::store
