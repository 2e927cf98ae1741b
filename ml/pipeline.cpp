#include "ml/pipeline.h"

#include "core/project.h"
#include "core/runs/runstore.h"
#include "core/schema/schema.h"
#include "core/store/datasetstore.h"

#include <QDateTime>
#include <QJsonArray>

#include <optional>

namespace vigil::ml {

namespace {

/// Maps a sub-step's progress into [from, to) of the whole pipeline and tags it with a stage.
ProgressFn stage(const ProgressFn &outer, const QString &name, int from, int to)
{
    return [outer, name, from, to](const Progress &p) {
        const double f = p.total > 0 ? double(p.done) / double(p.total) : 0.0;
        return report(outer, std::int64_t(from + (to - from) * f), 1000, name);
    };
}

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
    auto table = loadTable(p.project->db(), datasetId, stage(progress, QStringLiteral("Loading"), 0, 100));
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
    auto matrix = encodeTable(p.schema, p.table, stage(progress, QStringLiteral("Encoding"), 100, 150));
    if (!matrix)
        return tl::unexpected(matrix.error());
    p.matrix = std::move(*matrix);
    if (auto labels = extractLabels(p.schema, p.table))
        p.labels = std::move(*labels);
    return p;
}

Result<PipelineResult> storeRun(Prepared &p, std::int64_t modelId, std::int64_t datasetId, const AnomalyModel &model,
                                const RunOptions &options, const ProgressFn &progress, PipelineResult result)
{
    auto scored = scoreRun(model, p.matrix, options, stage(progress, QStringLiteral("Scoring"), 800, 920));
    if (!scored)
        return tl::unexpected(scored.error());
    runs::RunInfo info;
    info.modelId = modelId;
    info.datasetId = datasetId;
    info.threshold = model.threshold();
    info.targetFpr = model.targetFpr();
    QJsonObject metrics = scored->summary;
    if (p.labels) {
        auto evaluation = evaluateScores(scored->result.scores, *p.labels, model.threshold());
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
    if (auto w = runs::writeScores(db, *runId, scored->rows, stage(progress, QStringLiteral("Saving scores"), 920, 1000)); !w) {
        // A run without its scores is useless: remove it (its scores cascade).
        auto del = db.prepare("DELETE FROM runs WHERE id = ?1");
        if (del)
            (void)del->bind(1, *runId).run();
        return tl::unexpected(w.error());
    }
    (void)p.project->audit(QStringLiteral("run-scored"),
                           QStringLiteral("{\"run\":%1,\"model\":%2,\"dataset\":%3}").arg(*runId).arg(modelId).arg(datasetId));
    result.runId = *runId;
    result.threshold = model.threshold();
    result.targetFpr = model.targetFpr();
    result.scored = scored->result.rows();
    result.alerts = scored->alerts;
    result.clusters = scored->clusters;
    result.summaryJson = scored->summary;
    return result;
}

} // namespace

Result<PipelineResult> trainOnDataset(const TrainRequest &request, ProgressFn progress, EpochFn onEpoch)
{
    auto prepared = prepare(request.projectPath, request.datasetId, nullptr, request.profile, progress);
    if (!prepared)
        return tl::unexpected(prepared.error());
    Prepared &p = *prepared;

    TrainOptions options = request.options;
    if (p.labels)
        options.labels = &*p.labels;
    if (options.normalOnly && !p.labels)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("'Normal rows only' needs a label column, and dataset %1 has none. Train on all rows instead.")
                        .arg(p.datasetName));
    if (options.kind == ModelKind::Classifier) {
        return fail(ErrorCode::Unsupported,
                    QStringLiteral("The supervised classifier is trained with `vigil-cli train --model classifier`; "
                                   "scoring runs use the unsupervised models."));
    }
    if (options.kind != ModelKind::Autoencoder && options.kind != ModelKind::Vae)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Only the autoencoder and the VAE train on a data set's rows."));

    auto model = AnomalyModel::train(p.matrix, options, stage(progress, QStringLiteral("Training"), 150, 800), onEpoch);
    if (!model)
        return tl::unexpected(model.error());
    const QJsonObject schemaJson = p.schema.toJson();
    auto bundle = (*model)->toBundle(schemaJson);
    if (!bundle)
        return tl::unexpected(bundle.error());

    runs::StoredModel stored;
    stored.kind = modelKindName(options.kind);
    stored.name = request.modelName.isEmpty() ? QStringLiteral("%1 on %2").arg(stored.kind, p.datasetName) : request.modelName;
    stored.datasetId = request.datasetId;
    stored.schema = schemaJson;
    QJsonObject meta = (*model)->summary().toJson();
    meta.insert(QStringLiteral("options"), (*model)->options());
    meta.insert(QStringLiteral("threshold"), (*model)->threshold());
    meta.insert(QStringLiteral("target_fpr"), (*model)->targetFpr());
    meta.insert(QStringLiteral("normal_only"), options.normalOnly);
    stored.metadata = meta;
    stored.bundle = *bundle;
    auto modelId = runs::saveModel(p.project->db(), stored);
    if (!modelId)
        return tl::unexpected(modelId.error());
    (void)p.project->audit(QStringLiteral("model-trained"),
                           QStringLiteral("{\"model\":%1,\"dataset\":%2}").arg(*modelId).arg(request.datasetId));

    PipelineResult result;
    result.modelId = *modelId;
    result.modelKind = stored.kind;
    result.summary = (*model)->summary();
    result.threshold = (*model)->threshold();
    result.targetFpr = (*model)->targetFpr();
    if (!request.scoreAfterTraining || (*model)->summary().cancelled)
        return result;
    return storeRun(p, *modelId, request.datasetId, **model, request.run, progress, result);
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
    auto model = AnomalyModel::fromBundle(stored.bundle, prepared->matrix.featureNames());
    if (!model)
        return tl::unexpected(model.error());
    PipelineResult result;
    result.modelId = modelId;
    result.modelKind = stored.kind;
    return storeRun(*prepared, modelId, datasetId, **model, options, progress, result);
}

} // namespace vigil::ml
