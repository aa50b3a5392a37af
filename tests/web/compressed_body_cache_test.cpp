// The compression cache is content-addressed: it hands back the gzip of exactly the bytes it was
// given, never of other bytes, stays within its memory bound, and does nothing when disabled.
#include "web/compressed_body_cache.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

#include "web/response_compression.hpp"

using namespace cyberachat::web;

namespace {

std::string gunzip(const std::string& data) {
    z_stream z{};
    EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
    std::string out(1 << 20, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
    out.resize(out.size() - z.avail_out);
    inflateEnd(&z);
    return out;
}

std::string page(int n) {
    std::string body = "<!doctype html><title>Page " + std::to_string(n) + "</title>";
    while (body.size() < 4000) body += "<p>Réponse du fournisseur " + std::to_string(n) + "</p>";
    return body;
}

}  // namespace

TEST(CompressedBodyCache, ReturnsTheStoredCompressionOfTheSameBytesOnly) {
    CompressedBodyCache cache(1 << 20);
    const std::string a = page(1), b = page(2);
    EXPECT_FALSE(cache.find(a));
    cache.store(a, gzip_fast(a));
    auto hit = cache.find(a);
    ASSERT_TRUE(hit);
    EXPECT_EQ(gunzip(**hit), a);
    EXPECT_FALSE(cache.find(b));
    std::string changed = a;
    changed[changed.size() / 2] ^= 1;  // one bit of difference is another body
    EXPECT_FALSE(cache.find(changed));
}

TEST(CompressedBodyCache, StaysWithinItsCapacity) {
    CompressedBodyCache cache(16 * 8 * 1024);  // 8 KiB per shard: about one entry each
    for (int i = 0; i < 200; ++i) {
        const std::string body = page(i);
        cache.store(body, gzip_fast(body));
    }
    int kept = 0;
    for (int i = 0; i < 200; ++i) kept += cache.find(page(i)) ? 1 : 0;
    EXPECT_GT(kept, 0);
    EXPECT_LE(kept, 32);  // at most two 4–5 KiB entries fit in each of the 16 shards
    const std::string last = page(199);
    EXPECT_TRUE(cache.find(last)) << "the newest entry is kept";
}

TEST(CompressedBodyCache, CapacityZeroDisablesIt) {
    CompressedBodyCache cache(0);
    const std::string a = page(1);
    cache.store(a, gzip_fast(a));
    EXPECT_FALSE(cache.find(a));
}

TEST(CompressedBodyCache, CompressResponseGivesTheSameBytesWithAndWithoutTheCache) {
    CompressedBodyCache cache(1 << 20);
    httplib::Request req;
    req.method = "GET";
    req.headers.emplace("Accept-Encoding", "gzip");
    hide_accept_encoding_from_httplib(req);
    for (int round = 0; round < 3; ++round) {  // the first compresses, the others come from the cache
        httplib::Response res;
        res.body = page(7);
        res.set_header("Content-Type", "text/html; charset=utf-8");
        compress_response(req, res, &cache);
        EXPECT_EQ(res.get_header_value("Content-Encoding"), "gzip");
        EXPECT_EQ(res.get_header_value("Content-Length"), std::to_string(res.body.size()));
        EXPECT_EQ(gunzip(res.body), page(7)) << "round " << round;
    }
    EXPECT_TRUE(cache.find(page(7)));
}
