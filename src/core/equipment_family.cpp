#include "core/equipment_family.hpp"

namespace cyberachat {

const std::vector<EquipmentFamily>& equipment_families() {
    static const std::vector<EquipmentFamily> families = {
        {"imagerie", "Imagerie", "Imaging"},
        {"surveillance", "Surveillance des patients", "Patient monitoring"},
        {"laboratoire", "Analyseurs de laboratoire", "Laboratory analysers"},
        {"bloc_operatoire", "Bloc opératoire", "Operating theatre"},
        {"perfusion", "Perfusion", "Infusion"},
        {"dialyse", "Dialyse", "Dialysis"},
        {"cardiologie", "Cardiologie", "Cardiology"},
        {"ventilation", "Ventilation et anesthésie", "Ventilation and anaesthesia"},
        {"logiciel", "Logiciel / système d'information", "Software / information system"},
        {"autre", "Autre", "Other"},
    };
    return families;
}

const EquipmentFamily* find_equipment_family(std::string_view id) {
    for (const auto& family : equipment_families())
        if (family.id == id) return &family;
    return nullptr;
}

bool valid_equipment_family(std::string_view id) { return id.empty() || find_equipment_family(id) != nullptr; }

std::string_view equipment_family_label(std::string_view id, Language language) {
    if (id.empty()) return language == Language::en ? "Not set" : "Non renseignée";
    const EquipmentFamily* family = find_equipment_family(id);
    if (!family) return id;
    return language == Language::en ? family->label_en : family->label_fr;
}

}  // namespace cyberachat
