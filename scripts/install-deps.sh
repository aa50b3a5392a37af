#!/usr/bin/env bash
# Installs, with apt-get, the Debian 12 packages Cyberachat needs to build, run and test.
# Idempotent: only what is missing is installed. Runs as root (CI does too).
set -euo pipefail

packages=(
  # toolchain
  build-essential g++ cmake ninja-build pkg-config git ccache
  # libraries (all from Debian)
  libcpp-httplib-dev nlohmann-json3-dev libyaml-cpp-dev libsqlite3-dev sqlite3
  libsoci-dev libpq-dev libsodium-dev libcli11-dev libspdlog-dev libfmt-dev
  libxlsxwriter-dev libzip-dev libpugixml-dev libcairo2-dev libpango1.0-dev
  libgraphviz-dev graphviz libmagic-dev libssl-dev zlib1g-dev librsvg2-dev libdeflate-dev
  # password policy: cracklib's check and its dictionary (built into /var/cache/cracklib)
  libcrack2-dev cracklib-runtime
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev curl python3 python3-openpyxl poppler-utils
  chromium wrk nginx-light hyperfine fonts-dejavu-core
  # the store, service and HTTP tests run on PostgreSQL too: a throwaway cluster per build folder
  # (scripts/test-postgres.sh); the client for the tests' own set-up
  postgresql-15 postgresql-client-15
  # directory login (serve --ldap-config): the OpenLDAP client library; the directory tests run a
  # throwaway slapd in a temporary folder (scripts/test-ldap.sh) and wait for it with ldapsearch.
  # slapd's own system instance is not used (DEBIAN_FRONTEND=noninteractive: no debconf questions).
  libldap2-dev slapd ldap-utils
  # outgoing e-mail (serve --smtp-url): libcurl's SMTP client; the mail tests deliver to a real SMTP
  # server, Debian's aiosmtpd (python3 -m aiosmtpd, or tests/mail/secure_smtp_server.py with AUTH
  # and SMTPS), started by the tests themselves; openssl makes the SMTPS test's certificate
  libcurl4-openssl-dev python3-aiosmtpd openssl
  # the CLI flowchart tests check the SVG they write with xmllint
  libxml2-utils
  # the XLSX import test converts a workbook with LibreOffice (headless)
  libreoffice-calc-nogui
  # `make fuzz`: clang with libFuzzer and the sanitizer runtimes (16: clang 14 cannot capture
  # structured bindings in lambdas, which the code does)
  clang-16 libclang-rt-16-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# Node.js with npm drives the browser tests; a machine may already have a Node.js that bundles npm.
if ! command -v npm >/dev/null 2>&1; then missing+=(nodejs npm); fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all Debian packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "install-deps: missing packages (${missing[*]}) and not root: run as root" >&2; exit 1
  fi
else
  SUDO=
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
