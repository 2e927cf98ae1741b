#include "ml/pipeline.h"

#include "core/project.h"
#include "core/runs/runstore.h"
#include "core/schema/schema.h"
#include "core/metrics/metrics.h"
#include "core/store/datasetstore.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace vigil::ml {

namespace {

struct Prepared {
    std::unique_ptr<Project> project;
    Table table;
    FeatureSchema schema;
    FeatureMatrix matrix;
    std::optional<LabelVector> labels;
    QString datasetName;
};

Result<Prepared> prepare(const QString &projectPath, std::int64_t datasetId, const FeatureSchema *frozen,
                         const QString &profile, const ProgressFn &progress)
{
    Prepared p;
    auto project = Project::open(projectPath);
    if (!project)
        return tl::unexpected(project.error());
    p.project = std::move(*project);
    {
        auto st = p.project->db().prepare("SELECT name FROM datasets WHERE id = ?1");
        if (!st)
            return tl::unexpected(st.error());
        st->bind(1, datasetId);
        auto row = st->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            return fail(ErrorCode::NotFound, QStringLiteral("Dataset %1 does not exist in %2.").arg(datasetId).arg(projectPath));
        p.datasetName = st->text(0);
    }
    auto table = loadTable(p.project->db(), datasetId, subRange(progress, QStringLiteral("Loading"), 0, 100));
    if (!table)
        return tl::unexpected(table.error());
    p.table = std::move(*table);

    if (frozen) {
        p.schema = *frozen;
    } else if (auto stored = loadSchema(p.project->db(), datasetId)) {
        p.schema = std::move(*stored);
    } else {
        SchemaOptions options;
        options.profile = profile;
        auto inferred = inferSchema(p.table, options);
        if (!inferred)
            return tl::unexpected(inferred.error());
        p.schema = std::move(*inferred);
        if (auto saved = saveSchema(*p.project, datasetId, p.schema); !saved)
            return tl::unexpected(saved.error());
    }
    auto matrix = encodeTable(p.schema, p.table, subRange(progress, QStringLiteral("Encoding"), 100, 150));
    if (!matrix)
        return tl::unexpected(matrix.error());
    p.matrix = std::move(*matrix);
    if (auto labels = extractLabels(p.schema, p.table))
        p.labels = std::move(*labels);
    return p;
}

/// Writes a scored run (rows, threshold, figures) and evaluates it when the data set has labels.
Result<PipelineResult> writeRun(Prepared &p, std::int64_t modelId, std::int64_t datasetId, std::vector<runs::ScoreRow> rows,
                                std::vector<double> scores, double threshold, double targetFpr,
                                const std::vector<CalibrationPoint> &calibration, QJsonObject summary,
                                const ProgressFn &progress, PipelineResult result)
{
    runs::RunInfo info;
    info.modelId = modelId;
    info.datasetId = datasetId;
    info.threshold = threshold;
    info.targetFpr = targetFpr;
    QJsonObject metrics = summary;
    if (p.labels) {
        auto evaluation = evaluateScores(scores, *p.labels, threshold, calibration);
        if (evaluation) {
            for (auto it = evaluation->begin(); it != evaluation->end(); ++it)
                metrics.insert(it.key(), it.value());
            result.metrics = *evaluation;
        }
    }
    info.metrics = metrics;
    sql::Database &db = p.project->db();
    auto runId = runs::createRun(db, info);
    if (!runId)
        return tl::unexpected(runId.error());
    if (auto w = runs::writeScores(db, *runId, rows, subRange(progress, QStringLiteral("Saving scores"), 920, 1000)); !w) {
        // A run without its scores is useless: remove it (its scores cascade).
        auto del = db.prepare("DELETE FROM runs WHERE id = ?1");
        if (del)
            (void)del->bind(1, *runId).run();
        return tl::unexpected(w.error());
    }
    (void)p.project->audit(QStringLiteral("run-scored"),
                           QStringLiteral("{\"run\":%1,\"model\":%2,\"dataset\":%3}").arg(*runId).arg(modelId).arg(datasetId));
    result.runId = *runId;
    result.threshold = threshold;
    result.targetFpr = targetFpr;
    result.scored = std::int64_t(rows.size());
    result.alerts = qint64(summary.value(QStringLiteral("alerts")).toDouble());
    result.summaryJson = summary;
    return result;
}

Result<PipelineResult> storeRun(Prepared &p, std::int64_t modelId, std::int64_t datasetId, const AnomalyModel &model,
                                const RunOptions &options, const ProgressFn &progress, PipelineResult result)
{
    auto scored = scoreRun(model, p.matrix, options, subRange(progress, QStringLiteral("Scoring"), 800, 920));
    if (!scored)
        return tl::unexpected(scored.error());
    result.clusters = scored->clusters;
    return writeRun(p, modelId, datasetId, std::move(scored->rows), std::move(scored->result.scores), model.threshold(),
                    model.targetFpr(), model.calibration(), scored->summary, progress, result);
}

/// A classifier's run: score = P(attack) (1 - P(normal) for multi-class), threshold 0.5, the
/// predicted class as the row's top feature.
Result<PipelineResult> storeClassifierRun(Prepared &p, std::int64_t modelId, std::int64_t datasetId, const ClassifierModel &model,
                                          const ProgressFn &progress, PipelineResult result)
{
    auto predicted = model.predict(p.matrix, subRange(progress, QStringLiteral("Scoring"), 800, 920));
    if (!predicted)
        return tl::unexpected(predicted.error());
    constexpr double threshold = 0.5;
    std::vector<runs::ScoreRow> rows(predicted->attackScore.size());
    std::int64_t alerts = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        rows[i].recordId = p.matrix.recordIds[i];
        rows[i].score = predicted->attackScore[i];
        rows[i].severity = metrics::severity(rows[i].score, threshold);
        rows[i].topFeatures = QString::fromUtf8(QJsonDocument(QJsonArray{QJsonObject{
            {QStringLiteral("feature"), QStringLiteral("class")},
            {QStringLiteral("value"), predicted->classes.value(predicted->predicted[i])}}}).toJson(QJsonDocument::Compact));
        alerts += rows[i].score > threshold ? 1 : 0;
    }
    const QJsonObject summary{{QStringLiteral("rows"), double(rows.size())},
                              {QStringLiteral("alerts"), double(alerts)},
                              {QStringLiteral("threshold"), threshold}};
    result.classes = predicted->classes;
    return writeRun(p, modelId, datasetId, std::move(rows), std::move(predicted->attackScore), threshold, 0.0, {}, summary,
                    progress, result);
}

} // namespace

