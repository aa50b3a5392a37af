#pragma once
// The users table's columns as read by the repositories (users, API tokens).
#include <string>

#include "core/acquisition.hpp"
#include "store/soci.hpp"

namespace cyberachat::store::detail {

struct UserRow {
    static constexpr const char* kColumns = "id, email, display_name, role, password_hash, active, created_at, origin";
    // Same columns qualified by the alias "u", for joins.
    static constexpr const char* kJoinedColumns =
        "u.id, u.email, u.display_name, u.role, u.password_hash, u.active, u.created_at, u.origin";

    long long id = 0;
    std::string email, display_name, role, password_hash;
    int active = 1;
    std::string created_at, origin;

    void bind(soci::details::prepare_temp_type& p);  // into() each column, in kColumns order
    User to_user() const;
};

}  // namespace cyberachat::store::detail
