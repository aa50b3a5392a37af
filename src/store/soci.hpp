#pragma once
// The one way to include SOCI in this project.
//
// Debian's SOCI 4.0.3 is built with Boost support and its soci-config.h says so, which makes
// <soci/soci.h> include Boost.Fusion headers (only for optional Boost type conversions). We use
// none of them, and libboost-dev is not a dependency: the Boost parts are header-only templates,
// so turning them off here changes nothing in the compiled library's interface.
#include <soci/soci-config.h>
#undef SOCI_HAVE_BOOST
#undef SOCI_HAVE_BOOST_DATE_TIME
#include <soci/soci.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