Result<PipelineResult> trainOnDataset(const TrainRequest &request, ProgressFn progress, EpochFn onEpoch)
{
    const ModelKind kind = request.options.kind;
    if (kind != ModelKind::Autoencoder && kind != ModelKind::Vae && kind != ModelKind::Classifier)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("A data set's rows train an autoencoder, a VAE or a classifier, not a %1 model.").arg(modelKindName(kind)));
    auto prepared = prepare(request.projectPath, request.datasetId, nullptr, request.profile, progress);
    if (!prepared)
        return tl::unexpected(prepared.error());
    Prepared &p = *prepared;

    TrainOptions options = request.options;
    if (p.labels)
        options.labels = &*p.labels;
    if (kind == ModelKind::Classifier && !p.labels)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The classifier learns from labels, and dataset %1 has no label column. "
                                   "Mark a column as the label in its schema, or train an autoencoder.")
                        .arg(p.datasetName));
    if (kind == ModelKind::Classifier)
        options.normalOnly = false; // a classifier needs both classes
    if (options.normalOnly && !p.labels)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("'Normal rows only' needs a label column, and dataset %1 has none. Train on all rows instead.")
                        .arg(p.datasetName));

    const ProgressFn training = subRange(progress, QStringLiteral("Training"), 150, 800);
    const QJsonObject schemaJson = p.schema.toJson();
    std::unique_ptr<AnomalyModel> anomaly;
    std::unique_ptr<ClassifierModel> classifier;
    QByteArray bundle;
    TrainingSummary summary;
    QJsonObject meta;
    if (kind == ModelKind::Classifier) {
        auto model = ClassifierModel::train(p.matrix, options, training, onEpoch);
        if (!model)
            return tl::unexpected(model.error());
        classifier = std::move(*model);
        auto b = classifier->toBundle(schemaJson);
        if (!b)
            return tl::unexpected(b.error());
        bundle = *b;
        summary = classifier->summary();
        meta = summary.toJson();
        meta.insert(QStringLiteral("classes"), QJsonArray::fromStringList(classifier->classes()));
        meta.insert(QStringLiteral("binary"), options.classifier.binary);
    } else {
        auto model = AnomalyModel::train(p.matrix, options, training, onEpoch);
        if (!model)
            return tl::unexpected(model.error());
        anomaly = std::move(*model);
        auto b = anomaly->toBundle(schemaJson);
        if (!b)
            return tl::unexpected(b.error());
        bundle = *b;
        summary = anomaly->summary();
        meta = summary.toJson();
        meta.insert(QStringLiteral("options"), anomaly->options());
        meta.insert(QStringLiteral("threshold"), anomaly->threshold());
        meta.insert(QStringLiteral("target_fpr"), anomaly->targetFpr());
        meta.insert(QStringLiteral("normal_only"), options.normalOnly);
    }

    runs::StoredModel stored;
    stored.kind = modelKindName(kind);
    stored.name = request.modelName.isEmpty() ? QStringLiteral("%1 on %2").arg(stored.kind, p.datasetName) : request.modelName;
    stored.datasetId = request.datasetId;
    stored.schema = schemaJson;
    stored.metadata = meta;
    stored.bundle = bundle;
    auto modelId = runs::saveModel(p.project->db(), stored);
    if (!modelId)
        return tl::unexpected(modelId.error());
    (void)p.project->audit(QStringLiteral("model-trained"),
                           QStringLiteral("{\"model\":%1,\"dataset\":%2}").arg(*modelId).arg(request.datasetId));

    PipelineResult result;
    result.datasetId = request.datasetId;
    result.modelId = *modelId;
    result.modelKind = stored.kind;
    result.summary = summary;
    result.rows = p.matrix.rows;
    result.width = p.matrix.cols;
    if (anomaly) {
        result.threshold = anomaly->threshold();
        result.targetFpr = anomaly->targetFpr();
    } else {
        result.threshold = 0.5;
        result.classes = classifier->classes();
    }
    if (!request.scoreAfterTraining || summary.cancelled)
        return result;
    if (classifier)
        return storeClassifierRun(p, *modelId, request.datasetId, *classifier, progress, result);
    return storeRun(p, *modelId, request.datasetId, *anomaly, request.run, progress, result);
}

