#pragma once
// A new secret link for a vendor: a random token whose SHA-256 replaces the response's (the old
// link stops working at once) and the vendor's sessions end. The token is returned once; it is
// never stored. Used by "regenerate the link" and by sending (or resending) an invitation.
#include <string>

#include "core/result.hpp"
#include "store/repositories.hpp"

namespace cyberachat::services {

Result<std::string> new_invitation_token(store::Store& store, Id response_id, const Actor& actor);

}  // namespace cyberachat::services
