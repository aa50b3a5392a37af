#include "services/invitation_link.hpp"

#include "security/secrets.hpp"

namespace cyberachat::services {

Result<std::string> new_invitation_token(store::Store& store, Id response_id, const Actor& actor) {
    TRY(store.responses.find(response_id));
    std::string token = security::random_token();
    TRY(store.responses.set_invite_token_hash(response_id, security::sha256_hex(token), actor));
    store.sessions.remove_for_subject("vendor", response_id);
    return token;
}

}  // namespace cyberachat::services
