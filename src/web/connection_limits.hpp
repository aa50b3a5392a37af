#pragma once
// How the server shares its threads between connections (`serve` options; see
// docs/decisions/0002-connection-handling.md and docs/deployment.md).
//
// A connection uses a worker thread only while a request is on it: being received, handled or
// sent. Between two requests (keep-alive) it waits in the idle set, which costs no thread.
#include <cstddef>

namespace cyberachat::web {

struct ConnectionLimits {
    size_t max_connections = 1024;        // requests in progress at once (one thread each); more wait their turn
    size_t kept_threads = 64;             // worker threads started at once and kept; others start on demand
    size_t max_idle_connections = 4096;   // keep-alive connections waiting (no thread); beyond, the oldest closes
    unsigned keep_alive_seconds = 10;     // an idle connection closes after this long without a request
    unsigned header_timeout_seconds = 5;  // a request's line and headers must arrive within this, in total
    unsigned read_timeout_seconds = 30;   // silence allowed while a body is received
    unsigned write_timeout_seconds = 30;  // a client not taking its response for this long is dropped
};

}  // namespace cyberachat::web
