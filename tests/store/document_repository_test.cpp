#include <gtest/gtest.h>

#include <fstream>

#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

using StoreDocuments = StoreTest;

const std::string& kPdf = kMinimalPdf;

// A 1×1 PNG.
const std::string kPng = std::string(
    "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    "\x00\x00\x00\rIDATx\x9c" "c\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xae\x42\x60\x82",
    67);

TEST(StoreDocumentNames, Sanitize) {
    EXPECT_EQ(DocumentRepository::sanitize_file_name("../../etc/passwd"), "passwd");
    EXPECT_EQ(DocumentRepository::sanitize_file_name("C:\\Users\\x\\rapport.pdf"), "rapport.pdf");
    EXPECT_EQ(DocumentRepository::sanitize_file_name("Schéma réseau (v2).pdf"), "Schéma réseau v2.pdf");
    EXPECT_EQ(DocumentRepository::sanitize_file_name("Sche\xCC\x81ma.pdf"), "Sche\xCC\x81ma.pdf");  // NFD é
    EXPECT_EQ(DocumentRepository::sanitize_file_name("a\x01\x1b[31mb\n.txt"), "a_31mb.txt");
    EXPECT_EQ(DocumentRepository::sanitize_file_name("rapport:final?.docx"), "rapport_final.docx");
    EXPECT_EQ(DocumentRepository::sanitize_file_name("  many    spaces  .pdf"), "many spaces.pdf");
    EXPECT_EQ(DocumentRepository::sanitize_file_name("a__b...c.pdf"), "a_b.c.pdf");
    EXPECT_EQ(DocumentRepository::sanitize_file_name(".hidden"), "hidden");
    EXPECT_EQ(DocumentRepository::sanitize_file_name("-rf.txt"), "rf.txt");
    EXPECT_EQ(DocumentRepository::sanitize_file_name("evil\xE2\x80\xAE" "fdp.exe"), "evilfdp.exe");  // RTL override
    EXPECT_EQ(DocumentRepository::sanitize_file_name("bad\xff\xfe.txt"), "bad.txt");
    EXPECT_EQ(DocumentRepository::sanitize_file_name(""), "document");
    EXPECT_EQ(DocumentRepository::sanitize_file_name(".."), "document");
    EXPECT_EQ(DocumentRepository::sanitize_file_name("/"), "document");
    EXPECT_EQ(DocumentRepository::sanitize_file_name("???"), "document");
    EXPECT_EQ(DocumentRepository::sanitize_file_name("日本語.pdf"), "pdf");
}

TEST(StoreDocumentNames, LongNamesKeepTheirExtension) {
    std::string long_name;
    for (int i = 0; i < 300; ++i) long_name += "é";
    const std::string sanitized = DocumentRepository::sanitize_file_name(long_name + ".pdf");
    size_t code_points = 0;
    for (unsigned char c : sanitized)
        if ((c & 0xC0) != 0x80) ++code_points;
    EXPECT_EQ(code_points, 120u);
    EXPECT_EQ(sanitized.substr(sanitized.size() - 4), ".pdf");
    EXPECT_EQ(DocumentRepository::sanitize_file_name(std::string(500, 'a')).size(), 120u);
}

TEST(StoreDocumentTypes, Allowed) {
    for (const char* type :
         {"application/pdf", "image/png", "image/jpeg", "image/gif", "image/tiff", "image/webp", "application/zip",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/msword",
          "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/vnd.oasis.opendocument.text",
          "text/plain", "text/csv", "application/xml", "text/xml", "text/plain; charset=utf-8"})
        EXPECT_TRUE(DocumentRepository::is_allowed_type(type)) << type;
    for (const char* type : {"text/html", "image/svg+xml", "application/x-executable", "application/x-dosexec",
                             "application/javascript", "application/octet-stream", "", "application/vnd.ms-excelx",
                             "application/vnd.oasis.opendocument."})
        EXPECT_FALSE(DocumentRepository::is_allowed_type(type)) << type;
}

