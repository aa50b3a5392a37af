// Fuzz target: a JSON request body as the API reads it — web::json_body (which parses within the
// depth budget of core/bounded_json.hpp), then what the answer handler does with the fields:
// "comment", "base_revision", and "value" checked by normalize_answer against one question of each
// kind of the built-in questionnaire, the canonical value then serialized as the store does.
#include <map>
#include <string>
#include <vector>

#include "core/answer_validation.hpp"
#include "definition/builtin_questionnaire.hpp"
#include "fuzz_input.hpp"
#include "web/http_io.hpp"

namespace {

// One question of each kind, from the built-in questionnaire.
const std::vector<const cyberachat::Question*>& one_question_per_kind() {
    static const auto questionnaire = cyberachat::builtin_afib();
    static const std::vector<const cyberachat::Question*> questions = [] {
        std::map<cyberachat::QuestionKind, const cyberachat::Question*> by_kind;
        for (const cyberachat::Question* question : questionnaire->questions()) by_kind.emplace(question->kind, question);
        std::vector<const cyberachat::Question*> list;
        for (const auto& [kind, question] : by_kind) list.push_back(question);
        return list;
    }();
    return questions;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    httplib::Request request;
    request.body.assign(reinterpret_cast<const char*>(data), size);
    httplib::Response response;
    auto body = cyberachat::web::json_body(request, response);
    if (!body) return 0;
    if (auto it = body->find("comment"); it != body->end() && it->is_string()) (void)it->get<std::string>().size();
    if (auto it = body->find("base_revision"); it != body->end() && it->is_number_integer()) (void)it->get<std::int64_t>();
    const nlohmann::json value = body->contains("value") ? (*body)["value"] : nlohmann::json();
    for (const cyberachat::Question* question : one_question_per_kind()) {
        auto normalized = cyberachat::normalize_answer(*question, value);
        if (normalized) (void)normalized->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).size();
    }
    return 0;
}
