#!/usr/bin/python3
"""Detection per attack kind of a Vigil run on a log made by ../shared/bench/gen_nginx.py.

gen_nginx.py writes LOG and LOG.labels.csv (line, kind, ip) for its injected attacks. This joins
the labels with a run's scores (through each record's line number in the data set) and prints,
per kind, how many lines the run flags above its threshold, and the share of normal lines it
flags. Standard library only; it reads the project file, never writes it.

    /usr/bin/python3 ../shared/bench/gen_nginx.py -o nginx1m.log
    vigil-cli import nginx1m.log --project web.vigil
    vigil-cli train --project web.vigil --dataset 1
    vigil-cli score --project web.vigil --model 1 --dataset 1
    /usr/bin/python3 tests/bench/weblog_labels_eval.py --project web.vigil --run 1 --labels nginx1m.log.labels.csv
"""
import argparse
import collections
import csv
import json
import sqlite3
import sys


def ranking(ranked):
    """AUROC (ties count half) and average precision of attacks ranked by score, highest first."""
    ranked.sort(key=lambda r: -r[0])
    positives = sum(1 for _, p in ranked if p)
    negatives = len(ranked) - positives
    if positives == 0 or negatives == 0:
        return float("nan"), float("nan")
    auc = 0.0
    ap = 0.0
    tp = fp = 0
    i = 0
    while i < len(ranked):
        j = i
        tp_tie = fp_tie = 0
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            tp_tie += ranked[j][1]
            fp_tie += not ranked[j][1]
            j += 1
        auc += fp_tie * (tp + tp_tie / 2.0)  # pairs with the attack above the normal line (ties: half)
        tp += tp_tie
        fp += fp_tie
        if tp_tie:
            ap += tp_tie / positives * tp / (tp + fp)
        i = j
    auroc = auc / (positives * negatives)
    return auroc, ap


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--project", required=True)
    ap.add_argument("--run", type=int, required=True)
    ap.add_argument("--labels", required=True, help="LOG.labels.csv written by gen_nginx.py")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    kinds = {}
    with open(a.labels, newline="") as f:
        for row in csv.DictReader(f):
            kinds[int(row["line"])] = row["kind"]

    db = sqlite3.connect(f"file:{a.project}?mode=ro", uri=True)
    run = db.execute("SELECT dataset_id, threshold FROM runs WHERE id = ?", (a.run,)).fetchone()
    if run is None:
        sys.exit(f"{a.project} has no run {a.run}")
    dataset, threshold = run
    table = f"ds_{int(dataset)}"
    total = collections.Counter()
    flagged = collections.Counter()
    ranked = []  # (score, is attack)
    for line, score in db.execute(
            f"SELECT d.line, s.score FROM scores s JOIN {table} d ON d.rid = s.record_id WHERE s.run_id = ?", (a.run,)):
        kind = kinds.get(line, "normal")
        total[kind] += 1
        ranked.append((score, kind != "normal"))
        if score > threshold:
            flagged[kind] += 1

    auroc, ap = ranking(ranked)
    result = {"run": a.run, "threshold": threshold, "auroc": auroc, "average_precision": ap,
              "kinds": {k: {"lines": total[k], "flagged": flagged[k]} for k in sorted(total)}}
    if a.json:
        print(json.dumps(result, indent=2))
        return
    print(f"run {a.run}, threshold {threshold:.4g}, AUROC {auroc:.4f}, average precision {ap:.4f}")
    print(f"{'kind':<16}{'lines':>9}{'flagged':>9}{'share':>9}")
    for k in sorted(total, key=lambda k: (k != "normal", k)):
        print(f"{k:<16}{total[k]:>9}{flagged[k]:>9}{flagged[k] / total[k]:>9.2%}")
    attacks = sum(v for k, v in total.items() if k != "normal")
    caught = sum(v for k, v in flagged.items() if k != "normal")
    if attacks:
        print(f"{'all attacks':<16}{attacks:>9}{caught:>9}{caught / attacks:>9.2%}")


if __name__ == "__main__":
    main()
