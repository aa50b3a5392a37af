// What an MDS2 statement proposes for a response (core/mds2_proposal.hpp): each transform, the
// patterns, the statuses against the saved answers, and the branches the proposals open or close.
#include "core/mds2_proposal.hpp"

#include <gtest/gtest.h>

#include "definition/builtin_questionnaire.hpp"
#include "definition/mds2_crosswalk_loader.hpp"

using namespace cyberachat;
using nlohmann::json;

// Its own namespace: the unit tests are built in unity batches.
namespace mds2_proposal_test {

namespace {

// "MLDP-2=Yes|note" → one line: the answer text after '=', an optional note after '|'.
Mds2Statement statement_of(const std::vector<std::string>& lines) {
    Mds2Statement statement;
    int number = 0;
    for (const std::string& text : lines) {
        Mds2Line line;
        const size_t equals = text.find('='), bar = text.find('|');
        line.id = text.substr(0, equals);
        line.answer_text = equals == std::string::npos ? "" : text.substr(equals + 1, bar == std::string::npos ? bar : bar - equals - 1);
        if (bar != std::string::npos) line.note = text.substr(bar + 1);
        line.answer = parse_mds2_answer(line.answer_text);
        line.line = ++number;
        statement.lines.push_back(std::move(line));
    }
    return statement;
}

Mds2Mapping mapping(std::string question, std::vector<std::string> sources, Mds2Transform transform) {
    return Mds2Mapping{std::move(question), std::move(sources), transform, {"Pourquoi.", "Why."}};
}

Mds2Crosswalk crosswalk_of(std::vector<Mds2Mapping> mappings) { return Mds2Crosswalk{"test", "HN 1-2019", std::move(mappings)}; }

const Mds2Proposal* find(const Mds2ImportPlan& plan, std::string_view question) {
    for (const Mds2Proposal& proposal : plan.proposals)
        if (proposal.question_id == question) return &proposal;
    return nullptr;
}

AnswerSet answers(std::initializer_list<std::pair<const char*, json>> values) {
    AnswerSet set;
    for (const auto& [id, value] : values) set[id].value = value;
    return set;
}

}  // namespace

TEST(Mds2Proposal, StatusNamesAreTheApis) {
    EXPECT_EQ(mds2_proposal_status_name(Mds2ProposalStatus::imported), "imported");
    EXPECT_EQ(mds2_proposal_status_name(Mds2ProposalStatus::already_answered), "already_answered");
    EXPECT_EQ(mds2_proposal_status_name(Mds2ProposalStatus::conflict), "conflict");
    EXPECT_EQ(mds2_proposal_status_name(Mds2ProposalStatus::ignored_branch), "ignored_branch");
    EXPECT_EQ(mds2_proposal_status_name(Mds2ProposalStatus::no_answer), "no_answer");
}

TEST(Mds2Proposal, EachProposalIsComparedWithTheSavedAnswer) {
    const auto crosswalk = crosswalk_of({
        mapping("maintenance.comptes_differents", {"AUTH-2"}, Mds2Transform::yes_no),
        mapping("dispositif.fabricant", {"DOC-1"}, Mds2Transform::text),
        mapping("dispositif.type", {"DOC-3"}, Mds2Transform::text),
        mapping("maintenance.techniciens_sans_acces_identite", {"RMOT-1.3"}, Mds2Transform::yes_no_inverted),
        mapping("maintenance.verrouillage_automatique", {"ALOF-1"}, Mds2Transform::yes_no),
        mapping("maintenance.annuaire_etablissement", {"PAUT-2"}, Mds2Transform::yes_no),
        mapping("hopital.question_maison", {"DOC-1"}, Mds2Transform::text),  // not in this questionnaire
    });
    const auto statement = statement_of({"DOC-1=  Acme Medical  ", "DOC-3=X-200", "AUTH-2=Yes", "RMOT-1.3=Yes",
                                         "PAUT-2=N/A|No directory", "SBOM-1=Yes", "EMRG-1=No"});
    const auto current = answers({{"dispositif.type", "X-200"}, {"maintenance.comptes_differents", "non"}});
    const Mds2ImportPlan plan = plan_mds2_import(*builtin_afib(), crosswalk, statement, current);

    EXPECT_EQ(plan.lines, 7u);
    EXPECT_EQ(plan.unmapped_ids, (std::vector<std::string>{"SBOM-1", "EMRG-1"}));
    ASSERT_EQ(plan.proposals.size(), 6u);  // the hospital's own question is left out
    // Questionnaire order, whatever the crosswalk's.
    EXPECT_EQ(plan.proposals.front().question_id, "dispositif.type");
    EXPECT_EQ(plan.proposals[1].question_id, "dispositif.fabricant");

    const Mds2Proposal* fabricant = find(plan, "dispositif.fabricant");
    EXPECT_EQ(fabricant->status, Mds2ProposalStatus::imported);
    EXPECT_EQ(fabricant->value, "Acme Medical");  // canonical: trimmed
    EXPECT_TRUE(fabricant->current.is_null());
    EXPECT_EQ(fabricant->source_ids, std::vector<std::string>{"DOC-1"});
    EXPECT_EQ(fabricant->rationale.en, "Why.");

    EXPECT_EQ(find(plan, "dispositif.type")->status, Mds2ProposalStatus::already_answered);

    const Mds2Proposal* roles = find(plan, "maintenance.comptes_differents");
    EXPECT_EQ(roles->status, Mds2ProposalStatus::conflict);
    EXPECT_EQ(roles->value, "oui");
    EXPECT_EQ(roles->current, "non");

    const Mds2Proposal* technicians = find(plan, "maintenance.techniciens_sans_acces_identite");
    EXPECT_EQ(technicians->status, Mds2ProposalStatus::imported);
    EXPECT_EQ(technicians->value, "non");  // inverted: patient data can be seen remotely

    const Mds2Proposal* lock = find(plan, "maintenance.verrouillage_automatique");
    EXPECT_EQ(lock->status, Mds2ProposalStatus::no_answer);  // ALOF-1 is not in the file
    EXPECT_TRUE(lock->value.is_null());
    EXPECT_TRUE(lock->source_ids.empty());

    const Mds2Proposal* directory = find(plan, "maintenance.annuaire_etablissement");
    EXPECT_EQ(directory->status, Mds2ProposalStatus::no_answer);  // N/A gives nothing
    EXPECT_EQ(directory->source_ids, std::vector<std::string>{"PAUT-2"});

    EXPECT_EQ(plan.count(Mds2ProposalStatus::imported), 2u);
    EXPECT_EQ(plan.count(Mds2ProposalStatus::already_answered), 1u);
    EXPECT_EQ(plan.count(Mds2ProposalStatus::conflict), 1u);
    EXPECT_EQ(plan.count(Mds2ProposalStatus::no_answer), 2u);
    EXPECT_EQ(plan.count(Mds2ProposalStatus::ignored_branch), 0u);
}

TEST(Mds2Proposal, AProposalOpensTheBranchBehindIt) {
    // dispositif.protection_fournie applies when the hospital's antivirus cannot be installed;
    // protection_nom when the device has its own protection.
    const auto crosswalk = crosswalk_of({
        mapping("dispositif.antivirus_etablissement", {"MLDP-2.3"}, Mds2Transform::yes_no),
        mapping("dispositif.protection_propre", {"MLDP-2", "MLDP-2.1"}, Mds2Transform::all_yes),
        mapping("dispositif.protection_nom", {"MLDP-2.1"}, Mds2Transform::text),
    });
    const auto opened = statement_of({"MLDP-2=Yes", "MLDP-2.1=Yes|Microsoft Defender", "MLDP-2.3=No"});
    const Mds2ImportPlan plan = plan_mds2_import(*builtin_afib(), crosswalk, opened, {});
    EXPECT_EQ(find(plan, "dispositif.antivirus_etablissement")->value, "non");
    EXPECT_EQ(find(plan, "dispositif.protection_propre")->status, Mds2ProposalStatus::imported);
    EXPECT_EQ(find(plan, "dispositif.protection_propre")->source_ids, (std::vector<std::string>{"MLDP-2", "MLDP-2.1"}));
    const Mds2Proposal* name = find(plan, "dispositif.protection_nom");
    EXPECT_EQ(name->status, Mds2ProposalStatus::imported);
    EXPECT_EQ(name->value, "Microsoft Defender");  // Yes is not a name: the note is

    // The hospital's antivirus fits (MLDP-2.3 Yes): the "own protection" page does not apply.
    const auto closed = statement_of({"MLDP-2=Yes", "MLDP-2.1=Yes|Microsoft Defender", "MLDP-2.3=Yes"});
    const Mds2ImportPlan closed_plan = plan_mds2_import(*builtin_afib(), crosswalk, closed, {});
    EXPECT_EQ(find(closed_plan, "dispositif.antivirus_etablissement")->status, Mds2ProposalStatus::imported);
    EXPECT_EQ(find(closed_plan, "dispositif.protection_propre")->status, Mds2ProposalStatus::ignored_branch);
    EXPECT_EQ(find(closed_plan, "dispositif.protection_nom")->status, Mds2ProposalStatus::ignored_branch);
    EXPECT_EQ(find(closed_plan, "dispositif.protection_propre")->value, "oui");  // still shown, not applied

    // A conflict keeps the saved answer for the branches: the vendor said "oui" for the antivirus.
    const Mds2ImportPlan kept = plan_mds2_import(*builtin_afib(), crosswalk, opened,
                                                 answers({{"dispositif.antivirus_etablissement", "oui"}}));
    EXPECT_EQ(find(kept, "dispositif.antivirus_etablissement")->status, Mds2ProposalStatus::conflict);
    EXPECT_EQ(find(kept, "dispositif.protection_propre")->status, Mds2ProposalStatus::ignored_branch);

    // Without the antivirus mapping, nothing opens the page: its proposals do not apply.
    const Mds2ImportPlan alone = plan_mds2_import(
        *builtin_afib(), crosswalk_of({mapping("dispositif.protection_propre", {"MLDP-2", "MLDP-2.1"}, Mds2Transform::all_yes)}),
        opened, {});
    EXPECT_EQ(find(alone, "dispositif.protection_propre")->status, Mds2ProposalStatus::ignored_branch);
}

// One transform over the answers of two sources A = DOC-11 and B = DOC-12 (made-up lines).
struct TransformCase {
    const char* name;
    Mds2Transform transform;
    std::vector<std::string> lines;
    json value;  // null: no_answer
    std::vector<std::string> source_ids;
};

class Mds2Transforms : public ::testing::TestWithParam<TransformCase> {};

TEST_P(Mds2Transforms, GiveTheirValue) {
    const TransformCase& c = GetParam();
    const bool yes_no = c.transform != Mds2Transform::text && c.transform != Mds2Transform::notes;
    const char* question = yes_no                                  ? "maintenance.comptes_differents"
                           : c.transform == Mds2Transform::notes ? "maintenance.tracabilite_actions"
                                                                 : "dispositif.fabricant";
    const auto plan = plan_mds2_import(*builtin_afib(), crosswalk_of({mapping(question, {"AUDT-1", "AUDT-2"}, c.transform)}),
                                       statement_of(c.lines), {});
    ASSERT_EQ(plan.proposals.size(), 1u);
    const Mds2Proposal& proposal = plan.proposals.front();
    EXPECT_EQ(proposal.value, c.value);
    EXPECT_EQ(proposal.status, c.value.is_null() ? Mds2ProposalStatus::no_answer : Mds2ProposalStatus::imported);
    EXPECT_EQ(proposal.source_ids, c.source_ids);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, Mds2Transforms,
    ::testing::Values(
        TransformCase{"yes_no_first_answered", Mds2Transform::yes_no, {"AUDT-1=N/A", "AUDT-2=Yes"}, "oui", {"AUDT-2"}},
        TransformCase{"yes_no_no", Mds2Transform::yes_no, {"AUDT-1=no", "AUDT-2=Yes"}, "non", {"AUDT-1"}},
        TransformCase{"yes_no_nothing_usable", Mds2Transform::yes_no, {"AUDT-1=N/A", "AUDT-2=See note"}, nullptr, {"AUDT-1", "AUDT-2"}},
        TransformCase{"inverted_yes", Mds2Transform::yes_no_inverted, {"AUDT-1=Yes"}, "non", {"AUDT-1"}},
        TransformCase{"inverted_no", Mds2Transform::yes_no_inverted, {"AUDT-1=No"}, "oui", {"AUDT-1"}},
        TransformCase{"all_yes", Mds2Transform::all_yes, {"AUDT-1=Yes", "AUDT-2=Yes"}, "oui", {"AUDT-1", "AUDT-2"}},
        TransformCase{"all_yes_one_no", Mds2Transform::all_yes, {"AUDT-1=Yes", "AUDT-2=No"}, "non", {"AUDT-1", "AUDT-2"}},
        TransformCase{"all_yes_ignores_na", Mds2Transform::all_yes, {"AUDT-1=Yes", "AUDT-2=N/A"}, "oui", {"AUDT-1"}},
        TransformCase{"all_yes_none", Mds2Transform::all_yes, {"AUDT-1=N/A"}, nullptr, {"AUDT-1"}},
        TransformCase{"any_yes", Mds2Transform::any_yes, {"AUDT-1=No", "AUDT-2=Yes"}, "oui", {"AUDT-1", "AUDT-2"}},
        TransformCase{"any_yes_all_no", Mds2Transform::any_yes, {"AUDT-1=No", "AUDT-2=no"}, "non", {"AUDT-1", "AUDT-2"}},
        TransformCase{"any_yes_missing_lines", Mds2Transform::any_yes, {"AUTH-1=Yes"}, nullptr, {}},
        TransformCase{"text_answer", Mds2Transform::text, {"AUDT-1=Acme SA|Paris"}, "Acme SA", {"AUDT-1"}},
        TransformCase{"text_see_note", Mds2Transform::text, {"AUDT-1=See note|  Acme SA  "}, "Acme SA", {"AUDT-1"}},
        TransformCase{"text_skips_na", Mds2Transform::text, {"AUDT-1=N/A|ignored", "AUDT-2=Yes|Acme"}, "Acme", {"AUDT-2"}},
        TransformCase{"text_empty", Mds2Transform::text, {"AUDT-1=", "AUDT-2=Yes"}, nullptr, {"AUDT-1", "AUDT-2"}},
        TransformCase{"text_too_long_is_refused", Mds2Transform::text, {"AUDT-1=" + std::string(501, 'x')}, nullptr, {"AUDT-1"}},
        TransformCase{"notes", Mds2Transform::notes, {"AUDT-1=Yes|Logins", "AUDT-2=No"}, "AUDT-1: Logins",
                      {"AUDT-1"}},
        TransformCase{"notes_each_on_its_line", Mds2Transform::notes, {"AUDT-2=Yes|Second", "AUDT-1=Yes|First"},
                      "AUDT-1: First\nAUDT-2: Second", (std::vector<std::string>{"AUDT-1", "AUDT-2"})}),
    [](const ::testing::TestParamInfo<TransformCase>& info) { return std::string(info.param.name); });

TEST(Mds2Proposal, PatternsReadASectionOrASubQuestionTree) {
    EXPECT_TRUE(mds2_source_matches("AUDT-*", "AUDT-1"));
    EXPECT_TRUE(mds2_source_matches("AUDT-*", "AUDT-2.8.1"));
    EXPECT_FALSE(mds2_source_matches("AUDT-*", "AUTH-1"));
    EXPECT_TRUE(mds2_source_matches("CSUP-2.*", "CSUP-2.1"));
    EXPECT_TRUE(mds2_source_matches("CSUP-2.*", "CSUP-2.1.1"));
    EXPECT_FALSE(mds2_source_matches("CSUP-2.*", "CSUP-2"));
    EXPECT_FALSE(mds2_source_matches("CSUP-2.*", "CSUP-20.1"));
    EXPECT_FALSE(mds2_source_matches("CSUP-2", "CSUP-2.1"));

    const auto crosswalk = crosswalk_of({
        mapping("dispositif.materiel_mises_a_jour_securite", {"CSUP-2.*"}, Mds2Transform::any_yes),
        mapping("maintenance.tracabilite_actions", {"AUDT-*"}, Mds2Transform::notes),
    });
    const auto statement = statement_of({"CSUP-2=Yes", "CSUP-2.1=No", "CSUP-2.1.1=Yes", "CSUP-20.1=Yes", "AUDT-1=Yes|Own logs",
                                         "AUTH-1=Yes|not a log", "AUDT-2.8.1=Yes|Remote sessions"});
    // materiel_mises_a_jour_securite applies with the supplied hardware (dispositif.poste_standard = non).
    const auto plan = plan_mds2_import(*builtin_afib(), crosswalk, statement, answers({{"dispositif.poste_standard", "non"}}));
    const Mds2Proposal* updates = find(plan, "dispositif.materiel_mises_a_jour_securite");
    EXPECT_EQ(updates->status, Mds2ProposalStatus::imported);
    EXPECT_EQ(updates->value, "oui");
    EXPECT_EQ(updates->source_ids, (std::vector<std::string>{"CSUP-2.1", "CSUP-2.1.1"}));
    EXPECT_EQ(find(plan, "maintenance.tracabilite_actions")->value, "AUDT-1: Own logs\nAUDT-2.8.1: Remote sessions");
    EXPECT_EQ(plan.unmapped_ids, (std::vector<std::string>{"CSUP-2", "CSUP-20.1", "AUTH-1"}));
}

TEST(Mds2Proposal, TheBuiltinCrosswalkOnATypicalStatement) {
    const auto statement = statement_of({"DOC-1=Acme Medical", "DOC-3=X-200", "MLDP-2=Yes", "MLDP-2.1=Yes|Defender",
                                         "MLDP-2.3=No", "PAUT-2=Yes", "PAUT-4=Yes", "PAUT-5=No", "AUDT-2=Yes|Logins and exports",
                                         "RMOT-1=Yes|Via the vendor's VPN", "RMOT-1.3=No", "TXCF-2=Yes", "SBOM-1=Yes"});
    const Mds2ImportPlan plan = plan_mds2_import(*builtin_afib(), builtin_mds2_crosswalk(), statement, {});
    const auto value_of = [&](const char* id) { return find(plan, id) ? find(plan, id)->value : json("missing"); };
    EXPECT_EQ(value_of("dispositif.fabricant"), "Acme Medical");
    EXPECT_EQ(value_of("dispositif.type"), "X-200");
    EXPECT_EQ(value_of("dispositif.antivirus_etablissement"), "non");
    EXPECT_EQ(value_of("dispositif.protection_propre"), "oui");
    EXPECT_EQ(find(plan, "dispositif.protection_propre")->status, Mds2ProposalStatus::imported);
    EXPECT_EQ(value_of("dispositif.protection_nom"), "Defender");
    EXPECT_EQ(value_of("maintenance.annuaire_etablissement"), "oui");
    EXPECT_EQ(value_of("maintenance.mots_de_passe_modifiables"), "non");
    EXPECT_EQ(value_of("maintenance.absence_compte_code_en_dur"), "non");  // a password cannot be changed
    EXPECT_EQ(value_of("maintenance.journaux_evenements"), "oui");
    EXPECT_EQ(value_of("maintenance.tracabilite_actions"), "AUDT-2: Logins and exports");
    EXPECT_EQ(value_of("maintenance.prise_en_main_proposee"), "oui");
    EXPECT_EQ(value_of("maintenance.contraintes_mise_en_service"), "RMOT-1: Via the vendor's VPN");
    EXPECT_EQ(value_of("maintenance.techniciens_sans_acces_identite"), "oui");
    EXPECT_EQ(value_of("logiciels.communications_chiffrees"), "oui");
    // Without a server in the answers, the server's pages do not apply.
    EXPECT_EQ(find(plan, "serveurs.protection_propre")->status, Mds2ProposalStatus::ignored_branch);
    EXPECT_EQ(plan.unmapped_ids, std::vector<std::string>{"SBOM-1"});
    EXPECT_EQ(plan.proposals.size(), builtin_mds2_crosswalk().mappings.size());
}

TEST(Mds2Proposal, TransformNamesAndKinds) {
    for (const auto transform : {Mds2Transform::yes_no, Mds2Transform::yes_no_inverted, Mds2Transform::all_yes,
                                 Mds2Transform::any_yes, Mds2Transform::text, Mds2Transform::notes})
        EXPECT_EQ(parse_mds2_transform(mds2_transform_name(transform)), transform);
    EXPECT_EQ(parse_mds2_transform("inverted"), std::nullopt);
    EXPECT_TRUE(mds2_transform_fits(Mds2Transform::all_yes, QuestionKind::yes_no));
    EXPECT_FALSE(mds2_transform_fits(Mds2Transform::all_yes, QuestionKind::text));
    EXPECT_TRUE(mds2_transform_fits(Mds2Transform::notes, QuestionKind::long_text));
    EXPECT_FALSE(mds2_transform_fits(Mds2Transform::notes, QuestionKind::table));
    EXPECT_FALSE(mds2_transform_fits(Mds2Transform::text, QuestionKind::single_choice));
    for (const char* source : {"DOC-1", "AUDT-*", "CSUP-2.*", "SBOM-2.3.*"}) EXPECT_TRUE(is_mds2_source(source)) << source;
    for (const char* source : {"", "*", "AU-*", "AUDT*", "AUDT-*.1", "CSUP-2*", "csup-2.*", "CSUP-.*"})
        EXPECT_FALSE(is_mds2_source(source)) << source;
}

}  // namespace mds2_proposal_test
