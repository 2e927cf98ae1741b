#include "ml/training/labelretrain.h"

#include "core/metrics/metrics.h"
#include "core/project.h"
#include "core/query/datasetsource.h"
#include "core/runs/runstore.h"
#include "core/schema/schema.h"
#include "core/sqlite.h"
#include "core/store/datasetstore.h"

#include <QHash>
#include <QJsonObject>

#include <algorithm>
#include <random>

namespace vigil::ml {

namespace {

/// Effective label per record id (record label, else entity label), only malicious/benign.
Result<QHash<std::int64_t, int>> effectiveLabels(sql::Database &db, const query::DatasetSource &src)
{
    const QString text = QStringLiteral("SELECT d.rid, ") + src.labelExpression(src.entityField) + QStringLiteral(" FROM ")
                         + src.fromClause(true, src.entityField);
    auto st = db.prepare(text.toStdString());
    if (!st)
        return tl::unexpected(st.error());
    QHash<std::int64_t, int> labels;
    auto walked = st->forEach([&labels](sql::Statement &row) {
        const std::string_view label = row.textView(1);
        if (label == "malicious")
            labels.insert(row.int64(0), 1);
        else if (label == "benign")
            labels.insert(row.int64(0), 0);
    });
    if (!walked)
        return tl::unexpected(walked.error());
    return labels;
}

constexpr double kThreshold = 0.5; ///< on P(malicious)

/// Scores every record of the base run's data set with \a model into run \a runId, chunk by chunk
/// (load → encode → predict → write, so memory does not grow with the data set), carrying each
/// record's cluster, projection and contributing features over from the base run; counts the
/// scored rows and alerts into \a result.
Result<void> scoreChunks(sql::Database &db, const runs::RunInfo &base, const FeatureSchema &schema, const ClassifierModel &model,
                         const QHash<std::int64_t, int> &labels, const RetrainOptions &options, std::int64_t runId,
                         const ProgressFn &progress, RetrainResult &result)
{
    auto total = datasetRowCount(db, base.datasetId);
    if (!total)
        return tl::unexpected(total.error());
    std::int64_t after = 0;
    while (true) {
        TableSlice chunk;
        chunk.afterRecordId = after;
        chunk.limit = std::max<std::int64_t>(1, options.chunkRows);
        chunk.columns = encodedColumns(schema);
        auto table = loadTableSlice(db, base.datasetId, chunk);
        if (!table)
            return tl::unexpected(table.error());
        if (table->rowCount() == 0)
            return {};
        const runs::RecordRange range{table->recordIds.front(), table->recordIds.back()};
        after = range.last;
        auto matrix = encodeTable(schema, *table);
        if (!matrix)
            return tl::unexpected(matrix.error());
        *table = Table{};
        auto predicted = model.predict(*matrix);
        if (!predicted)
            return tl::unexpected(predicted.error());
        auto baseRows = runs::readScores(db, base.id, {}, range);
        if (!baseRows)
            return tl::unexpected(baseRows.error());
        std::vector<runs::ScoreRow> rows(size_t(matrix->rows));
        size_t b = 0; // both are in record order: one merge pass
        for (std::int64_t row = 0; row < matrix->rows; ++row) {
            runs::ScoreRow &r = rows[size_t(row)];
            r.recordId = matrix->recordIds[size_t(row)];
            r.score = predicted->attackScore[size_t(row)];
            r.severity = metrics::severity(r.score, kThreshold);
            r.x = r.y = std::numeric_limits<double>::quiet_NaN();
            while (b < baseRows->size() && (*baseRows)[b].recordId < r.recordId)
                ++b;
            if (b < baseRows->size() && (*baseRows)[b].recordId == r.recordId) {
                const runs::ScoreRow &from = (*baseRows)[b];
                r.cluster = from.cluster;
                r.x = from.x;
                r.y = from.y;
                r.topFeatures = from.topFeatures;
            }
            if (r.score >= kThreshold) {
                ++result.alerts;
                if (!labels.contains(r.recordId))
                    ++result.unlabelledAlerts;
            }
        }
        result.scored += matrix->rows;
        if (auto w = runs::writeScores(db, runId, rows); !w)
            return tl::unexpected(w.error());
        if (!report(progress, result.scored, *total, QStringLiteral("Scoring")))
            return fail(ErrorCode::Cancelled, QStringLiteral("Re-ranking was cancelled after %1 of %2 records; the partial run was removed.")
                                                  .arg(result.scored)
                                                  .arg(*total));
    }
}

} // namespace

Result<RetrainResult> retrainFromLabels(const QString &projectPath, std::int64_t baseRunId, const RetrainOptions &options,
                                        ProgressFn progress, EpochFn onEpoch)
{
    auto opened = Project::open(projectPath);
    if (!opened)
        return tl::unexpected(opened.error());
    Project &project = **opened;
    sql::Database &db = project.db();
    auto base = runs::loadRun(db, baseRunId);
    if (!base)
        return tl::unexpected(base.error());
    auto baseModel = runs::loadModel(db, base->modelId);
    if (!baseModel)
        return tl::unexpected(baseModel.error());
    auto schema = FeatureSchema::fromJson(baseModel->schema);
    if (!schema)
        return fail(ErrorCode::Corrupt, QStringLiteral("Model %1 of run %2 carries no usable schema: %3")
                                            .arg(base->modelId).arg(baseRunId).arg(schema.error().message));
    auto src = query::loadDatasetSource(db, base->datasetId, baseRunId);
    if (!src)
        return tl::unexpected(src.error());
    auto labels = effectiveLabels(db, *src);
    if (!labels)
        return tl::unexpected(labels.error());

    RetrainResult result;
    for (int v : std::as_const(*labels))
        (v == 1 ? result.malicious : result.benign) += 1;
    if (result.malicious == 0)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Run %1 has no record labelled malicious yet: label at least one (key 1) before re-ranking.").arg(baseRunId));

    // Weak negatives: a seeded uniform sample of the unlabelled records the base run scored below
    // its threshold, drawn while streaming the run's ids (reservoir sampling), so memory stays
    // proportional to the sample, not to the data set.
    const std::int64_t labelled = result.malicious + result.benign;
    const std::int64_t wanted = options.weakNegativesPerLabel <= 0
                                    ? 0
                                    : std::max<std::int64_t>(options.minWeakNegatives, labelled * options.weakNegativesPerLabel);
    std::vector<std::int64_t> quiet;
    if (wanted > 0) {
        auto st = db.prepare("SELECT record_id FROM scores WHERE run_id = ?1 AND score < ?2 ORDER BY record_id");
        if (!st)
            return tl::unexpected(st.error());
        st->bind(1, baseRunId).bind(2, base->threshold);
        std::mt19937_64 rng(options.seed);
        std::int64_t seen = 0;
        auto walked = st->forEach([&](sql::Statement &row) {
            const std::int64_t rid = row.int64(0);
            if (labels->contains(rid))
                return;
            ++seen;
            if (std::int64_t(quiet.size()) < wanted)
                quiet.push_back(rid);
            else if (const auto j = std::int64_t(rng() % std::uint64_t(seen)); j < wanted)
                quiet[size_t(j)] = rid;
        });
        if (!walked)
            return tl::unexpected(walked.error());
    }
    result.weakNegatives = std::int64_t(quiet.size());
    if (result.benign + result.weakNegatives == 0)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Run %1 has no benign examples: label some records benign (key 2) or keep records below the threshold.")
                        .arg(baseRunId));

