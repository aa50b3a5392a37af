#include "core/condition_parser.hpp"

#include <cctype>

#include "core/utf8.hpp"
#include <string>

namespace cyberachat {
namespace {

enum class TokenKind { word, number, string, equals, not_equals, open, close, end, invalid };

struct Token {
    TokenKind kind = TokenKind::end;
    std::string text;
    std::string text_fr;  // for an invalid token: the French description
    size_t column = 0;
};

bool is_word_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
}

// An optional '-', digits, and at most one decimal point followed by digits ("+" already dropped).
bool is_well_formed_number(std::string_view text) {
    if (!text.empty() && text.front() == '-') text.remove_prefix(1);
    const size_t point = text.find('.');
    const std::string_view whole = text.substr(0, point);
    const std::string_view decimals = point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
    auto all_digits = [](std::string_view part) {
        for (char c : part)
            if (!std::isdigit(static_cast<unsigned char>(c))) return false;
        return !part.empty();
    };
    return all_digits(whole) && (point == std::string_view::npos || all_digits(decimals));
}

bool is_reserved_word(const std::string& word) { return word == "and" || word == "or" || word == "not"; }

class Lexer {
public:
    explicit Lexer(std::string_view text) : text_(text) {}

    Token next() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
        Token token;
        token.column = pos_;
        if (pos_ >= text_.size()) return token;
        char c = text_[pos_];
        if (c == '(' || c == ')') {
            token.kind = c == '(' ? TokenKind::open : TokenKind::close;
            token.text = std::string(1, c);
            ++pos_;
        } else if ((c == '=' || c == '!') && pos_ + 1 < text_.size() && text_[pos_ + 1] == '=') {
            token.kind = c == '=' ? TokenKind::equals : TokenKind::not_equals;
            token.text = std::string(text_.substr(pos_, 2));
            pos_ += 2;
        } else if (c == '\'' || c == '"') {
            size_t end = text_.find(c, pos_ + 1);
            if (end == std::string_view::npos) {
                token.kind = TokenKind::invalid;
                token.text = "unterminated string";
                token.text_fr = "texte entre guillemets non fermé";
                pos_ = text_.size();
            } else {
                token.kind = TokenKind::string;
                token.text = std::string(text_.substr(pos_ + 1, end - pos_ - 1));
                pos_ = end + 1;
            }
        } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+') {
            size_t start = pos_++;
            while (pos_ < text_.size() &&
                   (std::isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.' || text_[pos_] == ','))
                ++pos_;
            token.text = std::string(text_.substr(start, pos_ - start));
            for (char& ch : token.text)
                if (ch == ',') ch = '.';
            if (!token.text.empty() && token.text.front() == '+') token.text.erase(0, 1);
            if (is_well_formed_number(token.text)) {
                token.kind = TokenKind::number;
            } else {
                token.kind = TokenKind::invalid;
                const std::string written(text_.substr(start, pos_ - start));
                token.text = "malformed number '" + written + "'";
                token.text_fr = "nombre mal formé « " + written + " »";
            }
        } else if (is_word_start(c)) {
            size_t start = pos_;
            while (pos_ < text_.size() && is_word_char(text_[pos_])) ++pos_;
            token.kind = TokenKind::word;
            token.text = std::string(text_.substr(start, pos_ - start));
        } else {
            token.kind = TokenKind::invalid;
            token.text = std::string("unexpected character '") + c + "'";
            token.text_fr = std::string("caractère inattendu « ") + c + " »";
            ++pos_;
        }
        return token;
    }

private:
    std::string_view text_;
    size_t pos_ = 0;
};

class Parser {
public:
    explicit Parser(std::string_view text) : lexer_(text) { advance(); }

    Result<ConditionPtr> parse(std::string_view text) {
        if (utf8_character_count(text) > kMaxConditionLength)
            return Error::make(ErrorCode::condition_syntax,
                               "condition trop longue : " + std::to_string(kMaxConditionLength) + " caractères au plus",
                               "condition too long: at most " + std::to_string(kMaxConditionLength) + " characters");
        TRY_ASSIGN(auto root, parse_or());
        if (current_.kind != TokenKind::end) return unexpected("'and', 'or' or the end");
        return root;
    }

private:
    void advance() { current_ = lexer_.next(); }

    bool is_keyword(const char* keyword) const {
        return current_.kind == TokenKind::word && current_.text == keyword;
    }

    Error error_at(size_t column, const std::string& fr, const std::string& en) const {
        return Error::make(ErrorCode::condition_syntax, "colonne " + std::to_string(column + 1) + " : " + fr,
                           "column " + std::to_string(column + 1) + ": " + en);
    }

