#!/usr/bin/env bash
# Checks the alert rules and runs their unit tests with Prometheus's promtool; with a file argument,
# also lints a metrics exposition (e.g. a saved /api/metrics answer). Exits non-zero on any failure.
# Usage: server-config/prometheus/check.sh [metrics.txt]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ $# -gt 1 ]; then
  echo "usage: $0 [metrics-file]" >&2
  exit 2
fi
command -v promtool >/dev/null 2>&1 || {
  echo "promtool not found (Debian: apt-get install prometheus)" >&2
  exit 1
}

promtool check rules "$here/perseus-alerts.yml"
promtool test rules "$here/perseus-alerts.test.yml"
if [ $# -eq 1 ]; then
  # The argument is taken as given (relative to the caller's directory).
  [ -r "$1" ] || { echo "cannot read $1" >&2; exit 1; }
  echo "Checking metrics in $1"
  promtool check metrics < "$1"
fi
