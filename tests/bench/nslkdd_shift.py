#!/usr/bin/python3
"""Why NSL-KDD's missed attacks and KDDTest+'s false positives are the same kind of anomaly.

Most attacks that the default autoencoder misses at its calibrated 1 % threshold are on rare
services whose traffic looks like a frequent service's: of guess_passwd's 750 rows on pop_3,
431 have dst_host_srv_count >= 200 (418 dst_host_same_srv_rate >= 0.9), where KDDTrain+'s
normal pop_3 rows have at most 11 and mostly about 0.02, figures common on normal http. KDDTest+ also
has normal rows of that kind that KDDTrain+'s normals never show: 393 udp/private rows with
count 302-511, src_bytes 1-56 (388 of them 45-56) and dst_host_same_src_port_rate >= 0.76,
where all 978 of KDDTrain+'s normal udp/private rows have count <= 11 (970 src_bytes 105); the
pattern is that of normal udp/domain_u and udp/other rows there.

This program trains the simplest model of that one relation, p(service | every other column),
an MLP on 90 % of KDDTrain+'s normal rows (Vigil's encoding, seeded), scores -log p of each
row's service, sets the threshold at the 99th percentile of the other 10 % (as Vigil
calibrates) and counts what it flags on KDDTest+. It catches the pop_3 guess_passwd rows and
flags every one of the udp/private normals with them: a model that learns this relation well
enough to catch the first flags the second too, and they alone are 4 % of KDDTest+'s normal
rows, twice the 2 % false-positive budget. (Training the autoencoder longer, or with larger
steps, moves it this way: its TPR at the calibrated 1 % threshold passes 0.70 while its
realized FPR goes to 2-7 %.)

Usage: /usr/bin/python3 tests/bench/nslkdd_shift.py [--data DIR] [--threads 2] [--seed 0]
(Debian: python3-torch python3-pandas python3-sklearn)
"""
import argparse
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nslkdd_torchscript import default_data_dir, load_encoded  # noqa: E402  (Vigil's NSL-KDD encoding)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=default_data_dir())
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--epochs", type=int, default=15)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    tr, te, xtr, xte, blocks, _ = load_encoded(args.data)
    off, width = blocks[1]  # service: the second one-hot block

    def context(x):
        return torch.from_numpy(np.hstack([x[:, :off], x[:, off + width:]]))

    normal = np.where(tr.label.values == "normal")[0]
    np.random.RandomState(args.seed).shuffle(normal)
    held, fit = normal[:len(normal) // 10], normal[len(normal) // 10:]
    x, y = context(xtr[fit]), torch.from_numpy(xtr[fit, off:off + width].argmax(1))
    torch.manual_seed(args.seed)
    L, R = torch.nn.Linear, torch.nn.ReLU
    model = torch.nn.Sequential(L(x.shape[1], 128), R(), L(128, 64), R(), L(64, width))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    gen = torch.Generator().manual_seed(args.seed)
    for _ in range(args.epochs):
        perm = torch.randperm(x.shape[0], generator=gen)
        for i in range(0, x.shape[0], 256):
            idx = perm[i:i + 256]
            opt.zero_grad()
            torch.nn.functional.cross_entropy(model(x[idx]), y[idx]).backward()
            opt.step()
    model.eval()

    @torch.no_grad()
    def surprise(rows):
        # -log p(service | context); a service unseen in training (all-zero block) scores 0 here.
        logp = torch.log_softmax(model(context(rows)), 1)
        return (-(logp * torch.from_numpy(rows[:, off:off + width])).sum(1)).numpy()

    threshold = np.percentile(surprise(xtr[held]), 99)
    flagged = surprise(xte) > threshold
    normal_te = te.label.values == "normal"
    flood = normal_te & (te.service.values == "private") & (te.protocol_type.values == "udp") & (te["count"].values > 300)
    pop3 = (te.label.values == "guess_passwd") & (te.service.values == "pop_3")
    print(f"p(service | other columns), threshold {threshold:.3f} (99th percentile of {len(held)} held-out KDDTrain+ normals)")
    print(f"guess_passwd on pop_3:                       {flagged[pop3].sum():5d} of {pop3.sum():5d} flagged")
    print(f"normal udp/private rows with count > 300:    {flagged[flood].sum():5d} of {flood.sum():5d} flagged "
          f"({flood.sum() / normal_te.sum():.2%} of KDDTest+'s {normal_te.sum()} normal rows)")
    print(f"all KDDTest+ normal rows:                    {flagged[normal_te].sum():5d} flagged "
          f"(FPR {flagged[normal_te].mean():.2%}; {(flagged & flood).sum()} of them udp/private count > 300)")


if __name__ == "__main__":
    main()
