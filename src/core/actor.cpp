#include "core/actor.hpp"

namespace cyberachat {

std::string_view via_name(Via via) {
    switch (via) {
        case Via::unknown: return "";
        case Via::page: return "page";
        case Via::api: return "api";
        case Via::xlsx: return "xlsx";
        case Via::archive: return "archive";
        case Via::cli: return "cli";
        case Via::system: return "system";
    }
    return "";
}

std::optional<Via> parse_via(std::string_view name) {
    for (Via via : {Via::unknown, Via::page, Via::api, Via::xlsx, Via::archive, Via::cli, Via::system})
        if (via_name(via) == name) return via;
    return std::nullopt;
}

std::string_view via_label_fr(Via via) {
    switch (via) {
        case Via::unknown: return "—";
        case Via::page: return "Page web";
        case Via::api: return "API";
        case Via::xlsx: return "Import Excel";
        case Via::archive: return "Restauration d'archive";
        case Via::cli: return "Ligne de commande";
        case Via::system: return "Système";
    }
    return "—";
}

}  // namespace cyberachat