    // The training rows alone: the labelled records and the weak negatives.
    TableSlice examples;
    examples.columns = encodedColumns(*schema);
    examples.recordIds = quiet;
    for (auto it = labels->constBegin(); it != labels->constEnd(); ++it)
        examples.recordIds.push_back(it.key());
    std::sort(examples.recordIds.begin(), examples.recordIds.end());
    auto table = loadTableSlice(db, base->datasetId, examples, subRange(progress, QStringLiteral("Loading"), 0, 100));
    if (!table)
        return tl::unexpected(table.error());
    auto matrix = encodeTable(*schema, *table, subRange(progress, QStringLiteral("Encoding"), 100, 150));
    if (!matrix)
        return tl::unexpected(matrix.error());
    *table = Table{};

    // Classes: 0 benign (labelled, or a weak negative), 1 malicious.
    LabelVector y;
    y.names = QStringList{QStringLiteral("benign"), QStringLiteral("malicious")};
    y.normalId = 0;
    y.ids.assign(size_t(matrix->rows), 0);
    for (std::int64_t row = 0; row < matrix->rows; ++row)
        y.ids[size_t(row)] = labels->value(matrix->recordIds[size_t(row)], 0);

    TrainOptions train;
    train.kind = ModelKind::Classifier;
    train.classifier.binary = true;
    train.classifier.classWeights = true; // a few malicious labels against thousands of quiet rows
    train.epochs = options.epochs;
    train.seed = options.seed;
    train.labels = &y;
    // Labels are scarce: use them all for fitting rather than holding a share out.
    train.validationFraction = 0.0;
    auto model = ClassifierModel::train(*matrix, train, subRange(progress, QStringLiteral("Training"), 150, 800), onEpoch);
    if (!model)
        return tl::unexpected(model.error());
    *matrix = FeatureMatrix{};
    auto bundle = (*model)->toBundle(baseModel->schema);
    if (!bundle)
        return tl::unexpected(bundle.error());

