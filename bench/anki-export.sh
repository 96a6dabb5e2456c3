#!/usr/bin/env bash
# `tally anki` on a 1,000-card deck against genanki writing the same deck (see anki_vs_genanki.py).
set -euo pipefail
cd "$(dirname "$0")"
"${PYTHON:-../.venv/bin/python3}" anki_vs_genanki.py "$@"
