#!/usr/bin/env bash
# The performance budget, measured (never asserted in tests). Prints a table; copy it into
# BENCHMARKS.md with the machine it ran on.
#
#   dist/bench.sh        needs a release build (cargo build --release); installs Xvfb, xdotool
#                        and curl when missing. Uses a virtual display, so it runs headless.
#   dist/bench.sh soak   only a long watch at ten probes a second (SOAK_MINUTES ≥ 6, default 30): the
#                        CLI (two tenants, --metrics) and the window side by side — memory at
#                        minute 1 and at the end, CPU per probe, the cost of a scrape.
set -euo pipefail
mode=${1:-all}
cd "$(dirname "$0")/.."
bin=${SSO_DIAG_BIN:-target/release/sso-diag}   # another build to measure: SSO_DIAG_BIN=PATH
[ -x "$bin" ] || cargo build --release --locked
floor=target/release/examples/floor
[ "$mode" = soak ] || [ -x "$floor" ] || cargo build --release --locked --example floor
for tool in Xvfb xdotool curl bc; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq xvfb xdotool curl bc >/dev/null; break; }
done
work=$(mktemp -d)
export XDG_DATA_HOME=$work/data   # a fresh settings store: the bench never reuses a saved window size
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
row() { printf '| %-52s | %14s | %-22s |\n' "$1" "$2" "$3"; }

disp=:$(( 300 + RANDOM % 300 ))
Xvfb "$disp" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
export DISPLAY=$disp WAYLAND_DISPLAY=
rss_of() { awk '/VmRSS/{print $2}' "/proc/$1/status"; }
cpu_ticks_of() { awk '{print $14+$15}' "/proc/$1/stat"; }

