#include "core/mds2_crosswalk.hpp"

#include "core/mds2_statement.hpp"

namespace cyberachat {
namespace {

constexpr Mds2Transform kTransforms[] = {Mds2Transform::yes_no, Mds2Transform::yes_no_inverted, Mds2Transform::all_yes,
                                         Mds2Transform::any_yes, Mds2Transform::text,           Mds2Transform::notes};

// "AUDT-*": the section's capitals before "-*".
bool is_section_pattern(std::string_view source) {
    if (source.size() < 5 || source.size() > 6 || source.substr(source.size() - 2) != "-*") return false;
    for (char c : source.substr(0, source.size() - 2))
        if (c < 'A' || c > 'Z') return false;
    return true;
}

// "CSUP-2.*": an ID before ".*".
bool is_sub_question_pattern(std::string_view source) {
    return source.size() > 2 && source.substr(source.size() - 2) == ".*" && is_mds2_id(source.substr(0, source.size() - 2));
}

}  // namespace

std::string_view mds2_transform_name(Mds2Transform transform) {
    switch (transform) {
        case Mds2Transform::yes_no: return "yes_no";
        case Mds2Transform::yes_no_inverted: return "yes_no_inverted";
        case Mds2Transform::all_yes: return "all_yes";
        case Mds2Transform::any_yes: return "any_yes";
        case Mds2Transform::text: return "text";
        case Mds2Transform::notes: return "notes";
    }
    return "";
}

std::optional<Mds2Transform> parse_mds2_transform(std::string_view name) {
    for (const Mds2Transform transform : kTransforms)
        if (mds2_transform_name(transform) == name) return transform;
    return std::nullopt;
}

bool mds2_transform_fits(Mds2Transform transform, QuestionKind kind) {
    switch (transform) {
        case Mds2Transform::yes_no:
        case Mds2Transform::yes_no_inverted:
        case Mds2Transform::all_yes:
        case Mds2Transform::any_yes: return kind == QuestionKind::yes_no;
        case Mds2Transform::text:
        case Mds2Transform::notes: return kind == QuestionKind::text || kind == QuestionKind::long_text;
    }
    return false;
}

bool is_mds2_source(std::string_view source) {
    return is_mds2_id(source) || is_section_pattern(source) || is_sub_question_pattern(source);
}

bool mds2_source_matches(std::string_view source, std::string_view id) {
    if (is_section_pattern(source)) {
        const std::string_view prefix = source.substr(0, source.size() - 1);  // "AUDT-"
        return id.size() > prefix.size() && id.substr(0, prefix.size()) == prefix;
    }
    if (is_sub_question_pattern(source)) {
        const std::string_view prefix = source.substr(0, source.size() - 1);  // "CSUP-2."
        return id.size() > prefix.size() && id.substr(0, prefix.size()) == prefix;
    }
    return source == id;
}

}  // namespace cyberachat
