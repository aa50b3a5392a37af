#include <map>
#include "store/internal.hpp"
#include "store/repositories.hpp"
#include "store/user_row.hpp"

namespace cyberachat::store {

namespace detail {

void UserRow::bind(soci::details::prepare_temp_type& p) {
    p, soci::into(id), soci::into(email), soci::into(display_name), soci::into(role), soci::into(password_hash),
        soci::into(active), soci::into(created_at), soci::into(origin);
}

User UserRow::to_user() const {
    User user;
    user.id = id;
    user.email = email;
    user.display_name = display_name;
    user.role = parse_role(role).value_or(Role::biomedical);
    user.password_hash = password_hash;
    user.active = active != 0;
    user.created_at = created_at;
    user.origin = origin;
    return user;
}

}  // namespace detail

namespace {

using detail::UserRow;

template <typename Key>
Result<User> find_user_where(Database& db, const std::string& where, const Key& key) {
    std::optional<User> out;
    TRY(db.read([&](soci::session& sql) {
        UserRow row;
        soci::details::prepare_temp_type p = sql.prepare << "SELECT " << UserRow::kColumns << " FROM users WHERE "
                                                         << where;
        row.bind(p);
        p, soci::use(key);
        soci::statement st(p);
        if (st.execute(true)) out = row.to_user();
    }));
    if (!out) return detail::not_found("Compte", "Account");
    return std::move(*out);
}

}  // namespace

Result<User> UserRepository::create(const User& user, const Actor& actor) {
    User stored = user;
    stored.email = lower_ascii(trim(user.email));
    stored.display_name = std::string(trim(user.display_name));
    if (stored.email.empty() || stored.email.find('@') == std::string::npos)
        return detail::invalid("Adresse électronique invalide.", "Invalid email address.");
    stored.created_at = now_iso();
    auto written = db_->write([&](soci::session& sql) -> Result<void> {
        if (detail::exists(sql, "SELECT 1 FROM users WHERE email = :email", soci::use(stored.email)))
            return detail::conflict("Un compte existe déjà avec cette adresse.", "An account with this email exists.");
        const std::string role(role_name(stored.role));
        const int active = stored.active ? 1 : 0;
        long long id = 0;
        if (stored.origin != "local" && stored.origin != "directory")
            return detail::invalid("Origine de compte inconnue.", "Unknown account origin.");
        sql << "INSERT INTO users (email, display_name, role, password_hash, active, created_at, origin) "
               "VALUES (:email, :display_name, :role, :password_hash, :active, :created_at, :origin) RETURNING id",
            soci::use(stored.email), soci::use(stored.display_name), soci::use(role), soci::use(stored.password_hash),
            soci::use(active), soci::use(stored.created_at), soci::use(stored.origin), soci::into(id);
        stored.id = id;
        // Not the e-mail nor the name: the journal names the account by id (pseudonymous once deleted).
        const nlohmann::json shown = {{"role", role}, {"active", stored.active}, {"origin", stored.origin}};
        detail::append_event(sql, actor, "user", stored.id, "create", {}, {}, shown.dump());
        return {};
    });
    if (!written) return written.error();
    return stored;
}

Result<User> UserRepository::find(Id id) {
    return find_user_where(*db_, "id = :id", static_cast<long long>(id));
}

Result<User> UserRepository::find_by_email(std::string_view email) {
    return find_user_where(*db_, "email = :email", lower_ascii(trim(email)));
}

Result<std::vector<User>> UserRepository::list() {
    std::vector<User> out;
    TRY(db_->read([&](soci::session& sql) {
        UserRow row;
        soci::details::prepare_temp_type p = sql.prepare << "SELECT " << UserRow::kColumns
                                                         << " FROM users WHERE email NOT LIKE 'deleted:%' ORDER BY id";
        row.bind(p);
        soci::statement st(p);
        st.execute();
        while (st.fetch()) out.push_back(row.to_user());
    }));
    return out;
}

Result<size_t> UserRepository::count() {
    long long n = 0;
    TRY(db_->read([&](soci::session& sql) { sql << "SELECT COUNT(*) FROM users", soci::into(n); }));
    return static_cast<size_t>(n);
}

Result<void> UserRepository::set_password_hash(Id id, const std::string& hash, const Actor& actor) {
    if (hash.empty()) return detail::invalid("Empreinte de mot de passe vide.", "Empty password hash.");
    return db_->write([&](soci::session& sql) -> Result<void> {
        long long key = id;
        if (!detail::exists(sql, "SELECT 1 FROM users WHERE id = :id", soci::use(key)))
            return detail::not_found("Utilisateur", "User");
        sql << "UPDATE users SET password_hash = :hash WHERE id = :id", soci::use(hash), soci::use(key);
        // The journal says that the password changed, never what it became.
        detail::append_event(sql, actor, "user", id, "set_password", "password");
        return {};
    });
}

Result<void> UserRepository::set_active(Id id, bool active, const Actor& actor) {
    return db_->write([&](soci::session& sql) -> Result<void> {
        long long key = id;
        int current = 0;
        soci::indicator ind = soci::i_null;
        sql << "SELECT active FROM users WHERE id = :id", soci::use(key), soci::into(current, ind);
        if (ind != soci::i_ok) return detail::not_found("Utilisateur", "User");
        if ((current != 0) == active) return {};
        int value = active ? 1 : 0;
        sql << "UPDATE users SET active = :active WHERE id = :id", soci::use(value), soci::use(key);
        detail::append_event(sql, actor, "user", id, active ? "enable" : "disable", "active",
                             active ? "false" : "true", active ? "true" : "false");
        if (active) return {};
        // A disabled account keeps nothing open: its sessions end, its API tokens are revoked, at once.
        sql << "DELETE FROM sessions WHERE kind = 'user' AND subject_id = :id", soci::use(key);
        std::vector<long long> tokens;
        {
            soci::rowset<long long> rows = (sql.prepare << "SELECT id FROM api_tokens WHERE user_id = :id", soci::use(key));
            for (long long token : rows) tokens.push_back(token);
        }
        for (long long token : tokens) {
            detail::append_event(sql, actor, "token", token, "revoke", "", {}, nlohmann::json{{"reason", "disable"}}.dump());
            sql << "DELETE FROM api_tokens WHERE id = :id", soci::use(token);
        }
        detail::append_event(sql, actor, "session", id, "revoke", "user");
        return {};
    });
}

namespace {

// One text column of an account set to `value`, journalled as an "update" of `column` (old → new);
// unchanged: nothing written. `column` is one of this file's, never a caller's text.
Result<void> update_user_column(Database& db, Id id, const char* column, const std::string& value,
                                const Actor& actor) {
    return db.write([&](soci::session& sql) -> Result<void> {
        long long key = id;
        std::string current;
        soci::indicator ind = soci::i_null;
        sql << "SELECT " << column << " FROM users WHERE id = :id", soci::use(key), soci::into(current, ind);
        if (ind != soci::i_ok) return detail::not_found("Utilisateur", "User");
        if (current == value) return {};
        sql << "UPDATE users SET " << column << " = :value WHERE id = :id", soci::use(value), soci::use(key);
        detail::append_event(sql, actor, "user", id, "update", column, detail::json_text(current),
                             detail::json_text(value));
        return {};
    });
}

}  // namespace

Result<void> UserRepository::set_role(Id id, Role role, const Actor& actor) {
    return update_user_column(*db_, id, "role", std::string(role_name(role)), actor);
}

Result<void> UserRepository::set_display_name(Id id, const std::string& display_name, const Actor& actor) {
    return update_user_column(*db_, id, "display_name", std::string(trim(display_name)), actor);
}

Result<std::map<Id, std::string>> UserRepository::last_logins() {
    std::map<Id, std::string> out;
    TRY(db_->read([&](soci::session& sql) {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT CAST(entity_id AS TEXT), MAX(at) FROM events WHERE entity = 'session' "
                            "AND action = 'login' AND field = 'user' GROUP BY entity_id");
        for (const soci::row& row : rows) out[std::stoll(row.get<std::string>(0))] = row.get<std::string>(1);
    }));
    return out;
}

