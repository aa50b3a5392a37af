#include "core/acquisition.hpp"

namespace cyberachat {

std::string_view role_name(Role role) {
    switch (role) {
        case Role::admin: return "admin";
        case Role::biomedical: return "biomedical";
        case Role::it: return "it";
        case Role::buyer: return "buyer";
    }
    return "biomedical";
}

std::optional<Role> parse_role(std::string_view name) {
    for (Role role : {Role::admin, Role::biomedical, Role::it, Role::buyer})
        if (role_name(role) == name) return role;
    return std::nullopt;
}

std::string_view role_label_fr(Role role) {
    switch (role) {
        case Role::admin: return "Administrateur";
        case Role::biomedical: return "Ingénieur biomédical";
        case Role::it: return "Informatique / sécurité (DSI, RSSI)";
        case Role::buyer: return "Acheteur";
    }
    return "";
}

std::string_view response_status_name(ResponseStatus status) {
    return status == ResponseStatus::submitted ? "submitted" : "draft";
}

}  // namespace cyberachat
