// Which engine a --database value names, and a URL as messages and logs show it (no password).
#include <gtest/gtest.h>

#include "store/engine.hpp"

namespace cyberachat::store {

TEST(DatabaseUrl, PostgresqlSchemesArePostgresqlAnythingElseIsRefused) {
    EXPECT_EQ(engine_of_url("postgresql://cyb@db.chu.fr/cyberachat").value(), Engine::postgresql);
    EXPECT_EQ(engine_of_url("postgres://cyb@db.chu.fr/cyberachat").value(), Engine::postgresql);
    for (const char* refused : {"mysql://cyb@db/cyb", "host=db password=secret", "/srv/cyberachat", ""}) {
        const auto engine = engine_of_url(refused);
        ASSERT_FALSE(engine.ok()) << refused;
        EXPECT_NE(engine.error().message.fr.find("postgresql://"), std::string::npos);
    }
}

TEST(DatabaseUrl, RedactionHidesThePasswordInTheUserPartAndInTheParameters) {
    EXPECT_EQ(redact_database_url("postgresql://cyb:S3cret@db.chu.fr:5432/cyberachat"),
              "postgresql://cyb:***@db.chu.fr:5432/cyberachat");
    EXPECT_EQ(redact_database_url("postgresql://cyb:S3cret@/cyberachat?host=/run/postgresql"),
              "postgresql://cyb:***@/cyberachat?host=/run/postgresql");
    EXPECT_EQ(redact_database_url("postgresql://cyb@db/cyberachat?password=S3cret&sslmode=require"),
              "postgresql://cyb@db/cyberachat?password=***&sslmode=require");
    EXPECT_EQ(redact_database_url("postgresql://cyb:a@db/c?sslmode=require&password=S3cret"),
              "postgresql://cyb:***@db/c?sslmode=require&password=***");
    // Nothing to hide: unchanged.
    EXPECT_EQ(redact_database_url("postgresql://cyb@db/cyberachat?host=/tmp/pg&port=5432"),
              "postgresql://cyb@db/cyberachat?host=/tmp/pg&port=5432");
    EXPECT_EQ(redact_database_url("postgresql:///cyberachat"), "postgresql:///cyberachat");
}

}  // namespace cyberachat::store
