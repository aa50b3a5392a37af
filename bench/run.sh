#!/usr/bin/env bash
# `make bench`: measures Cyberachat against references run in the same session, on this machine.
#  1. Google Benchmark, each against its reference: the engine (full AFIB evaluation vs copying
#     the answer set); the flowcharts (a response's chart from the cached layout vs copying its
#     SVG); the XLSX import preview of a full workbook (vs reading its bytes, normalizing alone);
#     the PDF report of 8 vendors (vs the same model as JSON); the comparison page of 8 vendors
#     (vs evaluating them);
#  2. the vendor's longest section page, filled, served by Cyberachat vs the same bytes as a static
#     file served by nginx (wrk, 2 threads, 50 connections, Accept-Encoding: gzip); and once more
#     with Cyberachat's compression cache off (--compression-cache-mb 0), each response gzipped anew;
#  3. durable answer saves through the API (each request a new value, so each is a real write);
#  4. both engines in the same run: the same page and the same saves on a SQLite instance and on a
#     PostgreSQL one (a throwaway durable cluster, fsync on: scripts/test-postgres.sh --durable),
#     and the ratios PostgreSQL / SQLite;
#  5. in headless Chromium, the vendor's section pages against the same questionnaire as SurveyJS
#     pages and as a plain HTML form (bench/browser/README.md): first page, next page, bytes, heap.
# Prints requests/s, p99 and the ratios. Loopback only; every run is bounded in time.
# Sections 2 to 5 run each comparison BENCH_ROUNDS times (3) and print the median ratio against its
# target, each round's figures too. BENCH_ONLY=server runs sections 1 to 4, BENCH_ONLY=browser 5 alone,
# BENCH_ONLY=web sections 2 and 3 (the page and the saves, against their references: a quick check);
# BENCH_SECONDS (8) is the length of one wrk run; BENCH_SERVE_ARGS adds serve options to sections 2 and 3
# (e.g. "--parallel-requests 1000 --page-cache-mb 0", to measure what a setting brings).
set -euo pipefail
build=${1:-build}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
bin="$build/cyberachat"
duration=${BENCH_SECONDS:-8}
rounds=${BENCH_ROUNDS:-3}  # each comparison of sections 2 to 4 runs this many times: the median ratio is printed
work=$(mktemp -d /tmp/cyb-bench-XXXXXX)
chmod 755 "$work"  # nginx workers (www-data) must read the page
server_pid=""; nginx_conf=""; pg_dir=""
only=${BENCH_ONLY:-all}
case "$only" in all|server|browser|web) ;; *) echo "BENCH_ONLY: all (default), server (sections 1 to 4), web (2 and 3) or browser (5)" >&2; exit 2 ;; esac
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  # section 4's servers: engine_instance runs in a subshell (read < <(…)), so their pids are in files
  for pid_file in "$work"/engine-*.pid; do [ -f "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null || true; done
  [ -n "$nginx_conf" ] && nginx -c "$nginx_conf" -s stop 2>/dev/null || true
  [ -n "$pg_dir" ] && bash "$root/scripts/test-postgres.sh" stop "$pg_dir" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

run_gbench() {  # title, binary name
  echo "== $1"
  if [ -x "$build/bench/$2" ]; then
    "$build/bench/$2" --benchmark_min_time=0.5 2>/dev/null | grep -E "BM_|Benchmark"
  else
    echo "($2 not built: skipped)"
  fi
  echo
}
# Sections 1 to 4 (not with BENCH_ONLY=browser; 2 and 3 alone with BENCH_ONLY=web).
if [ "$only" != browser ]; then
if [ "$only" != web ]; then
run_gbench "1a. Engine: full AFIB evaluation vs copying the answer set" engine_bench
run_gbench "1b. Flowcharts: a response's chart from the cached layout vs copying its SVG" flowchart_bench
run_gbench "1c. XLSX import of a full questionnaire: preview vs reading the file / normalizing the answers" xlsx_import_bench
run_gbench "1d. PDF report of an 8-vendor purchase vs the same model as JSON text (target < 500 ms)" pdf_report_bench
run_gbench "1e. Comparison of 8 vendors over the full questionnaire: page render vs evaluating them (target < 20 ms)" comparison_bench
fi

# Answers every visible question of section $1 (documents aside) on server $2 as vendor $3.
fill_section() {
  curl -sf "$2/api/v1/questionnaire" | python3 -c '
import json,sys,urllib.request
q=json.load(sys.stdin); sid=sys.argv[1]; base=sys.argv[2]; tok=sys.argv[3]
sec=[s for p in q["parts"] for s in p["sections"] if s["id"]==sid][0]
def put(qid, value):
    req=urllib.request.Request(base+"/api/v1/vendor/answers/"+qid, data=json.dumps({"value":value,"comment":"Voir la documentation technique jointe."}).encode(), method="PUT",
        headers={"Authorization":"Bearer "+tok,"Content-Type":"application/json"})
    try: urllib.request.urlopen(req).read()
    except Exception: pass
for k in sec["questions"]:
    kind=k["kind"]
    v={"yes_no":"oui","number":12.5,"integer":3,"date":"2025-01-31","email":"it@vendor.test","phone":"01 23 45 67 89"}.get(kind,"Réponse détaillée du fournisseur, avec les précisions demandées.")
    if kind in ("single_choice","multiple_choice"): v=k["choices"][0]["id"]
    if kind=="table": v=[{f["id"]:"valeur %d"%i for f in k["fields"]} for i in range(5)]
    if kind=="contact": v={"nom":"Martin","prenom":"Élise","fonction":"Cheffe de projet","coordonnees":"1 rue de la Paix, Paris","telephone":"01 23 45 67 89","email":"e.martin@vendor.test"}
    if kind=="document": continue
    put(k["id"], v)
' "$1" "$2" "$3"
}

echo "== 2. Vendor section page: Cyberachat vs nginx (static copy of the same page)"
port=$(free_port)
echo 'Quartz-Velours-4821' | "$bin" user add bench@chu.test --role biomedical --password-stdin --data "$work/data" >/dev/null
token=$("$bin" token create bench@chu.test --data "$work/data")
"$bin" serve --port "$port" --data "$work/data" ${BENCH_SERVE_ARGS:-} >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"
acq=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d '{"title":"Banc d essai","equipment":"Scanner"}' "$base/api/v1/acquisitions" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
invite=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d '{"company":"Bench SA","email":"bench@vendor.test"}' "$base/api/v1/acquisitions/$acq/vendors" | python3 -c 'import json,sys; print(json.load(sys.stdin)["invite_token"])')

