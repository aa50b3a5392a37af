#include "services/account_service.hpp"

#include <chrono>
#include <ctime>

#include "core/answer_validation.hpp"
#include "core/ascii_text.hpp"
#include "core/utf8.hpp"
#include "security/password_policy.hpp"
#include "security/secrets.hpp"

namespace cyberachat::services {
namespace {

Error account_refusal(ErrorCode code, const std::string& fr, const std::string& en) { return Error::make(code, fr, en); }

Error directory_account_error() {
    return account_refusal(ErrorCode::invalid_value,
                           "Ce compte est géré par l'annuaire : son mot de passe se change dans l'annuaire de "
                           "l'établissement, pas ici.",
                           "This account is managed by the directory: its password is changed in the directory, not here.");
}

// A generated password that passes the policy (almost every one does: 20 random characters).
std::string generated_password_for(const std::string& email) {
    for (;;) {
        std::string candidate = security::generate_password();
        if (security::check_password_policy(candidate, email)) return candidate;
    }
}

// "2026-11-29T10:15:00Z", `days` from now.
std::string days_from_now(int days) {
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) +
                     static_cast<std::time_t>(days) * 86400;
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

}  // namespace

Result<User> AccountService::live_account(Id user_id) {
    TRY_ASSIGN(User user, store_.users.find(user_id));
    if (store::is_deleted_account(user)) return Error::make(ErrorCode::not_found, "Compte introuvable.", "Account not found.");
    return user;
}

Result<std::vector<AccountRow>> AccountService::list() {
    TRY_ASSIGN(auto users, store_.users.list());
    TRY_ASSIGN(auto logins, store_.users.last_logins());
    std::vector<AccountRow> out;
    for (User& user : users) {
        auto login = logins.find(user.id);
        out.push_back(AccountRow{std::move(user), login != logins.end() ? login->second : std::string()});
    }
    return out;
}

Result<AccountRow> AccountService::find(Id user_id) {
    TRY_ASSIGN(User user, live_account(user_id));
    TRY_ASSIGN(auto logins, store_.users.last_logins());
    auto login = logins.find(user.id);
    return AccountRow{std::move(user), login != logins.end() ? login->second : std::string()};
}

Result<CreatedAccount> AccountService::create(const NewAccount& input, const Actor& actor) {
    auto email = validate_email(input.email);
    if (!email)
        return account_refusal(ErrorCode::invalid_value, "Adresse e-mail invalide : « " + input.email + " ».",
                               "Invalid e-mail address: \"" + input.email + "\".");
    CreatedAccount created;
    User user;
    user.email = lower_ascii(trim(*email));
    user.display_name = input.display_name.empty() ? user.email : std::string(trim(input.display_name));
    if (!is_valid_utf8(user.display_name) || longer_than(user.display_name, 200))
        return account_refusal(ErrorCode::invalid_value, "Nom trop long (200 caractères au plus).",
                               "Name too long (200 characters at most).");
    user.role = input.role;
    if (input.origin == "directory") {
        if (!input.password.empty())
            return account_refusal(ErrorCode::invalid_value,
                                   "Un compte de l'annuaire n'a pas de mot de passe ici : il se connecte avec celui de l'annuaire.",
                                   "A directory account has no password here: it logs in with the directory's.");
        user.origin = "directory";  // no password hash: it never logs in locally
        TRY_ASSIGN(created.user, store_.users.create(user, actor));
        return created;
    }
    if (input.origin != "local")
        return account_refusal(ErrorCode::invalid_value, "Origine inconnue : local ou directory.",
                               "Unknown origin: local or directory.");
    std::string password = input.password;
    if (password.empty()) created.generated_password = password = generated_password_for(user.email);
    TRY(security::check_password_policy(password, user.email));
    user.password_hash = security::hash_password(password);
    if (user.password_hash.empty())
        return account_refusal(ErrorCode::internal, "Mot de passe impossible à chiffrer (mémoire).", "Cannot hash the password (memory).");
    TRY_ASSIGN(created.user, store_.users.create(user, actor));
    return created;
}

Result<void> AccountService::keep_an_administrator(const User& target) {
    if (target.role != Role::admin || !target.active) return {};
    TRY_ASSIGN(auto users, store_.users.list());
    for (const User& other : users)
        if (other.id != target.id && other.role == Role::admin && other.active) return {};
    return account_refusal(ErrorCode::conflict,
                           "C'est le dernier administrateur actif : nommez-en un autre d'abord.",
                           "This is the last active administrator: appoint another one first.");
}

Result<void> AccountService::set_active(const User& caller, Id user_id, bool active, const Actor& actor) {
    TRY_ASSIGN(User target, live_account(user_id));
    if (!active && target.id == caller.id)
        return account_refusal(ErrorCode::conflict, "Vous ne pouvez pas désactiver votre propre compte.",
                               "You cannot disable your own account.");
    if (!active) TRY(keep_an_administrator(target));
    return store_.users.set_active(user_id, active, actor);
}

Result<void> AccountService::set_role(const User& caller, Id user_id, Role role, const Actor& actor) {
    TRY_ASSIGN(User target, live_account(user_id));
    if (role != Role::admin) TRY(keep_an_administrator(target));
    return store_.users.set_role(user_id, role, actor);
}

Result<void> AccountService::remove(const User& caller, Id user_id, const Actor& actor) {
    TRY_ASSIGN(User target, live_account(user_id));
    if (target.id == caller.id)
        return account_refusal(ErrorCode::conflict, "Vous ne pouvez pas supprimer votre propre compte.",
                               "You cannot delete your own account.");
    TRY(keep_an_administrator(target));
    return store_.users.remove(user_id, actor);
}

Result<ResetLink> AccountService::create_reset_link(Id user_id, long long lifetime_seconds, const Actor& actor) {
    TRY_ASSIGN(User user, live_account(user_id));
    if (user.origin == "directory") return directory_account_error();
    ResetLink link;
    link.token = security::random_token();
    TRY_ASSIGN(auto reset, store_.password_resets.create(user.id, security::sha256_hex(link.token), lifetime_seconds, actor));
    link.user = std::move(user);
    link.expires_at = reset.expires_at;
    return link;
}

Result<User> AccountService::reset_target(const std::string& token) {
    auto reset = store_.password_resets.find(security::sha256_hex(token));
    if (!reset && reset.error().code == ErrorCode::not_found)
        return account_refusal(ErrorCode::not_found,
                               "Ce lien de réinitialisation est inconnu. Demandez-en un nouveau à un administrateur.",
                               "This reset link is unknown. Ask an administrator for a new one.");
    if (!reset) return reset.error();
    if (!reset->used_at.empty())
        return account_refusal(ErrorCode::conflict,
                               "Ce lien de réinitialisation a déjà servi. Demandez-en un nouveau à un administrateur.",
                               "This reset link has been used already. Ask an administrator for a new one.");
    if (reset->expires_at <= store::now_iso())
        return account_refusal(ErrorCode::conflict,
                               "Ce lien de réinitialisation a expiré. Demandez-en un nouveau à un administrateur.",
                               "This reset link has expired. Ask an administrator for a new one.");
    auto user = live_account(reset->user_id);
    if (!user || !user->active)
        return account_refusal(ErrorCode::conflict, "Ce compte est désactivé ou supprimé.", "This account is disabled or deleted.");
    return user;
}

Result<void> AccountService::reset_password(const std::string& token, const std::string& new_password) {
    TRY_ASSIGN(User user, reset_target(token));
    TRY(security::check_password_policy(new_password, user.email));
    TRY_ASSIGN(auto reset, store_.password_resets.find(security::sha256_hex(token)));
    const std::string hash = security::hash_password(new_password);
    if (hash.empty())
        return account_refusal(ErrorCode::internal, "Mot de passe impossible à chiffrer (mémoire).", "Cannot hash the password (memory).");
    return store_.password_resets.use(reset.id, hash, "user:" + user.email);
}

Result<void> AccountService::change_password(const User& user, const std::string& current, const std::string& next,
                                             const std::string& keep_session_hash, const Actor& actor) {
    if (user.origin == "directory") return directory_account_error();
    if (!security::verify_password_or_dummy(&user.password_hash, current))
        return account_refusal(ErrorCode::forbidden, "Mot de passe actuel incorrect.", "Wrong current password.");
    if (next == current)
        return account_refusal(ErrorCode::invalid_value, "Le nouveau mot de passe doit différer de l'actuel.",
                               "The new password must differ from the current one.");
    TRY(security::check_password_policy(next, user.email));
    const std::string hash = security::hash_password(next);
    if (hash.empty())
        return account_refusal(ErrorCode::internal, "Mot de passe impossible à chiffrer (mémoire).", "Cannot hash the password (memory).");
    TRY(store_.users.set_password_hash(user.id, hash, actor));
    // Whoever knew the old password is logged out everywhere else.
    TRY_ASSIGN(auto open, store_.sessions.list_for_subject("user", user.id));
    for (const store::Session& session : open)
        if (session.token_hash != keep_session_hash) TRY(store_.sessions.revoke(session.token_hash, actor));
    return {};
}

std::string AccountService::session_reference(const std::string& token_hash) {
    return security::sha256_hex("session-reference:" + token_hash).substr(0, 16);
}

Result<std::vector<SessionInfo>> AccountService::sessions(Id user_id, const std::string& current_session_hash) {
    TRY_ASSIGN(auto open, store_.sessions.list_for_subject("user", user_id));
    std::vector<SessionInfo> out;
    for (const store::Session& session : open)
        out.push_back(SessionInfo{session_reference(session.token_hash), session.created_at, session.last_seen_at,
                                  session.token_hash == current_session_hash});
    return out;
}

Result<void> AccountService::end_session(Id user_id, const std::string& reference, const Actor& actor) {
    TRY_ASSIGN(auto open, store_.sessions.list_for_subject("user", user_id));
    for (const store::Session& session : open)
        if (security::constant_time_equals(session_reference(session.token_hash), reference))
            return store_.sessions.revoke(session.token_hash, actor);
    return Error::make(ErrorCode::not_found, "Session introuvable (déjà terminée ?).", "Session not found (ended already?).");
}

Result<std::vector<store::ApiToken>> AccountService::tokens(std::optional<Id> user_id) {
    return store_.api_tokens.list(user_id);
}

Result<CreatedToken> AccountService::create_token(Id user_id, const std::string& name_input, int days,
                                                  const Actor& actor) {
    const std::string name(trim(name_input));
    if (name.empty() || !is_valid_utf8(name) || longer_than(name, 100))
        return account_refusal(ErrorCode::invalid_value, "Donnez un nom au jeton (100 caractères au plus).",
                               "Give the token a name (100 characters at most).");
    if (days < 1 || days > kMaximumTokenDays)
        return account_refusal(ErrorCode::invalid_value,
                               "Durée de validité : de 1 à " + std::to_string(kMaximumTokenDays) + " jours.",
                               "Validity: 1 to " + std::to_string(kMaximumTokenDays) + " days.");
    TRY_ASSIGN(User user, live_account(user_id));
    CreatedToken created;
    created.secret = security::random_token();
    const std::string expires_at = days_from_now(days);
    TRY_ASSIGN(Id id, store_.api_tokens.create(user.id, security::sha256_hex(created.secret), name, actor, expires_at));
    TRY_ASSIGN(created.token, store_.api_tokens.find(id));
    return created;
}

}  // namespace cyberachat::services
