#!/usr/bin/env bash
# Short fuzz run of every decoder on the stable toolchain (cargo-fuzz, no sanitizer).
# Not part of CI's budget. Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] (default 30).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
secs="${1:-30}"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
for target in decode_any ninjs newsml_g2 nitf newsml1 iptc7901 plain_text; do
  # Work on a copy so the committed seed corpus stays small.
  work="$(mktemp -d)"
  cp corpus/"$target"/* "$work"/
  echo "== $target (${secs}s)"
  cargo fuzz run --sanitizer none "$target" "$work" -- -max_total_time="$secs" -rss_limit_mb=2048 2>&1 | tail -n 3
  rm -rf "$work"
done
