#pragma once
// GET /acquisitions/restore (biomedical engineers): restore a purchase's archive — the zip its
// page's "Archive complète" gives, made on this instance or another — as a new purchase led by the
// one restoring it (POST /acquisitions/restore, multipart: the zip in `archive`). A refused file
// comes back (422) with the reason, and nothing is written.
#include <cstddef>
#include <string>

#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

struct ArchiveRestorePageData {
    std::string error;           // why the file sent was refused ("": none)
    std::string file_name;       // the file that was refused, named back to the user
    size_t max_upload_mb = 0;    // the largest archive the pages take (larger ones: the command line)
};

std::string render_archive_restore_page(const PageContext& context, const ArchiveRestorePageData& data);

}  // namespace cyberachat::web::views
