#!/usr/bin/python3
"""Writes the tiny TorchScript fixtures of tests/ml/models (run once; needs python3-torch 1.13):
ml_recon6.pt maps [N, 6] -> [N, 6] (a reconstruction), ml_score6.pt maps [N, 6] -> [N] (a score)."""
import os
import torch


class Recon(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = torch.nn.Linear(6, 3)
        self.l2 = torch.nn.Linear(3, 6)

    def forward(self, x):
        return self.l2(torch.relu(self.l1(x)))


class Score(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.l = torch.nn.Linear(6, 1)

    def forward(self, x):
        return self.l(x).squeeze(1) + (x * x).sum(1)


def print_expected(here):
    """The per-block losses tst_modelbundle's torchScriptReconstruction expects of rows 0, 4, 8
    of its sixWide(10) matrix: cross-entropy of the one-hot block with an extra logit of 0 for
    "none of these", then the numeric columns' squared errors."""
    m = torch.jit.load(os.path.join(here, "..", "ml_recon6.pt"))
    x = torch.tensor([[float(r % 3 == 0), float(r % 3 == 1), float(r % 3 == 2), 0.1 * r, 0.5, 0.0] for r in range(10)])
    out = m(x).detach()
    logits = torch.cat([out[:, :3], torch.zeros(10, 1)], 1).double()
    ce = torch.nn.functional.cross_entropy(logits, torch.tensor([r % 3 for r in range(10)]), reduction="none")
    sq = (out[:, 3:] - x[:, 3:]).double() ** 2
    for r in (0, 4, 8):
        print(r, ["%.6f" % v for v in [ce[r].item()] + sq[r].tolist()])


if __name__ == "__main__":
    import sys
    if "--expected" in sys.argv:
        print_expected(os.path.dirname(os.path.abspath(__file__)))
        sys.exit(0)
    torch.manual_seed(0)
    here = os.path.dirname(os.path.abspath(__file__))
    torch.jit.script(Recon()).save(os.path.join(here, "..", "ml_recon6.pt"))
    torch.jit.script(Score()).save(os.path.join(here, "..", "ml_score6.pt"))
