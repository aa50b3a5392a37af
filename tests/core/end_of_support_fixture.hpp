#pragma once
// The end-of-support data of the repository (data/end-of-support/os-eol.json), read from disk and
// parsed once, for the core tests of the matcher and the findings (the embedded copy is checked
// by tests/definition/builtin_end_of_support_test.cpp).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/end_of_support.hpp"

namespace cyberachat::test {

inline std::string end_of_support_file_text() {
    std::ifstream in(std::string(CYB_SOURCE_DIR) + "/data/end-of-support/os-eol.json", std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline const EndOfSupportData& end_of_support_data() {
    static const EndOfSupportData data = [] {
        auto parsed = parse_end_of_support(end_of_support_file_text());
        if (!parsed.ok()) throw std::runtime_error("data/end-of-support/os-eol.json: " + parsed.error().message.en);
        return std::move(parsed).value();
    }();
    return data;
}

}  // namespace cyberachat::test
