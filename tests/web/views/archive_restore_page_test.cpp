// The page that restores a purchase from its archive.
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/archive_restore_page.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

TEST(ArchiveRestorePage, OffersAMultipartFormWithItsLimits) {
    Fixture f;
    const std::string html = render_archive_restore_page(f.hospital_context(), {.error = "", .file_name = "", .max_upload_mb = 50});
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "action=\"/acquisitions/restore\""));
    EXPECT_TRUE(contains(html, "enctype=\"multipart/form-data\""));
    EXPECT_TRUE(contains(html, "name=\"_csrf\""));
    EXPECT_TRUE(contains(tag_with_id(html, "archive"), "type=\"file\""));
    EXPECT_TRUE(contains(tag_with_id(html, "archive"), "accept=\".zip,application/zip\""));
    EXPECT_FALSE(contains(tag_with_id(html, "archive"), "aria-invalid"));
    EXPECT_TRUE(contains(html, "50 Mo"));
    EXPECT_FALSE(contains(html, "restore-error"));
}

TEST(ArchiveRestorePage, ShowsTheRefusalBesideTheEscapedFileName) {
    Fixture f;
    const std::string html = render_archive_restore_page(
        f.hospital_context(), {.error = "Archive refusée : SHA-256 différent.", .file_name = kPageAttack, .max_upload_mb = 50});
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "id=\"restore-error\""));
    EXPECT_TRUE(contains(html, "Archive refusée : SHA-256 différent."));
    EXPECT_TRUE(contains(tag_with_id(html, "archive"), "aria-invalid=\"true\""));
    EXPECT_TRUE(contains(tag_with_id(html, "archive"), "aria-describedby=\"restore-error\""));
    EXPECT_FALSE(contains(html, "<script>alert"));
}
