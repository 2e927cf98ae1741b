#!/usr/bin/python3
"""Regenerates the NSL-KDD schema fixtures in tests/data from ../shared/data and the reference
encoder in ../shared/bench/nslkdd_ref.py (run from the repository root with /usr/bin/python3).

Writes: schema_nslkdd_train.csv (first 300 rows of KDDTrain+), schema_nslkdd_test.csv (first 200
rows of KDDTest+), schema_nslkdd_train_expected.txt / schema_nslkdd_test_expected.txt (the
reference Encoder fitted on the train cut; one matrix row per line, %.9g floats, space-separated),
schema_nslkdd_columns.txt (the reference's feature names in column order)."""
import gzip, importlib.util, io, os, sys
import numpy as np
import pandas as pd

root = os.path.dirname(os.path.abspath(__file__))
repo = os.path.abspath(os.path.join(root, "..", "..", ".."))
shared = os.path.abspath(os.path.join(repo, "..", "shared"))
# Only the Encoder class is needed: stand in for torch/sklearn so the fixture can be regenerated
# with just numpy + pandas (python3-pandas).
import types
for name in ("torch", "sklearn", "sklearn.ensemble", "sklearn.metrics"):
    if name not in sys.modules:
        try:
            importlib.import_module(name)
        except ImportError:
            m = types.ModuleType(name)
            m.__getattr__ = lambda attr: None
            sys.modules[name] = m
if not hasattr(sys.modules["torch"], "nn") or sys.modules["torch"].nn is None:
    sys.modules["torch"].nn = types.SimpleNamespace(Module=object)
    sys.modules["torch"].no_grad = lambda: (lambda f: f)
spec = importlib.util.spec_from_file_location("nslkdd_ref", os.path.join(shared, "bench", "nslkdd_ref.py"))
ref = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ref)

def cut(name, n):
    with gzip.open(os.path.join(shared, "data", "nsl-kdd", name), "rt") as f:
        return "".join(next(f) for _ in range(n))

out = os.path.join(repo, "tests", "data")
train_txt, test_txt = cut("KDDTrain+.txt.gz", 300), cut("KDDTest+.txt.gz", 200)
open(os.path.join(out, "schema_nslkdd_train.csv"), "w").write(train_txt)
open(os.path.join(out, "schema_nslkdd_test.csv"), "w").write(test_txt)
tr = pd.read_csv(io.StringIO(train_txt), header=None, names=ref.COLS)
te = pd.read_csv(io.StringIO(test_txt), header=None, names=ref.COLS)
enc = ref.Encoder().fit(tr)
for name, X in (("train", enc.transform(tr)), ("test", enc.transform(te))):
    np.savetxt(os.path.join(out, f"schema_nslkdd_{name}_expected.txt"), X, fmt="%.9g")
names = [f"{c}={v}" for c in ref.CATS for v in enc.categories[c]] + ref.NUMS
open(os.path.join(out, "schema_nslkdd_columns.txt"), "w").write("\n".join(names) + "\n")
print("width", enc.width, {c: len(v) for c, v in enc.categories.items()})
