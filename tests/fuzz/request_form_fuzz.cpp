// Fuzz target: a posted form as our code reads it. cpp-httplib splits the urlencoded body into
// parameters (its parse_query_text, as the server does); then ours: the UTF-8 check of every
// parameter and multipart field (the same pairs offered as multipart fields, with and without a
// file name), form_value, the comparison filters, and read_section_form for the vendor section
// chosen by the first byte, each posted answer then checked by normalize_answer as the page does.
#include <string>

#include "core/answer_validation.hpp"
#include "definition/builtin_questionnaire.hpp"
#include "fuzz_input.hpp"
#include "web/comparison_filter.hpp"
#include "web/http_io.hpp"
#include "web/section_form.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto questionnaire = cyberachat::builtin_afib();
    if (size == 0) return 0;
    const auto& sections = questionnaire->sections();
    const cyberachat::Section& section = *sections[data[0] % sections.size()];
    const std::string form(reinterpret_cast<const char*>(data) + 1, size - 1);

    httplib::Request request;
    request.path = "/vendor/sections/" + section.id;
    httplib::detail::parse_query_text(form, request.params);
    size_t index = 0;
    for (const auto& [name, value] : request.params) {
        httplib::MultipartFormData field{name, value, index++ % 2 ? name + ".pdf" : std::string(), "application/pdf"};
        request.files.emplace(name, std::move(field));
    }
    (void)cyberachat::web::request_text_is_utf8(request);
    (void)cyberachat::web::form_value(request, "email");
    (void)cyberachat::web::comparison_filter_from(request, *questionnaire);
    const auto posted = cyberachat::web::read_section_form(request, section);
    for (const cyberachat::Question& question : section.questions) {
        auto answer = posted.find(question.id);
        if (answer == posted.end() || question.kind == cyberachat::QuestionKind::document) continue;
        auto normalized = cyberachat::normalize_answer(question, answer->second.raw);
        if (normalized) (void)normalized->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).size();
    }
    return 0;
}
