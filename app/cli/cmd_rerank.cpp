#include "app/cli/cli.h"
#include "ml/runtime.h"
#include "ml/training/labelretrain.h"

#include <QCommandLineParser>
#include <QJsonObject>

#include <cstdio>

namespace vigil::cli {

int runRerank(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("project"), QStringLiteral("Project file (*.vigil)."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("run"), QStringLiteral("The scoring run whose data set the analyst labelled."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("epochs"), QStringLiteral("Classifier epochs (default 15)."), QStringLiteral("n"), QStringLiteral("15")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 0)."), QStringLiteral("n"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("device"), QStringLiteral("auto, cpu or cuda."), QStringLiteral("device"), QStringLiteral("auto")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Intra-op threads (0 = all cores)."), QStringLiteral("n"), QStringLiteral("0")});
    int code = kExitOk;
    if (!parse(parser, args,
               QStringLiteral("Re-rank a run from the analyst's labels: train the supervised classifier on the malicious/benign "
                              "labels (plus quiet unlabelled records as benign) and score every record into a new run."),
               code))
        return code;
    const bool json = parser.isSet(QStringLiteral("json"));
    bool ok = false;
    const qint64 runId = parser.value(QStringLiteral("run")).toLongLong(&ok);
    if (!parser.isSet(QStringLiteral("project")) || !ok || runId <= 0)
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("usage: vigil-cli rerank --project P --run R [--json]")}, json), kExitUsage;
    auto pref = ml::parseDevicePreference(parser.value(QStringLiteral("device")));
    if (!pref)
        return reportError(pref.error(), json);
    if (auto rt = ml::initRuntime(*pref, parser.value(QStringLiteral("threads")).toInt()); !rt)
        return reportError(rt.error(), json);
    ml::RetrainOptions options;
    options.epochs = parser.value(QStringLiteral("epochs")).toInt();
    options.seed = parser.value(QStringLiteral("seed")).toULongLong();
    auto r = ml::retrainFromLabels(parser.value(QStringLiteral("project")), runId, options);
    if (!r)
        return reportError(r.error(), json);
    if (json) {
        printJson(QJsonObject{{QStringLiteral("run"), qint64(r->runId)},
                              {QStringLiteral("model"), qint64(r->modelId)},
                              {QStringLiteral("base_run"), runId},
                              {QStringLiteral("labelled_malicious"), qint64(r->malicious)},
                              {QStringLiteral("labelled_benign"), qint64(r->benign)},
                              {QStringLiteral("weak_negatives"), qint64(r->weakNegatives)},
                              {QStringLiteral("scored"), qint64(r->scored)},
                              {QStringLiteral("alerts"), qint64(r->alerts)},
                              {QStringLiteral("unlabelled_alerts"), qint64(r->unlabelledAlerts)}});
        return kExitOk;
    }
    std::printf("Run #%lld re-ranked from the labels of run #%lld (classifier model #%lld)\n", static_cast<long long>(r->runId),
                static_cast<long long>(runId), static_cast<long long>(r->modelId));
    std::printf("  trained on    %lld malicious, %lld benign labelled records + %lld quiet unlabelled records as benign\n",
                static_cast<long long>(r->malicious), static_cast<long long>(r->benign), static_cast<long long>(r->weakNegatives));
    std::printf("  P(malicious) >= 0.5: %lld of %lld records, %lld of them not labelled yet\n", static_cast<long long>(r->alerts),
                static_cast<long long>(r->scored), static_cast<long long>(r->unlabelledAlerts));
    return kExitOk;
}

} // namespace vigil::cli
