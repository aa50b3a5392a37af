#pragma once
// Response compression, done by us rather than by cpp-httplib: the Debian build compresses every
// text response with zlib's default level 6 (and brotli at its slowest quality 11 for browsers),
// allocating fresh compressor state each time — most of the CPU a page cost. We compress with
// gzip level 1 (nginx's default level) through libdeflate, one compressor per thread.
//
// Eligible responses: text, JSON, SVG, JS of 1 KiB or more, to clients that accept gzip.
#include <httplib.h>

#include <string>
#include <string_view>

#include "web/compressed_body_cache.hpp"

namespace cyberachat::web {

// True when the Accept-Encoding value accepts gzip (a "gzip" or "*" token whose q is not 0).
bool accepts_gzip(std::string_view accept_encoding);

// Gzip (RFC 1952) of `data` at level 1 (libdeflate). The compressor is kept per thread.
std::string gzip_fast(std::string_view data);

// Gzip of `data` at libdeflate's highest level (12): for bytes compressed once and sent many
// times (the embedded assets, at start-up).
std::string gzip_smallest(std::string_view data);

// Whether the request's client accepts gzip (its Accept-Encoding, kept aside from httplib).
bool request_accepts_gzip(const httplib::Request& req);

// Whether a response of this Content-Type is worth compressing.
bool is_compressible_type(std::string_view content_type);

// Call first thing in the pre-routing handler: keeps httplib from compressing on its own.
void hide_accept_encoding_from_httplib(const httplib::Request& req);
// Compresses, after each handler, what hide_accept_encoding_from_httplib() kept from httplib;
// a body sent before is not compressed again when `cache` (which must outlive the server) has it.
void install_response_compression(httplib::Server& server, CompressedBodyCache* cache = nullptr);

// Sends `gzip`, already the gzip of an HTML page (a cached page's, web/rendered_page_cache.hpp), as
// compress_response would have sent that page: to a client that accepts gzip only (the caller checks).
void send_gzipped_html(httplib::Response& res, int status, const std::string& gzip);

// The part of install_response_compression that runs after the handler (exposed for tests).
void compress_response(const httplib::Request& req, httplib::Response& res, CompressedBodyCache* cache = nullptr);

}  // namespace cyberachat::web
