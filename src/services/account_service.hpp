#pragma once
// Hospital accounts, whoever asks (administration pages, API, CLI): create (the password policy
// applies, security/password_policy.hpp), disable/enable, change the role, reset links, delete;
// and each user's own account: change the password, open sessions, API tokens. Who may do what
// (administrators for the others' accounts) is the caller's check; what protects the instance
// itself is checked here: nobody disables, demotes or deletes their own account or the last
// active administrator.
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/repositories.hpp"

namespace cyberachat::services {

inline constexpr long long kDefaultResetLinkSeconds = 30 * 60;
inline constexpr int kDefaultTokenDays = 90;
inline constexpr int kMaximumTokenDays = 365;

struct NewAccount {
    std::string email;
    std::string display_name;  // "" : the e-mail
    Role role = Role::biomedical;
    std::string password;      // "" : generated (and returned once)
    // "directory": an account of the hospital's directory, made before its first login (to put it
    // in a purchase's team at once): no password here, it logs in with the directory's.
    std::string origin = "local";
};

struct CreatedAccount {
    User user;
    std::string generated_password;  // "" when the password was given
};

struct AccountRow {
    User user;
    std::string last_login_at;  // "" : never
};

struct ResetLink {
    User user;
    std::string token;  // the secret, shown once; only its hash is stored
    std::string expires_at;
};

struct CreatedToken {
    store::ApiToken token;
    std::string secret;  // shown once; only its hash is stored
};

// One of a user's open sessions, named by a reference that is not its secret nor its stored hash.
struct SessionInfo {
    std::string reference;
    std::string created_at, last_seen_at;
    bool current = false;
};

class AccountService {
public:
    explicit AccountService(store::Store& store) : store_(store) {}

    Result<std::vector<AccountRow>> list();
    Result<AccountRow> find(Id user_id);  // "not_found" for an unknown or deleted account
    // "invalid_value" for a bad e-mail or a password the policy refuses; "conflict" when the e-mail exists.
    Result<CreatedAccount> create(const NewAccount& input, const Actor& actor);
    Result<void> set_active(const User& caller, Id user_id, bool active, const Actor& actor);
    Result<void> set_role(const User& caller, Id user_id, Role role, const Actor& actor);
    Result<void> remove(const User& caller, Id user_id, const Actor& actor);

    // A reset link for a local account, valid `lifetime_seconds`. "invalid_value" for a directory account.
    Result<ResetLink> create_reset_link(Id user_id, long long lifetime_seconds, const Actor& actor);
    // The account a link resets: "not_found" for an unknown link, "conflict" for a used or expired one
    // (each with its message).
    Result<User> reset_target(const std::string& token);
    // Sets the password (policy applied), marks the link used and ends all the account's sessions.
    Result<void> reset_password(const std::string& token, const std::string& new_password);

    // The current password is required; the policy applies; the user's other sessions end.
    // "forbidden" when `current` is wrong, "invalid_value" for a directory account.
    Result<void> change_password(const User& user, const std::string& current, const std::string& next,
                                 const std::string& keep_session_hash, const Actor& actor);

    Result<std::vector<SessionInfo>> sessions(Id user_id, const std::string& current_session_hash);
    // Ends one of the user's sessions by its reference ("not_found" otherwise).
    Result<void> end_session(Id user_id, const std::string& reference, const Actor& actor);

    Result<std::vector<store::ApiToken>> tokens(std::optional<Id> user_id);
    Result<store::ApiToken> token(Id token_id) { return store_.api_tokens.find(token_id); }
    // A token valid `days` days (1 to kMaximumTokenDays; "invalid_value" otherwise); `name` required.
    Result<CreatedToken> create_token(Id user_id, const std::string& name, int days, const Actor& actor);
    Result<void> revoke_token(Id token_id, const Actor& actor) { return store_.api_tokens.revoke(token_id, actor); }

    static std::string session_reference(const std::string& token_hash);

private:
    // "conflict" when the change would leave no active administrator (the target is the last one).
    Result<void> keep_an_administrator(const User& target);
    Result<User> live_account(Id user_id);

    store::Store& store_;
};

}  // namespace cyberachat::services
