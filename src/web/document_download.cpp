#include "web/document_download.hpp"

#include "web/http_io.hpp"

namespace cyberachat::web {

void send_document(WebApp& app, httplib::Response& res, const StoredDocument& document) {
    auto bytes = app.store->documents.read_bytes(document);
    if (!bytes) return send_json_error(res, 404, "not_found", "Le fichier de ce document est introuvable.");
    // RFC 6266: an ASCII fallback and the UTF-8 name, percent-encoded.
    std::string ascii, encoded;
    static const char* hex = "0123456789ABCDEF";
    for (unsigned char c : document.file_name) {
        ascii.push_back(c < 0x80 && c != '"' && c != '\\' && c >= 0x20 ? static_cast<char>(c) : '_');
        if (std::isalnum(c) || c == '.' || c == '-' || c == '_') encoded.push_back(static_cast<char>(c));
        else {
            encoded.push_back('%');
            encoded.push_back(hex[c >> 4]);
            encoded.push_back(hex[c & 15]);
        }
    }
    res.set_header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
    res.set_header("X-Document-SHA256", document.sha256);
    res.status = 200;
    res.set_content(std::move(bytes.value()), document.content_type.empty() ? "application/octet-stream" : document.content_type);
}

}  // namespace cyberachat::web
