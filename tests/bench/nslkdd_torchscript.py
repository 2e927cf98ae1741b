#!/usr/bin/python3
"""Exports a PyTorch autoencoder for NSL-KDD as TorchScript, for `vigil-cli train --torchscript`.

The input is Vigil's encoding of KDDTrain+ (what `vigil-cli schema` shows for the nslkdd
profile): the one-hot blocks protocol_type, service and flag first, categories sorted by name,
then the 38 numeric columns in file order, log1p for counts and byte sizes, min-max scaled on
all of KDDTrain+. The model (122-64-32-16-32-64-122, ReLU) trains on 90 % of the normal rows
(seeded) for 1,000 Adam steps of 256 rows with the per-block loss Vigil uses (cross-entropy per
one-hot block, 3 × squared error per numeric column), and its output is the reconstruction,
which Vigil scores with that loss (numeric weight 1). It prints AUROC on KDDTest+ as PyTorch
computes it, to compare with `vigil-cli evaluate` on the imported module.

Usage: /usr/bin/python3 tests/bench/nslkdd_torchscript.py [--data DIR] [--out ae.pt] [--threads 2]
(Debian: python3-torch python3-pandas python3-sklearn)
"""
import argparse
import math
import os

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import roc_auc_score

COLS = ("duration protocol_type service flag src_bytes dst_bytes land wrong_fragment urgent hot "
        "num_failed_logins logged_in num_compromised root_shell su_attempted num_root num_file_creations "
        "num_shells num_access_files num_outbound_cmds is_host_login is_guest_login count srv_count "
        "serror_rate srv_serror_rate rerror_rate srv_rerror_rate same_srv_rate diff_srv_rate "
        "srv_diff_host_rate dst_host_count dst_host_srv_count dst_host_same_srv_rate dst_host_diff_srv_rate "
        "dst_host_same_src_port_rate dst_host_srv_diff_host_rate dst_host_serror_rate dst_host_srv_serror_rate "
        "dst_host_rerror_rate dst_host_srv_rerror_rate label difficulty").split()
CAT = ["protocol_type", "service", "flag"]
LOG = set("duration src_bytes dst_bytes wrong_fragment urgent hot num_failed_logins num_compromised num_root "
          "num_file_creations num_shells num_access_files count srv_count dst_host_count dst_host_srv_count".split())


def encode(tr, te):
    parts_tr, parts_te, blocks, off = [], [], [], 0
    for c in CAT:
        cats = sorted(tr[c].unique())
        idx = {v: i for i, v in enumerate(cats)}
        a = np.zeros((len(tr), len(cats)), np.float32)
        a[np.arange(len(tr)), tr[c].map(idx).values] = 1
        b = np.zeros((len(te), len(cats)), np.float32)
        m = te[c].map(idx)
        ok = m.notna().values
        b[np.arange(len(te))[ok], m[ok].astype(int).values] = 1
        parts_tr.append(a)
        parts_te.append(b)
        blocks.append((off, len(cats)))
        off += len(cats)
    numeric = []
    for c in COLS[:-2]:
        if c in CAT:
            continue
        x, y = tr[c].values.astype(np.float64), te[c].values.astype(np.float64)
        if c in LOG:
            x, y = np.log1p(x), np.log1p(y)
        lo, hi = x.min(), x.max()
        s = (hi - lo) if hi > lo else 1.0
        parts_tr.append(((x - lo) / s)[:, None].astype(np.float32))
        parts_te.append(((y - lo) / s)[:, None].astype(np.float32))
        numeric.append(off)
        off += 1
    return np.hstack(parts_tr), np.hstack(parts_te), blocks, torch.tensor(numeric)


def default_data_dir():
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data", "nsl-kdd")


def load_encoded(data_dir):
    """KDDTrain+ and KDDTest+ as read (DataFrames) and encoded (encode())."""
    tr = pd.read_csv(os.path.join(data_dir, "KDDTrain+.txt.gz"), names=COLS)
    te = pd.read_csv(os.path.join(data_dir, "KDDTest+.txt.gz"), names=COLS)
    return (tr, te) + encode(tr, te)


def block_loss(out, x, blocks, numeric, numeric_weight):
    parts = [-(torch.log_softmax(out[:, o:o + w], 1) * x[:, o:o + w]).sum(1, keepdim=True) for o, w in blocks]
    parts.append(numeric_weight * (out[:, numeric] - x[:, numeric]) ** 2)
    return torch.cat(parts, 1).sum(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=default_data_dir())
    ap.add_argument("--out", default="ae.pt")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    tr, te, xtr, xte, blocks, numeric = load_encoded(args.data)
    normal = np.where(tr.label.values == "normal")[0]
    np.random.RandomState(args.seed).shuffle(normal)
    fit = torch.from_numpy(xtr[normal[len(normal) // 10:]])
    d = xtr.shape[1]
    torch.manual_seed(args.seed)
    L, R = torch.nn.Linear, torch.nn.ReLU
    model = torch.nn.Sequential(L(d, 64), R(), L(64, 32), R(), L(32, 16), R(), L(16, 32), R(), L(32, 64), R(), L(64, d))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    gen = torch.Generator().manual_seed(args.seed)
    steps, step = 1000, 0
    while step < steps:
        perm = torch.randperm(fit.shape[0], generator=gen)
        for i in range(0, fit.shape[0], 256):
            if step >= steps:
                break
            for g in opt.param_groups:
                g["lr"] = 1e-3 * 0.5 * (1 + math.cos(math.pi * step / steps))
            xb = fit[perm[i:i + 256]]
            opt.zero_grad()
            block_loss(model(xb), xb, blocks, numeric, 3.0).mean().backward()
            opt.step()
            step += 1
    model.eval()
    torch.jit.script(model).save(args.out)
    with torch.no_grad():
        xt = torch.from_numpy(xte)
        s = block_loss(model(xt), xt, blocks, numeric, 1.0).numpy()
    print(f"wrote {args.out}: {d} inputs; KDDTest+ AUROC (PyTorch, numeric weight 1) {roc_auc_score(te.label.values != 'normal', s):.4f}")


if __name__ == "__main__":
    main()
