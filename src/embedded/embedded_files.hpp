#pragma once
// Files compiled into the binary (the questionnaire, web assets), generated at build time.
#include <string_view>
#include <vector>

namespace cyberachat::embedded {

struct Entry {
    std::string_view path;
    std::string_view data;
};

const std::vector<Entry>& all();
// Empty when the path is not embedded.
std::string_view file(std::string_view path);

}  // namespace cyberachat::embedded
