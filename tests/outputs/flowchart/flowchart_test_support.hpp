#pragma once
// Shared by the flowchart tests: the AFIB definition as a hospital would edit it.
#include <string>

#include "definition/builtin_questionnaire.hpp"

namespace cyberachat::testing {

// The AFIB definition with a decision page and the page it opens added to part 3.
inline std::string edited_afib_yaml() {
    std::string yaml(builtin_afib_yaml());
    const std::string anchor = "      - id: logiciels.envoi_dossier_patient\n";
    const size_t at = yaml.find(anchor);
    if (at == std::string::npos) return {};
    yaml.insert(at,
                "      - id: logiciels.usage_nomade\n"
                "        title: {fr: \"Usage nomade\", en: \"Mobile use\"}\n"
                "        questions:\n"
                "          - id: logiciels.terminaux_mobiles\n"
                "            kind: yes_no\n"
                "            label: {fr: \"Le logiciel est-il utilisé sur des terminaux mobiles ?\", en: \"Is the software used on mobile devices?\"}\n"
                "      - id: logiciels.flotte_mobile\n"
                "        title: {fr: \"Gestion de la flotte mobile\", en: \"Mobile fleet management\"}\n"
                "        show_if: \"logiciels.terminaux_mobiles == oui\"\n"
                "        questions:\n"
                "          - id: logiciels.outil_gestion_flotte\n"
                "            kind: text\n"
                "            label: {fr: \"Outil de gestion de flotte (MDM)\", en: \"Fleet management tool (MDM)\"}\n");
    return yaml;
}

}  // namespace cyberachat::testing