# A long watch at ten probes a second: the CLI watching two mock tenants (each probed every 0.1 s,
# with the metrics endpoint on) and the window watching a third every 0.1 s (`--watch`; the mocks
# run in processes of their own, so the window's memory is its own), side by side. Memory after the first minute and at the end; the CLI's CPU per probe (everything: the
# probe, the tally's histograms, the metrics, the JSON line); a scrape's time and size.
soak() {
  local minutes=${SOAK_MINUTES:-30}
  "$bin" mock --addr 127.0.0.1:0 > "$work/soak-a.out" &
  local mock_a=$!
  "$bin" mock --addr 127.0.0.1:0 > "$work/soak-b.out" &
  local mock_b=$!
  "$bin" mock --addr 127.0.0.1:0 > "$work/soak-c.out" &
  local mock_c=$!
  for _ in $(seq 50); do grep -q '^listening on' "$work/soak-c.out" && grep -q '^listening on' "$work/soak-b.out" && grep -q '^listening on' "$work/soak-a.out" && break; sleep 0.1; done
  local a b c
  a=$(sed -n 's/^listening on //p' "$work/soak-a.out"); b=$(sed -n 's/^listening on //p' "$work/soak-b.out")
  c=$(sed -n 's/^listening on //p' "$work/soak-c.out")
  export SSO_DIAG_DATA_DIR=$work/soak-data
  "$bin" profile new acme --domain "$a" >/dev/null
  "$bin" profile new globex --domain "$b" >/dev/null
  SSO_DIAG_ACCESS_TOKEN=demo-access-token-7f3a9c41 SSO_DIAG_SESSION_TOKEN=demo-session-token-4b1e0d77 \
    "$bin" watch --profile acme --profile globex --interval 0.1 --metrics 127.0.0.1:0 --json \
    > "$work/soak.jsonl" 2> "$work/soak.err" &
  local cli=$!
  SSO_DIAG_ACCESS_TOKEN=demo-access-token-7f3a9c41 SSO_DIAG_SESSION_TOKEN=demo-session-token-4b1e0d77 \
    "$bin" --domain "$c" --watch --watch-every 0.1 --log-file "$work/soak-window.log" >/dev/null 2>&1 &
  local win=$!
  sleep 60
  local cli_1m win_1m lines_1m ticks_1m cli_5m win_5m
  cli_1m=$(rss_of $cli); win_1m=$(rss_of $win); lines_1m=$(wc -l < "$work/soak.jsonl"); ticks_1m=$(cpu_ticks_of $cli)
  # By minute 5 each tenant's 2 000 kept attempts are all there: from then on nothing grows.
  sleep 240
  cli_5m=$(rss_of $cli); win_5m=$(rss_of $win)
  sleep $(( minutes * 60 - 300 ))
  local cli_end win_end lines_end ticks_end win_t0 win_t1
  cli_end=$(rss_of $cli); win_end=$(rss_of $win); lines_end=$(wc -l < "$work/soak.jsonl"); ticks_end=$(cpu_ticks_of $cli)
  win_t0=$(cpu_ticks_of $win); sleep 30; win_t1=$(cpu_ticks_of $win)
  local url sizes times
  url=$(grep -o 'http://[0-9.:]*/metrics' "$work/soak.err" | head -1)
  sizes=$(curl -s "$url" | wc -c)
  times=()
  for _ in $(seq 100); do times+=("$(curl -s -o /dev/null -w '%{time_total}' "$url")"); done
  local scrape_ms
  scrape_ms=$(printf '%s\n' "${times[@]}" | median | awk '{printf "%.2f", $1*1000}')
  local s0 s1; s0=$(cpu_ticks_of $cli)
  for _ in $(seq 1000); do curl -s -o /dev/null "$url"; done
  s1=$(cpu_ticks_of $cli)
  kill $cli $win $mock_a $mock_b $mock_c; wait $cli $win $mock_a $mock_b $mock_c 2>/dev/null || true
  local hz; hz=$(getconf CLK_TCK)
  # The probe's own time (the total less the phases it measures), over every attempt of the soak.
  local own
  own=$(python3 -c '
import json, statistics, sys
own = []
for line in open(sys.argv[1]):
    p = json.loads(line).get("phases_ms")
    if p:
        own.append(p["total"] - sum(v for k, v in p.items() if k != "total" and v is not None))
print(f"{statistics.median(own):.3f} ms (p99 {sorted(own)[int(len(own) * 0.99)]:.3f})")
' "$work/soak.jsonl")
  local per_probe
  per_probe=$(echo "scale=3; ($ticks_end-$ticks_1m)*1000/$hz/($lines_end-$lines_1m)" | bc)
  echo
  echo "soak: ${minutes} min, $(nproc) cores; binary: $("$bin" --version)"
  soak_row "measure" "figure" "goal"
  soak_row "---" "---" "---"
  soak_row "CLI, 2 tenants × 10/s + metrics: attempts in ${minutes} min" "$lines_end" ""
  soak_row "CLI: RSS at minute 1 → minute ${minutes}" "$cli_1m → $cli_end KiB ($(( cli_end - cli_1m )) KiB)" "flat"
  soak_row "CLI: RSS at minute 5 → minute ${minutes}" "$cli_5m → $cli_end KiB ($(( cli_end - cli_5m )) KiB)" "flat"
  soak_row "window, --watch every 0.1 s: RSS at minute 1 → ${minutes}" "$win_1m → $win_end KiB ($(( win_end - win_1m )) KiB)" "flat"
  soak_row "window: RSS at minute 5 → minute ${minutes}" "$win_5m → $win_end KiB ($(( win_end - win_5m )) KiB)" "flat"
  soak_row "window: CPU over 30 s at minute ${minutes}" "$(echo "scale=2; ($win_t1-$win_t0)*100/$hz/30" | bc) % of a core" ""
  soak_row "CLI: CPU per probe (probe, histograms, metrics, JSON)" "${per_probe} ms" ""
  soak_row "CLI: the probe's own time over its phases (median)" "$own" "< 1 ms"
  soak_row "a scrape of /metrics (2 tenants): size" "${sizes} bytes" ""
  soak_row "a scrape: time, curl (median of 100)" "${scrape_ms} ms" ""
  soak_row "a scrape: the watch's CPU (1000 scrapes)" "$(echo "scale=3; ($s1-$s0)*1000/$hz/1000" | bc) ms each" ""
}
soak_row() { printf '| %-58s | %24s | %-6s |\n' "$1" "$2" "$3"; }
if [ "$mode" = soak ]; then
  soak
  exit 0
fi

# 1. Start-up: process start to the first frame, read from the app's own log line.
starts=()
for i in 1 2 3 4 5; do
  log=$work/start$i.log
  "$bin" --demo --log-file "$log" >/dev/null 2>&1 &
  app=$!
  for _ in $(seq 100); do grep -q "first frame" "$log" 2>/dev/null && break; sleep 0.05; done
  starts+=("$(sed -n 's/.*first frame laid out ms=\([0-9.]*\).*/\1/p' "$log" | head -1)")
  kill $app; wait $app 2>/dev/null || true
done
first_frame=$(printf '%s\n' "${starts[@]}" | median)

# 2. Idle with a ticket counting down: memory after start and after 60 s, CPU over 30 s.
"$bin" --demo --log-file "$work/idle.log" >/dev/null 2>&1 &
app=$!
sleep 2.5
win=$(xdotool search --onlyvisible --pid $app --name '.' | head -1)
xdotool windowfocus --sync "$win"
xdotool key --window "$win" ctrl+Return
sleep 2
rss() { awk '/VmRSS/{print $2}' /proc/$app/status; }
ticks() { awk '{print $14+$15}' /proc/$app/stat; }
# CPU ticks by kind of thread: the window's own (layout, tessellation, GL calls), llvmpipe's
# (software rasterising), the rest. The comm may hold spaces: fields are counted after ") ".
thread_ticks() {
  for t in /proc/$app/task/*; do
    local kind=other
    [ "${t##*/}" = "$app" ] && kind=main
    grep -q '^llvmpipe' "$t/comm" 2>/dev/null && kind=llvmpipe
    sed 's/^.*) //' "$t/stat" 2>/dev/null | awk -v k=$kind '{print k, $12+$13}'
  done | awk '{a[$1]+=$2} END {printf "%d %d %d\n", a["main"], a["llvmpipe"], a["other"]}'
}
cpu_by_thread() { # BEFORE AFTER → "main% llvmpipe% other%" of a core over 30 s
  read -r m0 l0 o0 <<<"$1"; read -r m1 l1 o1 <<<"$2"
  local hz; hz=$(getconf CLK_TCK)
  echo "$(echo "scale=2; ($m1-$m0)*100/$hz/30" | bc) $(echo "scale=2; ($l1-$l0)*100/$hz/30" | bc) $(echo "scale=2; ($o1-$o0)*100/$hz/30" | bc)"
}
rss_start=$(rss)
t0=$(ticks); s0=$(thread_ticks); sleep 30; t1=$(ticks); s1=$(thread_ticks)
cpu=$(echo "scale=2; ($t1-$t0)*100/$(getconf CLK_TCK)/30" | bc)
read -r cpu_main cpu_llvmpipe cpu_other <<<"$(cpu_by_thread "$s0" "$s1")"
sleep 30
rss_60=$(rss)
kill $app; wait $app 2>/dev/null || true

