#pragma once
// Writes a YAML tree back as text, for a definition Cyberachat puts together (an extension over
// its base, a questionnaire and its grid uploaded in one file): block style, texts of several
// lines as `|` blocks when that keeps them exactly, other texts quoted only when they must be.
// Reading the text again gives the same tree (anchors are written out in full). Internal to
// src/definition.
#include <string>
#include <string_view>

namespace YAML {
class Node;
}

namespace cyberachat::definition_detail {

// `comment`: lines written as a `#` comment above the document (none when empty).
std::string write_yaml(const YAML::Node& root, std::string_view comment = {});

}  // namespace cyberachat::definition_detail
