// Password reset links: made by an administrator (page, API, CLI), used once by the account's
// owner. Only the SHA-256 of the link's token is stored; the journal never sees it.
#include "store/internal.hpp"
#include "store/repositories.hpp"

namespace cyberachat::store {

Result<PasswordReset> PasswordResetRepository::create(Id user_id, const std::string& token_hash,
                                                      long long lifetime_seconds, const Actor& actor) {
    if (token_hash.empty()) return detail::invalid("Lien vide.", "Empty link.");
    PasswordReset reset;
    reset.user_id = user_id;
    reset.created_at = now_iso();
    reset.expires_at = detail::iso_seconds_ago(-lifetime_seconds);
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        long long user = user_id;
        if (!detail::exists(sql, "SELECT 1 FROM users WHERE id = :id", soci::use(user)))
            return detail::not_found("Utilisateur", "User");
        if (detail::exists(sql, "SELECT 1 FROM password_resets WHERE token_hash = :hash", soci::use(token_hash)))
            return detail::conflict("Ce lien existe déjà.", "This link exists already.");
        long long id = 0;
        sql << "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) "
               "VALUES (:hash, :user_id, :created_at, :expires_at) RETURNING id",
            soci::use(token_hash), soci::use(user), soci::use(reset.created_at), soci::use(reset.expires_at),
            soci::into(id);
        reset.id = id;
        detail::append_event(sql, actor, "user", user_id, "reset_link", {}, {},
                             nlohmann::json{{"expires_at", reset.expires_at}}.dump());
        return {};
    });
    if (!written) return written.error();
    return reset;
}

Result<PasswordReset> PasswordResetRepository::find(const std::string& token_hash) {
    std::optional<PasswordReset> out;
    if (token_hash.empty()) return detail::not_found("Lien", "Link");
    TRY(db_->read([&](soci::session& sql) {
        long long id = 0, user = 0;
        PasswordReset row;
        soci::statement st = (sql.prepare << "SELECT id, user_id, created_at, expires_at, used_at FROM password_resets "
                                             "WHERE token_hash = :hash",
                              soci::into(id), soci::into(user), soci::into(row.created_at), soci::into(row.expires_at),
                              soci::into(row.used_at), soci::use(token_hash));
        if (st.execute(true)) {
            row.id = id;
            row.user_id = user;
            out = row;
        }
    }));
    if (!out) return detail::not_found("Lien", "Link");
    return std::move(*out);
}

Result<void> PasswordResetRepository::use(Id reset_id, const std::string& password_hash, const Actor& actor) {
    if (password_hash.empty()) return detail::invalid("Empreinte de mot de passe vide.", "Empty password hash.");
    const std::string now = now_iso();
    return db_->write([&](soci::session& sql) -> Result<void> {
        long long key = reset_id, user = 0;
        std::string expires_at, used_at;
        soci::indicator ind = soci::i_null;
        sql << "SELECT user_id, expires_at, used_at FROM password_resets WHERE id = :id", soci::use(key),
            soci::into(user, ind), soci::into(expires_at), soci::into(used_at);
        if (ind != soci::i_ok) return detail::not_found("Lien", "Link");
        if (!used_at.empty() || expires_at <= now)
            return detail::conflict("Ce lien n'est plus valable (déjà utilisé ou expiré).",
                                    "This link is no longer valid (used already or expired).");
        sql << "UPDATE password_resets SET used_at = :now WHERE id = :id", soci::use(now), soci::use(key);
        sql << "UPDATE users SET password_hash = :hash WHERE id = :id", soci::use(password_hash), soci::use(user);
        sql << "DELETE FROM sessions WHERE kind = 'user' AND subject_id = :id", soci::use(user);
        detail::append_event(sql, actor, "user", user, "reset_password", "password");
        return {};
    });
}

}  // namespace cyberachat::store
