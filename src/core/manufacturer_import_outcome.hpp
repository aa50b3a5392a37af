#pragma once
// What importing a manufacturer's document into a response did or would do (issue 16; computed by
// services/manufacturer_import_service.hpp, shown by the pages and the API): the MDS2 statement's
// proposals, the SBOM's summary and the software list after it.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/acquisition.hpp"
#include "core/mds2_proposal.hpp"
#include "core/sbom.hpp"
#include "core/sbom_software_list.hpp"

namespace cyberachat {

struct Mds2ImportOutcome {
    Mds2ImportPlan plan;
    std::shared_ptr<const Questionnaire> questionnaire;  // the response's: the proposals' labels
    std::vector<std::string> duplicated;  // MDS2 IDs given twice in the file (the first kept)
    std::string sha256;                   // the file's
    bool applied = false;
    size_t saved = 0;      // answers written (applied only)
    Id document_id = 0;    // the file kept with the response (applied only)
};

struct SbomImportOutcome {
    Sbom sbom;                // what the file declares (its summary: counts, operating systems)
    SoftwareListMerge merge;  // the software list after the import
    std::string sha256;
    bool applied = false;
    bool saved = false;       // the list changed (applied only)
    Id document_id = 0;
};

}  // namespace cyberachat
