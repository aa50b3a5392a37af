#pragma once
// The hospital's evaluation as the PDF reports draw it (report::Evaluation): overall and per-part
// score, points de vigilance (severity, question, answer, rationale), reviewers' comments and the
// advisory opinions, formatted in the report's language. Only for hospital reports: the vendor's
// own PDF never gets any of it (report_service drops it for Audience::vendor anyway).
#include "outputs/pdf/report_model.hpp"
#include "services/evaluation_service.hpp"
#include "services/report_service.hpp"

namespace cyberachat::services {

report::Evaluation report_evaluation(const ResponseEvaluation& evaluation, Language language);

// One response's evaluation ("not_found" for an unknown response). A purchase whose questionnaire
// has no scoring grid gets no score nor points de vigilance, only reviewers' comments and opinions.
Result<report::Evaluation> response_report_evaluation(store::Store& store, EvaluationService& evaluations, Id response_id,
                                                      Language language);
// Every response of a purchase, by response id, with its reviews and opinions ("not_found" for an
// unknown purchase; without a scoring grid, comments and opinions only).
Result<Evaluations> acquisition_report_evaluations(store::Store& store, EvaluationService& evaluations, Id acquisition_id,
                                                   Language language);

}  // namespace cyberachat::services
