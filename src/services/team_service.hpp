#pragma once
// A purchase's team, as its pages and API change it: accounts found by e-mail, purchase roles
// given by name, the store's rules (no administrator in a team, a purchase keeps a lead).
#include <string>
#include <vector>

#include "core/purchase_role.hpp"
#include "core/result.hpp"
#include "store/repositories.hpp"

namespace cyberachat::services {

class TeamService {
public:
    explicit TeamService(store::Store& store) : store_(store) {}

    Result<std::vector<Member>> members(Id acquisition_id);
    // Adds the account with this e-mail, or changes its role. `role_name` empty: the account's
    // role's default (core/purchase_role). Errors: "invalid" (unknown role, no such account, an
    // administrator's account, a disabled account), "not_found" (no such purchase), "conflict"
    // (the last lead would stop being one).
    Result<Member> put(Id acquisition_id, const std::string& email, const std::string& role_name, const Actor& actor);
    Result<void> remove(Id acquisition_id, Id user_id, const Actor& actor);

private:
    store::Store& store_;
};

}  // namespace cyberachat::services
