#include "app/cli/cli.h"
#include "app/cli/mlcommon.h"
#include "core/metrics/metrics.h"
#include "core/runs/runstore.h"
#include "ml/anomalymodel.h"
#include "ml/runtime.h"
#include "ml/scoring/scorerun.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonObject>

#include <cmath>

namespace vigil::cli {

int runScore(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("project"), QStringLiteral("Project file (*.vigil)."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("model"), QStringLiteral("Model id (from `vigil-cli train`)."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("dataset"), QStringLiteral("Dataset id to score."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("clusters"), QStringLiteral("k-means clusters of the latent codes (0 = suggest, -1 = none; default 0)."), QStringLiteral("k"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("device"), QStringLiteral("auto, cpu or cuda."), QStringLiteral("device"), QStringLiteral("auto")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Intra-op threads (0 = all cores)."), QStringLiteral("n"), QStringLiteral("0")});
    int code = kExitOk;
    if (!parse(parser, args, QStringLiteral("Score a dataset with a stored model; writes a run and its per-record scores."), code))
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

    auto project = Project::open(parser.value(QStringLiteral("project")));
    if (!project)
        return reportError(project.error(), json);
    auto stored = runs::loadModel((*project)->db(), modelId);
    if (!stored)
        return reportError(stored.error(), json);
    // The model's own schema encodes the dataset (never refitted on the scored data).
    auto schema = FeatureSchema::fromJson(stored->schema);
    if (!schema)
        return reportError(schema.error(), json);
    auto data = mlcli::loadEncoded(**project, datasetId, &*schema);
    if (!data)
        return reportError(data.error(), json);

    QElapsedTimer timer;
    timer.start();
    std::vector<runs::ScoreRow> rows;
    double threshold = 0.5, targetFpr = 0.0;
    QJsonObject summary;
    if (stored->kind == vigil::ml::modelKindName(vigil::ml::ModelKind::Classifier)) {
        auto model = vigil::ml::ClassifierModel::fromBundle(stored->bundle, data->matrix.featureNames());
        if (!model)
            return reportError(model.error(), json);
        auto p = (*model)->predict(data->matrix);
        if (!p)
            return reportError(p.error(), json);
        std::int64_t alerts = 0;
        rows.resize(p->attackScore.size());
        for (size_t i = 0; i < rows.size(); ++i) {
            rows[i].recordId = data->matrix.recordIds[i];
            rows[i].score = p->attackScore[i];
            rows[i].severity = metrics::severity(rows[i].score, threshold);
            rows[i].topFeatures = QStringLiteral("[{\"feature\":\"class\",\"value\":\"%1\"}]").arg(p->classes.value(p->predicted[i]));
            alerts += rows[i].score > threshold;
        }
        summary = QJsonObject{{QStringLiteral("rows"), qint64(rows.size())}, {QStringLiteral("alerts"), qint64(alerts)},
                              {QStringLiteral("threshold"), threshold}};
    } else {
        auto model = vigil::ml::AnomalyModel::fromBundle(stored->bundle, data->matrix.featureNames());
        if (!model)
            return reportError(model.error(), json);
        vigil::ml::RunOptions ro;
        ro.clusters = parser.value(QStringLiteral("clusters")).toInt();
        auto run = vigil::ml::scoreRun(**model, data->matrix, ro);
        if (!run)
            return reportError(run.error(), json);
        rows = std::move(run->rows);
        summary = run->summary;
        threshold = (*model)->threshold();
        targetFpr = (*model)->targetFpr();
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    summary.insert(QStringLiteral("scoreSeconds"), seconds);

    runs::RunInfo info;
    info.modelId = modelId;
    info.datasetId = datasetId;
    info.threshold = threshold;
    info.targetFpr = targetFpr;
    info.metrics = QJsonObject{{QStringLiteral("scoring"), summary}};
    auto runId = runs::createRun((*project)->db(), info);
    if (!runId)
        return reportError(runId.error(), json);
    if (auto ok = runs::writeScores((*project)->db(), *runId, rows); !ok)
        return reportError(ok.error(), json);
    (void)(*project)->audit(QStringLiteral("score"), QStringLiteral("{\"run\":%1,\"model\":%2,\"dataset\":%3}").arg(*runId).arg(modelId).arg(datasetId));

    const qint64 alerts = qint64(summary.value(QStringLiteral("alerts")).toDouble());
    if (json) {
        QJsonObject out = summary;
        out.insert(QStringLiteral("run_id"), qint64(*runId));
        out.insert(QStringLiteral("model_id"), qint64(modelId));
        out.insert(QStringLiteral("dataset"), qint64(datasetId));
        printJson(out);
    } else {
        printLine(QStringLiteral("Run #%1: model %2 on dataset %3, %4 rows in %5 s; %6 above the threshold %7 (%8 %)")
                      .arg(*runId).arg(modelId).arg(datasetId).arg(rows.size()).arg(seconds, 0, 'f', 2).arg(alerts)
                      .arg(threshold, 0, 'g', 6).arg(rows.empty() ? 0.0 : 100.0 * double(alerts) / double(rows.size()), 0, 'f', 2));
    }
    return kExitOk;
}

} // namespace vigil::cli
