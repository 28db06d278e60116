#!/usr/bin/env bash
# Measures throughput and peak memory of `wirecheck check` on generated JSONL
# archives of 10 MB and 100 MB (or the sizes given as arguments), on one
# thread and on all cores. Peak memory must not grow with the archive.
#
#   scripts/throughput.sh            # 10 and 100 MB
#   scripts/throughput.sh 10 50 200  # other sizes
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin wirecheck --example gen_jsonl
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10 100)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%-8s %-8s %10s %10s %12s %12s\n' size threads wall_s user_s MB/s/core peak_RSS_MB
for mb in "${sizes[@]}"; do
  ./target/release/examples/gen_jsonl "$mb" > "$tmp/in.jsonl"
  bytes=$(stat -c %s "$tmp/in.jsonl")
  for threads in 1 0; do
    label=$([ "$threads" = 1 ] && echo 1 || nproc)
    /usr/bin/time -f '%e %U %M' -o "$tmp/time" env RAYON_NUM_THREADS="$threads" \
      ./target/release/wirecheck check "$tmp/in.jsonl" --format json --fail-on never > /dev/null
    read -r wall user rss < "$tmp/time"
    awk -v b="$bytes" -v w="$wall" -v u="$user" -v r="$rss" -v mb="$mb" -v t="$label" \
      'BEGIN { printf "%-8s %-8s %10.2f %10.2f %12.1f %12.1f\n", mb "MB", t, w, u, b/1e6/(u>0?u:1e-9), r/1024 }'
  done
done
