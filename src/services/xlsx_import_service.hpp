#pragma once
// The Excel round trip of a response, for the vendor and for the hospital: its workbook filled in,
// and the import of a filled workbook — first a preview (the per-row report, nothing saved), then
// applied: the accepted rows saved in ONE transaction, with one "import_xlsx" event.
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "outputs/xlsx/import_plan.hpp"
#include "services/response_service.hpp"

namespace cyberachat::services {

struct ImportOutcome {
    xlsx::ImportPlan plan;
    bool applied = false;
    size_t saved = 0;  // answers written (applied only)
};

struct XlsxLimits {
    size_t max_upload_bytes = 10u * 1024 * 1024;
    std::uint64_t max_uncompressed_bytes = 64u * 1024 * 1024;
};

class XlsxImportService {
public:
    XlsxImportService(store::Store& store, ResponseService& responses, XlsxLimits limits = {})
        : store_(store), responses_(responses), limits_(limits) {}

    // The response's workbook, filled with its answers and comments (document names listed).
    Result<std::string> export_response(Id response_id, Language language);

    // Error codes: "not_found", "submitted" (read-only response), "too_large" (upload or zip
    // bomb), "not_xlsx", "corrupt", "foreign", "wrong_version" (messages fr/en), "storage".
    Result<ImportOutcome> import(Id response_id, std::string_view bytes, bool apply, Language language,
                                 const std::string& file_name, const Actor& actor);

    const XlsxLimits& limits() const { return limits_; }

private:
    store::Store& store_;
    ResponseService& responses_;
    XlsxLimits limits_;
};

// Files uploaded for a preview, kept in the database until "apply" (pages only: the API sends
// the file again with ?apply=1), so that "apply" works on any instance and after a restart. At
// most `capacity` files and `max_total_bytes` together (the oldest go first), each for `lifetime`
// (store::PendingUploadRepository). The page gets a random token; only its SHA-256 is stored.
class PendingUploads {
public:
    using Upload = store::PendingUpload;
    explicit PendingUploads(store::PendingUploadRepository& repository, store::PendingUploadLimits limits = {})
        : repository_(repository), limits_(limits) {}

    // Returns the token to send back with "apply".
    Result<std::string> put(Id response_id, const std::string& bytes, const std::string& file_name);
    // The upload for this token if it is for this response and not expired (it stays until
    // removed); "not_found" otherwise.
    Result<Upload> find(const std::string& token, Id response_id);
    Result<void> remove(const std::string& token);

private:
    store::PendingUploadRepository& repository_;
    store::PendingUploadLimits limits_;
};

}  // namespace cyberachat::services