    Error unexpected(const std::string& expected) const {
        std::string found = current_.kind == TokenKind::end       ? "the end of the condition"
                            : current_.kind == TokenKind::invalid ? current_.text
                                                                  : "'" + current_.text + "'";
        std::string found_fr = current_.kind == TokenKind::end       ? "la fin de la condition"
                               : current_.kind == TokenKind::invalid ? current_.text_fr
                                                                     : "« " + current_.text + " »";
        return error_at(current_.column, "attendu " + expected + ", trouvé " + found_fr,
                        "expected " + expected + ", found " + found);
    }

    static ConditionPtr combine(Condition::Op op, ConditionPtr left, ConditionPtr right) {
        if (left->op == op) {
            left->operands.push_back(std::move(right));
            return left;
        }
        auto node = std::make_unique<Condition>();
        node->op = op;
        node->operands.push_back(std::move(left));
        node->operands.push_back(std::move(right));
        return node;
    }

    Result<ConditionPtr> parse_or() {
        TRY_ASSIGN(auto left, parse_and());
        while (is_keyword("or")) {
            advance();
            TRY_ASSIGN(auto right, parse_and());
            left = combine(Condition::Op::any_of, std::move(left), std::move(right));
        }
        return left;
    }

    Result<ConditionPtr> parse_and() {
        TRY_ASSIGN(auto left, parse_not());
        while (is_keyword("and")) {
            advance();
            TRY_ASSIGN(auto right, parse_not());
            left = combine(Condition::Op::all_of, std::move(left), std::move(right));
        }
        return left;
    }

    // Each 'not' and each '(' goes one level deeper; the parser (and every later walk of the tree)
    // recurses once per level, so the depth is bounded before the stack is.
    Result<void> enter_level() {
        if (++depth_ > kMaxConditionDepth)
            return error_at(current_.column,
                            "condition trop imbriquée : " + std::to_string(kMaxConditionDepth) +
                                " niveaux de « not » et de parenthèses au plus",
                            "condition nested too deeply: at most " + std::to_string(kMaxConditionDepth) +
                                " levels of 'not' and parentheses");
        return {};
    }

    Result<ConditionPtr> parse_not() {
        if (is_keyword("not")) {
            TRY(enter_level());
            advance();
            TRY_ASSIGN(auto operand, parse_not());
            --depth_;
            auto node = std::make_unique<Condition>();
            node->op = Condition::Op::negation;
            node->operands.push_back(std::move(operand));
            return node;
        }
        return parse_primary();
    }

    Result<ConditionPtr> parse_primary() {
        if (current_.kind == TokenKind::open) {
            TRY(enter_level());
            advance();
            TRY_ASSIGN(auto inner, parse_or());
            if (current_.kind != TokenKind::close) return unexpected("')'");
            advance();
            --depth_;
            return inner;
        }
        if (is_keyword("answered")) {
            advance();
            if (current_.kind != TokenKind::open) return unexpected("'(' after answered");
            advance();
            if (current_.kind != TokenKind::word) return unexpected("a question id");
            auto node = std::make_unique<Condition>();
            node->op = Condition::Op::answered;
            node->question_id = current_.text;
            node->column = current_.column;
            advance();
            if (current_.kind != TokenKind::close) return unexpected("')'");
            advance();
            return ConditionPtr(std::move(node));
        }
        if (current_.kind != TokenKind::word || is_keyword("and") || is_keyword("or"))
            return unexpected("a question id, 'not', 'answered(' or '('");
        auto node = std::make_unique<Condition>();
        node->question_id = current_.text;
        node->column = current_.column;
        advance();
        if (current_.kind == TokenKind::equals)
            node->op = Condition::Op::equals;
        else if (current_.kind == TokenKind::not_equals)
            node->op = Condition::Op::not_equals;
        else
            return unexpected("'==' or '!=' after '" + node->question_id + "'");
        advance();
        if ((current_.kind != TokenKind::word && current_.kind != TokenKind::number &&
             current_.kind != TokenKind::string) ||
            (current_.kind == TokenKind::word && is_reserved_word(current_.text)))
            return unexpected("a value (oui, non, a choice id, a number or a quoted text)");
        node->literal = current_.text;
        node->literal_is_number = current_.kind == TokenKind::number;
        advance();
        return ConditionPtr(std::move(node));
    }

    Lexer lexer_;
    Token current_;
    size_t depth_ = 0;
};

}  // namespace

Result<ConditionPtr> parse_condition(std::string_view text) { return Parser(text).parse(text); }

}  // namespace cyberachat
