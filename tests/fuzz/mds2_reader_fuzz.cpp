// Fuzz target: reading an uploaded MDS2 statement (outputs/xlsx/mds2_workbook.hpp: a workbook, or a
// CSV/text copy through core/mds2_statement.hpp), then planning its proposals for an empty
// response of the AFIB questionnaire through the built-in crosswalk.
#include "core/mds2_proposal.hpp"
#include "definition/builtin_questionnaire.hpp"
#include "definition/mds2_crosswalk_loader.hpp"
#include "fuzz_input.hpp"
#include "outputs/xlsx/mds2_workbook.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto statement = cyberachat::xlsx::read_mds2_file(cyberachat::fuzz::as_text(data, size));
    if (!statement) {
        (void)statement.error().message.fr.size();
        return 0;
    }
    static const auto questionnaire = cyberachat::builtin_afib();
    const auto plan = cyberachat::plan_mds2_import(*questionnaire, cyberachat::builtin_mds2_crosswalk(), *statement, {});
    (void)plan.count(cyberachat::Mds2ProposalStatus::imported);
    return 0;
}
