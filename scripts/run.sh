#!/usr/bin/env bash
# `make run`: checks the built-in questionnaire, then starts the server on the embedded SQLite
# database in DATA. On an empty database the server creates an administrator and prints its
# generated password once.
set -euo pipefail
build=${1:-build}; port=${2:-8080}; data=${3:-var}
"$build/cyberachat" template check
echo
echo "Cyberachat : http://127.0.0.1:${port}/  (arrêt : Ctrl+C)"
echo "Premier démarrage : l'identifiant et le mot de passe administrateur s'affichent ci-dessous, une seule fois."
echo "Ensuite : '$build/cyberachat user add EMAIL --role biomedical --data $data' crée d'autres comptes."
echo "Démonstration : '$build/cyberachat demo --data $data' crée un achat avec trois fournisseurs à comparer."
echo
exec "$build/cyberachat" serve --port "$port" --data "$data"
