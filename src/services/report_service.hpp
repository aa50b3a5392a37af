#pragma once
// Builds the report models (outputs/pdf/report_model.hpp) from the store: the blank questionnaire,
// one response, a whole purchase; and draws them as PDF. The hospital's evaluation is an optional
// input (by response id) so that scoring, reviews and opinions can be wired in without changing
// this; the vendor audience never gets it.
#include <map>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "outputs/flowchart/flowchart_drawing.hpp"
#include "outputs/pdf/report_model.hpp"
#include "services/instance_settings_service.hpp"
#include "services/response_service.hpp"

namespace cyberachat::services {

using Evaluations = std::map<Id, report::Evaluation>;  // response id → the hospital's evaluation

class ReportService {
public:
    // `instance`: the hospital's name and logo in the reports' headers (none without it).
    ReportService(store::Store& store, QuestionnaireProvider& questionnaires, ResponseService& responses,
                  flowchart::FlowchartCache& flowcharts, InstanceSettingsService* instance = nullptr)
        : store_(store), questionnaires_(questionnaires), responses_(responses), flowcharts_(flowcharts),
          instance_(instance) {}

    Result<report::ReportDocument> questionnaire_report(const std::shared_ptr<const Questionnaire>& questionnaire,
                                                        Language language);
    // "not_found" for an unknown response. For Audience::vendor the evaluation is dropped.
    Result<report::ReportDocument> response_report(Id response_id, Language language, report::Audience audience,
                                                   const report::Evaluation& evaluation = {});
    Result<report::ReportDocument> acquisition_report(Id acquisition_id, Language language,
                                                      const Evaluations& evaluations = {});

private:
    Result<report::VendorBlock> vendor_block(const ResponseSnapshot& snapshot, Language language);
    void add_letterhead(report::ReportDocument& document);
    store::Store& store_;
    QuestionnaireProvider& questionnaires_;
    ResponseService& responses_;
    flowchart::FlowchartCache& flowcharts_;
    InstanceSettingsService* instance_;
};

// "rapport-<slug of title>.pdf"-style file names: ASCII letters, digits and '-' only.
std::string file_slug(std::string_view text);

}  // namespace cyberachat::services