TEST_F(StoreDocuments, AddFindReadRemove) {
    const VendorResponse response = make_response(make_acquisition().id);
    auto added = store->documents.add(response.id, "q_certificat", "Schéma réseau (v2).pdf", kPdf, "vendor:1");
    ASSERT_TRUE(added.ok()) << added.error().message.in(Language::en);
    EXPECT_GT(added->id, 0);
    EXPECT_EQ(added->file_name, "Schéma réseau v2.pdf");
    EXPECT_EQ(added->content_type, "application/pdf");
    EXPECT_EQ(added->size, static_cast<std::int64_t>(kPdf.size()));
    EXPECT_EQ(added->sha256, security::sha256_hex(kPdf));
    EXPECT_EQ(added->storage_path.rfind("documents/" + std::to_string(response.id) + "/", 0), 0u);
    EXPECT_EQ(added->storage_path.substr(added->storage_path.size() - 4), ".bin");
    ASSERT_TRUE(stored_bytes_exist(added->storage_path));
    EXPECT_EQ(stored_bytes_count(), 1u);  // no temporary file left behind

    auto found = store->documents.find(added->id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->file_name, added->file_name);
    EXPECT_EQ(found->question_id, "q_certificat");
    EXPECT_EQ(found->storage_path, added->storage_path);
    auto bytes = store->documents.read_bytes(*found);
    ASSERT_TRUE(bytes.ok()) << bytes.error().message.in(Language::en);
    EXPECT_EQ(*bytes, kPdf);

    auto png = store->documents.add(response.id, "q_photo", "photo.png", kPng, "vendor:1");
    ASSERT_TRUE(png.ok()) << png.error().message.in(Language::en);
    EXPECT_EQ(png->content_type, "image/png");
    EXPECT_NE(png->storage_path, added->storage_path);
    auto list = store->documents.list_for(response.id).value();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, added->id);
    EXPECT_EQ(list[1].id, png->id);

    ASSERT_TRUE(store->documents.remove(added->id, "vendor:1").ok());
    EXPECT_FALSE(stored_bytes_exist(added->storage_path));
    EXPECT_FALSE(store->documents.find(added->id));
    EXPECT_EQ(store->documents.list_for(response.id).value().size(), 1u);
    EXPECT_EQ(store->documents.remove(added->id, "vendor:1").error().code, ErrorCode::not_found);

    auto events = store->events.list("document", added->id).value();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].action, "delete");
    EXPECT_EQ(nlohmann::json::parse(events[0].old_value)["file_name"], "Schéma réseau v2.pdf");
    EXPECT_TRUE(events[0].new_value.empty());
    EXPECT_EQ(events[1].action, "create");
    EXPECT_EQ(nlohmann::json::parse(events[1].new_value)["sha256"], security::sha256_hex(kPdf));
    EXPECT_EQ(events[1].field, "q_certificat");
}

TEST_F(StoreDocuments, KnownSha256AndTextType) {
    const VendorResponse response = make_response(make_acquisition().id);
    auto added = store->documents.add(response.id, "q", "../../etc/passwd", "abc", "vendor:1");
    ASSERT_TRUE(added.ok()) << added.error().message.in(Language::en);
    EXPECT_EQ(added->file_name, "passwd");
    EXPECT_EQ(added->content_type, "text/plain");
    EXPECT_EQ(added->sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(added->size, 3);
}

TEST_F(StoreDocuments, RejectsEmptyAndDisallowedFiles) {
    const VendorResponse response = make_response(make_acquisition().id);
    auto empty = store->documents.add(response.id, "q", "vide.pdf", "", "vendor:1");
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, ErrorCode::invalid_value);
    auto html = store->documents.add(response.id, "q", "page.pdf",
                                     "<!DOCTYPE html><html><head><script>alert(1)</script></head></html>", "vendor:1");
    ASSERT_FALSE(html.ok());
    EXPECT_EQ(html.error().code, ErrorCode::invalid_value);
    const std::string elf = std::string("\x7f" "ELF\x02\x01\x01\x00", 8) + std::string(120, '\0');
    auto binary = store->documents.add(response.id, "q", "setup.pdf", elf, "vendor:1");
    ASSERT_FALSE(binary.ok());
    EXPECT_EQ(binary.error().code, ErrorCode::invalid_value);
    EXPECT_TRUE(store->documents.list_for(response.id).value().empty());
    EXPECT_EQ(stored_bytes_count(), 0u);
    EXPECT_TRUE(store->events.list_all(1000).value().size() > 0);
    for (const Event& e : store->events.list_all(1000).value()) EXPECT_NE(e.entity, "document");
}

