#pragma once
// What manufacturers already publish, imported into a response (issue 16), for the vendor and for
// the hospital on its behalf: the MDS2 statement (workbook or text copy) → answers proposed through
// the crosswalk (questionnaires/mds2-crosswalk.yaml), and the SBOM (CycloneDX, SPDX) → the list of
// installed software. Both are first a preview (nothing saved), then applied: the file kept as a
// document of the response (with its SHA-256), the answers saved in ONE transaction with one
// journal event ("import_mds2" / "import_sbom"), each saved value recording where it came from
// (StoredAnswer::source). Nothing answered already is replaced unless the caller names it.
#include <set>
#include <string>
#include <vector>

#include "core/manufacturer_import_outcome.hpp"
#include "core/result.hpp"
#include "services/response_service.hpp"

namespace cyberachat::services {

struct ManufacturerImportLimits {
    size_t max_mds2_bytes = 10u * 1024 * 1024;  // the official workbook is some 200 KB
    size_t max_sbom_bytes = kMaxSbomBytes;      // 32 MB: tens of thousands of components
};

class ManufacturerImportService {
public:
    ManufacturerImportService(store::Store& store, ResponseService& responses, ManufacturerImportLimits limits = {})
        : store_(store), responses_(responses), limits_(limits) {}

    // Errors: "not_found", and when applying "submitted" and the other locks (ResponseService::
    // check_changes_allowed: a preview of a locked response is allowed, to hold it against the file),
    // "too_large", "invalid_value" / "not_xlsx" / "corrupt" (an unreadable or non-MDS2 file, fr/en),
    // "conflict" (answers changed by someone else between the preview and now: nothing saved).
    // `replace`: the conflicting questions whose saved answer the MDS2 value replaces.
    Result<Mds2ImportOutcome> import_mds2(Id response_id, const std::string& bytes, const std::string& file_name,
                                          bool apply, const std::set<std::string>& replace, const Actor& actor);

    // Errors: as import_mds2; "invalid_value" also when the response's questionnaire has no
    // software list (serveurs.liste_logiciels_installes with its five columns).
    Result<SbomImportOutcome> import_sbom(Id response_id, const std::string& bytes, const std::string& file_name,
                                          bool apply, const Actor& actor);

    const ManufacturerImportLimits& limits() const { return limits_; }

private:
    // The response, and when `apply`, refused while it cannot change (a preview can always be seen).
    Result<ResponseSnapshot> load_target(Id response_id, const std::string& bytes, size_t max_bytes, bool apply);

    store::Store& store_;
    ResponseService& responses_;
    ManufacturerImportLimits limits_;
};

}  // namespace cyberachat::services
