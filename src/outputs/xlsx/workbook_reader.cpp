#include "outputs/xlsx/workbook_reader.hpp"

#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <pugixml.hpp>

namespace cyberachat::xlsx {

namespace {

Error not_xlsx() {
    return Error::make(ErrorCode::not_xlsx, "Ce fichier n'est pas un classeur Excel (.xlsx).", "This file is not an Excel workbook (.xlsx).");
}

Error corrupt(const std::string& what) {
    return Error::make(ErrorCode::corrupt, "Le classeur Excel est endommagé ou incomplet (" + what + ").",
                       "The Excel workbook is damaged or incomplete (" + what + ").");
}

Error too_large() {
    return Error::make(ErrorCode::too_large, "Le classeur Excel est trop volumineux une fois décompressé.",
                       "The Excel workbook is too large once uncompressed.");
}

// A budget exceeded while reading: a 422 for the web layer ("invalid"), the limit named.
Error workbook_too_large(const std::string& what_fr, const std::string& what_en) {
    return Error::make(ErrorCode::invalid_value, "Classeur trop volumineux : " + what_fr + ".", "Workbook too large: " + what_en + ".");
}

std::string megabytes(std::uint64_t bytes) { return std::to_string(bytes / (1024 * 1024)); }

// What the workbook as a whole has used so far of its limits (rows, cells, cell text).
struct Budget {
    const ReadLimits& limits;
    std::uint64_t rows = 0, cells = 0, cell_text_bytes = 0;

    Result<void> add_row() {
        if (++rows > limits.max_rows)
            return workbook_too_large("plus de " + std::to_string(limits.max_rows) + " lignes",
                                      "more than " + std::to_string(limits.max_rows) + " rows");
        return {};
    }
    Result<void> add_cell() {
        if (++cells > limits.max_cells)
            return workbook_too_large("plus de " + std::to_string(limits.max_cells) + " cellules",
                                      "more than " + std::to_string(limits.max_cells) + " cells");
        return {};
    }
    Result<void> add_text(size_t bytes) {
        cell_text_bytes += bytes;
        if (cell_text_bytes > limits.max_cell_text_bytes)
            return workbook_too_large("plus de " + megabytes(limits.max_cell_text_bytes) + " Mo de texte dans les cellules",
                                      "more than " + megabytes(limits.max_cell_text_bytes) + " MB of text in its cells");
        return {};
    }
};

// A part's bytes and the tree pugixml built over them (in place: the tree points into `bytes`).
struct ParsedPart {
    std::string bytes;
    pugi::xml_document doc;
};

struct ZipCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};

// The local name of an element or attribute ("x:row" → "row").
std::string_view local(const char* name) {
    std::string_view view(name);
    size_t colon = view.find(':');
    return colon == std::string_view::npos ? view : view.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view name) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local(c.name()) == name) return c;
    return {};
}

// An attribute by local name, whatever its prefix ("r:id").
pugi::xml_attribute attribute(pugi::xml_node node, std::string_view name, bool prefixed = false) {
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
        std::string_view full(a.name());
        if (local(a.name()) == name && (!prefixed || full.find(':') != std::string_view::npos)) return a;
    }
    return {};
}

// OOXML escapes some characters as _xHHHH_ (e.g. _x000D_ for a carriage return).
std::string decode_escapes(std::string text) {
    if (text.find("_x") == std::string::npos) return text;
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
            unsigned code = 0;
            auto [end, ec] = std::from_chars(text.data() + i + 2, text.data() + i + 6, code, 16);
            if (ec == std::errc() && end == text.data() + i + 6) {
                if (code < 0x80) out.push_back(static_cast<char>(code));
                else if (code < 0x800) {
                    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
                    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
                } else {
                    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
                    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
                    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
                }
                i += 6;
                continue;
            }
        }
        out.push_back(text[i]);
    }
    return out;
}

// The text of a shared string item or an inline string: <t>, or the <t> of each rich run <r>
// (phonetic runs <rPh> left out).
std::string string_item_text(pugi::xml_node item) {
    std::string text;
    for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        std::string_view name = local(c.name());
        if (name == "t") text += c.text().get();
        else if (name == "r") text += child(c, "t").text().get();
    }
    return decode_escapes(std::move(text));
}

