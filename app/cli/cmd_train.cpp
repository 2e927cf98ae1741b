#include "app/cli/cli.h"
#include "app/cli/mlcommon.h"
#include "ml/pipeline.h"
#include "ml/runtime.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <cstdio>

namespace vigil::cli {

namespace {

/// "≈ N alerts a day": what an alert budget became (vigil-cli train --alerts-per-day).
void printBudget(const vigil::ml::PipelineResult &r)
{
    const QJsonObject b = r.modelMetadata.value(QStringLiteral("alert_budget")).toObject();
    if (b.isEmpty())
        return;
    if (b.contains(QStringLiteral("sessionsPerDay"))) {
        printLine(QStringLiteral("Alert budget %1 a day: the data set brings %2 sessions a day over %3 days, so the threshold flags %4 of them")
                      .arg(b.value(QStringLiteral("alertsPerDay")).toDouble())
                      .arg(b.value(QStringLiteral("sessionsPerDay")).toDouble(), 0, 'f', 0)
                      .arg(b.value(QStringLiteral("days")).toDouble(), 0, 'f', 2)
                      .arg(b.value(QStringLiteral("targetFpr")).toDouble(), 0, 'g', 4));
        return;
    }
    printLine(QStringLiteral("Alert budget %1 a day: the data set brings %2 records a day (%3 rows over %4 days), so the threshold "
                             "flags %5 of them")
                  .arg(b.value(QStringLiteral("alertsPerDay")).toDouble())
                  .arg(b.value(QStringLiteral("recordsPerDay")).toDouble(), 0, 'f', 0)
                  .arg(qint64(r.rows))
                  .arg(b.value(QStringLiteral("days")).toDouble(), 0, 'f', 2)
                  .arg(b.value(QStringLiteral("targetFpr")).toDouble(), 0, 'g', 4));
}

/// What a training's summary lines are followed by: the alert budget, a batch shrunk for a
/// small data set (at least kMinTrainingSteps steps) and a threshold calibrated on too few rows
/// or sessions for its target rate.
void printNotes(const vigil::ml::PipelineResult &r, std::int64_t askedBatch)
{
    printBudget(r);
    if (r.summary.batchSize > 0 && r.summary.batchSize < askedBatch)
        printLine(QStringLiteral("Batches of %1 rows instead of %2: the training data is small, and %2-row batches would have made "
                                 "too few optimizer steps to learn it")
                      .arg(r.summary.batchSize).arg(askedBatch));
    const vigil::ml::CalibrationBasis b = vigil::ml::calibrationBasis(r);
    if (!b.thin())
        return;
    printLine(QStringLiteral("Caution: the threshold rests on %1 calibration %2, of which %3 are expected above it at a %4 target: too few "
                             "to set it closely (under %5, the flagged share's error passes a third of it), so other data may be flagged "
                             "at quite another rate; %6 or more would give %5.")
                  .arg(b.count).arg(b.sessions ? QStringLiteral("sessions") : QStringLiteral("rows"))
                  .arg(b.expectedAbove, 0, 'g', 2).arg(r.targetFpr).arg(b.kCalibrationMinAbove).arg(b.enough(r.targetFpr)));
}

} // namespace

int runTrain(const QStringList &args)
{
    // Defaults come from ml::TrainOptions, the ones the workbench and the demo start from.
    const vigil::ml::TrainOptions defaults;
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("project"), QStringLiteral("Project file (*.vigil)."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("dataset"), QStringLiteral("Dataset id to train on."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("model"), QStringLiteral("autoencoder (default), vae, classifier, sequence, session-autoencoder (an autoencoder over each session's aggregates) or torchscript."), QStringLiteral("kind"), QStringLiteral("autoencoder")});
    parser.addOption({QStringLiteral("entity"), QStringLiteral("Sequence, session-autoencoder: the column whose values own sessions (default: the schema's entity key)."), QStringLiteral("column")});
    parser.addOption({QStringLiteral("tokens"), QStringLiteral("Sequence: comma-separated columns whose values make an event's token (default: up to three categorical columns of at most 64 values)."), QStringLiteral("columns")});
    parser.addOption({QStringLiteral("gap"), QStringLiteral("Sequence, session-autoencoder: a pause longer than this many seconds starts a new session (default %1).").arg(vigil::kDefaultSessionGapSeconds), QStringLiteral("s"), QString::number(vigil::kDefaultSessionGapSeconds)});
    parser.addOption({QStringLiteral("cell"), QStringLiteral("Sequence: gru (default) or lstm."), QStringLiteral("gru|lstm"), QStringLiteral("gru")});
    parser.addOption({QStringLiteral("bidirectional"), QStringLiteral("Sequence: predict each event from both sides of it.")});
    parser.addOption({QStringLiteral("torchscript"), QStringLiteral("Load this TorchScript module (.pt) instead of training (implies --model torchscript): "
                                                                  "its input width must be the schema's; the threshold flags --target-fpr of the "
                                                                  "data set's normal rows (all rows without labels)."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("normal-only"), QStringLiteral("Train on the rows labelled normal only (needs a label column).")});
    parser.addOption({QStringLiteral("numeric-weight"), QStringLiteral("Autoencoder: weight of each numeric feature's squared error against a one-hot block's cross-entropy (default %1).").arg(defaults.autoencoder.numericWeight), QStringLiteral("w"), QString::number(defaults.autoencoder.numericWeight)});
    parser.addOption({QStringLiteral("max-steps"), QStringLiteral("Autoencoder and sequence model: budget of optimizer steps; fewer epochs run on large data sets (0 = none, default %1 and %2).").arg(defaults.autoencoder.maxSteps).arg(defaults.sequence.maxSteps), QStringLiteral("n")});
    parser.addOption({QStringLiteral("normalize-blocks"), QStringLiteral("Autoencoder: score each block in units of its typical error on the held-out clean rows.")});
    parser.addOption({QStringLiteral("members"), QStringLiteral("Autoencoder: networks in the ensemble, trained side by side; scores are their mean (default %1).").arg(defaults.autoencoder.members), QStringLiteral("k"), QString::number(defaults.autoencoder.members)});
    parser.addOption({QStringLiteral("cosine"), QStringLiteral("Autoencoder: anneal the learning rate to 0 along a half cosine, on or off (default %1).").arg(defaults.autoencoder.cosineDecay ? QStringLiteral("on") : QStringLiteral("off")), QStringLiteral("on|off"), defaults.autoencoder.cosineDecay ? QStringLiteral("on") : QStringLiteral("off")});
    parser.addOption({QStringLiteral("binary"), QStringLiteral("Classifier: normal vs attack instead of one class per label.")});
    parser.addOption({QStringLiteral("epochs"), QStringLiteral("Epochs (default %1).").arg(defaults.epochs), QStringLiteral("n"), QString::number(defaults.epochs)});
    parser.addOption({QStringLiteral("batch"), QStringLiteral("Batch size (default %1).").arg(defaults.batchSize), QStringLiteral("n"), QString::number(defaults.batchSize)});
    parser.addOption({QStringLiteral("lr"), QStringLiteral("Learning rate (default %1).").arg(defaults.learningRate), QStringLiteral("x"), QString::number(defaults.learningRate)});
    parser.addOption({QStringLiteral("patience"), QStringLiteral("Early-stopping patience in epochs (0 = off, default %1).").arg(defaults.patience), QStringLiteral("n"), QString::number(defaults.patience)});
    parser.addOption({QStringLiteral("validation"), QStringLiteral("Share of the (normal) training rows held out for early stopping and calibration (default %1).").arg(defaults.validationFraction), QStringLiteral("x"), QString::number(defaults.validationFraction)});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 0)."), QStringLiteral("n"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("target-fpr"), QStringLiteral("Calibrate the threshold to flag this share of held-out clean rows (default %1).").arg(defaults.targetFpr), QStringLiteral("x"), QString::number(defaults.targetFpr)});
    parser.addOption({QStringLiteral("alerts-per-day"), QStringLiteral("Instead of --target-fpr: an alert budget; the threshold flags this many records a day at the data set's rate of records (needs timestamps)."), QStringLiteral("n")});
    parser.addOption({QStringLiteral("name"), QStringLiteral("Model name."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("sample-rows"), QStringLiteral("A larger data set trains on a seeded uniform sample of this many rows (0 = all rows, default %1).").arg(vigil::ml::TrainRequest{}.sampleRows), QStringLiteral("n"), QString::number(vigil::ml::TrainRequest{}.sampleRows)});
    parser.addOption({QStringLiteral("score"), QStringLiteral("Also score the training data set as a run (what the workbench does after training).")});
    parser.addOption({QStringLiteral("device"), QStringLiteral("auto, cpu or cuda."), QStringLiteral("device"), QStringLiteral("auto")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Intra-op threads (0 = all cores)."), QStringLiteral("n"), QStringLiteral("0")});
    int code = kExitOk;
    if (!parse(parser, args, QStringLiteral("Train a model on a dataset and store it in the project."), code))
        return code;
    const bool json = parser.isSet(QStringLiteral("json"));
    std::int64_t datasetId = 0;
    if (!parser.isSet(QStringLiteral("project")) || !mlcli::idOption(parser, QStringLiteral("dataset"), datasetId))
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("usage: vigil-cli train --project P --dataset ID [--model autoencoder|vae|classifier|sequence|session-autoencoder | --torchscript FILE.pt] [--normal-only] [--epochs N] [--target-fpr 0.01] [--json]")}, json), kExitUsage;
    const bool script = parser.isSet(QStringLiteral("torchscript"));
    auto kind = vigil::ml::parseModelKind(script && !parser.isSet(QStringLiteral("model")) ? QStringLiteral("torchscript") : parser.value(QStringLiteral("model")));
    if (!kind)
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("--model must be autoencoder, vae, classifier, sequence, session-autoencoder or torchscript")}, json), kExitUsage;
    const QString cell = parser.value(QStringLiteral("cell"));
    if (cell != QLatin1String("gru") && cell != QLatin1String("lstm"))
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("--cell must be gru or lstm, not \"%1\"").arg(cell)}, json), kExitUsage;
    bool gapOk = false;
    const double gap = parser.value(QStringLiteral("gap")).toDouble(&gapOk);
    if (!gapOk || !(gap > 0))
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("--gap must be a number of seconds > 0")}, json), kExitUsage;
    if ((*kind == vigil::ml::ModelKind::TorchScript) != script)
        return reportError({ErrorCode::InvalidArgument, script ? QStringLiteral("--torchscript loads a TorchScript model; drop --model or use --model torchscript")
                                                               : QStringLiteral("--model torchscript needs --torchscript FILE.pt")}, json), kExitUsage;
    auto pref = vigil::ml::parseDevicePreference(parser.value(QStringLiteral("device")));
    if (!pref)
        return reportError(pref.error(), json);
    auto rt = vigil::ml::initRuntime(*pref, parser.value(QStringLiteral("threads")).toInt());
    if (!rt)
        return reportError(rt.error(), json);

    vigil::ml::TrainRequest request;
    request.projectPath = parser.value(QStringLiteral("project"));
    request.datasetId = datasetId;
    request.modelName = parser.value(QStringLiteral("name"));
    request.torchScriptPath = parser.value(QStringLiteral("torchscript"));
    request.entityColumn = parser.value(QStringLiteral("entity"));
    if (parser.isSet(QStringLiteral("tokens")))
        request.tokenColumns = parser.value(QStringLiteral("tokens")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    request.sessionGapSeconds = gap;
    request.scoreAfterTraining = parser.isSet(QStringLiteral("score"));
    request.sampleRows = parser.value(QStringLiteral("sample-rows")).toLongLong();
    vigil::ml::TrainOptions &o = request.options;
    o.kind = *kind;
    o.epochs = parser.value(QStringLiteral("epochs")).toInt();
    o.batchSize = parser.value(QStringLiteral("batch")).toInt();
    o.learningRate = parser.value(QStringLiteral("lr")).toDouble();
    o.patience = parser.value(QStringLiteral("patience")).toInt();
    o.validationFraction = parser.value(QStringLiteral("validation")).toDouble();
    o.seed = parser.value(QStringLiteral("seed")).toULongLong();
    o.targetFpr = parser.value(QStringLiteral("target-fpr")).toDouble();
    if (parser.isSet(QStringLiteral("alerts-per-day"))) {
        if (parser.isSet(QStringLiteral("target-fpr")))
            return reportError({ErrorCode::InvalidArgument, QStringLiteral("--alerts-per-day and --target-fpr both set the threshold; give one")}, json), kExitUsage;
        bool budgetOk = false;
        request.alertsPerDay = parser.value(QStringLiteral("alerts-per-day")).toDouble(&budgetOk);
        if (!budgetOk || !(request.alertsPerDay > 0) || !std::isfinite(request.alertsPerDay))
            return reportError({ErrorCode::InvalidArgument, QStringLiteral("--alerts-per-day must be a number of alerts > 0")}, json), kExitUsage;
    }
    o.normalOnly = parser.isSet(QStringLiteral("normal-only"));
    o.classifier.binary = parser.isSet(QStringLiteral("binary"));
    o.autoencoder.numericWeight = parser.value(QStringLiteral("numeric-weight")).toDouble();
    if (parser.isSet(QStringLiteral("max-steps"))) {
        bool stepsOk = false;
        const qlonglong steps = parser.value(QStringLiteral("max-steps")).toLongLong(&stepsOk);
        if (!stepsOk || steps < 0)
            return reportError({ErrorCode::InvalidArgument, QStringLiteral("--max-steps must be a number of steps >= 0")}, json), kExitUsage;
        o.autoencoder.maxSteps = o.sequence.maxSteps = steps;
    }
    o.autoencoder.normalizeBlocks = parser.isSet(QStringLiteral("normalize-blocks"));
    o.autoencoder.members = parser.value(QStringLiteral("members")).toInt();
    const QString cosine = parser.value(QStringLiteral("cosine"));
    if (cosine != QLatin1String("on") && cosine != QLatin1String("off"))
        return reportError({ErrorCode::InvalidArgument, QStringLiteral("--cosine must be on or off, not \"%1\"").arg(cosine)}, json), kExitUsage;
    o.autoencoder.cosineDecay = cosine == QLatin1String("on");
    o.sequence.cell = cell == QLatin1String("lstm") ? vigil::ml::SequenceOptions::Cell::Lstm : vigil::ml::SequenceOptions::Cell::Gru;
    o.sequence.bidirectional = parser.isSet(QStringLiteral("bidirectional"));

    const auto onEpoch = [json](const vigil::ml::TrainingEpoch &e) {
        if (!json)
            std::fprintf(stderr, "epoch %3d  train loss %.5f  val loss %.5f  %8.0f rows/s  ETA %.0f s\n", e.epoch, e.trainLoss,
                         e.valLoss, e.rowsPerSecond, e.etaSeconds);
    };
    QElapsedTimer timer;
    timer.start();
    auto result = vigil::ml::trainOnDataset(request, {}, onEpoch);
    if (!result)
        return reportError(result.error(), json);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const auto &r = *result;
    const bool anomaly = *kind != vigil::ml::ModelKind::Classifier;

    if (json) {
        QJsonObject out{{QStringLiteral("model_id"), qint64(r.modelId)},
                        {QStringLiteral("kind"), r.modelKind},
                        {QStringLiteral("dataset"), qint64(datasetId)},
                        {QStringLiteral("rows"), qint64(r.rows)},
                        {QStringLiteral("sample_rows"), qint64(r.sampleRows)},
                        {QStringLiteral("width"), r.width},
                        {QStringLiteral("train_rows"), qint64(r.summary.trainRows)},
                        {QStringLiteral("validation_rows"), qint64(r.summary.validationRows)},
                        {QStringLiteral("epochs"), int(r.summary.history.size())},
                        {QStringLiteral("best_epoch"), r.summary.bestEpoch},
                        {QStringLiteral("batch_size"), qint64(r.summary.batchSize)},
                        {QStringLiteral("training_seconds"), r.summary.seconds},
                        {QStringLiteral("seconds"), seconds},
                        {QStringLiteral("threshold"), r.threshold},
                        {QStringLiteral("target_fpr"), r.targetFpr}};
        if (r.modelMetadata.contains(QStringLiteral("alert_budget")))
            out.insert(QStringLiteral("alert_budget"), r.modelMetadata.value(QStringLiteral("alert_budget")));
        if (!anomaly)
            out.insert(QStringLiteral("classes"), QJsonArray::fromStringList(r.classes));
        if (*kind == vigil::ml::ModelKind::Sequence) {
            out.insert(QStringLiteral("sequence"), r.modelMetadata.value(QStringLiteral("sequence")));
            out.insert(QStringLiteral("sessions"), r.modelMetadata.value(QStringLiteral("sessions")));
        }
        if (*kind == vigil::ml::ModelKind::SessionAutoencoder) {
            QJsonObject reading = r.modelMetadata.value(QStringLiteral("sessionFeatures")).toObject();
            reading.remove(QStringLiteral("schema"));
            out.insert(QStringLiteral("sessionFeatures"), reading);
            out.insert(QStringLiteral("sessions"), r.modelMetadata.value(QStringLiteral("sessions")));
        }
        if (script) {
            out.insert(QStringLiteral("torchscript"), r.modelMetadata.value(QStringLiteral("torchscript")));
            out.insert(QStringLiteral("calibration"), r.modelMetadata.value(QStringLiteral("calibration")));
        }
        if (const vigil::ml::CalibrationBasis b = vigil::ml::calibrationBasis(r); b.count > 0)
            out.insert(QStringLiteral("calibration_basis"), QJsonObject{{QStringLiteral("count"), qint64(b.count)},
                                                                        {QStringLiteral("unit"), b.sessions ? QStringLiteral("sessions") : QStringLiteral("rows")},
                                                                        {QStringLiteral("expected_above"), b.expectedAbove},
                                                                        {QStringLiteral("thin"), b.thin()}});
        if (r.runId > 0) {
            out.insert(QStringLiteral("run_id"), qint64(r.runId));
            out.insert(QStringLiteral("alerts"), qint64(r.alerts));
        }
        printJson(out);
        return kExitOk;
    }
    if (script) {
        printLine(QStringLiteral("Model #%1 (torchscript) loaded from %2 for dataset %3: %4 rows × %5 features, %6 s")
                      .arg(r.modelId).arg(request.torchScriptPath).arg(datasetId).arg(r.rows).arg(r.width).arg(seconds, 0, 'f', 1));
        const QJsonObject cal = r.modelMetadata.value(QStringLiteral("calibration")).toObject();
        printLine(QStringLiteral("Threshold %1 (flags %2 of the data set's %3 %4)")
                      .arg(r.threshold, 0, 'g', 6).arg(r.targetFpr).arg(qint64(cal.value(QStringLiteral("rows")).toDouble()))
                      .arg(cal.value(QStringLiteral("normal_only")).toBool() ? QStringLiteral("rows labelled normal") : QStringLiteral("rows")));
        printNotes(r, request.options.batchSize);
        if (r.runId > 0)
            printLine(QStringLiteral("Run #%1: the data set scored, %2 of %3 rows above the threshold").arg(r.runId).arg(r.alerts).arg(r.scored));
        return kExitOk;
    }
    if (*kind == vigil::ml::ModelKind::Sequence) {
        const QJsonObject seq = r.modelMetadata.value(QStringLiteral("sequence")).toObject();
        const QJsonObject ses = r.modelMetadata.value(QStringLiteral("sessions")).toObject();
        QStringList tokens;
        for (const auto &t : seq.value(QStringLiteral("tokens")).toArray())
            tokens << t.toString();
        printLine(QStringLiteral("Model #%1 (sequence, %2) trained on dataset %3: %4 sessions of %5 (gap %6 s; %7 rows without one), "
                                 "events = %8, %9 tokens; %10 sessions trained, %11 held out; %12 epochs (best %13), %14 s")
                      .arg(r.modelId).arg(cell).arg(datasetId).arg(qint64(ses.value(QStringLiteral("all")).toDouble()))
                      .arg(seq.value(QStringLiteral("entity")).toString()).arg(seq.value(QStringLiteral("gapSeconds")).toDouble())
                      .arg(qint64(ses.value(QStringLiteral("skippedRows")).toDouble())).arg(tokens.join(QLatin1Char('+')))
                      .arg(r.width).arg(qint64(ses.value(QStringLiteral("trained")).toDouble()))
                      .arg(qint64(ses.value(QStringLiteral("calibration")).toDouble())).arg(r.summary.history.size())
                      .arg(r.summary.bestEpoch).arg(seconds, 0, 'f', 1));
        printLine(QStringLiteral("Threshold %1 (flags %2 of the records in held-out sessions)").arg(r.threshold, 0, 'g', 6).arg(r.targetFpr));
        printNotes(r, request.options.batchSize);
        if (r.runId > 0)
            printLine(QStringLiteral("Run #%1: the training data set scored, %2 of %3 records (in sessions) above the threshold")
                          .arg(r.runId).arg(r.alerts).arg(r.scored));
        return kExitOk;
    }
    if (*kind == vigil::ml::ModelKind::SessionAutoencoder) {
        const QJsonObject reading = r.modelMetadata.value(QStringLiteral("sessionFeatures")).toObject();
        const QJsonObject ses = r.modelMetadata.value(QStringLiteral("sessions")).toObject();
        printLine(QStringLiteral("Model #%1 (session-autoencoder) trained on dataset %2: %3 sessions of %4 (gap %5 s; %6 rows without one), "
                                 "%7 aggregate features; %8 sessions trained, %9 held out; %10 epochs (best %11), %12 s")
                      .arg(r.modelId).arg(datasetId).arg(qint64(ses.value(QStringLiteral("all")).toDouble()))
                      .arg(reading.value(QStringLiteral("entity")).toString()).arg(reading.value(QStringLiteral("gapSeconds")).toDouble())
                      .arg(qint64(ses.value(QStringLiteral("skippedRows")).toDouble())).arg(r.width).arg(r.summary.trainRows)
                      .arg(r.summary.validationRows).arg(r.summary.history.size()).arg(r.summary.bestEpoch).arg(seconds, 0, 'f', 1));
        printLine(QStringLiteral("Threshold %1 (flags %2 of the held-out clean sessions)").arg(r.threshold, 0, 'g', 6).arg(r.targetFpr));
        printNotes(r, request.options.batchSize);
        if (r.runId > 0)
            printLine(QStringLiteral("Run #%1: the training data set scored, %2 of %3 sessions above the threshold (%4 of %5 records)")
                          .arg(r.runId).arg(qint64(r.summaryJson.value(QStringLiteral("sessionAlerts")).toDouble()))
                          .arg(qint64(r.summaryJson.value(QStringLiteral("sessions")).toDouble())).arg(r.alerts).arg(r.scored));
        return kExitOk;
    }
    printLine(QStringLiteral("Model #%1 (%2) trained on dataset %3: %4 rows × %5 features (%6 trained, %7 held out), %8 epochs (best %9), %10 s")
                  .arg(r.modelId).arg(r.modelKind).arg(datasetId).arg(r.rows).arg(r.width).arg(r.summary.trainRows)
                  .arg(r.summary.validationRows).arg(r.summary.history.size()).arg(r.summary.bestEpoch).arg(seconds, 0, 'f', 1));
    if (r.sampleRows > 0)
        printLine(QStringLiteral("Trained on a uniform sample of %1 of the %2 rows (--sample-rows)").arg(r.sampleRows).arg(r.rows));
    if (anomaly)
        printLine(QStringLiteral("Threshold %1 (flags %2 of the held-out clean rows)").arg(r.threshold, 0, 'g', 6).arg(r.targetFpr));
    else
        printLine(QStringLiteral("Classes: %1").arg(r.classes.join(QStringLiteral(", "))));
    printNotes(r, request.options.batchSize);
    if (r.runId > 0)
        printLine(QStringLiteral("Run #%1: the training data set scored, %2 of %3 rows above the threshold").arg(r.runId).arg(r.alerts).arg(r.scored));
    return kExitOk;
}

} // namespace vigil::cli
