#pragma once
// Shared fixture of the service tests: a fresh temporary data folder and a real SQLite file per
// test (store::testing::StoreTest), every service wired over it, and the few steps the tests
// build on — a purchase of the built-in AFIB questionnaire (with its scoring grid) or of the
// small "mini" questionnaire below (no grid), an invited vendor, saved answers, reviewers.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "../store/store_test_support.hpp"
#include "outputs/flowchart/flowchart_drawing.hpp"
#include "services/acquisition_service.hpp"
#include "services/evaluation_service.hpp"
#include "services/export_service.hpp"
#include "services/questionnaire_provider.hpp"
#include "services/report_service.hpp"
#include "services/response_service.hpp"
#include "services/xlsx_import_service.hpp"

namespace cyberachat::services::testing {

using json = nlohmann::json;

inline constexpr const char* kBuyerActor = "user:buyer@chu.example";

// The small questionnaire of the tests: tests/services/mini_questionnaire.yaml (no scoring grid).
inline const std::string kMiniQuestionnaireYaml = [] {
    std::ifstream in(std::string(CYB_SOURCE_DIR) + "/tests/services/mini_questionnaire.yaml");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}();

// Questions of the built-in AFIB questionnaire the tests use (visible without any answer).
inline constexpr const char* kAfibYesNo = "dispositif.poste_standard";             // graded, favourable: oui
inline constexpr const char* kAfibText = "dispositif.designation";                 // not graded
inline constexpr const char* kAfibChoice = "dispositif.classe_ce_2017_745";       // graded single choice
inline constexpr const char* kAfibDocument = "dispositif.certificat_ce_2017_745";  // shown once the class is set

// A small PDF (an allowed document type).
inline const std::string kPdfBytes =
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> "
    "endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

// Every service over one store, as the server wires them.
struct ServiceSet {
    // The time the tests start at: 2026-12-01T12:00:00Z (before the purchases' usual deadline, 2027-03-31).
    static constexpr long long kStartTime = 1796126400;

    ServiceSet(store::Store& store, ServiceLimits limits, XlsxLimits xlsx_limits)
        : clock(kStartTime),
          questionnaires(store),
          acquisitions(store, questionnaires, clock),
          responses(store, questionnaires, limits, clock),
          evaluations(store, questionnaires, responses),
          exports(store, questionnaires, responses, evaluations),
          reports(store, questionnaires, responses, flowcharts),
          xlsx(store, responses, xlsx_limits) {}

