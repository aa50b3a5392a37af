// Every embedded asset is offered under a content-hashed name that pages link (kept for a year by
// browsers) and under its plain name.
#include "web/views/asset_catalog.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

using namespace cyberachat::web::views;

TEST(AssetCatalog, HashedNamesCarryTheContentsHashBeforeTheExtension) {
    const std::string a = hashed_asset_name("app.js", "console.log(1)");
    EXPECT_TRUE(std::regex_match(a, std::regex(R"(app\.[0-9a-f]{12}\.js)"))) << a;
    EXPECT_NE(hashed_asset_name("app.js", "console.log(2)"), a) << "other bytes, another name";
    EXPECT_EQ(hashed_asset_name("app.js", "console.log(1)"), a) << "the same bytes, the same name";
    EXPECT_TRUE(std::regex_match(hashed_asset_name("speculation-rules.json", "{}"),
                                 std::regex(R"(speculation-rules\.[0-9a-f]{12}\.json)")));
    EXPECT_TRUE(std::regex_match(hashed_asset_name("LICENSE", "x"), std::regex(R"(LICENSE\.[0-9a-f]{12})")));
}

TEST(AssetCatalog, ListsTheEmbeddedAssetsWithTheirTypes) {
    std::set<std::string> names;
    for (const Asset& asset : asset_catalog()) {
        names.insert(asset.name);
        EXPECT_EQ(asset.plain_url, "/assets/" + asset.name);
        EXPECT_EQ(asset.hashed_url, "/assets/" + hashed_asset_name(asset.name, asset.data));
        EXPECT_FALSE(asset.data.empty()) << asset.name;
        EXPECT_TRUE(std::regex_match(asset.etag, std::regex(R"("[0-9a-f]{12}")"))) << asset.etag;
        EXPECT_EQ(asset_url(asset.name), asset.hashed_url);
    }
    for (const char* expected : {"app.css", "app.js", "favicon.svg", "speculation-rules.json"})
        EXPECT_TRUE(names.count(expected)) << expected;
    auto type_of = [](const std::string& name) {
        for (const Asset& asset : asset_catalog())
            if (asset.name == name) return asset.content_type;
        return std::string();
    };
    EXPECT_EQ(type_of("app.css"), "text/css; charset=utf-8");
    EXPECT_EQ(type_of("app.js"), "text/javascript; charset=utf-8");
    EXPECT_EQ(type_of("favicon.svg"), "image/svg+xml");
    EXPECT_EQ(type_of("speculation-rules.json"), "application/speculationrules+json")
        << "browsers ignore rules of any other type";
    EXPECT_EQ(asset_url("missing.js"), "/assets/unknown");
}
