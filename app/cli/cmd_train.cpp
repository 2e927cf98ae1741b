#include "app/cli/cli.h"
#include "app/cli/mlcommon.h"
#include "core/runs/runstore.h"
#include "ml/anomalymodel.h"
#include "ml/runtime.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace vigil::cli {

int runTrain(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("project"), QStringLiteral("Project file (*.vigil)."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("dataset"), QStringLiteral("Dataset id to train on."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("model"), QStringLiteral("autoencoder (default), vae or classifier."), QStringLiteral("kind"), QStringLiteral("autoencoder")});
    parser.addOption({QStringLiteral("normal-only"), QStringLiteral("Train on the rows labelled normal only (needs a label column).")});
    parser.addOption({QStringLiteral("binary"), QStringLiteral("Classifier: normal vs attack instead of one class per label.")});
    parser.addOption({QStringLiteral("epochs"), QStringLiteral("Epochs (default 20)."), QStringLiteral("n"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("batch"), QStringLiteral("Batch size (default 256)."), QStringLiteral("n"), QStringLiteral("256")});
    parser.addOption({QStringLiteral("lr"), QStringLiteral("Learning rate (default 0.001)."), QStringLiteral("x"), QStringLiteral("0.001")});
    parser.addOption({QStringLiteral("patience"), QStringLiteral("Early-stopping patience in epochs (0 = off, default 5)."), QStringLiteral("n"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 0)."), QStringLiteral("n"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("target-fpr"), QStringLiteral("Calibrate the threshold to flag this share of held-out clean rows (default 0.01)."), QStringLiteral("x"), QStringLiteral("0.01")});
    parser.addOption({QStringLiteral("name"), QStringLiteral("Model name."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("device"), QStringLiteral("auto, cpu or cuda."), QStringLiteral("device"), QStringLiteral("auto")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Intra-op threads (0 = all cores)."), QStringLiteral("n"), QStringLiteral("0")});
    int code = kExitOk;
    if (!parse(parser, args, QStringLiteral("Train a model on a dataset and store it in the project."), code))
        return code;
    const bool json = parser.isSet(QStringLiteral("json"));
    std::int64_t datasetId = 0;
    if (!parser.isSet(QStringLiteral("project")) || !mlcli::idOption(parser, QStringLiteral("dataset"), datasetId))
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("usage: vigil-cli train --project P --dataset ID [--model autoencoder|vae|classifier] [--normal-only] [--epochs N] [--target-fpr 0.01] [--json]")}, json), kExitUsage;
    auto kind = vigil::ml::parseModelKind(parser.value(QStringLiteral("model")));
    if (!kind || (*kind != vigil::ml::ModelKind::Autoencoder && *kind != vigil::ml::ModelKind::Vae && *kind != vigil::ml::ModelKind::Classifier))
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("--model must be autoencoder, vae or classifier")}, json), kExitUsage;
    auto pref = vigil::ml::parseDevicePreference(parser.value(QStringLiteral("device")));
    if (!pref)
        return reportError(pref.error(), json);
    auto rt = vigil::ml::initRuntime(*pref, parser.value(QStringLiteral("threads")).toInt());
    if (!rt)
        return reportError(rt.error(), json);

    auto project = Project::open(parser.value(QStringLiteral("project")));
    if (!project)
        return reportError(project.error(), json);
    auto data = mlcli::loadEncoded(**project, datasetId, nullptr);
    if (!data)
        return reportError(data.error(), json);

    vigil::ml::TrainOptions o;
    o.kind = *kind;
    o.epochs = parser.value(QStringLiteral("epochs")).toInt();
    o.batchSize = parser.value(QStringLiteral("batch")).toInt();
    o.learningRate = parser.value(QStringLiteral("lr")).toDouble();
    o.patience = parser.value(QStringLiteral("patience")).toInt();
    o.seed = parser.value(QStringLiteral("seed")).toULongLong();
    o.targetFpr = parser.value(QStringLiteral("target-fpr")).toDouble();
    o.normalOnly = parser.isSet(QStringLiteral("normal-only"));
    o.classifier.binary = parser.isSet(QStringLiteral("binary"));
    o.labels = data->labels ? &*data->labels : nullptr;
    if (o.normalOnly && !o.labels)
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("--normal-only needs a label column in the dataset's schema; this dataset has none.")}, json);

    const auto onEpoch = [json](const vigil::ml::TrainingEpoch &e) {
        if (!json)
            std::fprintf(stderr, "epoch %3d  train loss %.5f  val loss %.5f  %8.0f rows/s  ETA %.0f s\n", e.epoch, e.trainLoss,
                         e.valLoss, e.rowsPerSecond, e.etaSeconds);
    };
    QElapsedTimer timer;
    timer.start();
    QByteArray bundle;
    vigil::ml::TrainingSummary summary;
    double threshold = 0.5, targetFpr = 0.0;
    QJsonObject options;
    if (*kind == vigil::ml::ModelKind::Classifier) {
        auto model = vigil::ml::ClassifierModel::train(data->matrix, o, {}, onEpoch);
        if (!model)
            return reportError(model.error(), json);
        auto b = (*model)->toBundle(data->schema.toJson());
        if (!b)
            return reportError(b.error(), json);
        bundle = *b;
        summary = (*model)->summary();
        options.insert(QStringLiteral("classes"), QJsonArray::fromStringList((*model)->classes()));
    } else {
        auto model = vigil::ml::AnomalyModel::train(data->matrix, o, {}, onEpoch);
        if (!model)
            return reportError(model.error(), json);
        auto b = (*model)->toBundle(data->schema.toJson());
        if (!b)
            return reportError(b.error(), json);
        bundle = *b;
        summary = (*model)->summary();
        threshold = (*model)->threshold();
        targetFpr = (*model)->targetFpr();
        options = (*model)->options();
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;

    runs::StoredModel stored;
    stored.kind = vigil::ml::modelKindName(*kind);
    stored.name = parser.isSet(QStringLiteral("name")) ? parser.value(QStringLiteral("name"))
                                                       : QStringLiteral("%1 on dataset %2").arg(stored.kind).arg(datasetId);
    stored.datasetId = datasetId;
    stored.schema = data->schema.toJson();
    stored.metadata = QJsonObject{{QStringLiteral("training"), summary.toJson()},
                                  {QStringLiteral("options"), options},
                                  {QStringLiteral("threshold"), threshold},
                                  {QStringLiteral("targetFpr"), targetFpr},
                                  {QStringLiteral("width"), data->matrix.cols},
                                  {QStringLiteral("normalOnly"), o.normalOnly}};
    stored.bundle = bundle;
    auto id = runs::saveModel((*project)->db(), stored);
    if (!id)
        return reportError(id.error(), json);

    const QJsonObject out{{QStringLiteral("model_id"), qint64(*id)},
                          {QStringLiteral("kind"), stored.kind},
                          {QStringLiteral("dataset"), qint64(datasetId)},
                          {QStringLiteral("rows"), qint64(data->matrix.rows)},
                          {QStringLiteral("width"), data->matrix.cols},
                          {QStringLiteral("train_rows"), qint64(summary.trainRows)},
                          {QStringLiteral("validation_rows"), qint64(summary.validationRows)},
                          {QStringLiteral("epochs"), int(summary.history.size())},
                          {QStringLiteral("best_epoch"), summary.bestEpoch},
                          {QStringLiteral("threshold"), threshold},
                          {QStringLiteral("target_fpr"), targetFpr},
                          {QStringLiteral("seconds"), seconds},
                          {QStringLiteral("bundle_bytes"), qint64(bundle.size())}};
    if (json) {
        printJson(out);
    } else {
        printLine(QStringLiteral("Model #%1 (%2) trained on dataset %3: %4 rows × %5 features, %6 epochs (best %7), %8 s")
                      .arg(*id).arg(stored.kind).arg(datasetId).arg(data->matrix.rows).arg(data->matrix.cols)
                      .arg(summary.history.size()).arg(summary.bestEpoch).arg(seconds, 0, 'f', 1));
        if (*kind != vigil::ml::ModelKind::Classifier)
            printLine(QStringLiteral("Threshold %1 (flags %2 of held-out clean rows)").arg(threshold, 0, 'g', 6).arg(targetFpr));
    }
    return kExitOk;
}

} // namespace vigil::cli