    ManualClock clock;  // every deadline decision of these services
    QuestionnaireProvider questionnaires;
    AcquisitionService acquisitions;
    ResponseService responses;
    EvaluationService evaluations;
    ExportService exports;
    flowchart::FlowchartCache flowcharts;
    ReportService reports;
    XlsxImportService xlsx;
};

class ServiceTest : public store::testing::StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        if (!HasFatalFailure()) wire();
    }

    // New services (empty caches) with these limits, over the same store.
    void wire(ServiceLimits limits = {}, XlsxLimits xlsx_limits = {}) {
        services = std::make_unique<ServiceSet>(*store, limits, xlsx_limits);
    }

    ManualClock& clock() { return services->clock; }
    QuestionnaireProvider& questionnaires() { return services->questionnaires; }
    AcquisitionService& acquisitions() { return services->acquisitions; }
    ResponseService& responses() { return services->responses; }
    EvaluationService& evaluations() { return services->evaluations; }

    static Acquisition purchase_input(const std::string& title = "Moniteurs de surveillance 2027") {
        Acquisition input;
        input.title = title;
        input.equipment = "Moniteur multiparamétrique";
        input.service = "Réanimation";
        input.reference = "M-2027-014";
        input.deadline = "2027-03-31";
        return input;
    }

    // A purchase of the built-in questionnaire, made by AcquisitionService (so with the built-in grid).
    Acquisition afib_purchase(const std::string& title = "Moniteurs de surveillance 2027") {
        auto created = acquisitions().create(purchase_input(title), buyer().id, kBuyerActor);
        EXPECT_TRUE(created.ok()) << created.error().message.in(Language::en);
        return created.ok() ? *created : Acquisition{};
    }

    // A purchase of the mini questionnaire, written directly to the store (no grid).
    Acquisition mini_purchase(const std::string& title = "Achat mini") {
        auto version = store->questionnaires.ensure("mini", "1", kMiniQuestionnaireYaml);
        EXPECT_TRUE(version.ok()) << version.error().message.in(Language::en);
        Acquisition input = purchase_input(title);
        input.questionnaire_version_id = version.ok() ? version->id : 0;
        auto created = store->acquisitions.create(input, kBuyerActor);
        EXPECT_TRUE(created.ok()) << created.error().message.in(Language::en);
        return created.ok() ? *created : Acquisition{};
    }

    static VendorInput vendor_input(const std::string& company = "Acme Medical") {
        return VendorInput{company, "Jeanne Martin", "jeanne.martin@acme.example", "fr"};
    }

    Invitation invite(Id acquisition_id, const std::string& company = "Acme Medical") {
        auto invited = acquisitions().invite(acquisition_id, vendor_input(company), kBuyerActor);
        EXPECT_TRUE(invited.ok()) << invited.error().message.in(Language::en);
        return invited.ok() ? *invited : Invitation{};
    }

    // The id of a new vendor response to a new purchase (mini questionnaire unless `afib`).
    Id new_response(bool afib = false) { return invite(afib ? afib_purchase().id : mini_purchase().id).response.id; }

    static std::string vendor_actor(Id response_id) { return "vendor:" + std::to_string(response_id); }

    SaveAnswerResult save(Id response_id, const std::string& question_id, const json& value,
                          const std::optional<std::string>& comment = std::nullopt) {
        auto saved = responses().save_answer(response_id, question_id, value, comment, -1, vendor_actor(response_id));
        EXPECT_TRUE(saved.ok()) << question_id << ": " << saved.error().message.in(Language::en);
        return saved.ok() ? std::move(saved).value() : SaveAnswerResult{};
    }

    StoredDocument attach(Id response_id, const std::string& question_id, const std::string& name = "certificat.pdf") {
        auto added = responses().add_document(response_id, question_id, name, kPdfBytes, vendor_actor(response_id));
        EXPECT_TRUE(added.ok()) << added.error().message.in(Language::en);
        return added.ok() ? *added : StoredDocument{};
    }

    // A submitted response to the mini questionnaire.
    Id submitted_response() {
        const Id id = new_response();
        save(id, "p.gate", "non");
        auto submitted = responses().submit(id, vendor_actor(id));
        EXPECT_TRUE(submitted.ok()) << submitted.error().message.in(Language::en);
        return id;
    }

    User buyer() { return user_with_role("buyer@chu.example", Role::buyer); }
    User it_reviewer() { return user_with_role("rssi@chu.example", Role::it); }
    User biomedical_reviewer() { return user_with_role("biomed@chu.example", Role::biomedical); }

    static std::string user_actor(const User& user) { return "user:" + user.email; }

    Review review(Id response_id, const ReviewInput& input, const User& user) {
        auto added = evaluations().add_review(response_id, input, user, user_actor(user));
        EXPECT_TRUE(added.ok()) << added.error().message.in(Language::en);
        return added.ok() ? *added : Review{};
    }

    std::unique_ptr<ServiceSet> services;

private:
    User user_with_role(const std::string& email, Role role) {
        if (auto existing = store->users.find_by_email(email)) return *existing;
        return make_user(email, role);
    }
};

// Expects the Result `expr` to fail with error `wanted_code` and a French message (failures name the call).
#define EXPECT_ERROR_CODE(expr, wanted_code)                                                                       \
    do {                                                                                                           \
        const auto& cyb_result_ = (expr);                                                                          \
        if (cyb_result_.ok()) {                                                                                    \
            ADD_FAILURE() << #expr << " succeeded; expected the error " << (wanted_code);                          \
        } else {                                                                                                   \
            EXPECT_EQ(std::string(error_code_name(cyb_result_.error().code)), (wanted_code)) << #expr << ": " << cyb_result_.error().message.fr; \
            EXPECT_FALSE(cyb_result_.error().message.fr.empty()) << #expr;                                            \
        }                                                                                                          \
    } while (0)

}  // namespace cyberachat::services::testing
