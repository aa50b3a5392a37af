#include "core/answer_source.hpp"

#include <gtest/gtest.h>

namespace cyberachat {
namespace {

TEST(AnswerSource, WhatIsWrittenIsReadBackAndAnythingElseIsTyped) {
    const AnswerSource mds2{"mds2", "MDS2 EchoMax.xlsx", "ab12", {"MLDP-2", "MLDP-2.1"}, 0};
    const auto read = parse_answer_source(answer_source_json(mds2));
    ASSERT_TRUE(read);
    EXPECT_EQ(read->kind, "mds2");
    EXPECT_EQ(read->file, "MDS2 EchoMax.xlsx");
    EXPECT_EQ(read->lines, mds2.lines);
    const auto reused = parse_answer_source(answer_source_json({"reuse", "", "", {}, 42}));
    ASSERT_TRUE(reused);
    EXPECT_EQ(reused->response, 42);
    for (const char* typed : {"", "null", "[]", "{\"kind\": \"excel\"}", "{\"kind\": \"reuse\"}", "{\"kind\": 3}", "not json"})
        EXPECT_FALSE(parse_answer_source(typed)) << typed;
    EXPECT_EQ(answer_source_kind_label("sbom"), "SBOM");
    EXPECT_EQ(answer_source_kind_label("mds2"), "MDS2");
}

}  // namespace
}  // namespace cyberachat
