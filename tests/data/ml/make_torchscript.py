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


if __name__ == "__main__":
    torch.manual_seed(0)
    here = os.path.dirname(os.path.abspath(__file__))
    torch.jit.script(Recon()).save(os.path.join(here, "..", "ml_recon6.pt"))
    torch.jit.script(Score()).save(os.path.join(here, "..", "ml_score6.pt"))
