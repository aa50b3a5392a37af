// MDS2 text copies (core/mds2_statement.hpp): lines found by their question ID, whatever the
// separator, quoting, headings or blank lines; answers Yes / No / N/A in any spelling; clear refusals.
#include <gtest/gtest.h>

#include "core/mds2_statement.hpp"

namespace cyberachat {
namespace {

TEST(Mds2Statement, QuestionIdsAreRecognisedByTheirPattern) {
    for (const char* id : {"DOC-1", "MLDP-2", "MLDP-2.1", "CSUP-2.10", "SBOM-2.3.1", "AUTH-1"}) EXPECT_TRUE(is_mds2_id(id)) << id;
    for (const char* id : {"", "DOC", "DOC-", "doc-1", "DO-1", "MLDPX-2", "MLDP-2.", "MLDP-.2", "MLDP-2..1", "MLDP 2", "ID",
                           "MLDP-2a"})
        EXPECT_FALSE(is_mds2_id(id)) << id;
}

TEST(Mds2Statement, AnswersAreYesNoOrNotApplicableInAnySpelling) {
    EXPECT_EQ(parse_mds2_answer(" YES "), Mds2Answer::yes);
    EXPECT_EQ(parse_mds2_answer("Oui"), Mds2Answer::yes);
    EXPECT_EQ(parse_mds2_answer("no"), Mds2Answer::no);
    EXPECT_EQ(parse_mds2_answer("N/A"), Mds2Answer::not_applicable);
    EXPECT_EQ(parse_mds2_answer("n.a."), Mds2Answer::not_applicable);
    EXPECT_EQ(parse_mds2_answer("Sans objet"), Mds2Answer::not_applicable);
    EXPECT_EQ(parse_mds2_answer("See note"), std::nullopt);
    EXPECT_EQ(parse_mds2_answer(""), std::nullopt);
}

TEST(Mds2Statement, ACsvCopyGivesEachQuestionWithItsAnswerAndNote) {
    const std::string text =
        "\xEF\xBB\xBF" "Manufacturer Disclosure Statement for Medical Device Security -- MDS2\n"
        "Question ID,Question,Answer,Note\n"
        "\n"
        "DOC-1,Manufacturer Name,Imagerie SA,\n"
        "MLDP-2,\"Does the device support the use of anti-malware software (or other anti-malware mechanism)?\",Yes,\"Provided by the OS, \"\"Defender\"\"\"\n"
        "MLDP-2.1,Does the device include anti-malware software by default?,no\r\n"
        "MALWARE DETECTION/PROTECTION (MLDP)\n"
        "CSUP-2,Does the device contain an Operating System?,N/A,see, also, 2.1\n"
        "MLDP-2,Again,No,\n";
    auto statement = read_mds2_text(text);
    ASSERT_TRUE(statement.ok()) << statement.error().message.fr;
    ASSERT_EQ(statement->lines.size(), 4u);
    EXPECT_EQ(statement->lines[0].id, "DOC-1");
    EXPECT_EQ(statement->lines[0].answer_text, "Imagerie SA");
    EXPECT_EQ(statement->lines[0].answer, std::nullopt) << "a name, not Yes / No";
    EXPECT_EQ(statement->lines[0].line, 4);
    EXPECT_EQ(statement->lines[1].question,
              "Does the device support the use of anti-malware software (or other anti-malware mechanism)?");
    EXPECT_EQ(statement->lines[1].answer, Mds2Answer::yes);
    EXPECT_EQ(statement->lines[1].note, "Provided by the OS, \"Defender\"");
    EXPECT_EQ(statement->lines[2].answer, Mds2Answer::no) << "the \\r of a Windows line end is not part of it";
    EXPECT_EQ(statement->lines[3].answer, Mds2Answer::not_applicable);
    EXPECT_EQ(statement->lines[3].note, "see also 2.1") << "an unquoted note's commas split it; its parts are kept";
    EXPECT_EQ(statement->duplicated, (std::vector<std::string>{"MLDP-2"}));
    EXPECT_EQ(statement->lines[1].answer, Mds2Answer::yes) << "the first one kept";
}

TEST(Mds2Statement, SemicolonsAndTabsAsFrenchSpreadsheetsWriteThem) {
    auto semicolons = read_mds2_text("ID;Question;Réponse;Note\nTXCF-2;Chiffrement des transmissions ?;Oui;TLS 1.2, 1.3\n");
    ASSERT_TRUE(semicolons.ok());
    ASSERT_EQ(semicolons->lines.size(), 1u);
    EXPECT_EQ(semicolons->lines[0].answer, Mds2Answer::yes);
    EXPECT_EQ(semicolons->lines[0].note, "TLS 1.2, 1.3");
    auto tabs = read_mds2_text("AUDT-1\tCan the device create audit logs?\tYes\n");
    ASSERT_TRUE(tabs.ok());
    EXPECT_EQ(tabs->lines[0].question, "Can the device create audit logs?");
    auto bare = read_mds2_text("RMOT-1");
    ASSERT_TRUE(bare.ok());
    EXPECT_EQ(bare->lines[0].answer, std::nullopt);
}

TEST(Mds2Statement, WhatHoldsNoMds2LineIsRefusedWithAMessage) {
    for (const std::string& text : {std::string(), std::string("Question,Answer\nIs it safe?,Yes\n"), std::string("%PDF-1.7\n"),
                                    std::string(4u * 1024 * 1024 + 1, 'x'), std::string("DOC-1,\xff\xfe,Yes\n")}) {
        auto statement = read_mds2_text(text);
        ASSERT_FALSE(statement.ok()) << text.substr(0, 40);
        EXPECT_EQ(statement.error().code, ErrorCode::invalid_value);
        EXPECT_NE(statement.error().message.fr.find("Formulaire MDS2 refusé"), std::string::npos);
    }
}

}  // namespace
}  // namespace cyberachat
