#include "core/document_answer.hpp"

#include <gtest/gtest.h>

#include "core/answer.hpp"
#include "core/answer_validation.hpp"
#include "core/text_format.hpp"

namespace cyberachat {
namespace {

using nlohmann::json;

std::string repeated(std::string_view piece, size_t times) {
    std::string out;
    for (size_t i = 0; i < times; ++i) out += piece;
    return out;
}

TEST(DocumentAnswer, TheReasonIsCountedInCharactersUpTo2000) {
    auto accepted = normalize_unavailable_document(json{{"unavailable", repeated("é", 2000)}});
    ASSERT_TRUE(accepted) << "2,000 characters (4,000 bytes) are allowed";
    EXPECT_EQ(unavailable_document_reason(*accepted), repeated("é", 2000));
    auto refused = normalize_unavailable_document(json{{"unavailable", repeated("x", 2001)}});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::invalid_value);
    EXPECT_NE(refused.error().message.fr.find("2 000"), std::string::npos);
}

TEST(DocumentAnswer, AReasonInAnotherEncodingThanUtf8IsRefused) {
    auto refused = normalize_unavailable_document(json{{"unavailable", std::string("bad \xc0\xaf byte")}});
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.fr.find("UTF-8"), std::string::npos);
}

TEST(DocumentAnswer, OnlyTheExactStatementIsRecognised) {
    EXPECT_TRUE(is_unavailable_document(unavailable_document("Classe I")));
    EXPECT_EQ(unavailable_document_reason(unavailable_document("  Classe I ")), "Classe I");
    EXPECT_FALSE(is_unavailable_document(json::array({3})));
    EXPECT_FALSE(is_unavailable_document(json{{"unavailable", "x"}, {"id", 3}}));
    EXPECT_FALSE(is_unavailable_document(json("unavailable")));
    EXPECT_FALSE(unavailable_document_reason(json()));
}

TEST(DocumentAnswer, TheStatementCountsAsAnAnswerAndReadsWithItsReason) {
    Question question;
    question.kind = QuestionKind::document;
    auto value = normalize_answer(question, json{{"unavailable", "Dispositif de classe I : déclaration UE de conformité"}});
    ASSERT_TRUE(value);
    EXPECT_TRUE(has_value(*value));
    EXPECT_EQ(answer_text(question, *value, Language::fr),
              "Non disponible : Dispositif de classe I : déclaration UE de conformité");
    EXPECT_EQ(answer_text(question, *value, Language::en),
              "Not available: Dispositif de classe I : déclaration UE de conformité");
    EXPECT_EQ(answer_text(question, json::array({12}), Language::fr), "") << "files are listed from their records";
}

}  // namespace
}  // namespace cyberachat
