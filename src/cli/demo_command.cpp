// `cyberachat demo [--data DIR | --database URL]`: a purchase a new user can look at in a minute — three vendors'
// complete, realistic responses (a strong, a middling and a weak one) with documents, reviews and
// opinions, so that the comparison, the scores and the points de vigilance show at once.
#include <cstdio>
#include <iostream>
#include <map>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "services/acquisition_service.hpp"
#include "services/evaluation_service.hpp"
#include "services/questionnaire_provider.hpp"
#include "services/response_service.hpp"

namespace cyberachat::cli {
namespace {

using json = nlohmann::json;

const char* kBiomedical = "biomedical@demo.cyberachat.fr";
const char* kIt = "rssi@demo.cyberachat.fr";

struct DemoVendor {
    services::VendorInput input;
    std::string device, brand;
    std::map<std::string, json> answers;  // given first, so that the branches follow them
    bool submit = true;
};

// A small valid PDF whose page says `text`.
std::string demo_pdf(const std::string& text) {
    const std::string content = "BT /F1 14 Tf 60 780 Td (" + text + ") Tj ET";
    std::string pdf = "%PDF-1.4\n";
    std::vector<size_t> offsets;
    const std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    for (size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const size_t xref = pdf.size();
    pdf += "xref\n0 6\n0000000000 65535 f \n";
    for (size_t offset : offsets) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
        pdf += line;
    }
    pdf += "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

// A plausible answer for a question the vendor profile does not set.
json default_answer(const Question& question, const DemoVendor& vendor) {
    static const std::map<std::string, std::string> texts = {
        {"dispositif.fabricant", "{brand}"}, {"dispositif.fournisseur", "{brand}"}, {"dispositif.lieu_fabrication", "Union européenne"},
        {"dispositif.os", "Windows 10 IoT Enterprise LTSC"}, {"dispositif.os_version", "21H2"},
        {"dispositif.materiel_os", "Linux embarqué (Yocto)"}, {"dispositif.materiel_os_version", "4.1"},
        {"serveurs.systemes_exploitation", "Windows Server 2022"}, {"serveurs.base_de_donnees", "PostgreSQL 15"},
        {"maintenance.type_contrat", "Contrat de maintenance tous risques, 5 ans, mises à jour comprises"},
        {"maintenance.jours_horaires_acces", "Jours ouvrés, 8 h – 18 h, sur demande de l'établissement"}};
    switch (question.kind) {
        case QuestionKind::yes_no: return "oui";
        case QuestionKind::number:
        case QuestionKind::integer: return question.min && *question.min > 0 ? *question.min : 16;
        case QuestionKind::date: return "2022-06-15";
        case QuestionKind::email: return "support@" + vendor.input.email.substr(vendor.input.email.find('@') + 1);
        case QuestionKind::phone: return "01 40 00 00 00";
        case QuestionKind::single_choice: return question.choices.size() > 2 ? question.choices[2].id : question.choices[0].id;
        case QuestionKind::multiple_choice: return json::array({question.choices[0].id});
        case QuestionKind::table: return json::array({{{question.fields[0].id, vendor.device + " Console"}}});
        case QuestionKind::contact:
            return {{"nom", "Lefèvre"}, {"prenom", "Camille"}, {"fonction", "Chef de projet"},
                    {"coordonnees", vendor.brand + ", Paris"}, {"telephone", "01 40 00 00 00"},
                    {"email", "projets@" + vendor.input.email.substr(vendor.input.email.find('@') + 1)}};
        case QuestionKind::text:
        case QuestionKind::long_text:
        case QuestionKind::document: break;  // the texts below
    }
    if (question.id == "dispositif.designation") return vendor.device;
    if (question.id == "dispositif.marque") return vendor.brand;
    if (auto it = texts.find(question.id); it != texts.end())
        return it->second == "{brand}" ? vendor.brand : it->second;
    return "Voir la documentation technique jointe à l'offre (" + vendor.device + ").";
}

bool fill(services::ResponseService& responses, Id response_id, const DemoVendor& vendor, const std::string& actor) {
    for (const auto& [question_id, value] : vendor.answers) {
        auto saved = responses.save_answer(response_id, question_id, value, std::nullopt, -1, actor);
        if (!saved) {
            std::cerr << question_id << " : " << saved.error().message.fr << "\n";
            return false;
        }
    }
    for (int round = 0; round < 20; ++round) {
        auto snapshot = responses.load(response_id);
        if (!snapshot) return false;
        if (snapshot->evaluation.missing_required.empty()) return true;
        for (size_t index : snapshot->evaluation.missing_required) {
            const Question& question = *snapshot->questionnaire->questions()[index];
            if (question.kind == QuestionKind::document) {
                const std::string name = question.id.substr(question.id.find('.') + 1) + ".pdf";
                auto added = responses.add_document(response_id, question.id, name,
                                                    demo_pdf(vendor.brand + " - " + vendor.device + " - " + name), actor);
                if (!added) return false;
            } else if (!responses.save_answer(response_id, question.id, default_answer(question, vendor), std::nullopt, -1, actor)) {
                return false;
            }
        }
    }
    return false;
}

std::vector<DemoVendor> demo_vendors() {
    return {
        {{"Veillemed Santé", "Claire Moreau", "offres@veillemed-sante.example", "fr"}, "Vigil MX750", "Veillemed", {}},
        {{"Cardiotrace Médical France", "Hugo Bernard", "appels-offres@cardiotrace-medical.example", "en"},
         "Cardiotrace N17",
         "Cardiotrace",
         {{"dispositif.antivirus_etablissement", "non"},
          {"dispositif.os", "Windows 10 IoT Enterprise LTSC 2019"},  // supported until 2029: before the end of use
          {"dispositif.os_version", "1809"},
          {"dispositif.protection_propre", "oui"},
          {"dispositif.pare_feu_etablissement", "non"},
          {"maintenance.passerelle_securisee", "non"},
          {"maintenance.compte_rendu_detaille", "non"},
          {"maintenance.mots_de_passe_modifiables", "non"}}},
        {{"Médi-Surveillance SAS", "Paul Girard", "contact@medi-surveillance.example", "fr"},
         "Vigil 3000",
         "Médi-Surveillance",
         {{"dispositif.poste_standard", "non"},
          {"dispositif.materiel_os", "Windows 7 Embedded SP1"},  // out of support since 2020: a point de vigilance
          {"dispositif.materiel_os_version", "6.1.7601"},
          {"serveurs.base_de_donnees", "SQL Server 2014 Express"},
          {"dispositif.materiel_mises_a_jour_securite", "non"},
          {"dispositif.antivirus_etablissement", "non"},
          {"dispositif.protection_propre", "non"},
          {"logiciels.communications_chiffrees", "non"},
          {"maintenance.absence_compte_code_en_dur", "non"},
          {"maintenance.passerelle_securisee", "non"},
          {"maintenance.procedure_degradee_attaque_possible", "non"},
          {"maintenance.hebergement_donnees_sante", "oui"},
          {"maintenance.hebergeur_agree_hds", "non"},
          {"maintenance.hors_territoire", "non"},
          {"maintenance.journaux_evenements", "non"}}},
    };
}

// Users of the demo (created once; their generated passwords are printed then). `created` says
// whether this run made it.
std::optional<User> demo_user(store::Store& store, const char* email, const char* role, bool& created) {
    created = false;
    if (auto existing = store.users.find_by_email(email)) return std::move(existing.value());
    if (!create_user(store, email, role, "", true)) return std::nullopt;
    auto made = store.users.find_by_email(email);
    if (!made) return std::nullopt;
    created = true;
    return std::move(made.value());
}

// "rssi@demo.cyberachat.fr (DSI / sécurité, relecteur DSI de l'achat) — créé : son mot de passe est affiché ci-dessus".
std::string demo_account_line(const User& user, const char* duty, bool created) {
    return "  " + user.email + " (" + std::string(role_label_fr(user.role)) + ", " + duty + ") — " +
           (created ? "créé maintenant : son mot de passe est affiché ci-dessus, une seule fois"
                    : "existait déjà : son mot de passe n'a pas changé");
}

int run_demo(const StoreLocation& location) {
    auto store = open_store_or_report(location);
    if (!store) return 1;
    bool biomedical_created = false, it_created = false;
    auto biomedical = demo_user(*store, kBiomedical, "biomedical", biomedical_created);
    auto it = demo_user(*store, kIt, "it", it_created);
    if (!biomedical || !it) return 1;
    const std::string bio_actor = "user:" + biomedical->email, it_actor = "user:" + it->email;
    services::QuestionnaireProvider questionnaires(*store);
    services::ResponseService responses(*store, questionnaires);
    services::AcquisitionService acquisitions(*store, questionnaires);
    services::EvaluationService evaluations(*store, questionnaires, responses);

    Acquisition input;
    input.title = "Moniteurs multiparamétriques — Réanimation (démonstration)";
    input.equipment = "Moniteurs de surveillance multiparamétrique, 24 lits";
    input.service = "Réanimation polyvalente";
    input.reference = "DEMO-2027-001";
    input.deadline = "2027-03-31";
    input.equipment_family = "surveillance";
    input.notes = "Achat de démonstration créé par « cyberachat demo ».";
    auto acquisition = acquisitions.create(input, biomedical->id, bio_actor);
    if (!acquisition) {
        std::cerr << acquisition.error().message.fr << "\n";
        return 1;
    }
    // The team: the biomedical engineer leads it (as its creator), IT reviews.
    if (auto added = store->members.put(acquisition->id, it->id, PurchaseRole::it_reviewer, bio_actor); !added) {
        std::cerr << added.error().message.fr << "\n";
        return 1;
    }
    std::vector<Id> ids;
    for (const DemoVendor& demo_vendor : demo_vendors()) {
        DemoVendor vendor = demo_vendor;
        vendor.input.link_company = true;  // recognised from one purchase to the next (by its e-mail's domain)
        auto invitation = acquisitions.invite(acquisition->id, vendor.input, bio_actor);
        if (!invitation) {
            std::cerr << invitation.error().message.fr << "\n";
            return 1;
        }
        const Id id = invitation->response.id;
        const std::string actor = "vendor:" + std::to_string(id);
        if (!fill(responses, id, vendor, actor) || !responses.submit(id, actor)) {
            std::cerr << "La réponse de démonstration de " << vendor.input.company << " n'a pas pu être complétée.\n";
            return 1;
        }
        ids.push_back(id);
    }
    // Reviews and opinions.
    auto review = [&](Id id, const char* question, const char* status, const char* comment, const char* vendor_question,
                      const User& user, const std::string& actor) {
        return evaluations.add_review(id, {question, status, comment, vendor_question}, user, actor).ok();
    };
    bool ok = review(ids[0], "maintenance.passerelle_securisee", "accepted", "Passerelle compatible avec notre bastion.", "", *it, it_actor) &&
              review(ids[1], "maintenance.passerelle_securisee", "clarification", "Le refus de la passerelle est bloquant pour la DSI.",
                     "Can your remote maintenance go through the hospital's secure gateway (VPN + bastion)?", *it, it_actor) &&
              review(ids[1], "maintenance.mots_de_passe_modifiables", "unsatisfactory",
                     "Mots de passe d'administration figés : à négocier au contrat.", "", *it, it_actor) &&
              review(ids[2], "maintenance.absence_compte_code_en_dur", "unsatisfactory",
                     "Compte générique codé en dur : risque majeur, à signaler à la commission.", "", *it, it_actor) &&
              review(ids[2], "maintenance.hebergeur_agree_hds", "unsatisfactory",
                     "Hébergement sans agrément HDS : non conforme en l'état.", "", *biomedical, bio_actor) &&
              evaluations.set_opinion(ids[0], "favourable", "Intégration simple au SIH, sécurité conforme.", *it, it_actor).ok() &&
              evaluations.set_opinion(ids[0], "favourable", "Ergonomie appréciée par l'équipe soignante.", *biomedical, bio_actor).ok() &&
              evaluations.set_opinion(ids[1], "favourable_with_reservations", "Sous réserve de l'accès par notre passerelle.", *it, it_actor).ok() &&
              evaluations.set_opinion(ids[2], "unfavourable", "Trop de points critiques (compte codé en dur, HDS).", *it, it_actor).ok();
    if (!ok) {
        std::cerr << "Les relectures de démonstration n'ont pas pu être enregistrées.\n";
        return 1;
    }
    // A second purchase, to which the strong vendor is invited again: it may start from its first response.
    Acquisition second_input;
    second_input.title = "Pousse-seringues — Soins intensifs (démonstration)";
    second_input.equipment = "Pousse-seringues connectés, 40 voies";
    second_input.service = "Soins intensifs de cardiologie";
    second_input.reference = "DEMO-2027-002";
    second_input.deadline = "2027-06-30";
    second_input.notes = "Second achat de démonstration : Veillemed Santé peut partir de sa réponse au premier.";
    auto second = acquisitions.create(second_input, biomedical->id, bio_actor);
    if (!second) {
        std::cerr << second.error().message.fr << "\n";
        return 1;
    }
    services::VendorInput again = demo_vendors().front().input;
    again.contact_name = "Julien Roux";
    again.email = "marches@veillemed-sante.example";
    again.link_company = true;
    auto second_invitation = acquisitions.invite(second->id, again, bio_actor);
    if (!second_invitation) {
        std::cerr << second_invitation.error().message.fr << "\n";
        return 1;
    }
    std::cout << "Achat de démonstration créé (n° " << acquisition->id << ") avec 3 fournisseurs : "
              << "Veillemed Santé (solide), Cardiotrace Médical France (moyen), Médi-Surveillance SAS (faible).\n"
              << "Comptes de la démonstration :\n"
              << demo_account_line(*biomedical, "pilote de l'achat", biomedical_created) << "\n"
              << demo_account_line(*it, "relecteur DSI de l'achat", it_created) << "\n"
              << "Lancez : cyberachat serve" << store_options_text(location) << "\n"
              << "puis connectez-vous avec l'un d'eux et ouvrez /acquisitions/" << acquisition->id << "/comparison.\n"
              << "Second achat (n° " << second->id << ") : Veillemed Santé y est invité de nouveau ; son lien (affiché une "
              << "seule fois), pour partir de sa première réponse : /invitation/" << second_invitation->token << "\n";
    return 0;
}

}  // namespace

void register_demo_command(CLI::App& app) {
    auto location = std::make_shared<StoreLocation>();
    CLI::App* demo = app.add_subcommand(
        "demo", "Créer un achat de démonstration : trois fournisseurs (solide, moyen, faible), documents, relectures et avis");
    add_store_options(demo, *location);
    demo->callback([location] {
        if (run_demo(*location) != 0) throw CLI::RuntimeError(1);
    });
}

}  // namespace cyberachat::cli
