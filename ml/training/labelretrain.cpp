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
    while (true) {
        auto row = st->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        const QString label = st->text(1);
        if (label == QLatin1String("malicious"))
            labels.insert(st->int64(0), 1);
        else if (label == QLatin1String("benign"))
            labels.insert(st->int64(0), 0);
    }
    return labels;
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

    auto table = loadTable(db, base->datasetId, subRange(progress, QStringLiteral("Loading"), 0, 100));
    if (!table)
        return tl::unexpected(table.error());
    auto matrix = encodeTable(*schema, *table, subRange(progress, QStringLiteral("Encoding"), 100, 150));
    if (!matrix)
        return tl::unexpected(matrix.error());
    auto baseScores = runs::readScores(db, baseRunId);
    if (!baseScores)
        return tl::unexpected(baseScores.error());
    QHash<std::int64_t, const runs::ScoreRow *> byRecord;
    byRecord.reserve(qsizetype(baseScores->size()));
    for (const runs::ScoreRow &r : *baseScores)
        byRecord.insert(r.recordId, &r);

    // Classes: 0 benign, 1 malicious, -1 not used for training.
    LabelVector y;
    y.names = QStringList{QStringLiteral("benign"), QStringLiteral("malicious")};
    y.normalId = 0;
    y.ids.assign(size_t(matrix->rows), -1);
    std::vector<std::int64_t> quiet; // unlabelled rows below the base threshold
    for (std::int64_t row = 0; row < matrix->rows; ++row) {
        const std::int64_t rid = matrix->recordIds[size_t(row)];
        const auto it = labels->constFind(rid);
        if (it != labels->constEnd()) {
            y.ids[size_t(row)] = *it;
            continue;
        }
        const runs::ScoreRow *s = byRecord.value(rid, nullptr);
        if (s && s->score < base->threshold)
            quiet.push_back(row);
    }
    const std::int64_t labelled = result.malicious + result.benign;
    const std::int64_t wanted = options.weakNegativesPerLabel <= 0
                                    ? 0
                                    : std::max<std::int64_t>(options.minWeakNegatives, labelled * options.weakNegativesPerLabel);
    std::mt19937_64 rng(options.seed);
    std::shuffle(quiet.begin(), quiet.end(), rng);
    quiet.resize(size_t(std::min<std::int64_t>(wanted, std::int64_t(quiet.size()))));
    for (std::int64_t row : quiet)
        y.ids[size_t(row)] = 0;
    result.weakNegatives = std::int64_t(quiet.size());
    if (result.benign + result.weakNegatives == 0)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Run %1 has no benign examples: label some records benign (key 2) or keep records below the threshold.")
                        .arg(baseRunId));

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
    auto predicted = (*model)->predict(*matrix, subRange(progress, QStringLiteral("Scoring"), 800, 900));
    if (!predicted)
        return tl::unexpected(predicted.error());
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

    constexpr double kThreshold = 0.5;
    std::vector<runs::ScoreRow> rows(size_t(matrix->rows));
    for (std::int64_t row = 0; row < matrix->rows; ++row) {
        runs::ScoreRow &r = rows[size_t(row)];
        r.recordId = matrix->recordIds[size_t(row)];
        r.score = predicted->attackScore[size_t(row)];
        r.severity = metrics::severity(r.score, kThreshold);
        r.x = r.y = std::numeric_limits<double>::quiet_NaN();
        if (const runs::ScoreRow *b = byRecord.value(r.recordId, nullptr)) {
            r.cluster = b->cluster;
            r.x = b->x;
            r.y = b->y;
            r.topFeatures = b->topFeatures;
        }
        if (r.score >= kThreshold) {
            ++result.alerts;
            if (!labels->contains(r.recordId))
                ++result.unlabelledAlerts;
        }
    }
    result.scored = matrix->rows;

    runs::RunInfo info;
    info.modelId = *modelId;
    info.datasetId = base->datasetId;
    info.threshold = kThreshold;
    info.targetFpr = 0.0;
    info.metrics = QJsonObject{{QStringLiteral("retrained_from_run"), qint64(baseRunId)},
                               {QStringLiteral("labelled_malicious"), qint64(result.malicious)},
                               {QStringLiteral("labelled_benign"), qint64(result.benign)},
                               {QStringLiteral("weak_negatives"), qint64(result.weakNegatives)},
                               {QStringLiteral("threshold"), kThreshold},
                               {QStringLiteral("alerts"), qint64(result.alerts)},
                               {QStringLiteral("unlabelled_alerts"), qint64(result.unlabelledAlerts)},
                               {QStringLiteral("rows"), qint64(result.scored)}};
    auto runId = runs::createRun(db, info);
    if (!runId)
        return tl::unexpected(runId.error());
    if (auto w = runs::writeScores(db, *runId, rows, subRange(progress, QStringLiteral("Saving scores"), 900, 1000)); !w) {
        if (auto del = db.prepare("DELETE FROM runs WHERE id = ?1"))
            (void)del->bind(1, *runId).run();
        return tl::unexpected(w.error());
    }
    (void)project.audit(QStringLiteral("run-retrained"), QStringLiteral("{\"run\":%1,\"base_run\":%2,\"model\":%3,\"malicious\":%4,\"benign\":%5}")
                                                          .arg(*runId).arg(baseRunId).arg(*modelId).arg(result.malicious).arg(result.benign));
    result.runId = *runId;
    return result;
}

} // namespace vigil::ml