Result<void> UserRepository::remove(Id id, const Actor& actor) {
    return db_->write([&](soci::session& sql) -> Result<void> {
        long long key = id;
        std::string email;
        soci::indicator ind = soci::i_null;
        sql << "SELECT email FROM users WHERE id = :id", soci::use(key), soci::into(email, ind);
        if (ind != soci::i_ok || email.rfind("deleted:", 0) == 0) return detail::not_found("Utilisateur", "User");
        // Written before the e-mail goes, while journal_actor can still resolve an actor naming it.
        detail::append_event(sql, actor, "user", id, "delete");
        const std::string old_actor = "user:" + email, pseudonym = "user:#" + std::to_string(id);
        const std::string tombstone = "deleted:" + std::to_string(id);
        sql << "UPDATE users SET email = :email, display_name = '', password_hash = '', active = 0 WHERE id = :id",
            soci::use(tombstone), soci::use(key);
        sql << "DELETE FROM sessions WHERE kind = 'user' AND subject_id = :id", soci::use(key);
        sql << "DELETE FROM api_tokens WHERE user_id = :id", soci::use(key);
        sql << "DELETE FROM password_resets WHERE user_id = :id", soci::use(key);
        for (const char* update : {"UPDATE answers SET updated_by = :pseudonym WHERE updated_by = :actor",
                                   "UPDATE weight_overrides SET updated_by = :pseudonym WHERE updated_by = :actor",
                                   "UPDATE reviews SET author = :pseudonym WHERE author = :actor",
                                   "UPDATE opinions SET author = :pseudonym WHERE author = :actor",
                                   "UPDATE acquisition_members SET added_by = :pseudonym WHERE added_by = :actor"})
            sql << update, soci::use(pseudonym), soci::use(old_actor);
        return {};
    });
}

bool is_deleted_account(const User& user) { return user.email.rfind("deleted:", 0) == 0; }

}  // namespace cyberachat::store