# The longest section (most questions), every visible question of it answered.
section=$(curl -sf "$base/api/v1/questionnaire" | python3 -c '
import json,sys
q=json.load(sys.stdin)
best=max((s for p in q["parts"] for s in p["sections"]), key=lambda s: len(s["questions"]))
print(best["id"])')
fill_section "$section" "$base" "$invite"
cookie=$(curl -s -o /dev/null -D - "$base/invitation/$invite" | sed -n 's/^Set-Cookie: \(cyb_vendor=[^;]*\).*/\1/p' | tr -d '\r')
page="/vendor/sections/$section"
mkdir -p "$work/www"
curl -sf -H "Cookie: $cookie" "$base$page" >"$work/www/page.html"
echo "page: $page ($(wc -c <"$work/www/page.html") bytes of HTML)"

nginx_port=$(free_port)
nginx_conf="$work/nginx.conf"
cat >"$nginx_conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  gzip on;
  server { listen 127.0.0.1:$nginx_port; root $work/www;
           location / { default_type "text/html; charset=utf-8"; } }
}
NGINX
mkdir -p "$work/tmp"
nginx -c "$nginx_conf"

run_wrk() {  # url [extra wrk args…] → "rps p99"
  local url=$1; shift
  wrk -t2 -c50 -d"${duration}s" --latency -H 'Accept-Encoding: gzip' "$@" "$url" >"$work/wrk.out" 2>&1
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk.out")
  local errors
  errors=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.out")
  echo "$rps $p99 ${errors:-0}"
}

# The same server's data served a second time with the compression cache off: every response
# then compressed anew (the page is rendered anew in both cases).
plain_port=$(free_port)
"$bin" serve --port "$plain_port" --data "$work/data" ${BENCH_SERVE_ARGS:-} --compression-cache-mb 0 >"$work/server-plain.log" 2>&1 &
plain_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$plain_port/healthz" >/dev/null && break; sleep 0.1; done