    runs::StoredModel stored;
    stored.kind = QStringLiteral("classifier");
    stored.name = QStringLiteral("classifier from labels of run %1").arg(baseRunId);
    stored.datasetId = base->datasetId;
    stored.schema = baseModel->schema;
    QJsonObject meta = (*model)->summary().toJson();
    meta.insert(QStringLiteral("retrained_from_run"), qint64(baseRunId));
    meta.insert(QStringLiteral("labelled_malicious"), qint64(result.malicious));
    meta.insert(QStringLiteral("labelled_benign"), qint64(result.benign));
    meta.insert(QStringLiteral("weak_negatives"), qint64(result.weakNegatives));
    meta.insert(QStringLiteral("threshold"), 0.5);
    stored.metadata = meta;
    stored.bundle = *bundle;
    auto modelId = runs::saveModel(db, stored);
    if (!modelId)
        return tl::unexpected(modelId.error());
    result.modelId = *modelId;

    runs::RunInfo info;
    info.modelId = *modelId;
    info.datasetId = base->datasetId;
    info.threshold = kThreshold;
    info.targetFpr = 0.0;
    info.metrics = QJsonObject{{QStringLiteral("retrained_from_run"), qint64(baseRunId)},
                               {QStringLiteral("labelled_malicious"), qint64(result.malicious)},
                               {QStringLiteral("labelled_benign"), qint64(result.benign)},
                               {QStringLiteral("weak_negatives"), qint64(result.weakNegatives)},
                               {QStringLiteral("threshold"), kThreshold}};
    auto runId = runs::createRun(db, info);
    if (!runId)
        return tl::unexpected(runId.error());
    if (auto scored = scoreChunks(db, *base, *schema, **model, *labels, options, *runId, subRange(progress, QStringLiteral("Scoring"), 800, 1000), result);
        !scored) {
        // A run with part of its scores is misleading: remove it with its model (the run and its
        // scores cascade), as if the re-ranking had not started.
        if (auto del = db.prepare("DELETE FROM models WHERE id = ?1"))
            (void)del->bind(1, *modelId).run();
        return tl::unexpected(scored.error());
    }
    QJsonObject metrics = info.metrics;
    metrics.insert(QStringLiteral("alerts"), qint64(result.alerts));
    metrics.insert(QStringLiteral("unlabelled_alerts"), qint64(result.unlabelledAlerts));
    metrics.insert(QStringLiteral("rows"), qint64(result.scored));
    if (auto ok = runs::updateRunMetrics(db, *runId, metrics); !ok)
        return tl::unexpected(ok.error());
    (void)project.audit(QStringLiteral("run-retrained"), QStringLiteral("{\"run\":%1,\"base_run\":%2,\"model\":%3,\"malicious\":%4,\"benign\":%5}")
                                                          .arg(*runId).arg(baseRunId).arg(*modelId).arg(result.malicious).arg(result.benign));
    result.runId = *runId;
    return result;
}

} // namespace vigil::ml
