#pragma once
// The client's address, as the login limits count it (docs/security.md): the peer's; or, when the
// peer is a reverse proxy Cyberachat trusts — this machine (loopback), or an address given with
// `serve --trusted-proxy` (nginx on another host of a hospital group) — the last X-Forwarded-For
// entry, the one that proxy added. Anything else in the header is the client's own word and ignored.
#include <string>
#include <string_view>
#include <vector>

namespace cyberachat::web {

bool is_loopback_address(std::string_view address);

// `forwarded`: the X-Forwarded-For header ("" when absent). `trusted_proxies`: exact addresses.
std::string client_address(const std::string& peer, const std::string& forwarded,
                           const std::vector<std::string>& trusted_proxies);

}  // namespace cyberachat::web
