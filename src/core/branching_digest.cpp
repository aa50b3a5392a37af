#include "core/branching_digest.hpp"

#include "core/fnv_hash.hpp"

namespace cyberachat {

namespace {

void add_number(FnvHash& hash, size_t n) {
    const std::string digits = std::to_string(n);
    hash.add_field(digits);
}

}  // namespace

std::string branching_digest(const Questionnaire& questionnaire, const Evaluation& evaluation) {
    FnvHash hash;
    hash.add_field(questionnaire.id).add_field(questionnaire.version);
    // One byte per section (visible, complete) and per question (visible): the lists' content.
    std::string flags;
    flags.reserve(evaluation.sections.size() + evaluation.question_visible.size());
    for (const SectionState& section : evaluation.sections)
        flags.push_back(static_cast<char>('0' + (section.visible ? 1 : 0) + (section.complete() ? 2 : 0)));
    flags.push_back('|');
    for (std::uint8_t visible : evaluation.question_visible) flags.push_back(visible ? '1' : '0');
    hash.add_field(flags);
    for (size_t index : evaluation.missing_required) add_number(hash, index);
    hash.add_field("progress");
    for (const Progress& part : evaluation.parts) add_number(hash, static_cast<size_t>(part.percent()));
    add_number(hash, static_cast<size_t>(evaluation.overall.percent()));
    return hash.hex();
}

}  // namespace cyberachat
