#include "web/document_download.hpp"

#include <cctype>

#include "web/http_io.hpp"

namespace cyberachat::web {

namespace {

// Replaces every header `name` (httplib's set_header adds one more: the server-wide
// Content-Security-Policy is already set by then).
void replace_header(httplib::Response& res, const std::string& name, const std::string& value) {
    res.headers.erase(name);
    res.set_header(name, value);
}

}  // namespace

std::string safe_download_type(std::string_view detected_type) {
    std::string type;
    for (char c : detected_type.substr(0, detected_type.find(';')))
        if (!std::isspace(static_cast<unsigned char>(c))) type.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    static constexpr std::string_view exact[] = {
        "application/pdf", "image/png", "image/jpeg", "image/gif", "image/tiff", "image/webp", "application/zip",
        "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "text/plain", "text/csv",
    };
    for (std::string_view allowed : exact)
        if (type == allowed) return type;
    // Office Open XML and OpenDocument: packages (zip) that browsers download, never render.
    static constexpr std::string_view prefixes[] = {"application/vnd.openxmlformats-officedocument.",
                                                    "application/vnd.oasis.opendocument."};
    for (std::string_view prefix : prefixes)
        if (type.size() > prefix.size() && type.compare(0, prefix.size(), prefix) == 0 &&
            type.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-+") == std::string::npos)
            return type;
    return "application/octet-stream";
}

Result<StoredDocument> find_document_by_path(WebApp& app, const httplib::Request& req) {
    auto id = path_id(req);
    if (!id) return Error::make(ErrorCode::not_found, "Document introuvable.", "Document not found.");
    return app.responses.find_document(*id);
}

Result<StoredDocument> find_response_document(WebApp& app, const httplib::Request& req, Id response_id) {
    TRY_ASSIGN(auto document, find_document_by_path(app, req));
    if (document.response_id != response_id)
        return Error::make(ErrorCode::not_found, "Document introuvable.", "Document not found.");
    return document;
}

void send_document(WebApp& app, httplib::Response& res, const StoredDocument& document) {
    auto bytes = app.store->documents.read_bytes(document);
    if (!bytes) return send_json_error(res, Error::make(ErrorCode::not_found, "Le fichier de ce document est introuvable."));
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
    replace_header(res, "Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
    replace_header(res, "Content-Security-Policy", "sandbox; default-src 'none'");
    replace_header(res, "X-Content-Type-Options", "nosniff");
    replace_header(res, "X-Document-SHA256", document.sha256);
    res.status = 200;
    res.set_content(std::move(bytes.value()), safe_download_type(document.content_type));
}

}  // namespace cyberachat::web
