// API tokens: a user's long-lived credential for scripts. Only the SHA-256 of the token is kept.
#include "store/internal.hpp"
#include "store/repositories.hpp"
#include "store/user_row.hpp"

namespace cyberachat::store {

Result<Id> ApiTokenRepository::create(Id user_id, const std::string& token_hash, const std::string& name,
                                      const std::string& actor) {
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
        sql << "INSERT INTO api_tokens (user_id, token_hash, name, created_at) "
               "VALUES (:user_id, :token_hash, :name, :created_at) RETURNING id",
            soci::use(user), soci::use(token_hash), soci::use(name), soci::use(now), soci::into(id);
        created = id;
        detail::append_event(sql, actor, "token", created, "create", {}, {},
                             nlohmann::json{{"user_id", user_id}, {"name", name}}.dump());
        return {};
    });
    if (!written) return written.error();
    return created;
}

Result<User> ApiTokenRepository::find_user(const std::string& token_hash) {
    std::optional<User> out;
    if (token_hash.empty()) return detail::not_found("Compte", "Account");
    TRY(db_->read([&](soci::session& sql) {
        detail::UserRow row;
        soci::details::prepare_temp_type p =
            sql.prepare << "SELECT " << detail::UserRow::kJoinedColumns
                        << " FROM api_tokens t JOIN users u ON u.id = t.user_id"
                           " WHERE t.token_hash = :token_hash AND u.active = 1";
        row.bind(p);
        p, soci::use(token_hash);
        soci::statement st(p);
        if (st.execute(true)) out = row.to_user();
    }));
    if (!out) return detail::not_found("Compte", "Account");
    return std::move(*out);
}

}  // namespace cyberachat::store
