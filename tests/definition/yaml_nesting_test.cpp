// The nesting of a YAML text, measured before parsing (src/definition/yaml_nesting.hpp): block
// levels and flow brackets count; quoted texts, block texts and comments do not; it stops early.
#include <gtest/gtest.h>

#include <string>

#include "definition/builtin_grid.hpp"
#include "definition/builtin_questionnaire.hpp"
#include "definition/yaml_nesting.hpp"

using cyberachat::definition_detail::kMaxYamlTextDepth;
using cyberachat::definition_detail::yaml_nesting_depth;

TEST(YamlNesting, CountsBlockLevelsAndBrackets) {
    EXPECT_EQ(yaml_nesting_depth("").depth, 0u);
    EXPECT_EQ(yaml_nesting_depth("a: 1\nb: 2\n").depth, 1u);
    EXPECT_EQ(yaml_nesting_depth("a:\n  b:\n    c: 1\n").depth, 3u);
    EXPECT_EQ(yaml_nesting_depth("a:\n- b: 1\n  c: 2\n").depth, 2u);
    EXPECT_EQ(yaml_nesting_depth("- - - x\n").depth, 4u);  // an over-estimate: the line's start counts too
    EXPECT_EQ(yaml_nesting_depth("a: [[1], {b: [2]}]\n").depth, 4u);
    EXPECT_EQ(yaml_nesting_depth("a: [\n  [\n   [1]]]\n").depth, 4u);  // brackets over several lines
    const auto deep = yaml_nesting_depth("a: 1\nb:\n  c:\n    d: 1\n");
    EXPECT_EQ(deep.depth, 3u);
    EXPECT_EQ(deep.line, 4);
}

TEST(YamlNesting, QuotedTextsBlockTextsAndCommentsDoNotCount) {
    EXPECT_EQ(yaml_nesting_depth("a: \"[[[[{{\"\nb: '[[['' [['\n").depth, 1u);
    EXPECT_EQ(yaml_nesting_depth("a: \"[[[\n  [[[ \\\" [[\"\nb: 1\n").depth, 1u);  // a quoted text over lines
    EXPECT_EQ(yaml_nesting_depth("a: 1  # [[[[\n# {{{{\n").depth, 1u);
    EXPECT_EQ(yaml_nesting_depth("a: l'accès [voir 1] et [2\nb: voir [\n").depth, 1u);  // brackets inside words
    EXPECT_EQ(yaml_nesting_depth("note: |\n  [[[[\n      deeply\n          indented\n\n  text\nnext: 1\n").depth, 1u);
    EXPECT_EQ(yaml_nesting_depth("- fr: >\n    [[[\n        x\n  en: 1\n").depth, 2u);
}

TEST(YamlNesting, StopsAboveTheLimit) {
    const std::string brackets(1000000, '[');
    const auto measured = yaml_nesting_depth("a: " + brackets, 64);
    EXPECT_EQ(measured.depth, 65u);
    EXPECT_EQ(measured.line, 1);
    std::string indented;
    for (size_t i = 0; i < 200; ++i) indented += std::string(i, ' ') + "k:\n";
    const auto block = yaml_nesting_depth(indented, 64);
    EXPECT_EQ(block.depth, 65u);
    EXPECT_EQ(block.line, 65);
}

TEST(YamlNesting, TheBuiltinFilesAreFarBelowTheLimit) {
    EXPECT_LE(yaml_nesting_depth(cyberachat::builtin_afib_yaml()).depth, 12u);
    EXPECT_LE(yaml_nesting_depth(cyberachat::builtin_afib_grid_yaml()).depth, 12u);
    EXPECT_LT(12u, kMaxYamlTextDepth);
}