# 2b. The floor (examples/floor.rs): the same window size, renderer and features, one label a
#     second. Measured the same way, in the same run: the ratio is what sso-diag adds.
"$floor" >/dev/null 2>&1 &
app=$!
sleep 4.5
t0=$(ticks); s0=$(thread_ticks); sleep 30; t1=$(ticks); s1=$(thread_ticks)
floor_cpu=$(echo "scale=2; ($t1-$t0)*100/$(getconf CLK_TCK)/30" | bc)
read -r floor_main floor_llvmpipe floor_other <<<"$(cpu_by_thread "$s0" "$s1")"
kill $app; wait $app 2>/dev/null || true
floor_ratio=$(echo "scale=2; $cpu/$floor_cpu" | bc)

# 3. A whole `sso-diag exchange` process against the mock vs curl sending the same request.
"$bin" mock --addr 127.0.0.1:0 > "$work/mock.out" &
mock=$!
for _ in $(seq 50); do grep -q '^listening on' "$work/mock.out" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/mock.out")
export SSO_DIAG_ACCESS_TOKEN=demo-access-token-7f3a9c41 SSO_DIAG_SESSION_TOKEN=demo-session-token-4b1e0d77
curl_cmd=$("$bin" exchange --curl --domain "$url")
now_ms() { date +%s%N; }
cli=(); crl=()
for _ in $(seq 20); do
  a=$(now_ms); "$bin" exchange --domain "$url" --json >/dev/null; b=$(now_ms); cli+=("$(( (b-a)/1000 ))")
  a=$(now_ms); sh -c "$curl_cmd" >/dev/null; b=$(now_ms); crl+=("$(( (b-a)/1000 ))")
done
# 5. Watch mode's probe: what it adds over the phases it measures (total less DNS, TCP, first byte
#    and body), over 200 probes of the exchange, ten a second (allowed towards this machine only).
"$bin" watch --domain "$url" --count 200 --interval 0.1 --json > "$work/watch.jsonl"
probe_overhead=$(head -n 200 "$work/watch.jsonl" \
  | sed -n 's/.*"body":\([0-9.]*\).*"connect":\([0-9.]*\).*"dns":\([0-9.]*\).*"first_byte":\([0-9.]*\).*"total":\([0-9.]*\).*/\1 \2 \3 \4 \5/p' \
  | awk '{printf "%.3f\n", $5-$1-$2-$3-$4}' | median)
