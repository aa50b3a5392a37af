#include "web/client_address.hpp"

#include <algorithm>

namespace cyberachat::web {

bool is_loopback_address(std::string_view address) {
    return address.rfind("127.", 0) == 0 || address == "::1" || address.rfind("::ffff:127.", 0) == 0;
}

std::string client_address(const std::string& peer, const std::string& forwarded,
                           const std::vector<std::string>& trusted_proxies) {
    const bool trusted = is_loopback_address(peer) ||
                         std::find(trusted_proxies.begin(), trusted_proxies.end(), peer) != trusted_proxies.end();
    if (!trusted || forwarded.empty()) return peer;
    const size_t comma = forwarded.rfind(',');
    std::string last = forwarded.substr(comma == std::string::npos ? 0 : comma + 1);
    last.erase(0, last.find_first_not_of(" \t"));
    last.erase(last.find_last_not_of(" \t") + 1);
    const bool plausible = !last.empty() && last.size() <= 45 &&
                           last.find_first_not_of("0123456789abcdefABCDEF.:") == std::string::npos;
    return plausible ? last : peer;
}

}  // namespace cyberachat::web
