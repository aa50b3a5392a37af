#!/usr/bin/env bash
# A throwaway OpenLDAP directory (slapd) for the directory-login tests, in a folder of its own:
#   scripts/test-ldap.sh start DIR [LDIF]   a database in DIR loaded with LDIF (by default
#                                           tests/directory/fixture.ldif), slapd started, its URL printed
#   scripts/test-ldap.sh stop DIR           stop it and remove DIR
#   scripts/test-ldap.sh url DIR            print its URL (also in DIR/url)
# slapd listens on 127.0.0.1 only, on a free port picked at start. Debian's own slapd instance
# (/etc/ldap/slapd.d) is not used: the configuration is DIR/slapd.conf. Suffix dc=chu-test,dc=fr;
# its administrator cn=admin,dc=chu-test,dc=fr has the test-only password "admin-test-only".
# The binaries come from Debian's slapd and ldap-utils (scripts/install-deps.sh installs them).
set -euo pipefail

usage="usage: test-ldap.sh start|stop|url DIR [LDIF]"
action=${1:?$usage}
dir=${2:?$usage}
here=$(cd "$(dirname "$0")" && pwd)
ldif=${3:-$here/../tests/directory/fixture.ldif}

stop_directory() {
  if [ -f "$dir/slapd.pid" ]; then
    local pid
    pid=$(cat "$dir/slapd.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

case "$action" in
  url)
    cat "$dir/url"
    ;;
  start)
    [ -x /usr/sbin/slapd ] || { echo "test-ldap: /usr/sbin/slapd missing (install slapd)" >&2; exit 1; }
    command -v ldapsearch >/dev/null || { echo "test-ldap: ldapsearch missing (install ldap-utils)" >&2; exit 1; }
    stop_directory
    rm -rf "$dir"
    mkdir -p "$dir/data"
    chmod 700 "$dir"
    cat >"$dir/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
pidfile $dir/slapd.pid
argsfile $dir/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb
database mdb
maxsize 16777216
suffix "dc=chu-test,dc=fr"
rootdn "cn=admin,dc=chu-test,dc=fr"
rootpw admin-test-only
directory $dir/data
# A password is only ever compared (bind), never read; only bound accounts search.
access to attrs=userPassword by anonymous auth by * none
access to * by users read by * none
CONF
    /usr/sbin/slapadd -q -f "$dir/slapd.conf" -l "$ldif" >"$dir/slapadd.log" 2>&1 ||
      { cat "$dir/slapadd.log" >&2; exit 1; }
    started=
    for _ in 1 2 3; do  # a port taken between the pick and the bind: another one
      port=$(free_port)
      url="ldap://127.0.0.1:$port"
      if /usr/sbin/slapd -f "$dir/slapd.conf" -h "$url/" >"$dir/slapd.log" 2>&1; then
        for _ in $(seq 1 100); do
          if ldapsearch -x -LLL -H "$url" -D "cn=admin,dc=chu-test,dc=fr" -w admin-test-only \
               -b "dc=chu-test,dc=fr" -s base dn >/dev/null 2>&1; then
            started=1
            break
          fi
          sleep 0.1
        done
      fi
      [ -n "$started" ] && break
      stop_directory
    done
    [ -n "$started" ] || { echo "test-ldap: slapd did not start" >&2; cat "$dir/slapd.log" >&2; exit 1; }
    echo "$url" >"$dir/url"
    echo "$url"
    ;;
  stop)
    stop_directory
    rm -rf "$dir"
    ;;
  *)
    echo "$usage" >&2
    exit 2
    ;;
esac