# Each round: Cyberachat, nginx, Cyberachat with the compression cache off, one after the other;
# the ratios are taken within a round, and their median printed.
on_pairs=(); off_pairs=(); p99s=()
for round in $(seq "$rounds"); do
  read -r ours_rps ours_p99 ours_err < <(run_wrk "$base$page" -H "Cookie: $cookie")
  read -r nginx_rps nginx_p99 nginx_err < <(run_wrk "http://127.0.0.1:$nginx_port/page.html")
  read -r plain_rps plain_p99 plain_err < <(run_wrk "http://127.0.0.1:$plain_port$page" -H "Cookie: $cookie")
  echo "round $round/$rounds"
  printf '  %-34s %12s req/s   p99 %8s   non-2xx %s\n' "Cyberachat (dynamic page)" "$ours_rps" "$ours_p99" "$ours_err"
  printf '  %-34s %12s req/s   p99 %8s   non-2xx %s\n' "nginx (same bytes, static)" "$nginx_rps" "$nginx_p99" "$nginx_err"
  printf '  %-34s %12s req/s   p99 %8s   non-2xx %s\n' "Cyberachat, compression cache off" "$plain_rps" "$plain_p99" "$plain_err"
  on_pairs+=("$ours_rps/$nginx_rps"); off_pairs+=("$plain_rps/$nginx_rps"); p99s+=("$ours_p99")
done
kill "$plain_pid" 2>/dev/null || true
python3 "$root/bench/summarize.py" ratio "section page, Cyberachat / nginx (gzip on)" ">=" 1.0 "${on_pairs[@]}"
python3 "$root/bench/summarize.py" ratio "the same, compression cache off / nginx" ">=" 0.7 "${off_pairs[@]}"
python3 "$root/bench/summarize.py" latency "p99 of the section page at 50 connections" 10 "${p99s[@]}"

