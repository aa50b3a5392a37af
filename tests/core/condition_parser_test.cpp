// show_if expressions: grammar, precedence, literals and located syntax errors.
#include "core/condition_parser.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace cyberachat;

namespace {

using Op = Condition::Op;

const Condition& parse_ok(const std::string& text, ConditionPtr& holder) {
    auto parsed = parse_condition(text);
    EXPECT_TRUE(parsed.ok()) << text << " → " << (parsed.ok() ? "" : parsed.error().message.fr);
    if (!parsed.ok()) throw std::runtime_error("parse failed: " + text);
    holder = std::move(parsed.value());
    return *holder;
}

// A compact rendering of the tree, e.g. "or(==(a,oui),and(==(b,oui),not(==(c,oui))))".
std::string shape(const Condition& c) {
    switch (c.op) {
        case Op::equals: return "==(" + c.question_id + "," + c.literal + ")";
        case Op::not_equals: return "!=(" + c.question_id + "," + c.literal + ")";
        case Op::answered: return "answered(" + c.question_id + ")";
        case Op::negation: return "not(" + shape(*c.operands.at(0)) + ")";
        case Op::all_of:
        case Op::any_of: {
            std::string out = c.op == Op::all_of ? "and(" : "or(";
            for (size_t i = 0; i < c.operands.size(); ++i) out += (i ? "," : "") + shape(*c.operands[i]);
            return out + ")";
        }
    }
    return "?";
}

std::string shape_of(const std::string& text) {
    ConditionPtr holder;
    return shape(parse_ok(text, holder));
}

// Parses `text`, expects a failure whose French and English messages name column `column` (1-based).
Error parse_error(const std::string& text, size_t column) {
    auto parsed = parse_condition(text);
    EXPECT_FALSE(parsed.ok()) << "'" << text << "' should not parse, got " << (parsed.ok() ? shape(*parsed.value()) : "");
    if (parsed.ok()) return Error{};
    const Error& error = parsed.error();
    EXPECT_EQ(error.code, ErrorCode::condition_syntax);
    EXPECT_NE(error.message.fr.find("colonne " + std::to_string(column) + " "), std::string::npos)
        << "'" << text << "': " << error.message.fr;
    EXPECT_NE(error.message.in(Language::en).find("column " + std::to_string(column) + ":"), std::string::npos)
        << "'" << text << "': " << error.message.in(Language::en);
    return error;
}

}  // namespace

// ---- comparisons -----------------------------------------------------------------------------

TEST(ConditionParser, ParsesComparison) {
    auto parsed = parse_condition("dispositif.poste_standard == oui");
    ASSERT_TRUE(parsed.ok()) << parsed.error().message.fr;
    EXPECT_EQ(parsed.value()->op, Condition::Op::equals);
    EXPECT_EQ(parsed.value()->question_id, "dispositif.poste_standard");
    EXPECT_EQ(parsed.value()->literal, "oui");
    EXPECT_FALSE(parsed.value()->literal_is_number);
    EXPECT_TRUE(parsed.value()->operands.empty());
}

TEST(ConditionParser, ParsesNotEquals) {
    ConditionPtr holder;
    const Condition& c = parse_ok("dispositif.classe_ce_93_42 != non_applicable", holder);
    EXPECT_EQ(c.op, Op::not_equals);
    EXPECT_EQ(c.question_id, "dispositif.classe_ce_93_42");
    EXPECT_EQ(c.literal, "non_applicable");
}

TEST(ConditionParser, ComparisonWithoutSpaces) {
    ConditionPtr holder;
    const Condition& c = parse_ok("a.b==non", holder);
    EXPECT_EQ(c.op, Op::equals);
    EXPECT_EQ(c.question_id, "a.b");
    EXPECT_EQ(c.literal, "non");
}

TEST(ConditionParser, IdsMayContainDigitsUnderscoresDashesAndDots) {
    ConditionPtr holder;
    const Condition& c = parse_ok("chu-exemple.q_1.x2 == choix-2", holder);
    EXPECT_EQ(c.question_id, "chu-exemple.q_1.x2");
    EXPECT_EQ(c.literal, "choix-2");
}

