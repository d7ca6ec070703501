#!/usr/bin/env bash
# Checks the alert rules and runs their unit tests with Prometheus's promtool; with a file argument,
# also lints a metrics exposition (e.g. a saved /api/metrics answer). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
promtool check rules perseus-alerts.yml
promtool test rules perseus-alerts.test.yml
if [ $# -gt 0 ]; then
  promtool check metrics < "$1"
fi
