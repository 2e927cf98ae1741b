#include "app/cli/cli.h"
#include "app/cli/mlcommon.h"
#include "core/runs/runstore.h"
#include "ml/scoring/scorerun.h"

#include <QCommandLineParser>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace vigil::cli {

int runEvaluate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("project"), QStringLiteral("Project file (*.vigil)."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("run"), QStringLiteral("Run id (from `vigil-cli score`)."), QStringLiteral("id")});
    int code = kExitOk;
    if (!parse(parser, args, QStringLiteral("Evaluate a run against the dataset's label column: AUROC, AP, rates at the threshold, per-family detection."), code))
        return code;
    const bool json = parser.isSet(QStringLiteral("json"));
    std::int64_t runId = 0;
    if (!parser.isSet(QStringLiteral("project")) || !mlcli::idOption(parser, QStringLiteral("run"), runId))
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("usage: vigil-cli evaluate --project P --run R [--json]")}, json), kExitUsage;

    auto project = Project::open(parser.value(QStringLiteral("project")));
    if (!project)
        return reportError(project.error(), json);
    auto run = runs::loadRun((*project)->db(), runId);
    if (!run)
        return reportError(run.error(), json);
    auto stored = runs::loadModel((*project)->db(), run->modelId);
    if (!stored)
        return reportError(stored.error(), json);
    auto schema = FeatureSchema::fromJson(stored->schema);
    if (!schema)
        return reportError(schema.error(), json);
    auto table = loadTable((*project)->db(), run->datasetId);
    if (!table)
        return reportError(table.error(), json);
    auto labels = extractLabels(*schema, *table);
    if (!labels)
        return reportError({labels.error().code, QStringLiteral("Run %1 cannot be evaluated: %2").arg(runId).arg(labels.error().message)}, json);
    auto scores = runs::readScores((*project)->db(), runId);
    if (!scores)
        return reportError(scores.error(), json);

    // Align stored scores with the labelled rows by record id.
    QHash<std::int64_t, qsizetype> rowOf;
    for (qsizetype i = 0; i < qsizetype(table->recordIds.size()); ++i)
        rowOf.insert(table->recordIds[size_t(i)], i);
    std::vector<double> s;
    LabelVector aligned;
    aligned.names = labels->names;
    aligned.normalId = labels->normalId;
    for (const auto &r : *scores) {
        const auto it = rowOf.constFind(r.recordId);
        if (it == rowOf.constEnd())
            continue;
        s.push_back(r.score);
        aligned.ids.push_back(labels->ids[size_t(*it)]);
    }
    auto figures = vigil::ml::evaluateScores(s, aligned, run->threshold);
    if (!figures)
        return reportError(figures.error(), json);
    QJsonObject metrics = run->metrics;
    metrics.insert(QStringLiteral("evaluation"), *figures);
    if (auto ok = runs::updateRunMetrics((*project)->db(), runId, metrics); !ok)
        return reportError(ok.error(), json);

    if (json) {
        QJsonObject out = *figures;
        out.insert(QStringLiteral("run_id"), qint64(runId));
        out.insert(QStringLiteral("rows"), qint64(s.size()));
        printJson(out);
        return kExitOk;
    }
    const QJsonObject at = figures->value(QStringLiteral("atThreshold")).toObject();
    printLine(QStringLiteral("Run #%1: %2 labelled rows").arg(runId).arg(s.size()));
    printLine(QStringLiteral("AUROC %1   AP %2").arg(figures->value(QStringLiteral("auroc")).toDouble(), 0, 'f', 4)
                  .arg(figures->value(QStringLiteral("ap")).toDouble(), 0, 'f', 4));
    printLine(QStringLiteral("At the calibrated threshold %1: TPR %2, FPR %3, precision %4")
                  .arg(run->threshold, 0, 'g', 6).arg(at.value(QStringLiteral("tpr")).toDouble(), 0, 'f', 4)
                  .arg(at.value(QStringLiteral("fpr")).toDouble(), 0, 'f', 4).arg(at.value(QStringLiteral("precision")).toDouble(), 0, 'f', 4));
    printLine(QStringLiteral("Oracle TPR (read off the ROC): %1 at 1 % FPR, %2 at 5 % FPR")
                  .arg(figures->value(QStringLiteral("oracleTprAt1pctFpr")).toDouble(), 0, 'f', 4)
                  .arg(figures->value(QStringLiteral("oracleTprAt5pctFpr")).toDouble(), 0, 'f', 4));
    printLine(QStringLiteral("Confusion (rows true, columns predicted) normal/attack: [[%1, %2], [%3, %4]]")
                  .arg(at.value(QStringLiteral("tn")).toDouble()).arg(at.value(QStringLiteral("fp")).toDouble())
                  .arg(at.value(QStringLiteral("fn")).toDouble()).arg(at.value(QStringLiteral("tp")).toDouble()));
    for (const auto &v : figures->value(QStringLiteral("perFamily")).toArray()) {
        const auto f = v.toObject();
        printLine(QStringLiteral("  %1 %2 of %3 flagged (%4 %)").arg(f.value(QStringLiteral("family")).toString(), -8)
                      .arg(qint64(f.value(QStringLiteral("flagged")).toDouble())).arg(qint64(f.value(QStringLiteral("rows")).toDouble()))
                      .arg(100.0 * f.value(QStringLiteral("rate")).toDouble(), 0, 'f', 1));
    }
    return kExitOk;
}

} // namespace vigil::cli