TEST(ConditionParser, RecordsColumnOfQuestionId) {
    ConditionPtr holder;
    const Condition& c = parse_ok("  a == oui or   bb != non", holder);
    ASSERT_EQ(c.op, Op::any_of);
    EXPECT_EQ(c.operands[0]->column, 2u);
    EXPECT_EQ(c.operands[1]->column, 16u);
    EXPECT_EQ(c.operands[0]->question_index, -1);  // bound later by the loader
}

TEST(ConditionParser, Answered) {
    ConditionPtr holder;
    const Condition& c = parse_ok("answered(serveurs.nombre_serveurs)", holder);
    EXPECT_EQ(c.op, Op::answered);
    EXPECT_EQ(c.question_id, "serveurs.nombre_serveurs");
    EXPECT_EQ(c.column, 9u);
    EXPECT_EQ(shape_of("answered ( a )"), "answered(a)");
}

// ---- literals ----------------------------------------------------------------------------------

TEST(ConditionParser, IntegerLiteralIsNumber) {
    ConditionPtr holder;
    const Condition& c = parse_ok("serveurs.nombre_serveurs == 3", holder);
    EXPECT_EQ(c.literal, "3");
    EXPECT_TRUE(c.literal_is_number);
}

TEST(ConditionParser, DecimalCommaBecomesDot) {
    ConditionPtr holder;
    const Condition& c = parse_ok("dispositif.ecran_taille == 21,5", holder);
    EXPECT_EQ(c.literal, "21.5");
    EXPECT_TRUE(c.literal_is_number);
    ConditionPtr holder2;
    const Condition& d = parse_ok("dispositif.ecran_taille != 21.5", holder2);
    EXPECT_EQ(d.literal, "21.5");
    EXPECT_TRUE(d.literal_is_number);
}

TEST(ConditionParser, NegativeNumber) {
    ConditionPtr holder;
    const Condition& c = parse_ok("t == -4", holder);
    EXPECT_EQ(c.literal, "-4");
    EXPECT_TRUE(c.literal_is_number);
}

TEST(ConditionParser, SingleQuotedString) {
    ConditionPtr holder;
    const Condition& c = parse_ok("a == 'Windows 10 (64 bits) and or not'", holder);
    EXPECT_EQ(c.op, Op::equals);
    EXPECT_EQ(c.literal, "Windows 10 (64 bits) and or not");
    EXPECT_FALSE(c.literal_is_number);
}

TEST(ConditionParser, DoubleQuotedStringMayContainSingleQuote) {
    ConditionPtr holder;
    const Condition& c = parse_ok("a != \"l'établissement\"", holder);
    EXPECT_EQ(c.op, Op::not_equals);
    EXPECT_EQ(c.literal, "l'établissement");
}

TEST(ConditionParser, QuotedNumberIsNotANumber) {
    ConditionPtr holder;
    const Condition& c = parse_ok("a == '3'", holder);
    EXPECT_EQ(c.literal, "3");
    EXPECT_FALSE(c.literal_is_number);
}

TEST(ConditionParser, EmptyQuotedString) {
    ConditionPtr holder;
    const Condition& c = parse_ok("a == ''", holder);
    EXPECT_EQ(c.literal, "");
}

// ---- boolean operators and precedence ----------------------------------------------------------

TEST(ConditionParser, Not) { EXPECT_EQ(shape_of("not a == oui"), "not(==(a,oui))"); }

TEST(ConditionParser, DoubleNot) { EXPECT_EQ(shape_of("not not a == oui"), "not(not(==(a,oui)))"); }

TEST(ConditionParser, And) { EXPECT_EQ(shape_of("a == oui and b != non"), "and(==(a,oui),!=(b,non))"); }

TEST(ConditionParser, Or) { EXPECT_EQ(shape_of("a == oui or b == non"), "or(==(a,oui),==(b,non))"); }

