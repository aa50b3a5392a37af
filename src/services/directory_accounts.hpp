#pragma once
// The application account of someone the hospital's directory has just authenticated: created at
// their first login (origin "directory", no local password: it can never log in locally), or the
// one an administrator made beforehand for that e-mail (origin "directory"), brought up to date
// with the directory's name and role at each login. Journalled by "system:directory".
#include <string>

#include "core/acquisition.hpp"
#include "core/result.hpp"
#include "store/repositories.hpp"

namespace cyberachat::services {

// What the directory says of the person (directory/directory_client.hpp gives it).
struct DirectoryIdentity {
    std::string email;
    std::string display_name;
    Role role = Role::biomedical;
};

inline constexpr const char* kDirectoryActor = "system:directory";

// The account to open a session for. Errors: `forbidden` — the account is disabled here (an
// administrator's decision outranks the directory's); `conflict` — a local account has this
// e-mail (it logs in with its local password only: the directory never opens it); `invalid_value`
// — an e-mail the store refuses; `storage`.
Result<User> sync_directory_account(store::Store& store, const DirectoryIdentity& identity);

}  // namespace cyberachat::services
