#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests and benchmarks, in a folder of its own:
#   scripts/test-postgres.sh start DIR [--durable]   initdb in DIR, start it, print its URL
#   scripts/test-postgres.sh stop DIR                stop it and remove DIR
#   scripts/test-postgres.sh url DIR                 print its URL
# The server listens on no TCP port: only on a Unix socket in DIR (so several clusters, of several
# build folders, never collide). Its superuser is `cyberachat`, trusted on that socket only.
# PostgreSQL refuses to run as root: as root, the cluster runs as the system user
# `cyberachat-test` (created if missing). Without --durable, fsync is off — the tests kill the
# application, never PostgreSQL, and do not need PostgreSQL's own crash safety; the benchmarks
# pass --durable to measure what a real server does.
# The binaries come from Debian's postgresql-15 (scripts/install-deps.sh installs it).
set -euo pipefail

action=${1:?usage: test-postgres.sh start|stop|url DIR [--durable]}
dir=${2:?usage: test-postgres.sh start|stop|url DIR [--durable]}
durable=${3:-}
bin=/usr/lib/postgresql/15/bin
port=5432
url="postgresql://cyberachat@/postgres?host=${dir}&port=${port}"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u cyberachat-test -- "$@"
  else
    "$@"
  fi
}

stop_cluster() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
}

case "$action" in
  url)
    echo "$url"
    ;;
  start)
    [ -x "$bin/initdb" ] || { echo "test-postgres: $bin/initdb missing (install postgresql-15)" >&2; exit 1; }
    if [ ${#dir} -gt 80 ]; then echo "test-postgres: '$dir' is too long for a socket path" >&2; exit 1; fi
    stop_cluster
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
      id -u cyberachat-test >/dev/null 2>&1 ||
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin cyberachat-test
      chown cyberachat-test "$dir"
    fi
    chmod 700 "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U cyberachat --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    options="-c listen_addresses= -c unix_socket_directories=$dir -p $port -c max_connections=300"
    options+=" -c shared_buffers=128MB -c log_min_messages=warning -c client_min_messages=warning"
    if [ "$durable" != "--durable" ]; then options+=" -c fsync=off -c full_page_writes=off"; fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "$options" -w -t 60 start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "$url"
    ;;
  stop)
    stop_cluster
    rm -rf "$dir"
    ;;
  *)
    echo "usage: test-postgres.sh start|stop|url DIR [--durable]" >&2
    exit 2
    ;;
esac
