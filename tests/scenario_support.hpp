#pragma once
// Shared by the data-driven runners (branching scenarios: tests/definition/scenario_test.cpp,
// scoring: tests/core/scoring_scenario_test.cpp, validator cases: tests/definition/
// definition_validator_test.cpp, answer cases: tests/core/answer_validation_test.cpp): YAML
// answers to JSON, the case files of a folder, and test names.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cyberachat::scenario_support {

// YAML answers → the JSON a client would send. Scalars stay text: normalize_answers accepts
// "12,5", "oui", "true"… as a vendor would type them.
inline nlohmann::json to_json(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined: return nullptr;
        case YAML::NodeType::Scalar: return node.Scalar();
        case YAML::NodeType::Sequence: {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& item : node) out.push_back(to_json(item));
            return out;
        }
        case YAML::NodeType::Map: {
            nlohmann::json out = nlohmann::json::object();
            for (const auto& item : node) out[item.first.Scalar()] = to_json(item.second);
            return out;
        }
    }
    return nullptr;
}

// The files directly in `directory` whose name ends with `extension` (".yaml"), sorted.
inline std::vector<std::string> files_with_extension(const std::string& directory, const std::string& extension) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(directory, ec))
        if (entry.is_regular_file() && entry.path().extension() == extension) files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

inline std::vector<std::string> yaml_files(const std::string& directory) { return files_with_extension(directory, ".yaml"); }

// `text` as a GoogleTest name: every character other than an ASCII letter or digit becomes '_'.
inline std::string test_identifier(std::string text) {
    for (char& c : text)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return text;
}

inline std::string test_name(const testing::TestParamInfo<std::string>& info) {
    return test_identifier(std::filesystem::path(info.param).stem().string());
}

}  // namespace cyberachat::scenario_support
