#include "web/document_download.hpp"

#include <spdlog/spdlog.h>

#include <cctype>
#include <memory>
#include <optional>

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

// The message for a document whose content cannot be sent.
Error document_unreadable(const Error& cause) {
    if (cause.code == ErrorCode::not_found)
        return Error::make(ErrorCode::not_found, "Le fichier de ce document est introuvable.",
                           "This document's file cannot be found.");
    return cause;  // "storage": altered or unreadable (logged by send_json_error)
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

namespace {

// Documents up to this size are read whole and checked before anything is sent (an altered one
// is a clean error); larger ones are streamed piece by piece, checked at the end (an altered one
// ends the connection before its last byte: the download is incomplete, never taken for whole).
constexpr std::int64_t kCheckedWholeUpTo = 4 * 1024 * 1024;

// httplib asks for the bytes from `offset` on (in order; a Range request starts further on).
httplib::ContentProvider stream_provider(std::shared_ptr<store::DocumentStream> stream) {
    struct Position {
        std::string piece;  // the current piece
        size_t piece_start = 0;
    };
    auto position = std::make_shared<Position>();
    return [stream, position](size_t offset, size_t, httplib::DataSink& sink) {
        while (offset >= position->piece_start + position->piece.size()) {
            position->piece_start += position->piece.size();
            auto next = stream->next();
            if (!next || !*next) {
                if (!next)
                    spdlog::error("document {}: {}", stream->document().id, next.error().message.in(Language::en));
                return false;  // closes the connection: the client sees an incomplete download
            }
            position->piece = std::move(**next);
        }
        if (offset < position->piece_start) return false;  // never asked backwards
        const size_t within = offset - position->piece_start;
        return sink.write(position->piece.data() + within, position->piece.size() - within);
    };
}

}  // namespace

void send_document(WebApp& app, httplib::Response& res, const StoredDocument& document) {
    std::optional<std::string> whole;
    std::shared_ptr<store::DocumentStream> stream;
    if (document.size <= kCheckedWholeUpTo) {
        auto bytes = app.responses.read_document_bytes(document);
        if (!bytes) return send_json_error(res, document_unreadable(bytes.error()));
        whole = std::move(*bytes);
    } else {
        auto opened = app.responses.open_document_stream(document);
        if (!opened) return send_json_error(res, document_unreadable(opened.error()));
        stream = std::make_shared<store::DocumentStream>(std::move(*opened));
    }
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
    if (whole) return res.set_content(std::move(*whole), safe_download_type(document.content_type));
    res.set_content_provider(static_cast<size_t>(document.size), safe_download_type(document.content_type),
                             stream_provider(std::move(stream)));
}

}  // namespace cyberachat::web
