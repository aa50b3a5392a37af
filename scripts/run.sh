#!/usr/bin/env bash
# `make run`: checks the built-in questionnaire, then starts the server.
set -euo pipefail
build=${1:-build}; port=${2:-8080}; data=${3:-var}
"$build/cyberachat" template check
exec "$build/cyberachat" template show
