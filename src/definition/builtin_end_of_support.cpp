#include "definition/builtin_end_of_support.hpp"

#include <stdexcept>

#include "embedded_files.hpp"

namespace cyberachat {

std::string_view builtin_end_of_support_json() { return embedded::file(kBuiltinEndOfSupportPath); }

const EndOfSupportData& builtin_end_of_support() {
    static const EndOfSupportData data = [] {
        auto parsed = parse_end_of_support(builtin_end_of_support_json());
        if (!parsed.ok()) throw std::runtime_error("the built-in end-of-support data does not load: " + parsed.error().message.en);
        return std::move(parsed).value();
    }();
    return data;
}

}  // namespace cyberachat