Result<PipelineResult> scoreDataset(const QString &projectPath, std::int64_t modelId, std::int64_t datasetId,
                                    const RunOptions &options, ProgressFn progress)
{
    runs::StoredModel stored;
    {
        auto project = Project::open(projectPath);
        if (!project)
            return tl::unexpected(project.error());
        auto loaded = runs::loadModel((*project)->db(), modelId);
        if (!loaded)
            return tl::unexpected(loaded.error());
        stored = std::move(*loaded);
    }
    auto schema = FeatureSchema::fromJson(stored.schema);
    if (!schema)
        return fail(ErrorCode::Corrupt, QStringLiteral("Model %1 carries no usable schema: %2").arg(modelId).arg(schema.error().message));
    auto prepared = prepare(projectPath, datasetId, &*schema, {}, progress);
    if (!prepared)
        return tl::unexpected(prepared.error());
    PipelineResult result;
    result.datasetId = datasetId;
    result.modelId = modelId;
    result.modelKind = stored.kind;
    result.rows = prepared->matrix.rows;
    result.width = prepared->matrix.cols;
    if (stored.kind == modelKindName(ModelKind::Classifier)) {
        auto model = ClassifierModel::fromBundle(stored.bundle, prepared->matrix.featureNames());
        if (!model)
            return tl::unexpected(model.error());
        return storeClassifierRun(*prepared, modelId, datasetId, **model, progress, result);
    }
    auto model = AnomalyModel::fromBundle(stored.bundle, prepared->matrix.featureNames());
    if (!model)
        return tl::unexpected(model.error());
    return storeRun(*prepared, modelId, datasetId, **model, options, progress, result);
}

Result<QJsonObject> evaluateRun(const QString &projectPath, std::int64_t runId, ProgressFn progress)
{
    auto project = Project::open(projectPath);
    if (!project)
        return tl::unexpected(project.error());
    sql::Database &db = (*project)->db();
    auto run = runs::loadRun(db, runId);
    if (!run)
        return tl::unexpected(run.error());
    auto stored = runs::loadModel(db, run->modelId);
    if (!stored)
        return tl::unexpected(stored.error());
    auto schema = FeatureSchema::fromJson(stored->schema);
    if (!schema)
        return fail(ErrorCode::Corrupt, QStringLiteral("Model %1 carries no usable schema: %2").arg(run->modelId).arg(schema.error().message));
    auto table = loadTable(db, run->datasetId, subRange(progress, QStringLiteral("Loading"), 0, 500));
    if (!table)
        return tl::unexpected(table.error());
    auto labels = extractLabels(*schema, *table);
    if (!labels)
        return fail(labels.error().code, QStringLiteral("Run %1 cannot be evaluated: %2").arg(runId).arg(labels.error().message));
    std::vector<CalibrationPoint> calibration;
    if (stored->kind != modelKindName(ModelKind::Classifier)) {
        auto model = AnomalyModel::fromBundle(stored->bundle);
        if (!model)
            return tl::unexpected(model.error());
        calibration = (*model)->calibration();
    }
    auto scores = runs::readScores(db, runId, subRange(progress, QStringLiteral("Reading scores"), 500, 900));
    if (!scores)
        return tl::unexpected(scores.error());

    // Stored scores align with the labelled rows by record id.
    QHash<std::int64_t, qsizetype> rowOf;
    rowOf.reserve(qsizetype(table->recordIds.size()));
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
    auto figures = evaluateScores(s, aligned, run->threshold, calibration);
    if (!figures)
        return tl::unexpected(figures.error());
    figures->insert(QStringLiteral("targetFpr"), run->targetFpr);
    QJsonObject metrics = run->metrics;
    metrics.insert(QStringLiteral("evaluation"), *figures);
    if (auto ok = runs::updateRunMetrics(db, runId, metrics); !ok)
        return tl::unexpected(ok.error());
    (void)report(progress, 1000, 1000, QStringLiteral("Evaluating"));
    QJsonObject out = *figures;
    out.insert(QStringLiteral("runId"), double(runId));
    out.insert(QStringLiteral("modelId"), double(run->modelId));
    out.insert(QStringLiteral("datasetId"), double(run->datasetId));
    out.insert(QStringLiteral("rows"), double(s.size()));
    return out;
}

} // namespace vigil::ml
