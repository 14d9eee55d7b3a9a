#!/usr/bin/env bash
# `sso-diag watch --metrics` against the real thing: Debian's Prometheus (installed when missing)
# checks the example configuration and alerts (dist/monitoring/), `promtool check metrics` reads
# the endpoint's output, then a real Prometheus on 127.0.0.1 scrapes a watch of a flaky mock
# tenant for a few seconds and its HTTP API is asked for every metric. Everything stays on this
# machine and stops by itself. Prints what it found and how long it took.
#
#   dist/prometheus-check.sh [PATH-TO-sso-diag]     (default: target/debug/sso-diag, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
bin=${1:-target/debug/sso-diag}
[ -x "$bin" ] || cargo build --locked --quiet
if ! command -v prometheus >/dev/null || ! command -v promtool >/dev/null; then
  echo "installing Debian's prometheus (prometheus, promtool)" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi
for tool in curl python3; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
echo "$(promtool --version 2>&1 | head -1)"

# 1. The example configuration and alert rules, as a user would copy them.
promtool check config dist/monitoring/prometheus.yml
promtool check rules dist/monitoring/sso-diag-alerts.yml
(cd dist/monitoring && promtool test rules sso-diag-alerts.test.yml)

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# Waits (at most 30 s) for a line matching $2 in file $1; prints the first match.
wait_for() {
  for _ in $(seq 300); do
    if grep -q -m1 "$2" "$1" 2>/dev/null; then grep -m1 "$2" "$1"; return 0; fi
    sleep 0.1
  done
  echo "timed out waiting for '$2' in $1:" >&2; cat "$1" >&2; return 1
}

# 2. A flaky mock tenant and a watch of it, ten probes a second, with the endpoint on any free port.
"$bin" mock --addr 127.0.0.1:0 --flaky 0.3 --flaky-seed 7 > "$work/mock.out" 2>&1 &
pids+=($!)
tenant=$(wait_for "$work/mock.out" '^listening on' | sed 's/^listening on //')
SSO_DIAG_ACCESS_TOKEN=demo-access-token-7f3a9c41 SSO_DIAG_SESSION_TOKEN=demo-session-token-4b1e0d77 \
  "$bin" watch --domain "$tenant" --interval 0.1 --timeout 1 --for 60s --metrics 127.0.0.1:0 --json \
  > "$work/watch.jsonl" 2> "$work/watch.err" &
pids+=($!)
metrics=$(wait_for "$work/watch.err" 'http://127.0.0.1:[0-9]*/metrics' | grep -o 'http://[0-9.:]*/metrics')
echo "endpoint: $metrics"
for _ in $(seq 100); do [ "$(wc -l < "$work/watch.jsonl")" -ge 20 ] && break; sleep 0.1; done

# 3. The endpoint's text format, read by promtool (it lints names, types, help and units).
curl -sf "$metrics" > "$work/metrics.txt"
promtool check metrics < "$work/metrics.txt"
echo "promtool check metrics: ok ($(wc -l < "$work/metrics.txt") lines)"
curl -sf -H 'Accept: application/openmetrics-text; version=1.0.0' "$metrics" | tail -1 | grep -qx '# EOF'

# 4. A real Prometheus on 127.0.0.1 scraping it every second.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
target=${metrics#http://}
cat > "$work/prometheus.yml" <<EOF
global: {scrape_interval: 1s, evaluation_interval: 1s}
scrape_configs:
  - job_name: sso-diag
    static_configs: [{targets: ["${target%/metrics}"]}]
EOF
promtool check config "$work/prometheus.yml" >/dev/null
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$port" > "$work/prometheus.log" 2>&1 &
pids+=($!)
api="http://127.0.0.1:$port/api/v1"
query() { curl -sf --get "$api/query" --data-urlencode "query=$1"; }
# Until the scrapes have seen a few seconds of the watch (at most 40 s).
for _ in $(seq 80); do
  n=$(query 'sum(sso_diag_probe_attempts_total)' 2>/dev/null \
    | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(int(float(r[0]["value"][1])) if r else 0)' \
    2>/dev/null || echo 0)
  [ "$n" -ge 40 ] && break
  sleep 0.5
done
failed=0
for q in \
  'sso_diag_probe_success' \
  'sso_diag_probe_duration_seconds_bucket{phase="total"}' \
  'sso_diag_probe_duration_seconds_count' \
  'sso_diag_probe_attempts_total' \
  'sso_diag_probe_failures_total' \
  'sso_diag_build_info' \
  'histogram_quantile(0.95, sum by (tenant, le) (rate(sso_diag_probe_duration_seconds_bucket{phase="total"}[30s])))' \
  'sum by (tenant) (rate(sso_diag_probe_attempts_total{outcome="ok"}[30s])) / sum by (tenant) (rate(sso_diag_probe_attempts_total[30s]))'
do
  if ! query "$q" | python3 -c '
import json, sys
q = sys.argv[1]
r = json.load(sys.stdin)["data"]["result"]
if not r:
    print(f"  MISSING {q}"); sys.exit(1)
labels = lambda m: ",".join(f"{k}={v}" for k, v in sorted(m.items()) if k not in ("__name__", "instance", "job"))
first, value = labels(r[0]["metric"])[:60], r[0]["value"][1][:8]
print(f"  {q[:70]:<70} {len(r):>3} series, e.g. {{{first}}} = {value}")
' "$q"; then failed=1; fi
done
scrapes=$(query 'count_over_time(up{job="sso-diag"}[1m])' | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else 0)')
echo "Prometheus scraped the watch $scrapes times; $(wc -l < "$work/watch.jsonl") attempts so far"
grep -q 'demo-access-token\|demo-session-token' "$work/metrics.txt" && { echo "a token in the metrics" >&2; failed=1; }
echo "dist/prometheus-check.sh took $(( $(date +%s) - started )) s"
exit $failed
