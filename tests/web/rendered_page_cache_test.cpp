#include "web/rendered_page_cache.hpp"

#include <gtest/gtest.h>

namespace cyberachat::web {
namespace {

TEST(RenderedPageCache, GivesBackThePageStoredUnderTheSameKeyOnly) {
    RenderedPageCache cache(1024 * 1024);
    EXPECT_EQ(cache.find("a"), nullptr);
    cache.store("a", "<p>A</p>");
    cache.store("b", "<p>B</p>");
    ASSERT_NE(cache.find("a"), nullptr);
    EXPECT_EQ(*cache.find("a"), "<p>A</p>");
    EXPECT_EQ(*cache.find("b"), "<p>B</p>");
    EXPECT_EQ(cache.find("a "), nullptr);
    cache.store("a", "<p>A, again</p>");  // the same key stored anew replaces it
    EXPECT_EQ(*cache.find("a"), "<p>A, again</p>");
    EXPECT_EQ(cache.entries(), 2u);
}

TEST(RenderedPageCache, KeepsAPagesGzipWithItWhileItIsTheSamePage) {
    RenderedPageCache cache(1024 * 1024);
    cache.store("a", "<p>A</p>");
    auto page = cache.find_page("a");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->gzip, nullptr) << "none until kept";
    const size_t before = cache.size_bytes();
    cache.keep_gzip("a", page->html, std::make_shared<const std::string>("gz(A)"));
    auto again = cache.find_page("a");
    ASSERT_TRUE(again && again->gzip);
    EXPECT_EQ(*again->gzip, "gz(A)");
    EXPECT_EQ(again->html, page->html);
    EXPECT_EQ(cache.size_bytes(), before + 5) << "the gzip counts in the capacity";

    // The page stored anew under the key: a gzip of the old page is not attached to it.
    cache.store("a", "<p>A, again</p>");
    cache.keep_gzip("a", page->html, std::make_shared<const std::string>("gz(old A)"));
    EXPECT_EQ(cache.find_page("a")->gzip, nullptr);
    EXPECT_FALSE(cache.find_page("missing"));
}

TEST(RenderedPageCache, StaysWithinItsCapacityDroppingTheLeastRecentlyUsed) {
    RenderedPageCache cache(4000);
    const std::string page(900, 'x');  // with its key, a little over 900 bytes: four fit
    cache.store("k1", page);
    cache.store("k2", page);
    cache.store("k3", page);
    cache.store("k4", page);
    ASSERT_NE(cache.find("k1"), nullptr);  // k1 used: k2 is now the least recently used
    cache.store("k5", page);
    EXPECT_LE(cache.size_bytes(), 4000u);
    EXPECT_EQ(cache.find("k2"), nullptr);
    EXPECT_NE(cache.find("k1"), nullptr);
    EXPECT_NE(cache.find("k5"), nullptr);
}

TEST(RenderedPageCache, KeepsAPageAlreadySentWhileItIsDropped) {
    RenderedPageCache cache(4000);
    cache.store("k1", std::string(900, 'a'));
    auto held = cache.find("k1");
    for (int i = 2; i < 10; ++i) cache.store("k" + std::to_string(i), std::string(900, 'b'));
    EXPECT_EQ(cache.find("k1"), nullptr);
    ASSERT_NE(held, nullptr);
    EXPECT_EQ(*held, std::string(900, 'a'));
}

TEST(RenderedPageCache, RefusesAPageTooLargeAndIsOffAtZero) {
    RenderedPageCache small(4000);
    small.store("big", std::string(2000, 'x'));  // over a quarter of the capacity
    EXPECT_EQ(small.find("big"), nullptr);
    RenderedPageCache off(0);
    off.store("a", "<p>A</p>");
    EXPECT_EQ(off.find("a"), nullptr);
    EXPECT_EQ(off.entries(), 0u);
}

}  // namespace
}  // namespace cyberachat::web
