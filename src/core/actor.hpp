#pragma once
// Who changes something and from where, as the journal records it (Event::actor, Event::via).
// Built implicitly from the actor's name (where from: unknown), so that a caller that does not
// know the source keeps passing a string.
#include <optional>
#include <string>
#include <string_view>

namespace cyberachat {

// Where a change came from: the web pages (a browser session), the JSON API (a bearer token),
// an Excel import, an archive restore, the command line, the program itself (expiries, …).
// unknown: not recorded (every event before migration 8).
enum class Via { unknown, page, api, xlsx, archive, cli, system };

std::string_view via_name(Via via);                    // "" | "page" | "api" | "xlsx" | "archive" | "cli" | "system"
std::optional<Via> parse_via(std::string_view name);   // "" → unknown; nullopt for anything else
std::string_view via_label_fr(Via via);                // "Page web", "API", "Import Excel", …, "—" for unknown

struct Actor {
    std::string name;  // "user:<email>", "vendor:<response id>", "system", "system:cli"
    Via via = Via::unknown;

    Actor(std::string actor_name, Via actor_via = Via::unknown) : name(std::move(actor_name)), via(actor_via) {}
    Actor(const char* actor_name, Via actor_via = Via::unknown) : name(actor_name), via(actor_via) {}
    // The same actor acting through `other` (an import made from a page is an import).
    Actor through(Via other) const { return Actor(name, other); }
};

}  // namespace cyberachat