class Archive {
public:
    Archive(zip_t* archive, const ReadLimits& limits) : zip_(archive), limits_(limits) {}

    bool has(const std::string& path) const { return zip_name_locate(zip_.get(), path.c_str(), 0) >= 0; }

    // The part's bytes, counted as they are inflated: the sizes the archive declares are checked
    // first (a zip bomb is refused before anything is inflated) but not trusted.
    Result<std::string> read(const std::string& path) {
        zip_int64_t index = zip_name_locate(zip_.get(), path.c_str(), 0);
        if (index < 0) return corrupt(path + " missing");
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
            return corrupt(path);
        if (stat.size > limits_.max_entry_bytes || read_total_ + stat.size > limits_.max_uncompressed_bytes) return too_large();
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0),
                                                              zip_fclose);
        if (!file) return corrupt(path);
        const std::uint64_t budget = std::min(limits_.max_entry_bytes, limits_.max_uncompressed_bytes - read_total_);
        std::string bytes;
        bytes.reserve(static_cast<size_t>(std::min<std::uint64_t>(stat.size, budget)));
        char chunk[64 * 1024];
        for (;;) {
            const zip_int64_t n = zip_fread(file.get(), chunk, sizeof chunk);
            if (n < 0) return corrupt(path);
            if (n == 0) break;
            if (bytes.size() + static_cast<std::uint64_t>(n) > budget)
                return workbook_too_large("la partie « " + path + " » dépasse " + megabytes(budget) + " Mo une fois décompressée",
                                          "part '" + path + "' exceeds " + megabytes(budget) + " MB once uncompressed");
            bytes.append(chunk, static_cast<size_t>(n));
        }
        if (bytes.size() != stat.size) return corrupt(path);  // not the size declared
        read_total_ += bytes.size();
        return bytes;
    }

    // Reads and parses a part, its markup counted first: pugixml's tree costs some 64 bytes per
    // tag, so a part of millions of empty elements ("<si/>") is refused before it is built.
    Result<void> parse(const std::string& path, ParsedPart& part) {
        TRY_ASSIGN(part.bytes, read(path));
        const auto markup = static_cast<std::uint64_t>(std::count(part.bytes.begin(), part.bytes.end(), '<')) +
                            static_cast<std::uint64_t>(std::count(part.bytes.begin(), part.bytes.end(), '='));
        if (markup > limits_.max_xml_markup)
            return workbook_too_large("la partie « " + path + " » compte plus de " + std::to_string(limits_.max_xml_markup) +
                                          " éléments et attributs XML",
                                      "part '" + path + "' holds more than " + std::to_string(limits_.max_xml_markup) +
                                          " XML elements and attributes");
        auto parsed = part.doc.load_buffer_inplace(part.bytes.data(), part.bytes.size(),
                                                   pugi::parse_default | pugi::parse_ws_pcdata_single);
        if (!parsed) return corrupt(path + ": " + parsed.description());
        return {};
    }

private:
    std::unique_ptr<zip_t, ZipCloser> zip_;
    ReadLimits limits_;
    std::uint64_t read_total_ = 0;
};

std::string directory_of(const std::string& path) {
    size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

// Resolves a relationship target against the folder of the part that refers to it.
std::string resolve(const std::string& base_dir, std::string target) {
    if (!target.empty() && target.front() == '/') return target.substr(1);
    std::string path = base_dir + target;
    // Collapse "a/../b".
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        std::string part = path.substr(start, end - start);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = end + 1;
    }
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : "/") + part;
    return out;
}

struct Relationship {
    std::string id, type, target;
};

Result<std::vector<Relationship>> read_relationships(Archive& archive, const std::string& rels_path) {
    std::vector<Relationship> out;
    if (!archive.has(rels_path)) return out;
    ParsedPart part;
    TRY(archive.parse(rels_path, part));
    pugi::xml_node root = part.doc.document_element();
    for (pugi::xml_node r = root.first_child(); r; r = r.next_sibling())
        if (local(r.name()) == "Relationship")
            out.push_back({r.attribute("Id").value(), r.attribute("Type").value(), r.attribute("Target").value()});
    return out;
}

