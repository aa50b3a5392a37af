#pragma once
// Builds a zip archive in memory (libzip), to make small hand-written workbooks in the tests.
#include <zip.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cyberachat::testing {

inline std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) throw std::runtime_error("zip buffer");
    zip_source_keep(buffer);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) throw std::runtime_error("zip open");
    for (const auto& [name, content] : entries) {
        zip_source_t* data = zip_source_buffer(archive, content.data(), content.size(), 0);
        if (!data || zip_file_add(archive, name.c_str(), data, ZIP_FL_OVERWRITE) < 0) throw std::runtime_error("zip add");
    }
    if (zip_close(archive) != 0) throw std::runtime_error("zip close");
    std::string out;
    if (zip_source_open(buffer) != 0) throw std::runtime_error("zip reopen");
    char chunk[65536];
    zip_int64_t n;
    while ((n = zip_source_read(buffer, chunk, sizeof chunk)) > 0) out.append(chunk, static_cast<size_t>(n));
    zip_source_close(buffer);
    zip_source_free(buffer);
    return out;
}

// A minimal workbook: one sheet "Feuille1" with the given sheetData XML, optional shared strings.
inline std::string minimal_workbook(const std::string& sheet_data, const std::string& shared_strings = "") {
    std::vector<std::pair<std::string, std::string>> entries = {
        {"[Content_Types].xml", R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"},
        {"_rels/.rels",
         R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)"},
        {"xl/workbook.xml",
         R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Feuille1" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
        {"xl/_rels/workbook.xml.rels",
         std::string(R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>)") +
             (shared_strings.empty() ? "" : R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)") +
             "</Relationships>"},
        {"xl/worksheets/sheet1.xml",
         R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" + sheet_data +
             "</sheetData></worksheet>"},
    };
    if (!shared_strings.empty())
        entries.push_back({"xl/sharedStrings.xml",
                           R"(<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
                               shared_strings + "</sst>"});
    return make_zip(entries);
}

}  // namespace cyberachat::testing
