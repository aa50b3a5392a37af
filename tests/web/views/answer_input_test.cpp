// The input of each kind of answer, written on its own (the section page around it:
// vendor_section_page_test.cpp), and the single input of the clarifications page.
#include "web/views/answer_input.hpp"

#include <gtest/gtest.h>

#include <string>

#include "view_test_support.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

namespace {

constexpr QuestionKind kEveryKind[] = {
    QuestionKind::yes_no,   QuestionKind::text,          QuestionKind::long_text,       QuestionKind::number,
    QuestionKind::integer,  QuestionKind::date,          QuestionKind::email,           QuestionKind::phone,
    QuestionKind::single_choice, QuestionKind::multiple_choice, QuestionKind::document, QuestionKind::table,
    QuestionKind::contact,
};

Question question_of_kind(QuestionKind kind) {
    Question question;
    question.id = "q." + std::string(question_kind_name(kind));
    question.kind = kind;
    question.label = {"Libellé <" + question.id + ">", "Label"};
    question.choices = {{"a", {"Choix A", "Choice A"}}, {"b", {"Choix B", "Choice B"}}};
    if (kind == QuestionKind::table) question.fields = {{"nom", {"Nom", "Name"}}, {"version", {"Version", "Version"}}};
    return question;
}

std::string input_html(const AnswerInput& input, Language language = Language::fr) {
    web::html::HtmlWriter w;
    write_answer_input(w, input, language);
    return w.take();
}

}  // namespace

TEST(AnswerInput, EveryKindHasItsLabelErrorLineAndNamedInputs) {
    for (QuestionKind kind : kEveryKind) {
        const Question question = question_of_kind(kind);
        const std::string html = input_html(AnswerInput{question});
        SCOPED_TRACE(std::string(question_kind_name(kind)));
        EXPECT_TRUE(contains(html, "Libellé &lt;" + question.id + "&gt;"));
        EXPECT_TRUE(contains(html, "id=\"err-" + question.id + "\""));
        EXPECT_TRUE(contains(html, "data-save-status"));
        if (kind == QuestionKind::document) {
            EXPECT_TRUE(contains(html, "type=\"file\""));
            EXPECT_TRUE(contains(html, "form=\"upload-" + question.id + "\""));
            // The only inputs of the section form: the statement "not available" and its reason.
            EXPECT_TRUE(contains(html, "name=\"a:" + question.id + ":unavailable\" value=\"1\""));
            EXPECT_TRUE(contains(html, "name=\"a:" + question.id + ":reason\""));
            EXPECT_FALSE(contains(html, "name=\"a:" + question.id + "\""));
        } else {
            EXPECT_TRUE(contains(html, "name=\"a:" + question.id)) << html;
        }
    }
}

TEST(AnswerInput, EachKindGetsItsOwnControl) {
    auto html_of = [](QuestionKind kind) { return input_html(AnswerInput{question_of_kind(kind)}); };
    EXPECT_EQ(count(html_of(QuestionKind::yes_no), "type=\"radio\""), 2u);
    EXPECT_TRUE(contains(html_of(QuestionKind::long_text), "<textarea"));
    EXPECT_TRUE(contains(html_of(QuestionKind::number), "inputmode=\"decimal\""));
    EXPECT_TRUE(contains(html_of(QuestionKind::integer), "inputmode=\"numeric\""));
    EXPECT_TRUE(contains(html_of(QuestionKind::date), "type=\"date\""));
    EXPECT_TRUE(contains(html_of(QuestionKind::email), "type=\"email\""));
    EXPECT_TRUE(contains(html_of(QuestionKind::phone), "type=\"tel\""));
    EXPECT_TRUE(contains(html_of(QuestionKind::text), "type=\"text\""));
    EXPECT_EQ(count(html_of(QuestionKind::single_choice), "type=\"radio\""), 2u);
    EXPECT_EQ(count(html_of(QuestionKind::multiple_choice), "type=\"checkbox\""), 2u);
    EXPECT_TRUE(contains(html_of(QuestionKind::table), "name=\"a:q.table:0:version\""));
    EXPECT_TRUE(contains(html_of(QuestionKind::table), "data-add-row=\"q.table\""));
    EXPECT_TRUE(contains(html_of(QuestionKind::contact), "class=\"contact-fields\""));
    // Past six choices, one choice is a list.
    Question many = question_of_kind(QuestionKind::single_choice);
    for (char c = 'c'; c <= 'g'; ++c) many.choices.push_back({std::string(1, c), {std::string(1, c), ""}});
    const std::string list = input_html(AnswerInput{many});
    EXPECT_TRUE(contains(list, "<select id=\"a-q.single_choice\""));
    EXPECT_FALSE(contains(list, "type=\"radio\""));
}

TEST(AnswerInput, ShowsTheRefusedInputAndTheError) {
    const Question question = question_of_kind(QuestionKind::number);
    const std::string error = "Saisissez un nombre.";
    const std::string rejected = "douze<";
    AnswerInput input{question};
    input.error = &error;
    input.rejected = &rejected;
    const std::string html = input_html(input);
    EXPECT_TRUE(contains(html, "value=\"douze&lt;\""));
    EXPECT_TRUE(contains(html, "aria-invalid=\"true\""));
    EXPECT_TRUE(contains(html, "Saisissez un nombre."));
}

TEST(ClarificationInput, OneFieldNamedValueForTheKindsThatHaveOne) {
    for (QuestionKind kind : kEveryKind) {
        const Question question = question_of_kind(kind);
        web::html::HtmlWriter w;
        write_clarification_input(w, question, nlohmann::json(), Language::en);
        const std::string html = w.take();
        SCOPED_TRACE(std::string(question_kind_name(kind)));
        const bool single_field = kind != QuestionKind::multiple_choice && kind != QuestionKind::document &&
                                  kind != QuestionKind::table && kind != QuestionKind::contact;
        if (single_field) {
            EXPECT_TRUE(contains(html, "name=\"value\""));
            EXPECT_TRUE(contains(html, "New answer"));
        } else {
            EXPECT_EQ(html, "");
        }
    }
}