echo
echo "== 3. Durable answer saves (PUT /api/v1/vendor/answers, a new value each time)"
# Each save carries the digest of the branching the page shows (known_state), as the vendor pages'
# script sends it: it learns it from its first save, and a save that leaves the branching as it was
# — as here, a text retyped — is answered without the lists (docs/api.md).
save_script() {  # base invite → the wrk script of the saves, on stdout
  local state
  state=$(curl -sf -X PUT -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d '{"value":"Valeur 0"}' \
          "$1/api/v1/vendor/answers/dispositif.marque" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')
  cat <<LUA
counter = 0
request = function()
  counter = counter + 1
  local body = '{"value":"Valeur ' .. counter .. ' ' .. math.random(1000000) .. '","known_state":"$state"}'
  return wrk.format("PUT", "/api/v1/vendor/answers/dispositif.marque",
    {["Authorization"] = "Bearer $2", ["Content-Type"] = "application/json"}, body)
end
LUA
}
save_script "$base" "$invite" >"$work/save.lua"
# Reference, same round and same disk: one durable SQLite commit per write (WAL, synchronous=FULL),
# which is what each save would cost without group commit.
bare_commits() {
  rm -f "$work/ref.db" "$work/ref.db-wal" "$work/ref.db-shm"
  /usr/bin/python3 - "$work/ref.db" <<'PY'
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('PRAGMA journal_mode=WAL'); c.execute('PRAGMA synchronous=FULL')
c.execute('CREATE TABLE t (v TEXT)')
n, start = 0, time.time()
while time.time() - start < 3:
    c.execute('BEGIN IMMEDIATE'); c.execute('INSERT INTO t VALUES (?)', ('x' * 64,)); c.execute('COMMIT'); n += 1
print('%.0f' % (n / (time.time() - start)))
PY
}
save_pairs=(); save_rates=()
for round in $(seq "$rounds"); do
  read -r save_rps save_p99 save_err < <(run_wrk "$base/" -s "$work/save.lua")
  ref_commits=$(bare_commits)
  echo "round $round/$rounds"
  printf '  %-34s %12s req/s   p99 %8s   non-2xx %s\n' "answer saves (synchronous=FULL)" "$save_rps" "$save_p99" "$save_err"
  printf '  %-34s %12s commits/s (one fsync each, same disk)\n' "reference: bare SQLite commits" "$ref_commits"
  save_pairs+=("$save_rps/$ref_commits"); save_rates+=("$save_rps/1000")
done
python3 "$root/bench/summarize.py" ratio "answer saves / bare SQLite commits (group commit)" ">=" 1.0 "${save_pairs[@]}"
python3 "$root/bench/summarize.py" ratio "answer saves, thousands per second" ">=" 1.0 "${save_rates[@]}"

if [ "$only" != web ]; then
echo
echo "== 4. Both engines, same run: the section page and durable saves on SQLite, then on PostgreSQL"
pg_dir=$(mktemp -d /tmp/cyb-bench-pg-XXXXXX)
pg_url=$(bash "$root/scripts/test-postgres.sh" start "$pg_dir" --durable)
# One instance per engine, set up the same way: an account, a purchase, a vendor, the section filled.
engine_instance() {  # name store-args… → prints "base invite cookie"
  local name=$1; shift
  local port; port=$(free_port)
  echo 'Quartz-Velours-4821' | "$bin" user add "bench-$name@chu.test" --role biomedical --password-stdin "$@" >/dev/null
  local tok; tok=$("$bin" token create "bench-$name@chu.test" "$@")
  "$bin" serve --port "$port" "$@" >"$work/server-$name.log" 2>&1 &
  echo $! >"$work/engine-$name.pid"
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  local b="http://127.0.0.1:$port"
  local a; a=$(curl -sf -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
        -d '{"title":"Banc moteurs","equipment":"Scanner"}' "$b/api/v1/acquisitions" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  local inv; inv=$(curl -sf -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
        -d '{"company":"Bench SA","email":"bench@vendor.test"}' "$b/api/v1/acquisitions/$a/vendors" | python3 -c 'import json,sys; print(json.load(sys.stdin)["invite_token"])')
  fill_section "$section" "$b" "$inv"  # the same answers as section 2's page
  local ck; ck=$(curl -s -o /dev/null -D - "$b/invitation/$inv" | sed -n 's/^Set-Cookie: \(cyb_vendor=[^;]*\).*/\1/p' | tr -d '\r')
  echo "$b $inv $ck"
}
read -r sqlite_base sqlite_invite sqlite_cookie < <(engine_instance sqlite --data "$work/data-sqlite")
read -r pg_base pg_invite pg_cookie < <(engine_instance postgresql --database "$pg_url")
save_script "$sqlite_base" "$sqlite_invite" >"$work/save-sqlite.lua"
save_script "$pg_base" "$pg_invite" >"$work/save-postgresql.lua"
engine_saves() {  # base engine → "rps p99 errors"
  run_wrk "$1/" -s "$work/save-$2.lua"
}
page_pairs=(); saves_pairs=()
for round in $(seq "$rounds"); do
  read -r sp_rps sp_p99 sp_err < <(run_wrk "$sqlite_base$page" -H "Cookie: $sqlite_cookie")
  read -r pp_rps pp_p99 pp_err < <(run_wrk "$pg_base$page" -H "Cookie: $pg_cookie")
  read -r ss_rps ss_p99 ss_err < <(engine_saves "$sqlite_base" sqlite)
  read -r ps_rps ps_p99 ps_err < <(engine_saves "$pg_base" postgresql)
  echo "round $round/$rounds"
  printf '  %-34s %12s req/s   p99 %8s   non-2xx %s\n' "page, SQLite" "$sp_rps" "$sp_p99" "$sp_err"
  printf '  %-34s %12s req/s   p99 %8s   non-2xx %s\n' "page, PostgreSQL" "$pp_rps" "$pp_p99" "$pp_err"
  printf '  %-34s %12s req/s   p99 %8s   non-2xx %s\n' "saves, SQLite" "$ss_rps" "$ss_p99" "$ss_err"
  printf '  %-34s %12s req/s   p99 %8s   non-2xx %s\n' "saves, PostgreSQL" "$ps_rps" "$ps_p99" "$ps_err"
  page_pairs+=("$pp_rps/$sp_rps"); saves_pairs+=("$ps_rps/$ss_rps")
done
python3 "$root/bench/summarize.py" ratio "section page, PostgreSQL / SQLite" ">=" - "${page_pairs[@]}"
python3 "$root/bench/summarize.py" ratio "answer saves, PostgreSQL / SQLite" ">=" - "${saves_pairs[@]}"
fi
fi

if [ "$only" = all ] || [ "$only" = browser ]; then
echo
echo "== 5. Browser: Cyberachat vs SurveyJS vs a plain HTML form"
bash "$root/scripts/install-bench-deps.sh"
# run.mjs bounds itself (BENCH_BROWSER_TIMEOUT_S) and stops its servers and browsers; timeout is the
# last resort.
BENCH_BROWSER_RUNS=${BENCH_BROWSER_RUNS:-$rounds} timeout -k 10 "$(( ${BENCH_BROWSER_TIMEOUT_S:-1800} + 60 ))" node "$root/bench/browser/run.mjs" "$build"
fi