probe_first_byte=$(head -n 200 "$work/watch.jsonl" | sed -n 's/.*"first_byte":\([0-9.]*\).*/\1/p' | median)
kill $mock
cli_ms=$(printf '%s\n' "${cli[@]}" | median | awk '{printf "%.1f", $1/1000}')
curl_ms=$(printf '%s\n' "${crl[@]}" | median | awk '{printf "%.1f", $1/1000}')
ratio=$(echo "scale=2; $cli_ms/$curl_ms" | bc)

# 4. In-process exchange latency next to the bare loopback round trip.
latency=$(cargo run --release --locked --quiet --example exchange_latency)
in_proc=$(sed -n 's/^in-process exchange *median \([0-9.]*\).*/\1/p' <<<"$latency")
rtt=$(sed -n 's/^raw loopback round trip median \([0-9.]*\).*/\1/p' <<<"$latency")
overhead=$(sed -n 's/^overhead *\([-0-9.]*\).*/\1/p' <<<"$latency")

# 4b. Redaction as the secrets pile up (10, 10 000, 100 000; examples/redaction.rs): its own table,
#     printed after the main one.
redaction=$(cargo run --release --locked --quiet --example redaction)

# 6. The window watching a flaky mock two probes a second (--demo --watch) for WATCH_MINUTES
#    (default 10): RSS after the first minute and at the end; CPU over the last 30 s, next to the
#    idle-with-countdown figure of step 2.
watch_minutes=${WATCH_MINUTES:-10}
"$bin" --demo --watch --log-file "$work/watch.log" >/dev/null 2>&1 &
app=$!
sleep 60
watch_rss_1m=$(rss)
sleep $(( watch_minutes * 60 - 90 ))
t0=$(ticks); sleep 30; t1=$(ticks)
watch_cpu=$(echo "scale=2; ($t1-$t0)*100/$(getconf CLK_TCK)/30" | bc)
watch_rss_end=$(rss)
kill $app; wait $app 2>/dev/null || true
watch_growth=$(echo "scale=1; ($watch_rss_end-$watch_rss_1m)/1024" | bc)
watch_cpu_ratio=$(echo "scale=2; $watch_cpu/$cpu" | bc)

size=$(stat -c %s "$bin")
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), $(uname -m); display: Xvfb + Mesa $(glxinfo -B 2>/dev/null | sed -n 's/.*OpenGL renderer string: //p' || echo 'software GL')"
echo "binary: $("$bin" --version)"
echo
row "measure" "figure" "goal"
row "---" "---" "---"
row "release binary size" "$(echo "scale=2; $size/1000000" | bc) MB ($(echo "scale=2; $size/1048576" | bc) MiB)" "≤ 12 MB"
row "launch to first frame (median of 5, Xvfb)" "${first_frame} ms" "< 250 ms"
row "RSS after start, ticket counting down" "$(( rss_start / 1024 )) MB" "flat"
row "RSS after 60 s more" "$(( rss_60 / 1024 )) MB" "flat (no growth)"
row "CPU over 30 s, ticket counting down" "${cpu} % of a core" ""
row "CPU over 30 s, the floor (examples/floor.rs)" "${floor_cpu} % of a core" ""
row "  ratio sso-diag / floor" "${floor_ratio}x" "≤ 1.15x"
row "  sso-diag: window thread / llvmpipe / other" "${cpu_main} / ${cpu_llvmpipe} / ${cpu_other} %" ""
row "  floor: window thread / llvmpipe / other" "${floor_main} / ${floor_llvmpipe} / ${floor_other} %" ""
row "sso-diag exchange process (median of 20)" "${cli_ms} ms" ""
row "curl, same request (median of 20)" "${curl_ms} ms" ""
row "ratio sso-diag / curl" "${ratio}x" "< 2x"
row "in-process exchange (median of 200)" "${in_proc} ms" ""
row "raw loopback round trip (median of 200)" "${rtt} ms" ""
row "in-process overhead over the round trip" "${overhead} ms" "< 1 ms"
row "watch probe: first byte from the mock (median of 200)" "${probe_first_byte} ms" ""
row "watch probe: its own time over the phases (median of 200)" "${probe_overhead} ms" "< 1 ms"
row "window watching 2/s: RSS after 1 min" "$(( watch_rss_1m / 1024 )) MB" ""
row "window watching 2/s: RSS growth after the first minute (${watch_minutes} min)" "${watch_growth} MB" "< 2 MB"
row "window watching 2/s: CPU over 30 s" "${watch_cpu} % of a core" ""
row "  ratio to idle with a countdown" "${watch_cpu_ratio}x" "< 2x"
echo
echo "redaction (examples/redaction.rs):"
echo "$redaction"
