#include "services/directory_accounts.hpp"

#include "core/utf8.hpp"

namespace cyberachat::services {
namespace {

Result<User> updated_directory_account(store::Store& store, User account, const std::string& display_name, Role role) {
    if (account.origin != "directory")
        return Error::make(ErrorCode::conflict,
                           "Un compte local existe pour cette adresse : connectez-vous avec son mot de passe local.",
                           "A local account has this address: log in with its local password.");
    if (!account.active)
        return Error::make(ErrorCode::forbidden,
                           "Ce compte est désactivé dans Cyberachat : adressez-vous à l'administrateur.",
                           "This account is disabled in Cyberachat: ask the administrator.");
    TRY(store.users.set_display_name(account.id, display_name, kDirectoryActor));
    TRY(store.users.set_role(account.id, role, kDirectoryActor));
    account.display_name = display_name;
    account.role = role;
    return account;
}

}  // namespace

Result<User> sync_directory_account(store::Store& store, const DirectoryIdentity& identity) {
    const std::string display_name =
        is_valid_utf8(identity.display_name) && !identity.display_name.empty() ? identity.display_name : identity.email;
    auto existing = absent_if_not_found(store.users.find_by_email(identity.email));
    if (!existing) return existing.error();
    if (*existing) return updated_directory_account(store, std::move(**existing), display_name, identity.role);

    User account;
    account.email = identity.email;
    account.display_name = display_name;
    account.role = identity.role;
    account.origin = "directory";
    account.active = true;  // password_hash stays empty: no local login, ever
    auto created = store.users.create(account, kDirectoryActor);
    if (created || created.error().code != ErrorCode::conflict) return created;
    // Created meanwhile by a login of the same person on another thread or instance.
    auto raced = store.users.find_by_email(identity.email);
    if (!raced) return raced.error();
    return updated_directory_account(store, std::move(*raced), display_name, identity.role);
}

}  // namespace cyberachat::services
