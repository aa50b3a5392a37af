#pragma once
// The crosswalk from the MDS2 form (HN 1-2019) to the AFIB questionnaire, as data
// (questionnaires/mds2-crosswalk.yaml, read by definition/mds2_crosswalk_loader.hpp; documented in
// docs/mds2.md): each mapping names the AFIB question it proposes an answer for, the MDS2 IDs it
// reads, how their answers become the AFIB value, and why (its rationale, shown in the preview).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/localized_text.hpp"
#include "core/question_kind.hpp"

namespace cyberachat {

// How the MDS2 answers of a mapping's sources become the AFIB value.
enum class Mds2Transform {
    yes_no,           // yes_no question: the first source answered Yes → "oui", No → "non" (N/A: no proposal)
    yes_no_inverted,  // yes_no question: Yes → "non", No → "oui" (an MDS2 question asked the other way round)
    all_yes,          // yes_no question: "oui" when every answered source says Yes, "non" when one says No
    any_yes,          // yes_no question: "oui" when one answered source says Yes, "non" when all say No
    text,             // text/long_text question: the first source's answer text (DOC-1 gives a name), else its note
    notes,            // text/long_text question: the sources' notes, each as "ID: note", one per line
};

// "yes_no", "yes_no_inverted", "all_yes", "any_yes", "text", "notes" (the YAML's names).
std::string_view mds2_transform_name(Mds2Transform transform);
std::optional<Mds2Transform> parse_mds2_transform(std::string_view name);
// Whether `transform` can give an answer to a question of `kind`: the yes/no ones for yes_no,
// text and notes for text and long_text; no other kind is reached by the crosswalk.
bool mds2_transform_fits(Mds2Transform transform, QuestionKind kind);

// A mapping's source: an MDS2 ID ("PAUT-4"), a section ("AUDT-*": three or four capitals, "-*")
// or a question's sub-questions ("CSUP-2.*": an ID followed by ".*").
bool is_mds2_source(std::string_view source);
// Whether the MDS2 ID `id` is read by `source`: "AUDT-*" reads AUDT-1, AUDT-2.1…; "CSUP-2.*"
// reads CSUP-2.1 and CSUP-2.1.1 but not CSUP-2 itself nor CSUP-20; an ID reads only itself.
bool mds2_source_matches(std::string_view source, std::string_view id);

struct Mds2Mapping {
    std::string question_id;           // the AFIB question ("dispositif.fabricant")
    std::vector<std::string> sources;  // MDS2 IDs, in order; "AUDT-*" = every ID of that section,
                                       // "CSUP-2.*" = CSUP-2's sub-questions (CSUP-2.1, CSUP-2.2…)
    Mds2Transform transform = Mds2Transform::yes_no;
    LocalizedText rationale;           // why these MDS2 questions answer this AFIB question
};

struct Mds2Crosswalk {
    std::string version;               // the crosswalk's own version ("2026.1")
    std::string form;                  // the MDS2 form it reads ("HN 1-2019")
    std::vector<Mds2Mapping> mappings;  // file order, at most one per AFIB question
};

}  // namespace cyberachat