bool type_is(const Relationship& r, std::string_view suffix) {
    return r.type.size() >= suffix.size() && r.type.compare(r.type.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::optional<double> parse_number(const char* text) {
    std::string_view view(text);
    while (!view.empty() && view.front() == ' ') view.remove_prefix(1);
    while (!view.empty() && view.back() == ' ') view.remove_suffix(1);
    if (view.empty()) return std::nullopt;
    double value = 0;
    auto [end, ec] = std::from_chars(view.data(), view.data() + view.size(), value);
    if (ec != std::errc() || end != view.data() + view.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

Result<void> read_sheet(Archive& archive, const std::string& path, const std::vector<std::string>& shared, SheetData& sheet,
                        Budget& budget) {
    ParsedPart part;
    TRY(archive.parse(path, part));
    pugi::xml_node data = child(part.doc.document_element(), "sheetData");
    std::uint32_t row_index = 0;
    bool first_row = true;
    for (pugi::xml_node row = data.first_child(); row; row = row.next_sibling()) {
        if (local(row.name()) != "row") continue;
        TRY(budget.add_row());
        if (auto r = row.attribute("r"); r && r.as_uint() > 0) row_index = r.as_uint() - 1;
        else if (!first_row) ++row_index;
        first_row = false;
        std::uint32_t column = 0;
        bool first_cell = true;
        for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
            if (local(c.name()) != "c") continue;
            TRY(budget.add_cell());
            if (auto r = c.attribute("r")) {
                auto ref = parse_cell_reference(r.value());
                if (!ref) return corrupt(path + ": cell " + r.value());
                column = ref->second;
            } else if (!first_cell) {
                ++column;
            }
            first_cell = false;
            const std::string_view type = c.attribute("t").value();
            const pugi::xml_node v = child(c, "v");
            CellValue value;
            if (type == "s") {
                auto index = parse_number(v.text().get());
                if (!index || *index < 0 || *index >= static_cast<double>(shared.size())) return corrupt(path + ": shared string");
                value.value = shared[static_cast<size_t>(*index)];
            } else if (type == "inlineStr") {
                value.value = string_item_text(child(c, "is"));
            } else if (type == "str" || type == "d") {
                value.value = decode_escapes(v.text().get());
            } else if (type == "b") {
                value.value = std::string_view(v.text().get()) == "1" || std::string_view(v.text().get()) == "true";
            } else if (type == "e") {
                // An error value (#N/A…): no answer.
            } else if (v) {
                auto number = parse_number(v.text().get());
                if (!number) return corrupt(path + ": number");
                value.value = *number;
            }
            if (value.empty()) continue;
            if (const std::string* text = value.text()) TRY(budget.add_text(text->size()));
            sheet.rows[row_index][column] = std::move(value);
        }
    }
    return {};
}

}  // namespace

bool CellValue::empty() const {
    if (std::holds_alternative<std::monostate>(value)) return true;
    if (auto t = text()) return t->find_first_not_of(" \t\r\n") == std::string::npos;
    return false;
}

std::string CellValue::as_text() const {
    if (auto t = text()) return *t;
    if (auto b = boolean()) return *b ? "TRUE" : "FALSE";
    if (auto n = number()) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.15g", *n);
        return buffer;
    }
    return "";
}

const CellValue* SheetData::cell(std::uint32_t row, std::uint32_t column) const {
    auto r = rows.find(row);
    if (r == rows.end()) return nullptr;
    auto c = r->second.find(column);
    return c == r->second.end() ? nullptr : &c->second;
}

const SheetData* WorkbookData::find_sheet(std::string_view name) const {
    for (const auto& sheet : sheets)
        if (sheet.name == name) return &sheet;
    return nullptr;
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> parse_cell_reference(std::string_view reference) {
    size_t i = 0;
    std::uint32_t column = 0;
    while (i < reference.size() && reference[i] == '$') ++i;
    size_t letters = 0;
    while (i < reference.size() && std::isalpha(static_cast<unsigned char>(reference[i]))) {
        column = column * 26 + static_cast<std::uint32_t>(std::toupper(static_cast<unsigned char>(reference[i])) - 'A' + 1);
        ++i;
        if (++letters > 3) return std::nullopt;
    }
    while (i < reference.size() && reference[i] == '$') ++i;
    std::uint32_t row = 0;
    auto [end, ec] = std::from_chars(reference.data() + i, reference.data() + reference.size(), row);
    if (letters == 0 || ec != std::errc() || end != reference.data() + reference.size() || row == 0) return std::nullopt;
    return std::make_pair(row - 1, column - 1);
}

std::optional<std::string> excel_serial_to_iso(double serial) {
    if (!std::isfinite(serial) || serial < 1 || serial > 2958465) return std::nullopt;
    long long days = static_cast<long long>(std::floor(serial));
    if (days < 61) ++days;  // Excel's fictitious 29/02/1900 shifts the days before it
    // Days since 1899-12-30 → civil date (Howard Hinnant's algorithm, from 1970-01-01).
    long long z = days - 25569 + 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long y = static_cast<long long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u", y, m, d);
    return std::string(buffer);
}

Result<WorkbookData> read_workbook(std::string_view bytes, const ReadLimits& limits) {
    if (bytes.size() < 4 || bytes.substr(0, 2) != "PK") return not_xlsx();
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) return not_xlsx();
    zip_t* raw = zip_open_from_source(source, ZIP_RDONLY, &error);
    zip_error_fini(&error);
    if (!raw) {
        zip_source_free(source);
        return corrupt("zip");
    }
    if (zip_get_num_entries(raw, 0) > static_cast<zip_int64_t>(limits.max_entries)) {
        zip_discard(raw);
        return too_large();
    }
    Archive archive(raw, limits);

    // The workbook part, as the package relationships name it.
    std::string workbook_path = "xl/workbook.xml";
    TRY_ASSIGN(auto package_rels, read_relationships(archive, "_rels/.rels"));
    for (const auto& r : package_rels)
        if (type_is(r, "/officeDocument")) workbook_path = resolve("", r.target);
    if (!archive.has(workbook_path)) return not_xlsx();

    const std::string base = directory_of(workbook_path);
    TRY_ASSIGN(auto rels, read_relationships(archive, base + "_rels/" + workbook_path.substr(base.size()) + ".rels"));
    std::vector<std::string> shared;
    std::string shared_path;
    for (const auto& r : rels)
        if (type_is(r, "/sharedStrings")) shared_path = resolve(base, r.target);
    if (shared_path.empty() && archive.has(base + "sharedStrings.xml")) shared_path = base + "sharedStrings.xml";
    if (!shared_path.empty()) {
        ParsedPart part;
        TRY(archive.parse(shared_path, part));
        for (pugi::xml_node si = part.doc.document_element().first_child(); si; si = si.next_sibling()) {
            if (local(si.name()) != "si") continue;
            if (shared.size() >= limits.max_shared_strings)
                return workbook_too_large("plus de " + std::to_string(limits.max_shared_strings) + " textes partagés",
                                          "more than " + std::to_string(limits.max_shared_strings) + " shared strings");
            shared.push_back(string_item_text(si));
        }
    }

    ParsedPart workbook;
    TRY(archive.parse(workbook_path, workbook));
    WorkbookData out;
    Budget budget{limits};
    pugi::xml_node sheets = child(workbook.doc.document_element(), "sheets");
    for (pugi::xml_node s = sheets.first_child(); s; s = s.next_sibling()) {
        if (local(s.name()) != "sheet") continue;
        SheetData sheet;
        sheet.name = s.attribute("name").value();
        const std::string_view state = s.attribute("state").value();
        sheet.hidden = state == "hidden" || state == "veryHidden";
        const std::string rel_id = attribute(s, "id", true).value();
        std::string path;
        for (const auto& r : rels)
            if (r.id == rel_id) path = resolve(base, r.target);
        if (path.empty() || !archive.has(path)) return corrupt("sheet " + sheet.name);
        TRY(read_sheet(archive, path, shared, sheet, budget));
        out.sheets.push_back(std::move(sheet));
    }
    if (out.sheets.empty()) return not_xlsx();
    return out;
}

}  // namespace cyberachat::xlsx