TEST(ConditionParser, ChainedOrIsFlat) {
    EXPECT_EQ(shape_of("a == 1 or b == 2 or c == 3"), "or(==(a,1),==(b,2),==(c,3))");
    EXPECT_EQ(shape_of("a == 1 and b == 2 and c == 3"), "and(==(a,1),==(b,2),==(c,3))");
}

TEST(ConditionParser, PrecedenceNotAndOr) {
    // a or (b and (not c))
    EXPECT_EQ(shape_of("a == oui or b == oui and not c == oui"), "or(==(a,oui),and(==(b,oui),not(==(c,oui))))");
}

TEST(ConditionParser, AndBindsTighterThanOrOnTheLeft) {
    EXPECT_EQ(shape_of("a == 1 and b == 2 or c == 3"), "or(and(==(a,1),==(b,2)),==(c,3))");
}

TEST(ConditionParser, NotBindsTighterThanAnd) {
    EXPECT_EQ(shape_of("not a == 1 and b == 2"), "and(not(==(a,1)),==(b,2))");
}

TEST(ConditionParser, ParenthesesOverridePrecedence) {
    EXPECT_EQ(shape_of("(a == oui or b == oui) and not c == oui"), "and(or(==(a,oui),==(b,oui)),not(==(c,oui)))");
    EXPECT_EQ(shape_of("not (a == oui or b == oui)"), "not(or(==(a,oui),==(b,oui)))");
}

TEST(ConditionParser, NestedParentheses) {
    EXPECT_EQ(shape_of("((a == 1))"), "==(a,1)");
    EXPECT_EQ(shape_of("(a == 1 and (b == 2 or (c == 3)))"), "and(==(a,1),or(==(b,2),==(c,3)))");
}

TEST(ConditionParser, DocumentedExample) {
    EXPECT_EQ(shape_of("not (serveurs.serveur_inclus == non) and answered(serveurs.nombre_serveurs)"),
              "and(not(==(serveurs.serveur_inclus,non)),answered(serveurs.nombre_serveurs))");
}

TEST(ConditionParser, CollectQuestionIdsInOrder) {
    ConditionPtr holder;
    const Condition& c = parse_ok("a == 1 or (not b == 2 and answered(c)) or a != 3", holder);
    std::vector<const Condition*> leaves;
    c.collect_question_ids(leaves);
    ASSERT_EQ(leaves.size(), 4u);
    EXPECT_EQ(leaves[0]->question_id, "a");
    EXPECT_EQ(leaves[1]->question_id, "b");
    EXPECT_EQ(leaves[2]->question_id, "c");
    EXPECT_EQ(leaves[3]->question_id, "a");
}

// ---- syntax errors, with the column ----------------------------------------------------------

TEST(ConditionParserErrors, Empty) {
    Error e = parse_error("", 1);
    EXPECT_NE(e.message.in(Language::en).find("end of the condition"), std::string::npos) << e.message.in(Language::en);
}

TEST(ConditionParserErrors, OnlySpaces) { parse_error("   ", 4); }

TEST(ConditionParserErrors, MissingValue) {
    Error e = parse_error("a.b ==", 7);
    EXPECT_NE(e.message.in(Language::en).find("a value"), std::string::npos) << e.message.in(Language::en);
}

TEST(ConditionParserErrors, MissingOperator) {
    Error e = parse_error("a.b oui", 5);
    EXPECT_NE(e.message.in(Language::en).find("'==' or '!='"), std::string::npos) << e.message.in(Language::en);
}

TEST(ConditionParserErrors, BareId) { parse_error("a.b", 4); }

TEST(ConditionParserErrors, UnknownOperatorSingleEquals) {
    Error e = parse_error("a = oui", 3);
    EXPECT_NE(e.message.in(Language::en).find("'='"), std::string::npos) << e.message.in(Language::en);
}

TEST(ConditionParserErrors, UnknownOperatorGreaterThan) { parse_error("taille > 3", 8); }

TEST(ConditionParserErrors, UnknownOperatorAmpersands) { parse_error("a == oui && b == non", 10); }

