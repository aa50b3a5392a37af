#pragma once
// The crosswalk from the MDS2 form (HN 1-2019) to the AFIB questionnaire, as data
// (questionnaires/mds2-crosswalk.yaml, read by definition/mds2_crosswalk_loader.hpp; documented in
// docs/mds2.md): each mapping names the AFIB question it proposes an answer for, the MDS2 IDs it
// reads, how their answers become the AFIB value, and why (its rationale, shown in the preview).
#include <string>
#include <vector>

#include "core/localized_text.hpp"

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
    std::vector<Mds2Mapping> mappings;  // file order
};

}  // namespace cyberachat
