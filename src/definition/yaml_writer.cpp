#include "definition/yaml_writer.hpp"

#include <yaml-cpp/yaml.h>

namespace cyberachat::definition_detail {
namespace {

// yaml-cpp writes `|` and the lines, nothing else: the text must read back the same under the
// default "clip" rule (exactly one final line break kept) and the indentation it detects from the
// first line. Other texts are written quoted, with escapes.
bool reads_back_as_literal(const std::string& text) {
    if (text.size() < 2 || text.back() != '\n' || text[text.size() - 2] == '\n') return false;
    if (text.front() == ' ' || text.front() == '\n' || text.front() == '\t') return false;
    if (text.find('\n') == text.size() - 1) return false;  // one line: no need
    for (unsigned char c : text)
        if ((c < 0x20 && c != '\n') || c == 0x7f) return false;
    // YAML 1.1 line breaks beyond \n (NEL, LS, PS) would be read as breaks.
    for (const char* odd : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"})
        if (text.find(odd) != std::string::npos) return false;
    return true;
}

void write_node(YAML::Emitter& out, const YAML::Node& node, bool key) {
    switch (node.Type()) {
        case YAML::NodeType::Map:
            out << YAML::BeginMap;
            for (const auto& item : node) {
                out << YAML::Key;
                write_node(out, item.first, true);
                out << YAML::Value;
                write_node(out, item.second, false);
            }
            out << YAML::EndMap;
            break;
        case YAML::NodeType::Sequence:
            out << YAML::BeginSeq;
            for (const auto& item : node) write_node(out, item, false);
            out << YAML::EndSeq;
            break;
        case YAML::NodeType::Scalar:
            if (!key && reads_back_as_literal(node.Scalar())) out << YAML::Literal;
            out << node.Scalar();
            break;
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
            out << YAML::Null;
            break;
    }
}

}  // namespace

std::string write_yaml(const YAML::Node& root, std::string_view comment) {
    YAML::Emitter out;
    out.SetIndent(2);
    if (!comment.empty()) out << YAML::Comment(std::string(comment)) << YAML::Newline;
    write_node(out, root, false);
    std::string text = out.c_str();
    if (text.empty() || text.back() != '\n') text += '\n';
    return text;
}

}  // namespace cyberachat::definition_detail
