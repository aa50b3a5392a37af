#include "web/response_compression.hpp"

#include <libdeflate.h>

#include <cctype>
#include <memory>
#include <stdexcept>

#include "core/ascii_text.hpp"

namespace cyberachat::web {

namespace {

// Where the client's Accept-Encoding is kept once hidden from httplib.
constexpr const char* kStashedAcceptEncoding = "X-Cyberachat-Accept-Encoding";
constexpr size_t kMinimumSize = 1024;

// One libdeflate compressor per thread, at level 1 (libdeflate's level 1 compresses a page about a
// third faster than zlib's, and smaller: docs/decisions/0001).
struct Compressor {
    libdeflate_compressor* handle = libdeflate_alloc_compressor(1);
    Compressor() = default;
    ~Compressor() {
        if (handle) libdeflate_free_compressor(handle);
    }
    Compressor(const Compressor&) = delete;
    Compressor& operator=(const Compressor&) = delete;
};

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
    const std::string value = lower_ascii(accept_encoding);
    std::string_view rest = value;
    while (!rest.empty()) {
        const size_t comma = rest.find(',');
        std::string_view item = trim(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        const size_t semicolon = item.find(';');
        const std::string_view coding = trim(item.substr(0, semicolon));
        if (coding != "gzip" && coding != "*") continue;
        if (semicolon == std::string_view::npos) return true;
        std::string_view params = trim(item.substr(semicolon + 1));
        if (params.rfind("q=", 0) != 0) return true;
        params.remove_prefix(2);
        // q=0, q=0.0, q=0.000 refuse; anything else accepts.
        bool zero = !params.empty() && params.front() == '0';
        for (size_t i = 1; zero && i < params.size(); ++i)
            if (params[i] != '.' && params[i] != '0') zero = false;
        if (!zero) return true;
    }
    return false;
}

std::string gzip_fast(std::string_view data) {
    thread_local Compressor compressor;
    if (!compressor.handle) throw std::runtime_error("libdeflate: no compressor");
    std::string out;
    out.resize(libdeflate_gzip_compress_bound(compressor.handle, data.size()));
    const size_t size = libdeflate_gzip_compress(compressor.handle, data.data(), data.size(), out.data(), out.size());
    if (size == 0) throw std::runtime_error("libdeflate: gzip did not fit its bound");
    out.resize(size);
    return out;
}

std::string gzip_smallest(std::string_view data) {
    libdeflate_compressor* compressor = libdeflate_alloc_compressor(12);
    if (!compressor) throw std::runtime_error("libdeflate: no compressor");
    std::string out;
    out.resize(libdeflate_gzip_compress_bound(compressor, data.size()));
    const size_t size = libdeflate_gzip_compress(compressor, data.data(), data.size(), out.data(), out.size());
    libdeflate_free_compressor(compressor);
    if (size == 0) throw std::runtime_error("libdeflate: gzip did not fit its bound");
    out.resize(size);
    return out;
}

bool request_accepts_gzip(const httplib::Request& req) {
    return accepts_gzip(req.get_header_value(kStashedAcceptEncoding));
}

bool is_compressible_type(std::string_view content_type) {
    const std::string type = lower_ascii(content_type.substr(0, content_type.find(';')));
    return type.rfind("text/", 0) == 0 || type == "application/json" || type == "application/javascript" ||
           type == "image/svg+xml" || type == "application/xml";
}

void compress_response(const httplib::Request& req, httplib::Response& res, CompressedBodyCache* cache) {
    if (req.method == "HEAD" || res.body.size() < kMinimumSize || res.has_header("Content-Encoding")) return;
    if (!is_compressible_type(res.get_header_value("Content-Type"))) return;
    res.set_header("Vary", "Accept-Encoding");
    if (!accepts_gzip(req.get_header_value(kStashedAcceptEncoding))) return;
    if (auto cached = cache ? cache->find(res.body) : std::nullopt) {
        res.body.assign(**cached);
    } else {
        std::string compressed = gzip_fast(res.body);
        if (cache) cache->store(res.body, compressed);
        res.body.swap(compressed);
    }
    res.headers.erase("Content-Length");
    res.set_header("Content-Length", std::to_string(res.body.size()));
    res.set_header("Content-Encoding", "gzip");
}

void send_gzipped_html(httplib::Response& res, int status, const std::string& gzip) {
    res.status = status;
    res.set_content(gzip, "text/html; charset=utf-8");
    res.set_header("Vary", "Accept-Encoding");
    res.set_header("Content-Encoding", "gzip");  // compress_response leaves it as it is
}

void hide_accept_encoding_from_httplib(const httplib::Request& req) {
    // httplib passes the request as const, but owns it as a mutable object for the whole
    // exchange, so moving a header is well defined.
    auto& headers = const_cast<httplib::Request&>(req).headers;
    auto found = headers.find("Accept-Encoding");
    if (found == headers.end()) return;
    std::string value = found->second;
    headers.erase("Accept-Encoding");
    headers.emplace(kStashedAcceptEncoding, std::move(value));
}

void install_response_compression(httplib::Server& server, CompressedBodyCache* cache) {
    server.set_post_routing_handler([cache](const httplib::Request& req, httplib::Response& res) {
        compress_response(req, res, cache);
    });
}

}  // namespace cyberachat::web
