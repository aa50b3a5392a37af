#pragma once
// Where an answer's value came from when it was not typed (StoredAnswer::source): a manufacturer's
// document imported into the response — its MDS2 statement or its SBOM — with the file's name and
// SHA-256 (the file is a document of the response) and, for an MDS2, the lines the value comes
// from; or the vendor's earlier response it was carried over from ("reuse", issue 17). Stored as
// a small JSON text; "" means typed (or imported from Excel).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cyberachat {

struct AnswerSource {
    std::string kind;    // "mds2" | "sbom" | "reuse"
    std::string file;    // the file's name as uploaded (sanitized)
    std::string sha256;  // hex
    std::vector<std::string> lines;  // MDS2 IDs ("MLDP-2"); empty for an SBOM
    long long response = 0;          // "reuse": the earlier response (its id) the value was carried over from
};

std::string answer_source_json(const AnswerSource& source);
// nullopt for "" (typed) and for anything that is not a source this program wrote.
std::optional<AnswerSource> parse_answer_source(std::string_view text);
// "MDS2" / "SBOM" / "réponse antérieure".
std::string_view answer_source_kind_label(std::string_view kind);

}  // namespace cyberachat
