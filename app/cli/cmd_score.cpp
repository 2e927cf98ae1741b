#include "app/cli/cli.h"
#include "app/cli/mlcommon.h"
#include "ml/pipeline.h"
#include "ml/runtime.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonObject>

namespace vigil::cli {

int runScore(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("project"), QStringLiteral("Project file (*.vigil)."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("model"), QStringLiteral("Model id (from `vigil-cli train`)."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("dataset"), QStringLiteral("Dataset id to score."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("clusters"), QStringLiteral("k-means clusters of the latent codes (0 = suggest, -1 = none; default 0)."), QStringLiteral("k"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("chunk-rows"), QStringLiteral("Larger data sets are scored in chunks of this many rows (default %1).").arg(vigil::ml::RunOptions{}.chunkRows), QStringLiteral("n"), QString::number(vigil::ml::RunOptions{}.chunkRows)});
    parser.addOption({QStringLiteral("device"), QStringLiteral("auto, cpu or cuda."), QStringLiteral("device"), QStringLiteral("auto")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Intra-op threads (0 = all cores)."), QStringLiteral("n"), QStringLiteral("0")});
    int code = kExitOk;
    if (!parse(parser, args, QStringLiteral("Score a dataset with a stored model (its own schema, nothing refitted); writes a run and its per-record scores."), code))
        return code;
    const bool json = parser.isSet(QStringLiteral("json"));
    std::int64_t modelId = 0, datasetId = 0;
    if (!parser.isSet(QStringLiteral("project")) || !mlcli::idOption(parser, QStringLiteral("model"), modelId)
        || !mlcli::idOption(parser, QStringLiteral("dataset"), datasetId))
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("usage: vigil-cli score --project P --model M --dataset D [--json]")}, json), kExitUsage;
    auto pref = vigil::ml::parseDevicePreference(parser.value(QStringLiteral("device")));
    if (!pref)
        return reportError(pref.error(), json);
    if (auto rt = vigil::ml::initRuntime(*pref, parser.value(QStringLiteral("threads")).toInt()); !rt)
        return reportError(rt.error(), json);

    vigil::ml::RunOptions ro;
    ro.clusters = parser.value(QStringLiteral("clusters")).toInt();
    ro.chunkRows = parser.value(QStringLiteral("chunk-rows")).toLongLong();
    if (ro.chunkRows <= 0)
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("--chunk-rows must be a positive number of rows")}, json), kExitUsage;
    QElapsedTimer timer;
    timer.start();
    auto result = vigil::ml::scoreDataset(parser.value(QStringLiteral("project")), modelId, datasetId, ro);
    if (!result)
        return reportError(result.error(), json);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const auto &r = *result;

    if (json) {
        QJsonObject out = r.summaryJson;
        out.insert(QStringLiteral("run_id"), qint64(r.runId));
        out.insert(QStringLiteral("model_id"), qint64(modelId));
        out.insert(QStringLiteral("kind"), r.modelKind);
        out.insert(QStringLiteral("dataset"), qint64(datasetId));
        out.insert(QStringLiteral("rows"), qint64(r.scored));
        out.insert(QStringLiteral("alerts"), qint64(r.alerts));
        out.insert(QStringLiteral("seconds"), seconds);
        if (!r.metrics.isEmpty())
            out.insert(QStringLiteral("evaluation"), r.metrics);
        printJson(out);
        return kExitOk;
    }
    printLine(QStringLiteral("Run #%1: model %2 on dataset %3, %4 rows in %5 s; %6 above the threshold %7 (%8 %)")
                  .arg(r.runId).arg(modelId).arg(datasetId).arg(r.scored).arg(seconds, 0, 'f', 2).arg(r.alerts)
                  .arg(r.threshold, 0, 'g', 6).arg(r.scored == 0 ? 0.0 : 100.0 * double(r.alerts) / double(r.scored), 0, 'f', 2));
    if (!r.metrics.isEmpty())
        printLine(QStringLiteral("The data set has labels: `vigil-cli evaluate --project P --run %1` for the figures.").arg(r.runId));
    return kExitOk;
}

} // namespace vigil::cli
