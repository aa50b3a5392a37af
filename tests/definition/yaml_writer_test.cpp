// Writing a YAML tree back (src/definition/yaml_writer.hpp): every text reads back the same,
// those of several lines as `|` blocks when that keeps them exactly.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "definition/builtin_questionnaire.hpp"
#include "definition/definition_loader.hpp"
#include "definition/yaml_writer.hpp"
#include "definition_description.hpp"

using cyberachat::definition_detail::write_yaml;

TEST(YamlWriter, EveryTextReadsBackTheSame) {
    const std::vector<std::string> texts = {
        "plain", "", "~", "null", "Null", "yes", "true", "12", "2024.3", "a: b", "# not a comment", "- not a list",
        "[1, 2]", "{a}", "'quoted'", "\"double\"", "trailing ", " leading", "l'accès", "Œuvre — « guillemets »",
        "two\nlines\n", "two\nlines", "trailing\nblank\n\n", "\nleading newline\n", "  indented\nfirst\n",
        "middle\n\nblank\n", "spaces \nat the end\n", "tab\there\n", "line\r\nbreaks\n", "nel\xC2\x85here\n",
        "---\n", "...\n", "- a\n- b\n", "&anchor\n*alias\n", "\x01 control\n"};
    YAML::Node root(YAML::NodeType::Map);
    YAML::Node list(YAML::NodeType::Sequence);
    for (const std::string& text : texts) list.push_back(text);
    root["texts"] = list;
    root["empty"] = YAML::Node(YAML::NodeType::Null);
    const std::string written = write_yaml(root, "a comment\non two lines");
    EXPECT_EQ(written.rfind("# a comment\n# on two lines\n", 0), 0u) << written;
    const YAML::Node read = YAML::Load(written);
    ASSERT_TRUE(read["texts"].IsSequence()) << written;
    ASSERT_EQ(read["texts"].size(), texts.size());
    for (size_t i = 0; i < texts.size(); ++i) {
        EXPECT_TRUE(read["texts"][i].IsScalar()) << i << " " << texts[i];
        EXPECT_EQ(read["texts"][i].as<std::string>(), texts[i]) << written;
    }
    EXPECT_TRUE(read["empty"].IsNull());
    EXPECT_NE(written.find("|\n"), std::string::npos) << "\"two\\nlines\\n\" as a block";
}

TEST(YamlWriter, TheAfibQuestionnaireWrittenAgainIsTheSame) {
    const YAML::Node tree = YAML::Load(std::string(cyberachat::builtin_afib_yaml()));
    const std::string written = write_yaml(tree);
    const auto again = cyberachat::load_definition(written, "written.yaml");
    ASSERT_TRUE(again.ok()) << again.errors.front().to_string();
    EXPECT_EQ(cyberachat::definition_testing::describe_lines(*again.questionnaire),
              cyberachat::definition_testing::describe_lines(*cyberachat::builtin_afib()));
}
