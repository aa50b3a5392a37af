#include "core/answer.hpp"

namespace cyberachat {

bool has_value(const nlohmann::json& value) {
    if (value.is_null()) return false;
    if (value.is_string()) return !value.get_ref<const std::string&>().empty();
    if (value.is_array() || value.is_object()) return !value.empty();
    return true;
}

}  // namespace cyberachat