TEST_F(StoreDocuments, UnknownResponseOrDocument) {
    auto added = store->documents.add(4242, "q", "a.pdf", kPdf, "vendor:1");
    ASSERT_FALSE(added.ok());
    EXPECT_EQ(added.error().code, ErrorCode::not_found);
    EXPECT_EQ(stored_bytes_count(), 0u);
    EXPECT_FALSE(store->documents.find(1));
    EXPECT_EQ(store->documents.remove(1, "x").error().code, ErrorCode::not_found);
}

TEST_F(StoreDocuments, ReadDetectsMissingAndAlteredFiles) {
    const VendorResponse response = make_response(make_acquisition().id);
    auto added = store->documents.add(response.id, "q", "a.pdf", kPdf, "vendor:1");
    ASSERT_TRUE(added.ok());
    alter_stored_bytes(added->storage_path);
    EXPECT_EQ(store->documents.read_bytes(*added).error().code, ErrorCode::storage);
    delete_stored_bytes(added->storage_path);
    EXPECT_EQ(store->documents.read_bytes(*added).error().code, ErrorCode::not_found);
    // A removal whose file is gone already still removes the row.
    EXPECT_TRUE(store->documents.remove(added->id, "vendor:1").ok());
    StoredDocument forged = *added;
    forged.storage_path = "../cyberachat.db";
    EXPECT_EQ(store->documents.read_bytes(forged).error().code, ErrorCode::invalid_value);
}

// A large document comes back in pieces of at most 1 MiB, whose concatenation is the document;
// an altered one fails at the end of its stream ("storage"), never passes as whole.
TEST_F(StoreDocuments, StreamsALargeDocumentInPiecesCheckedAtTheEnd) {
    const VendorResponse response = make_response(make_acquisition().id);
    std::string text;
    for (int line = 0; text.size() < 3'500'000; ++line) text += "Ligne " + std::to_string(line) + " du journal technique\n";
    auto added = store->documents.add(response.id, "q", "journal.txt", text, "vendor:1");
    ASSERT_TRUE(added.ok()) << added.error().message.in(Language::en);
    auto stream = store->documents.open_stream(*added);
    ASSERT_TRUE(stream.ok()) << stream.error().message.in(Language::en);
    std::string joined;
    size_t pieces = 0;
    for (;;) {
        auto piece = stream->next();
        ASSERT_TRUE(piece.ok()) << piece.error().message.in(Language::en);
        if (!*piece) break;
        EXPECT_LE((*piece)->size(), 1u << 20);
        joined += **piece;
        ++pieces;
    }
    EXPECT_GE(pieces, 4u);
    EXPECT_EQ(joined, text);

    alter_stored_bytes(added->storage_path);
    auto altered = store->documents.open_stream(*added);
    ASSERT_TRUE(altered.ok());
    Result<std::optional<std::string>> piece = std::optional<std::string>{};
    do piece = altered->next();
    while (piece.ok() && *piece);
    ASSERT_FALSE(piece.ok());
    EXPECT_EQ(piece.error().code, ErrorCode::storage);
}

TEST_F(StoreDocuments, DocumentsSurviveARestart) {
    const VendorResponse response = make_response(make_acquisition().id);
    auto added = store->documents.add(response.id, "q", "a.pdf", kPdf, "vendor:1");
    ASSERT_TRUE(added.ok());
    reopen();
    auto found = store->documents.find(added->id);
    ASSERT_TRUE(found);
    EXPECT_EQ(*store->documents.read_bytes(*found), kPdf);
}

}  // namespace
}  // namespace cyberachat::store::testing