TEST(ConditionParserErrors, UnbalancedOpenParenthesis) {
    Error e = parse_error("(a == oui", 10);
    EXPECT_NE(e.message.in(Language::en).find("')'"), std::string::npos) << e.message.in(Language::en);
}

TEST(ConditionParserErrors, UnbalancedCloseParenthesis) { parse_error("a == oui)", 9); }

TEST(ConditionParserErrors, LeadingCloseParenthesis) { parse_error(")a == oui", 1); }

TEST(ConditionParserErrors, EmptyParentheses) { parse_error("()", 2); }

TEST(ConditionParserErrors, TrailingTokens) {
    Error e = parse_error("a == oui b == non", 10);
    EXPECT_NE(e.message.in(Language::en).find("'b'"), std::string::npos) << e.message.in(Language::en);
}

TEST(ConditionParserErrors, ChainedComparison) { parse_error("a == b == c", 8); }

TEST(ConditionParserErrors, DanglingAnd) { parse_error("a == oui and", 13); }

TEST(ConditionParserErrors, DanglingOr) { parse_error("a == oui or ", 13); }

TEST(ConditionParserErrors, LeadingOr) { parse_error("or a == oui", 1); }

TEST(ConditionParserErrors, NotAlone) { parse_error("not", 4); }

TEST(ConditionParserErrors, UnterminatedString) {
    Error e = parse_error("a == 'oui", 6);
    EXPECT_NE(e.message.in(Language::en).find("unterminated"), std::string::npos) << e.message.in(Language::en);
}

TEST(ConditionParserErrors, AnsweredWithoutParenthesis) { parse_error("answered a", 10); }

TEST(ConditionParserErrors, AnsweredWithoutId) { parse_error("answered()", 10); }

TEST(ConditionParserErrors, AnsweredUnclosed) { parse_error("answered(a", 11); }

TEST(ConditionParserErrors, AnsweredOfAValue) { parse_error("answered('a')", 10); }

TEST(ConditionParserErrors, UnexpectedCharacter) {
    Error e = parse_error("a == oui and ?", 14);
    EXPECT_NE(e.message.in(Language::en).find("'?'"), std::string::npos) << e.message.in(Language::en);
}

TEST(ConditionParserErrors, FrenchMessageIsFrench) {
    auto parsed = parse_condition("a ==");
    ASSERT_FALSE(parsed.ok());
    EXPECT_NE(parsed.error().message.fr.find("attendu"), std::string::npos) << parsed.error().message.fr;
    EXPECT_NE(parsed.error().message.fr.find("la fin de la condition"), std::string::npos) << parsed.error().message.fr;
}

TEST(ConditionParser, PlusSignIsDropped) {
    ConditionPtr holder;
    const Condition& c = parse_ok("t == +3", holder);
    EXPECT_EQ(c.literal, "3");
    EXPECT_TRUE(c.literal_is_number);
}

TEST(ConditionParserErrors, SignAloneIsNotANumber) {
    Error e = parse_error("t == -", 6);
    EXPECT_NE(e.message.in(Language::en).find("malformed number '-'"), std::string::npos) << e.message.in(Language::en);
    EXPECT_NE(e.message.fr.find("nombre mal formé « - »"), std::string::npos) << e.message.fr;
    parse_error("t == +", 6);
}

TEST(ConditionParserErrors, NumberWithTwoDecimalPoints) {
    Error e = parse_error("t == 1.2.3", 6);
    EXPECT_NE(e.message.in(Language::en).find("malformed number '1.2.3'"), std::string::npos) << e.message.in(Language::en);
}

TEST(ConditionParserErrors, NumberEndingWithAPoint) { parse_error("t == 3.", 6); }

TEST(ConditionParserErrors, KeywordIsNotAValue) {
    Error e = parse_error("a == and", 6);
    EXPECT_NE(e.message.in(Language::en).find("a value"), std::string::npos) << e.message.in(Language::en);
    parse_error("a != or", 6);
    parse_error("a == not", 6);
}

TEST(ConditionParser, QuotedKeywordIsAValue) {
    ConditionPtr holder;
    const Condition& c = parse_ok("a == 'and'", holder);
    EXPECT_EQ(c.literal, "and");
}

