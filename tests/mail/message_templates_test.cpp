#include "mail/message_templates.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace cyberachat::mail {
namespace {

MailValues every_value() {
    MailValues values;
    for (const char* name : {"hospital", "contact_email", "signature", "purchase", "reference", "company", "contact",
                             "deadline", "site", "response_url", "submitted_at", "link", "days", "question",
                             "vendor_question", "explanation", "fingerprints"})
        values[name] = std::string("<") + name + "> & \"co\"";
    return values;
}

TEST(MessageTemplates, EveryKindRendersInBothLanguagesWithItsValuesEscapedInHtml) {
    const auto& templates = MessageTemplates::builtin();
    const std::vector<std::string> expected = {"clarification_answered", "clarification_requested", "deadline_extended",
                                               "deadline_missed",        "invitation",              "reminder",
                                               "response_reopened",      "submission_receipt",      "vendor_submitted"};
    EXPECT_EQ(templates.kinds(), expected);
    for (const auto& kind : templates.kinds()) {
        for (Language language : {Language::fr, Language::en}) {
            auto rendered = templates.render(kind, language, every_value());
            ASSERT_TRUE(rendered.ok()) << kind << ": " << rendered.error().message.fr;
            EXPECT_FALSE(rendered->subject.empty());
            EXPECT_EQ(rendered->subject.find('\n'), std::string::npos);
            EXPECT_NE(rendered->text.find("<company> & \"co\""), std::string::npos) << kind;
            EXPECT_NE(rendered->html.find("&lt;company&gt; &amp; &quot;co&quot;"), std::string::npos) << kind;
            EXPECT_EQ(rendered->html.find("<company>"), std::string::npos) << kind << ": unescaped value in HTML";
        }
    }
}

TEST(MessageTemplates, VendorKindsHaveEnglish) {
    const auto& templates = MessageTemplates::builtin();
    for (const char* kind : {"invitation", "reminder", "clarification_requested", "response_reopened",
                             "deadline_extended", "submission_receipt"}) {
        auto fr = templates.render(kind, Language::fr, every_value());
        auto en = templates.render(kind, Language::en, every_value());
        ASSERT_TRUE(fr.ok() && en.ok()) << kind;
        EXPECT_NE(fr->subject, en->subject) << kind;
        EXPECT_NE(en->html.find("lang=\"en\""), std::string::npos);
    }
}

TEST(MessageTemplates, AMissingValueOrUnknownKindIsAnError) {
    const auto& templates = MessageTemplates::builtin();
    EXPECT_EQ(templates.render("invitation", Language::fr, {}).error().code, ErrorCode::invalid_value);
    EXPECT_EQ(templates.render("nope", Language::fr, every_value()).error().code, ErrorCode::not_found);
    EXPECT_FALSE(MessageTemplates::parse("invitation: [1, 2]").ok());
    EXPECT_FALSE(MessageTemplates::parse("invitation:\n  en:\n    subject: x\n    text: y\n    html: z\n").ok())
        << "French is required";
}

TEST(MessageTemplates, DocsEmailShowsEveryKind) {
    std::ifstream in(std::string(CYB_SOURCE_DIR) + "/docs/email.md");
    ASSERT_TRUE(in) << "docs/email.md";
    const std::string doc((std::istreambuf_iterator<char>(in)), {});
    for (const auto& kind : MessageTemplates::builtin().kinds())
        EXPECT_NE(doc.find("`" + kind + "`"), std::string::npos) << kind << " is not in docs/email.md";
}


}  // namespace
}  // namespace cyberachat::mail
