#pragma once

// Small shared pieces of `vigil-cli train`, `score` and `evaluate`. The work itself goes
// through ml/pipeline.h, the same functions the workbench and the demo call, so the CLI and
// the GUI give the same model and the same figures. Header-only and private to the CLI.

#include "app/cli/cli.h"
#include "core/metrics/metrics.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdint>
#include <cstdio>

namespace vigil::cli::mlcli {

/// Parses a positive id option; false when missing or malformed.
inline bool idOption(const QCommandLineParser &parser, const QString &name, std::int64_t &id)
{
    bool ok = false;
    id = parser.value(name).toLongLong(&ok);
    return ok && id > 0;
}

/// Prints the evaluation figures of ml::evaluateScores() / ml::evaluateRun() for people.
inline void printEvaluation(const QJsonObject &figures)
{
    const auto num = [](const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toDouble(); };
    const QJsonObject at = figures.value(QStringLiteral("atThreshold")).toObject();
    printLine(QStringLiteral("AUROC %1   AP %2").arg(num(figures, "auroc"), 0, 'f', 4).arg(num(figures, "ap"), 0, 'f', 4));
    printLine(QStringLiteral("At the operating threshold %1: TPR %2, FPR %3, precision %4")
                  .arg(num(figures, "threshold"), 0, 'g', 6).arg(num(at, "tpr"), 0, 'f', 4).arg(num(at, "fpr"), 0, 'f', 4)
                  .arg(num(at, "precision"), 0, 'f', 4));
    const QString on = metrics::calibrationSourceText(figures.value(QStringLiteral("calibratedOn")).toString());
    for (const auto &v : figures.value(QStringLiteral("calibrated")).toArray()) {
        const QJsonObject c = v.toObject();
        printLine(QStringLiteral("  calibrated for %1 % FPR on %2 (threshold %3): TPR %4, realized FPR %5")
                      .arg(100.0 * num(c, "targetFpr"), 0, 'g', 3).arg(on).arg(num(c, "threshold"), 0, 'g', 6)
                      .arg(num(c, "tpr"), 0, 'f', 4).arg(num(c, "fpr"), 0, 'f', 4));
    }
    printLine(QStringLiteral("TPR read off the ROC (uses these labels): %1 at 1 % FPR, %2 at 5 % FPR")
                  .arg(num(figures, "oracleTprAt1pctFpr"), 0, 'f', 4).arg(num(figures, "oracleTprAt5pctFpr"), 0, 'f', 4));
    printLine(QStringLiteral("Confusion at the operating threshold (rows true, columns predicted) normal/attack: [[%1, %2], [%3, %4]]")
                  .arg(qint64(num(at, "tn"))).arg(qint64(num(at, "fp"))).arg(qint64(num(at, "fn"))).arg(qint64(num(at, "tp"))));
    for (const auto &v : figures.value(QStringLiteral("perFamily")).toArray()) {
        const QJsonObject f = v.toObject();
        printLine(QStringLiteral("  %1 %2 of %3 flagged (%4 %)").arg(f.value(QStringLiteral("family")).toString(), -8)
                      .arg(qint64(num(f, "flagged"))).arg(qint64(num(f, "rows"))).arg(100.0 * num(f, "rate"), 0, 'f', 1));
    }
}

} // namespace vigil::cli::mlcli