TEST(ConditionParserErrors, InvalidTokenIsDescribedInFrench) {
    auto parsed = parse_condition("a == oui and ?");
    ASSERT_FALSE(parsed.ok());
    EXPECT_NE(parsed.error().message.fr.find("caractère inattendu « ? »"), std::string::npos) << parsed.error().message.fr;
}

// ---- budgets: depth and length ------------------------------------------------------------------

namespace {
std::string repeated(const std::string& piece, size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (size_t i = 0; i < times; ++i) out += piece;
    return out;
}
}  // namespace

TEST(ConditionParserBudgets, NestingUpToTheLimitParses) {
    const size_t half = kMaxConditionDepth / 2;
    const std::string text = repeated("not ", half) + repeated("(", half) + "a == oui" + repeated(")", half);
    auto parsed = parse_condition(text);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message.fr;
}

TEST(ConditionParserBudgets, ParenthesesBeyondTheLimitAreASyntaxError) {
    const size_t n = kMaxConditionDepth + 1;
    auto parsed = parse_condition(repeated("(", n) + "a == oui" + repeated(")", n));
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().code, ErrorCode::condition_syntax);
    EXPECT_NE(parsed.error().message.fr.find("trop imbriquée"), std::string::npos) << parsed.error().message.fr;
    EXPECT_NE(parsed.error().message.in(Language::en).find("nested too deeply"), std::string::npos) << parsed.error().message.in(Language::en);
    // The column of the first '(' past the limit.
    EXPECT_NE(parsed.error().message.fr.find("colonne " + std::to_string(kMaxConditionDepth + 1)), std::string::npos)
        << parsed.error().message.fr;
}

TEST(ConditionParserBudgets, NotsBeyondTheLimitAreASyntaxError) {
    auto parsed = parse_condition(repeated("not ", kMaxConditionDepth + 1) + "a == oui");
    ASSERT_FALSE(parsed.ok());
    EXPECT_NE(parsed.error().message.fr.find("trop imbriquée"), std::string::npos) << parsed.error().message.fr;
}

TEST(ConditionParserBudgets, MixedNotsAndParenthesesShareOneDepth) {
    const size_t half = kMaxConditionDepth / 2 + 1;  // each half alone is within the limit, together not
    auto parsed = parse_condition(repeated("not (", half) + "a == oui" + repeated(")", half));
    ASSERT_FALSE(parsed.ok());
    EXPECT_NE(parsed.error().message.fr.find("trop imbriquée"), std::string::npos) << parsed.error().message.fr;
}

TEST(ConditionParserBudgets, SequentialGroupsDoNotAddUp) {
    // Depth is how deep, not how many: a hundred sibling groups are fine.
    std::string text = "(a == oui)";
    for (int i = 0; i < 100; ++i) text += " or (b == " + std::to_string(i) + ")";
    auto parsed = parse_condition(text);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message.fr;
}

TEST(ConditionParserBudgets, HostileInputsAreErrorsNotCrashes) {
    // 10,000 nested parentheses and 50,000 'not': refused (too long) without recursing.
    for (const std::string& text : {repeated("(", 10000) + "a == oui" + repeated(")", 10000),
                                    repeated("not ", 50000) + "a == oui"}) {
        auto parsed = parse_condition(text);
        ASSERT_FALSE(parsed.ok());
        EXPECT_EQ(parsed.error().code, ErrorCode::condition_syntax);
        EXPECT_NE(parsed.error().message.fr.find("trop longue"), std::string::npos) << parsed.error().message.fr;
    }
}

TEST(ConditionParserBudgets, LengthIsCountedInCharacters) {
    // kMaxConditionLength accented characters (two bytes each) are within the budget.
    const std::string literal = repeated("é", kMaxConditionLength - std::string("a == ''").size());
    auto parsed = parse_condition("a == '" + literal + "'");
    ASSERT_TRUE(parsed.ok()) << parsed.error().message.fr;
    EXPECT_FALSE(parse_condition("a == '" + literal + "é'").ok());
}
