#include "ml/pipeline.h"

#include "core/project.h"
#include "core/runs/runstore.h"
#include "core/schema/schema.h"
#include "core/metrics/metrics.h"
#include "core/sessions/sessions.h"
#include "core/store/datasetstore.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <tuple>
#include <utility>

namespace vigil::ml {

namespace {

/// Where a model of \a kind had its thresholds calibrated, as evaluation figures name it
/// ("calibratedOn"): "heldOutRows" (autoencoder, VAE), "heldOutSessions" (sequence: the records
/// of held-out sessions), "heldOutSessionsEach" (session autoencoder: held-out sessions, each
/// counted once) or "datasetRows" (a TorchScript module: the normal rows of the data set
/// it was loaded for).
QString calibrationSource(const QString &kind)
{
    if (kind == modelKindName(ModelKind::Sequence))
        return QStringLiteral("heldOutSessions");
    if (kind == modelKindName(ModelKind::SessionAutoencoder))
        return QStringLiteral("heldOutSessionsEach");
    if (kind == modelKindName(ModelKind::TorchScript))
        return QStringLiteral("datasetRows");
    return QStringLiteral("heldOutRows");
}

} // namespace

std::int64_t CalibrationBasis::enough(double targetFpr) const
{
    return targetFpr > 0.0 ? std::int64_t(std::ceil(kCalibrationMinAbove / targetFpr)) : 0;
}

CalibrationBasis calibrationBasis(const PipelineResult &result)
{
    CalibrationBasis b;
    const QString kind = result.modelKind;
    if (kind == modelKindName(ModelKind::Classifier) || !(result.targetFpr > 0.0))
        return b;
    if (kind == modelKindName(ModelKind::Sequence) || kind == modelKindName(ModelKind::SessionAutoencoder)) {
        // Each held-out session counts once, however many records carry its score.
        b.sessions = true;
        b.count = std::int64_t(result.modelMetadata.value(QStringLiteral("sessions")).toObject().value(QStringLiteral("calibration")).toDouble());
    } else if (kind == modelKindName(ModelKind::TorchScript)) {
        b.count = std::int64_t(result.modelMetadata.value(QStringLiteral("calibration")).toObject().value(QStringLiteral("rows")).toDouble());
    } else {
        b.count = result.summary.validationRows;
    }
    b.expectedAbove = double(b.count) * result.targetFpr;
    return b;
}

namespace {

struct Prepared {
    std::unique_ptr<Project> project;
    Table table;                   ///< the data set, or the sample of it that training uses
    FeatureSchema schema;
    FeatureMatrix matrix;
    std::optional<LabelVector> labels;
    QString datasetName;
    std::int64_t datasetRows = 0;  ///< records of the data set (datasets.row_count)
    QJsonObject alertBudget;       ///< training with TrainRequest::alertsPerDay: what it became
};

/// Opens the project and checks the data set; loads nothing yet.
Result<Prepared> openDataset(const QString &projectPath, std::int64_t datasetId)
{
    Prepared p;
    auto project = Project::open(projectPath);
    if (!project)
        return tl::unexpected(project.error());
    p.project = std::move(*project);
    {
        auto st = p.project->db().prepare("SELECT name, row_count FROM datasets WHERE id = ?1");
        if (!st)
            return tl::unexpected(st.error());
        st->bind(1, datasetId);
        if (auto found = st->stepOne(QStringLiteral("Dataset %1 does not exist in %2.").arg(datasetId).arg(projectPath)); !found)
            return tl::unexpected(found.error());
        p.datasetName = st->text(0);
        p.datasetRows = st->int64(1);
    }
    return p;
}

/// Loads the data set (or \a slice of it), its schema (\a frozen, the stored one, or one inferred
/// on the loaded rows and stored), the labels and, with \a encode, the encoded matrix (a
/// sequence model reads the table's columns, not the matrix).
Result<void> load(Prepared &p, std::int64_t datasetId, const FeatureSchema *frozen, const QString &profile,
                  const TableSlice *slice, const ProgressFn &progress, bool encode = true)
{
    const ProgressFn loading = subRange(progress, QStringLiteral("Loading"), 0, 100);
    auto table = slice ? loadTableSlice(p.project->db(), datasetId, *slice, loading) : loadTable(p.project->db(), datasetId, loading);
    if (!table)
        return tl::unexpected(table.error());
    p.table = std::move(*table);

    if (frozen) {
        p.schema = *frozen;
    } else if (auto stored = loadSchema(p.project->db(), datasetId)) {
        p.schema = std::move(*stored);
    } else if (stored.error().code != ErrorCode::NotFound) {
        // An edited schema that no longer reads must not be replaced by a fresh default silently.
        return tl::unexpected(stored.error());
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
    if (encode) {
        auto matrix = encodeTable(p.schema, p.table, subRange(progress, QStringLiteral("Encoding"), 100, 150));
        if (!matrix)
            return tl::unexpected(matrix.error());
        p.matrix = std::move(*matrix);
    }
    if (auto labels = extractLabels(p.schema, p.table))
        p.labels = std::move(*labels);
    return {};
}

/// Every record, columns \a columns and \a schema's label columns only (a model of sessions
/// reads a handful of a log's columns; the labels evaluate its run).
TableSlice columnSlice(const QStringList &columns, const FeatureSchema &schema)
{
    TableSlice slice;
    for (const QString &c : columns)
        if (!c.isEmpty() && !slice.columns.contains(c))
            slice.columns << c;
    for (const auto &c : schema.columns)
        if (c.role == Role::Label && !slice.columns.contains(c.name))
            slice.columns << c.name;
    return slice;
}

/// Frees the rows of \a p (chunked scoring loads its own).
void release(Prepared &p)
{
    p.table = Table{};
    p.matrix = FeatureMatrix{};
    p.labels.reset();
}

/// The schema's label columns of data set \a datasetId, whole (a few bytes a row), as labels
/// aligned with the records in rid order; nullopt when the schema has none.
Result<std::optional<LabelVector>> loadLabels(sql::Database &db, std::int64_t datasetId, const FeatureSchema &schema,
                                              const ProgressFn &progress)
{
    const TableSlice slice = columnSlice({}, schema);
    if (slice.columns.isEmpty())
        return std::optional<LabelVector>{};
    auto table = loadTableSlice(db, datasetId, slice, progress);
    if (!table)
        return tl::unexpected(table.error());
    auto labels = extractLabels(schema, *table);
    if (!labels)
        return std::optional<LabelVector>{};
    return std::optional<LabelVector>(std::move(*labels));
}

/// The start of a scoring result: what model \a modelId of \a kind scores in data set \a datasetId.
PipelineResult scoringResult(std::int64_t datasetId, std::int64_t modelId, const QString &kind, std::int64_t rows, int width)
{
    PipelineResult result;
    result.datasetId = datasetId;
    result.modelId = modelId;
    result.modelKind = kind;
    result.rows = rows;
    result.width = width;
    return result;
}

/// The feature names of \a schema's encoding, in matrix order (what a bundle is checked against).
QStringList schemaFeatureNames(const FeatureSchema &schema)
{
    QStringList names;
    for (const auto &b : schema.blocks())
        names += b.featureNames;
    return names;
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
            evaluation->insert(QStringLiteral("calibratedOn"), calibrationSource(result.modelKind));
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

constexpr double kClassifierThreshold = 0.5;

/// A classifier's score rows: P(attack) with the predicted class as the top feature.
std::vector<runs::ScoreRow> classifierRows(const FeatureMatrix &matrix, const ClassifierResult &predicted)
{
    std::vector<runs::ScoreRow> rows(predicted.attackScore.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        rows[i].recordId = matrix.recordIds[i];
        rows[i].score = predicted.attackScore[i];
        rows[i].severity = metrics::severity(rows[i].score, kClassifierThreshold);
        rows[i].topFeatures = QString::fromUtf8(QJsonDocument(QJsonArray{QJsonObject{
            {QStringLiteral("feature"), QStringLiteral("class")},
            {QStringLiteral("value"), predicted.classes.value(predicted.predicted[i])}}}).toJson(QJsonDocument::Compact));
    }
    return rows;
}

/// A classifier's run: score = P(attack) (1 - P(normal) for multi-class), threshold 0.5, the
/// predicted class as the row's top feature.
Result<PipelineResult> storeClassifierRun(Prepared &p, std::int64_t modelId, std::int64_t datasetId, const ClassifierModel &model,
                                          const ProgressFn &progress, PipelineResult result)
{
    auto predicted = model.predict(p.matrix, subRange(progress, QStringLiteral("Scoring"), 800, 920));
    if (!predicted)
        return tl::unexpected(predicted.error());
    constexpr double threshold = kClassifierThreshold;
    std::vector<runs::ScoreRow> rows = classifierRows(p.matrix, *predicted);
    std::int64_t alerts = 0;
    for (const auto &r : rows)
        alerts += r.score > threshold ? 1 : 0;
    const QJsonObject summary{{QStringLiteral("rows"), double(rows.size())},
                              {QStringLiteral("alerts"), double(alerts)},
                              {QStringLiteral("threshold"), threshold}};
    result.classes = predicted->classes;
    return writeRun(p, modelId, datasetId, std::move(rows), std::move(predicted->attackScore), threshold, 0.0, {}, summary,
                    progress, result);
}

/// Scores data set \a datasetId chunk by chunk (RunOptions::chunkRows rows at a time: load,
/// encode with the frozen schema, score, write, free) with \a anomaly or \a classifier, and
/// stores the run; memory holds one chunk plus a score and a label per row. Clusters and x/y
/// come from a LatentMap fitted on a seeded sample of RunOptions::latentSampleRows rows.
/// Progress goes to [\a from, 1000); a failure or cancel deletes the partial run.
Result<PipelineResult> storeChunkedRun(Project &project, const FeatureSchema &schema, std::int64_t modelId, std::int64_t datasetId,
                                       std::int64_t datasetRows, const AnomalyModel *anomaly, const ClassifierModel *classifier,
                                       const RunOptions &options, const ProgressFn &progress, int from, PipelineResult result)
{
    sql::Database &db = project.db();
    const int span = 1000 - from;
    const auto at = [&](double share) { return from + int(span * share); };
    auto labels = loadLabels(db, datasetId, schema, subRange(progress, QStringLiteral("Loading labels"), at(0.0), at(0.03)));
    if (!labels)
        return tl::unexpected(labels.error());

    std::optional<LatentMap> map;
    if (anomaly && anomaly->latentDim() > 0 && (options.clusters >= 0 || options.projection)) {
        TableSlice sample;
        sample.sample = std::max<std::int64_t>(1, options.latentSampleRows);
        sample.seed = options.seed + 1;
        sample.columns = encodedColumns(schema);
        auto table = loadTableSlice(db, datasetId, sample, subRange(progress, QStringLiteral("Sampling"), at(0.03), at(0.06)));
        if (!table)
            return tl::unexpected(table.error());
        auto matrix = encodeTable(schema, *table);
        if (!matrix)
            return tl::unexpected(matrix.error());
        *table = Table{};
        ScoreOptions so;
        so.topK = 0;
        so.contributions = false;
        so.latent = true;
        auto codes = anomaly->score(*matrix, so);
        if (!codes)
            return tl::unexpected(codes.error());
        auto fitted = fitLatentMap(codes->latent, codes->rows(), codes->latentDim, options);
        if (!fitted)
            return tl::unexpected(fitted.error());
        map = std::move(*fitted);
    }

    const double threshold = classifier ? kClassifierThreshold : anomaly->threshold();
    runs::RunInfo info;
    info.modelId = modelId;
    info.datasetId = datasetId;
    info.threshold = threshold;
    info.targetFpr = classifier ? 0.0 : anomaly->targetFpr();
    auto runId = runs::createRun(db, info);
    if (!runId)
        return tl::unexpected(runId.error());
    const auto abandon = [&](const Error &error) -> Result<PipelineResult> {
        // A run with part of its scores is misleading: remove it (its scores cascade).
        if (auto del = db.prepare("DELETE FROM runs WHERE id = ?1"))
            (void)del->bind(1, *runId).run();
        return tl::unexpected(error);
    };

    // writeScores commits each chunk at once with a page cache that holds its dirty pages (5M
    // rows wrote ~49 GB to the write-ahead log with per-20k-row commits and the default cache);
    // set for the whole run, the score indexes' pages also stay cached from chunk to chunk.
    (void)db.exec("PRAGMA cache_size = -131072");
    const ProgressFn scoring = subRange(progress, QStringLiteral("Scoring"), at(0.06), at(0.98));
    const std::int64_t chunkRows = std::max<std::int64_t>(1, options.chunkRows);
    std::vector<double> scores;
    scores.reserve(size_t(std::max<std::int64_t>(0, datasetRows)));
    std::int64_t after = 0, alerts = 0, chunks = 0;
    QStringList classes;
    while (true) {
        TableSlice chunk;
        chunk.afterRecordId = after;
        chunk.limit = chunkRows;
        chunk.columns = encodedColumns(schema);
        auto table = loadTableSlice(db, datasetId, chunk);
        if (!table)
            return abandon(table.error());
        if (table->rowCount() == 0)
            break;
        after = table->recordIds.back();
        auto matrix = encodeTable(schema, *table);
        if (!matrix)
            return abandon(matrix.error());
        *table = Table{};
        std::vector<runs::ScoreRow> rows;
        if (classifier) {
            auto predicted = classifier->predict(*matrix);
            if (!predicted)
                return abandon(predicted.error());
            rows = classifierRows(*matrix, *predicted);
            classes = predicted->classes;
        } else {
            auto scored = scoreChunk(*anomaly, *matrix, options, map ? &*map : nullptr);
            if (!scored)
                return abandon(scored.error());
            rows = std::move(scored->rows);
        }
        *matrix = FeatureMatrix{};
        for (const auto &r : rows) {
            scores.push_back(r.score);
            alerts += r.score > threshold ? 1 : 0;
        }
        if (auto w = runs::writeScores(db, *runId, rows); !w)
            return abandon(w.error());
        ++chunks;
        if (!report(scoring, std::int64_t(scores.size()), datasetRows))
            return abandon(Error{ErrorCode::Cancelled, QStringLiteral("Scoring dataset %1 was cancelled after %2 of %3 rows; the partial run was removed.")
                                                           .arg(datasetId).arg(scores.size()).arg(datasetRows)});
    }

    QJsonObject summary;
    if (classifier) {
        summary = QJsonObject{{QStringLiteral("rows"), double(scores.size())},
                              {QStringLiteral("alerts"), double(alerts)},
                              {QStringLiteral("threshold"), threshold}};
        result.classes = classes.isEmpty() ? classifier->classes() : classes;
    } else {
        if (map && map->k > 0) {
            QJsonArray sil;
            for (double v : map->silhouettes)
                sil.append(v);
            summary.insert(QStringLiteral("clusters"), map->k);
            summary.insert(QStringLiteral("silhouettes"), sil);
            result.clusters = map->k;
        }
        if (map && map->projection)
            summary.insert(QStringLiteral("explainedVariance"), QJsonArray{map->explainedVariance[0], map->explainedVariance[1]});
        if (map)
            summary.insert(QStringLiteral("latentSampleRows"), double(map->sampleRows));
        summary.insert(QStringLiteral("threshold"), std::isfinite(threshold) ? QJsonValue(threshold) : QJsonValue());
        summary.insert(QStringLiteral("targetFpr"), anomaly->targetFpr());
        summary.insert(QStringLiteral("rows"), double(scores.size()));
        summary.insert(QStringLiteral("alerts"), double(alerts));
    }
    summary.insert(QStringLiteral("chunks"), double(chunks));

    QJsonObject metrics = summary;
    if (*labels && (*labels)->ids.size() == scores.size()) {
        auto evaluation = evaluateScores(scores, **labels, threshold, classifier ? std::vector<CalibrationPoint>{} : anomaly->calibration());
        if (evaluation) {
            evaluation->insert(QStringLiteral("calibratedOn"), calibrationSource(result.modelKind));
            for (auto it = evaluation->begin(); it != evaluation->end(); ++it)
                metrics.insert(it.key(), it.value());
            result.metrics = *evaluation;
        }
    }
    if (auto ok = runs::updateRunMetrics(db, *runId, metrics); !ok)
        return abandon(ok.error());
    (void)project.audit(QStringLiteral("run-scored"),
                        QStringLiteral("{\"run\":%1,\"model\":%2,\"dataset\":%3}").arg(*runId).arg(modelId).arg(datasetId));
    (void)report(progress, 1000, 1000, QStringLiteral("Saving scores"));
    result.runId = *runId;
    result.threshold = threshold;
    result.targetFpr = info.targetFpr;
    result.scored = std::int64_t(scores.size());
    result.alerts = alerts;
    result.summaryJson = summary;
    return result;
}

/// Loads request.torchScriptPath for the layout of \a p's matrix and calibrates its threshold
/// on the data set's clean rows (labelled normal, or all rows without labels); \a meta gets
/// where the module and the calibration came from.
Result<std::unique_ptr<AnomalyModel>> loadTorchScript(const Prepared &p, const TrainRequest &request, const TrainOptions &options,
                                                      const ProgressFn &progress, QJsonObject &meta)
{
    (void)report(progress, 0, 2, QStringLiteral("Loading the TorchScript module"));
    auto model = AnomalyModel::fromTorchScript(request.torchScriptPath, p.matrix);
    if (!model)
        return tl::unexpected(model.error());
    const bool byLabel = p.labels && p.labels->normalId >= 0;
    std::vector<std::int64_t> clean;
    clean.reserve(size_t(p.matrix.rows));
    for (std::int64_t i = 0; i < p.matrix.rows; ++i)
        if (!byLabel || p.labels->ids[size_t(i)] == p.labels->normalId)
            clean.push_back(i);
    if (clean.empty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Dataset %1 has no row labelled normal to calibrate the TorchScript model's threshold on.").arg(p.datasetName));
    if (!report(progress, 1, 2, QStringLiteral("Calibrating the threshold")))
        return fail(ErrorCode::Cancelled, QStringLiteral("Loading the TorchScript model was cancelled."));
    if (auto t = (*model)->calibrate(p.matrix, clean, options.targetFpr); !t)
        return tl::unexpected(t.error());
    const QFileInfo file(request.torchScriptPath);
    meta.insert(QStringLiteral("torchscript"), QJsonObject{{QStringLiteral("file"), file.fileName()},
                                                           {QStringLiteral("bytes"), double(file.size())}});
    meta.insert(QStringLiteral("calibration"), QJsonObject{{QStringLiteral("rows"), double(clean.size())},
                                                           {QStringLiteral("normal_only"), byLabel}});
    (void)report(progress, 2, 2, QStringLiteral("Calibrating the threshold"));
    return model;
}


/// Stores a trained (or loaded) model of \a kind for request.datasetId and audits it; the
/// result names it, with \a meta and \a summary.
Result<PipelineResult> saveTrainedModel(Prepared &p, const TrainRequest &request, ModelKind kind, const QJsonObject &schemaJson,
                                        const QJsonObject &meta, const QByteArray &bundle, const TrainingSummary &summary)
{
    runs::StoredModel stored;
    stored.kind = modelKindName(kind);
    stored.name = request.modelName.isEmpty() ? QStringLiteral("%1 on %2").arg(stored.kind, p.datasetName) : request.modelName;
    stored.datasetId = request.datasetId;
    stored.schema = schemaJson;
    stored.metadata = meta;
    if (!p.alertBudget.isEmpty())
        stored.metadata.insert(QStringLiteral("alert_budget"), p.alertBudget);
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
    result.modelMetadata = stored.metadata;
    result.summary = summary;
    return result;
}

// ---- sequence models over sessions ----------------------------------------------------

/// How a sequence model reads a data set; stored in its metadata as "sequence".
struct SequenceReading {
    QString entityColumn;
    QString timestampColumn;
    QStringList tokenColumns;
    double gapSeconds = kDefaultSessionGapSeconds;
    int maxLength = 256;
    TokenVocabulary vocabulary;

    QJsonObject toJson() const
    {
        return {{QStringLiteral("entity"), entityColumn},
                {QStringLiteral("timestamp"), timestampColumn},
                {QStringLiteral("tokens"), QJsonArray::fromStringList(tokenColumns)},
                {QStringLiteral("gapSeconds"), gapSeconds},
                {QStringLiteral("maxLength"), maxLength},
                {QStringLiteral("vocabulary"), QJsonArray::fromStringList(vocabulary.tokens)}};
    }
    static Result<SequenceReading> fromJson(const QJsonObject &j, std::int64_t modelId)
    {
        SequenceReading r;
        r.entityColumn = j.value(QStringLiteral("entity")).toString();
        r.timestampColumn = j.value(QStringLiteral("timestamp")).toString();
        for (const auto &v : j.value(QStringLiteral("tokens")).toArray())
            r.tokenColumns << v.toString();
        r.gapSeconds = j.value(QStringLiteral("gapSeconds")).toDouble(kDefaultSessionGapSeconds);
        r.maxLength = j.value(QStringLiteral("maxLength")).toInt(256);
        for (const auto &v : j.value(QStringLiteral("vocabulary")).toArray())
            r.vocabulary.tokens << v.toString();
        r.vocabulary.column = eventColumn();
        if (r.entityColumn.isEmpty() || r.timestampColumn.isEmpty() || r.tokenColumns.isEmpty() || r.gapSeconds <= 0 || r.maxLength <= 0)
            return fail(ErrorCode::Corrupt, QStringLiteral("Sequence model %1 does not say how it reads sessions (entity, timestamp, "
                                                           "token columns, gap); train it again.").arg(modelId));
        return r;
    }
    /// The name of the event-token column added to the table (cannot clash with a log's).
    static QString eventColumn() { return QStringLiteral("\u0001event"); }
};

/// Adds SequenceReading::eventColumn(): per row the texts of \a columns joined by spaces ("-"
/// for a missing one; missing when all are).
Result<void> addEventColumn(Table &table, const QString &datasetName, const QStringList &columns)
{
    std::vector<int> sources;
    for (const auto &name : columns) {
        const int i = table.indexOf(name);
        if (i < 0)
            return fail(ErrorCode::NotFound, QStringLiteral("Dataset %1 has no column \"%2\" to make event tokens of.").arg(datasetName, name));
        sources.push_back(i);
    }
    Column event;
    event.name = SequenceReading::eventColumn();
    event.type = ColumnType::Text;
    event.codes.resize(size_t(table.rowCount()));
    QHash<QString, std::int32_t> ids;
    for (std::int64_t row = 0; row < table.rowCount(); ++row) {
        QStringList parts;
        bool any = false;
        for (int i : sources) {
            const QString t = table.columns[size_t(i)].text(row);
            any = any || !t.isEmpty();
            parts << (t.isEmpty() ? QStringLiteral("-") : t);
        }
        if (!any) {
            event.codes[size_t(row)] = -1;
            continue;
        }
        const QString token = parts.join(QLatin1Char(' '));
        auto it = ids.find(token);
        if (it == ids.end()) {
            it = ids.insert(token, std::int32_t(event.dictionary.size()));
            event.dictionary.push_back(token);
        }
        event.codes[size_t(row)] = *it;
    }
    table.columns.push_back(std::move(event));
    return {};
}

/// The model's input for \a sessions of \a table (which has the event column).
Result<SequenceData> sequenceData(const Table &table, const Sessions &sessions, const SequenceReading &r)
{
    auto tokens = sessionSequences(table, sessions, r.vocabulary, r.maxLength);
    if (!tokens)
        return tl::unexpected(tokens.error());
    SequenceData data;
    data.tokens = std::move(*tokens);
    data.vocabularySize = int(r.vocabulary.tokens.size()) + 2;
    data.vocabulary = QStringList{QStringLiteral("<pad>"), QStringLiteral("<unknown>")} + r.vocabulary.tokens;
    return data;
}

/// A run's rows for the records of p.table in sessions, with their scores and how many are above
/// \a threshold; p.labels is narrowed to those records, in the same order.
struct RecordRows {
    std::vector<runs::ScoreRow> rows;
    std::vector<double> scores;
    std::int64_t alerts = 0;
};

/// \a rowOf(i) gives record i's score row, or nullopt for a record outside every session.
template <class RowOf>
RecordRows recordRows(Prepared &p, double threshold, RowOf rowOf)
{
    RecordRows out;
    std::optional<LabelVector> aligned;
    if (p.labels) {
        aligned = LabelVector{};
        aligned->names = p.labels->names;
        aligned->normalId = p.labels->normalId;
    }
    for (std::int64_t i = 0; i < p.table.rowCount(); ++i) {
        std::optional<runs::ScoreRow> row = rowOf(i);
        if (!row)
            continue;
        row->recordId = p.table.recordIds[size_t(i)];
        out.alerts += row->score > threshold ? 1 : 0;
        out.scores.push_back(row->score);
        out.rows.push_back(std::move(*row));
        if (aligned)
            aligned->ids.push_back(p.labels->ids[size_t(i)]);
    }
    p.labels = std::move(aligned);
    return out;
}

/// Scores \a sessions of p.table with \a model and writes the run: every record of a session
/// gets the session's score (mean per-event loss) and, as its top feature, its own event with
/// that event's loss. Records outside every session (no entity or time) are not scored.
Result<PipelineResult> storeSequenceRun(Prepared &p, std::int64_t modelId, std::int64_t datasetId, const SequenceModel &model,
                                        const SequenceReading &r, const Sessions &sessions, double threshold, double targetFpr,
                                        const std::vector<CalibrationPoint> &calibration, const ProgressFn &progress, PipelineResult result)
{
    auto data = sequenceData(p.table, sessions, r);
    if (!data)
        return tl::unexpected(data.error());
    auto scored = model.score(*data, subRange(progress, QStringLiteral("Scoring sessions"), 800, 900));
    if (!scored)
        return tl::unexpected(scored.error());
    const Column &event = p.table.columns[size_t(p.table.indexOf(SequenceReading::eventColumn()))];
    std::vector<double> rowScore(size_t(p.table.rowCount()), std::numeric_limits<double>::quiet_NaN());
    std::vector<double> rowLoss(rowScore.size(), std::numeric_limits<double>::quiet_NaN());
    for (size_t s = 0; s < sessions.sessions.size(); ++s) {
        const auto &rows = sessions.sessions[s].rows;
        const auto &losses = scored->eventLosses[s];
        for (size_t k = 0; k < rows.size(); ++k) {
            rowScore[size_t(rows[k])] = scored->scores[s];
            if (k < losses.size())
                rowLoss[size_t(rows[k])] = losses[k];
        }
    }
    RecordRows out = recordRows(p, threshold, [&](std::int64_t i) -> std::optional<runs::ScoreRow> {
        if (std::isnan(rowScore[size_t(i)]))
            return std::nullopt;
        runs::ScoreRow row;
        row.score = rowScore[size_t(i)];
        row.severity = metrics::severity(row.score, threshold);
        row.x = row.y = std::numeric_limits<double>::quiet_NaN();
        QJsonObject top{{QStringLiteral("feature"), QStringLiteral("event: %1").arg(event.text(i))}};
        if (!std::isnan(rowLoss[size_t(i)]))
            top.insert(QStringLiteral("contribution"), rowLoss[size_t(i)]);
        row.topFeatures = QString::fromUtf8(QJsonDocument(QJsonArray{top}).toJson(QJsonDocument::Compact));
        return row;
    });
    const QJsonObject summary{{QStringLiteral("rows"), double(out.rows.size())},
                              {QStringLiteral("alerts"), double(out.alerts)},
                              {QStringLiteral("threshold"), threshold},
                              {QStringLiteral("targetFpr"), targetFpr},
                              {QStringLiteral("sessions"), double(sessions.sessions.size())},
                              {QStringLiteral("skippedRows"), double(sessions.skippedRows)}};
    return writeRun(p, modelId, datasetId, std::move(out.rows), std::move(out.scores), threshold, targetFpr, calibration, summary, progress,
                    result);
}

/// One label per session of \a labels' records: normal when every record is labelled normal,
/// else the label of its first attack record, else unknown (-1: some records are unlabelled).
LabelVector sessionLabels(const Sessions &sessions, const LabelVector &labels)
{
    LabelVector out;
    out.names = labels.names;
    out.normalId = labels.normalId;
    out.ids.reserve(sessions.sessions.size());
    for (const auto &s : sessions.sessions) {
        std::int32_t id = labels.normalId;
        for (const auto row : s.rows) {
            const auto l = labels.ids[size_t(row)];
            if (l != labels.normalId) {
                id = l;
                if (l >= 0)
                    break;
            }
        }
        out.ids.push_back(id);
    }
    return out;
}

/// The entity and timestamp columns that sessions of p.table are read by: the schema's entity
/// key (or \a requestedEntity) and timestamp; a log from one client (a scanner's) has a constant
/// address, which the schema ignores, so a client-address column stands in for a missing key.
/// \a model ("A sequence model") names what needs them in the refusal.
Result<std::pair<QString, QString>> sessionKeys(const Prepared &p, const QString &requestedEntity, const QString &model)
{
    QString entity, timestamp;
    for (const auto &c : p.schema.columns) {
        if (c.role == Role::EntityKey && entity.isEmpty())
            entity = c.name;
        if (c.role == Role::Timestamp && timestamp.isEmpty())
            timestamp = c.name;
    }
    if (!requestedEntity.isEmpty())
        entity = requestedEntity;
    for (const QString &name : {QStringLiteral("remote_addr"), QStringLiteral("id.orig_h"), QStringLiteral("src_ip")})
        if (entity.isEmpty() && p.table.indexOf(name) >= 0)
            entity = name;
    if (entity.isEmpty() || timestamp.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 learns from sessions, and dataset %2 has no %3 column. Give one the %4 role in its schema.")
                        .arg(model, p.datasetName, timestamp.isEmpty() ? QStringLiteral("timestamp") : QStringLiteral("entity (e.g. client address)"),
                             timestamp.isEmpty() ? QStringLiteral("timestamp") : QStringLiteral("entity-key")));
    return std::pair{entity, timestamp};
}

/// The columns a model of sessions trained by \a request reads, by \a p's schema and the columns
/// of p.table (which may have no rows yet): entity, timestamp, and the aggregated (session
/// autoencoder) or token columns (sequence model); only those the table has. Empty when the
/// sessions cannot be told (the training then says why).
QStringList sessionModelColumns(const Prepared &p, const TrainRequest &request)
{
    auto keys = sessionKeys(p, request.entityColumn, QString());
    if (!keys)
        return {};
    QStringList columns{keys->first, keys->second};
    if (request.options.kind == ModelKind::SessionAutoencoder) {
        const SessionAggregateOptions a = defaultAggregateOptions(p.table);
        columns << a.statusColumn << a.distinctColumns << a.sumColumns;
    } else {
        columns << (request.tokenColumns.isEmpty() ? defaultTokenColumns(p.schema, p.table, keys->first) : request.tokenColumns);
    }
    columns.removeIf([&](const QString &c) { return p.table.indexOf(c) < 0; });
    return columns;
}

/// TrainRequest of kind Sequence on the loaded \a p: see trainOnDataset().
Result<PipelineResult> trainSequence(Prepared &p, const TrainRequest &request, const TrainOptions &options, const ProgressFn &progress,
                                     const EpochFn &onEpoch)
{
    SequenceReading r;
    auto keys = sessionKeys(p, request.entityColumn, QStringLiteral("A sequence model"));
    if (!keys)
        return tl::unexpected(keys.error());
    std::tie(r.entityColumn, r.timestampColumn) = *keys;
    r.tokenColumns = request.tokenColumns.isEmpty() ? defaultTokenColumns(p.schema, p.table, r.entityColumn) : request.tokenColumns;
    if (r.tokenColumns.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Dataset %1 has no categorical column with at most 64 values to make event tokens of; name the token columns.")
                        .arg(p.datasetName));
    r.gapSeconds = request.sessionGapSeconds;
    r.maxLength = options.sequence.maxLength;
    if (auto ok = addEventColumn(p.table, p.datasetName, r.tokenColumns); !ok)
        return tl::unexpected(ok.error());
    auto vocabulary = fitVocabulary(p.table, SequenceReading::eventColumn());
    if (!vocabulary)
        return tl::unexpected(vocabulary.error());
    r.vocabulary = std::move(*vocabulary);
    auto sessions = sessionize(p.table, r.entityColumn, r.timestampColumn, r.gapSeconds, subRange(progress, QStringLiteral("Sessions"), 150, 200));
    if (!sessions)
        return tl::unexpected(sessions.error());
    auto all = sequenceData(p.table, *sessions, r);
    if (!all)
        return tl::unexpected(all.error());

    // Sessions to learn from: all, or with labels and normalOnly those whose every record is
    // labelled normal. A seeded share of them is held out to calibrate the threshold.
    std::vector<size_t> eligible;
    const std::optional<LabelVector> labels =
        options.normalOnly && p.labels ? std::optional<LabelVector>(sessionLabels(*sessions, *p.labels)) : std::nullopt;
    for (size_t s = 0; s < sessions->sessions.size(); ++s)
        if (!labels || labels->ids[s] == labels->normalId)
            eligible.push_back(s);
    if (eligible.size() < 4)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Dataset %1 has %2 sessions to learn from (%3 sessions in all, entity %4, gap %5 s); a sequence model needs at least 4.")
                        .arg(p.datasetName).arg(eligible.size()).arg(sessions->sessions.size()).arg(r.entityColumn).arg(r.gapSeconds));
    std::mt19937_64 rng(options.seed);
    std::shuffle(eligible.begin(), eligible.end(), rng);
    const size_t held = std::clamp<size_t>(size_t(std::lround(options.validationFraction * double(eligible.size()))), 1, eligible.size() - 2);
    SequenceData trainData, calData;
    for (auto *d : {&trainData, &calData}) {
        d->vocabularySize = all->vocabularySize;
        d->vocabulary = all->vocabulary;
    }
    for (size_t i = 0; i < eligible.size(); ++i)
        (i < held ? calData : trainData).tokens.push_back(all->tokens[eligible[i]]);

    TrainOptions o = options;
    o.labels = nullptr;
    o.normalOnly = false;
    auto model = SequenceModel::train(trainData, o, subRange(progress, QStringLiteral("Training"), 200, 750), onEpoch);
    if (!model)
        return tl::unexpected(model.error());
    auto calScores = (*model)->score(calData);
    if (!calScores)
        return tl::unexpected(calScores.error());
    // The threshold flags targetFpr of the held-out sessions' records, each carrying its
    // session's score, as a run flags records: counted per session, the many one- and two-event
    // sessions (whose means rest on the first, context-free events) set the tail, and on
    // apache_elastic_sample.log the 1 % threshold flagged only 0.4 % of the records.
    std::vector<double> calRecords;
    for (size_t i = 0; i < held; ++i)
        calRecords.insert(calRecords.end(), sessions->sessions[eligible[i]].rows.size(), calScores->scores[i]);
    auto table = calibrationTable(calRecords, options.targetFpr);
    if (!table)
        return tl::unexpected(table.error());
    const std::vector<CalibrationPoint> calibration = std::move(*table);
    const double threshold = std::find_if(calibration.begin(), calibration.end(), [&](const CalibrationPoint &c) {
                                 return c.targetFpr == options.targetFpr;
                             })->threshold;

    const QJsonObject schemaJson = p.schema.toJson();
    auto bundle = (*model)->toBundle(schemaJson);
    if (!bundle)
        return tl::unexpected(bundle.error());
    const TrainingSummary &summary = (*model)->summary();
    QJsonObject meta = summary.toJson();
    meta.insert(QStringLiteral("sequence"), r.toJson());
    meta.insert(QStringLiteral("threshold"), threshold);
    meta.insert(QStringLiteral("target_fpr"), options.targetFpr);
    meta.insert(QStringLiteral("calibration"), calibrationToJson(calibration));
    meta.insert(QStringLiteral("normal_only"), options.normalOnly);
    meta.insert(QStringLiteral("sessions"), QJsonObject{{QStringLiteral("all"), double(sessions->sessions.size())},
                                                        {QStringLiteral("trained"), double(trainData.tokens.size())},
                                                        {QStringLiteral("calibration"), double(calData.tokens.size())},
                                                        {QStringLiteral("calibrationRecords"), double(calRecords.size())},
                                                        {QStringLiteral("skippedRows"), double(sessions->skippedRows)}});
    auto saved = saveTrainedModel(p, request, ModelKind::Sequence, schemaJson, meta, *bundle, summary);
    if (!saved)
        return tl::unexpected(saved.error());
    PipelineResult result = std::move(*saved);
    result.rows = p.table.rowCount();
    result.width = int(r.vocabulary.tokens.size()) + 2;
    result.threshold = threshold;
    result.targetFpr = options.targetFpr;
    if (!request.scoreAfterTraining || summary.cancelled)
        return result;
    return storeSequenceRun(p, result.modelId, request.datasetId, **model, r, *sessions, threshold, options.targetFpr, calibration, progress,
                            result);
}

/// Scores data set \a datasetId with stored sequence model \a stored (the whole data set is
/// loaded: sessions span it).
Result<PipelineResult> scoreSequence(Prepared &p, const runs::StoredModel &stored, std::int64_t modelId, std::int64_t datasetId,
                                     const FeatureSchema &schema, const ProgressFn &progress)
{
    auto r = SequenceReading::fromJson(stored.metadata.value(QStringLiteral("sequence")).toObject(), modelId);
    if (!r)
        return tl::unexpected(r.error());
    auto model = SequenceModel::fromBundle(stored.bundle);
    if (!model)
        return tl::unexpected(model.error());
    const TableSlice columns = columnSlice(QStringList{r->entityColumn, r->timestampColumn} + r->tokenColumns, schema);
    if (auto loaded = load(p, datasetId, &schema, {}, &columns, subRange(progress, QStringLiteral("Loading"), 0, 150), false); !loaded)
        return tl::unexpected(loaded.error());
    if (auto ok = addEventColumn(p.table, p.datasetName, r->tokenColumns); !ok)
        return tl::unexpected(ok.error());
    auto sessions = sessionize(p.table, r->entityColumn, r->timestampColumn, r->gapSeconds, subRange(progress, QStringLiteral("Sessions"), 150, 200));
    if (!sessions)
        return tl::unexpected(sessions.error());
    PipelineResult result = scoringResult(datasetId, modelId, stored.kind, p.table.rowCount(), int(r->vocabulary.tokens.size()) + 2);
    const double threshold = stored.metadata.value(QStringLiteral("threshold")).toDouble();
    const double targetFpr = stored.metadata.value(QStringLiteral("target_fpr")).toDouble();
    return storeSequenceRun(p, modelId, datasetId, **model, *r, *sessions, threshold, targetFpr,
                            calibrationFromJson(stored.metadata.value(QStringLiteral("calibration"))), progress, result);
}


/// The share of \a units (the data set's records, or its sessions for a session autoencoder)
/// that an alert budget of \a alertsPerDay allows: the budget over the units a day, the day
/// count being the span of the loaded rows' timestamp column (a sample keeps the span of the
/// whole). Notes the figures in p.alertBudget for the model.
Result<double> alertBudgetRate(Prepared &p, double alertsPerDay, ModelKind kind, double units)
{
    const bool sessions = kind == ModelKind::SessionAutoencoder;
    if (kind == ModelKind::Classifier)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("An alert budget sets an anomaly threshold; the classifier's is "
                                                               "its probability of attack (0.5). Train without --alerts-per-day."));
    const QString timeColumn = p.schema.columnWithRole(Role::Timestamp);
    const qsizetype c = timeColumn.isEmpty() ? -1 : p.table.indexOf(timeColumn);
    if (c < 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("An alert budget needs to know how many records a day brings, and "
                                                               "dataset %1 has no timestamp column. Set a target false-positive rate instead.")
                                                    .arg(p.datasetName));
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (double t : p.table.columns[size_t(c)].numbers) {
        if (std::isfinite(t)) {
            lo = std::min(lo, t);
            hi = std::max(hi, t);
        }
    }
    const double days = hi > lo ? (hi - lo) / 86400.0 : 0.0;
    if (days * 24.0 < 1.0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Dataset %1 spans less than an hour ('%2'), too little to tell how "
                                                               "many records a day it brings; set a target false-positive rate instead.")
                                                    .arg(p.datasetName, timeColumn));
    const double perDay = units / days;
    const double rate = alertsPerDay / perDay;
    if (rate >= 1.0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("A budget of %1 alerts a day is more than the %2 %3 a day that "
                                                               "dataset %4 holds.")
                                                    .arg(alertsPerDay).arg(perDay, 0, 'f', 0)
                                                    .arg(sessions ? QStringLiteral("sessions") : QStringLiteral("records"), p.datasetName));
    p.alertBudget = QJsonObject{{QStringLiteral("alertsPerDay"), alertsPerDay},
                                {sessions ? QStringLiteral("sessionsPerDay") : QStringLiteral("recordsPerDay"), perDay},
                                {QStringLiteral("days"), days},
                                {QStringLiteral("targetFpr"), rate}};
    return rate;
}

// ---- session autoencoder ----------------------------------------------------------------

/// How a session autoencoder reads a data set; stored in its metadata as "sessionFeatures":
/// sessions (entity, timestamp, gap), what their aggregates summarise and the schema that
/// encodes the aggregates (the model's input; the model's own schema is the data set's).
struct SessionFeatureReading {
    QString entityColumn;
    QString timestampColumn;
    double gapSeconds = kDefaultSessionGapSeconds;
    SessionAggregateOptions aggregates;
    FeatureSchema features;

    QJsonObject toJson() const
    {
        return {{QStringLiteral("entity"), entityColumn},
                {QStringLiteral("timestamp"), timestampColumn},
                {QStringLiteral("gapSeconds"), gapSeconds},
                {QStringLiteral("distinct"), QJsonArray::fromStringList(aggregates.distinctColumns)},
                {QStringLiteral("status"), aggregates.statusColumn},
                {QStringLiteral("sums"), QJsonArray::fromStringList(aggregates.sumColumns)},
                {QStringLiteral("schema"), features.toJson()}};
    }
    /// The data set's columns that the sessions and their aggregates are made of.
    QStringList columns() const
    {
        return QStringList{entityColumn, timestampColumn, aggregates.statusColumn} + aggregates.distinctColumns + aggregates.sumColumns;
    }
    static Result<SessionFeatureReading> fromJson(const QJsonObject &j, std::int64_t modelId)
    {
        SessionFeatureReading r;
        r.entityColumn = j.value(QStringLiteral("entity")).toString();
        r.timestampColumn = j.value(QStringLiteral("timestamp")).toString();
        r.gapSeconds = j.value(QStringLiteral("gapSeconds")).toDouble(kDefaultSessionGapSeconds);
        for (const auto &v : j.value(QStringLiteral("distinct")).toArray())
            r.aggregates.distinctColumns << v.toString();
        r.aggregates.statusColumn = j.value(QStringLiteral("status")).toString();
        for (const auto &v : j.value(QStringLiteral("sums")).toArray())
            r.aggregates.sumColumns << v.toString();
        auto schema = FeatureSchema::fromJson(j.value(QStringLiteral("schema")).toObject());
        if (r.entityColumn.isEmpty() || r.timestampColumn.isEmpty() || r.gapSeconds <= 0 || !schema)
            return fail(ErrorCode::Corrupt, QStringLiteral("Session autoencoder %1 does not say how it reads sessions (entity, timestamp, "
                                                           "gap, aggregate schema); train it again.").arg(modelId));
        r.features = std::move(*schema);
        return r;
    }
};

/// The sessions of a table as a session autoencoder reads them, and one row per session.
struct SessionTable {
    Sessions sessions;
    Table aggregates;
};

/// The sessions of \a table by \a r, and their aggregates without the session's entity and
/// times (who and when are not what a session did; the rows keep them).
Result<SessionTable> sessionTable(const Table &table, const SessionFeatureReading &r, const ProgressFn &progress)
{
    auto sessions = sessionize(table, r.entityColumn, r.timestampColumn, r.gapSeconds, subRange(progress, QStringLiteral("Sessions"), 150, 180));
    if (!sessions)
        return tl::unexpected(sessions.error());
    auto aggregates = sessionAggregates(table, *sessions, r.aggregates, subRange(progress, QStringLiteral("Aggregating sessions"), 180, 200));
    if (!aggregates)
        return tl::unexpected(aggregates.error());
    auto &columns = aggregates->columns;
    columns.erase(std::remove_if(columns.begin(), columns.end(),
                                 [](const Column &c) {
                                     return c.name == QLatin1String("entity") || c.name == QLatin1String("start") || c.name == QLatin1String("end");
                                 }),
                  columns.end());
    return SessionTable{std::move(*sessions), std::move(*aggregates)};
}

/// Scores the sessions of p.table (their aggregates encoded as \a features) with \a model and
/// writes the run: every record of a session gets the session's score, severity, cluster,
/// position and top features (aggregates such as "events" or "error_ratio"). Records outside
/// every session (no entity or time) are not scored.
Result<PipelineResult> storeSessionRun(Prepared &p, std::int64_t modelId, std::int64_t datasetId, const AnomalyModel &model,
                                       const Sessions &sessions, const FeatureMatrix &features, const RunOptions &options,
                                       const ProgressFn &progress, PipelineResult result)
{
    auto scored = scoreRun(model, features, options, subRange(progress, QStringLiteral("Scoring sessions"), 800, 900));
    if (!scored)
        return tl::unexpected(scored.error());
    std::vector<std::int64_t> sessionOf(size_t(p.table.rowCount()), -1);
    for (size_t s = 0; s < sessions.sessions.size(); ++s)
        for (const auto row : sessions.sessions[s].rows)
            sessionOf[size_t(row)] = std::int64_t(s);
    RecordRows out = recordRows(p, model.threshold(), [&](std::int64_t i) -> std::optional<runs::ScoreRow> {
        const auto session = sessionOf[size_t(i)];
        if (session < 0)
            return std::nullopt;
        return scored->rows[size_t(session)];
    });
    QJsonObject summary = scored->summary;
    summary.insert(QStringLiteral("rows"), double(out.rows.size()));
    summary.insert(QStringLiteral("alerts"), double(out.alerts));
    summary.insert(QStringLiteral("sessions"), double(sessions.sessions.size()));
    summary.insert(QStringLiteral("sessionAlerts"), double(scored->alerts));
    summary.insert(QStringLiteral("skippedRows"), double(sessions.skippedRows));
    result.clusters = scored->clusters;
    return writeRun(p, modelId, datasetId, std::move(out.rows), std::move(out.scores), model.threshold(), model.targetFpr(),
                    model.calibration(), summary, progress, result);
}

/// TrainRequest of kind SessionAutoencoder on the loaded \a p: see trainOnDataset().
Result<PipelineResult> trainSessionAutoencoder(Prepared &p, const TrainRequest &request, const TrainOptions &options,
                                               const ProgressFn &progress, const EpochFn &onEpoch)
{
    SessionFeatureReading r;
    auto keys = sessionKeys(p, request.entityColumn, QStringLiteral("A session autoencoder"));
    if (!keys)
        return tl::unexpected(keys.error());
    std::tie(r.entityColumn, r.timestampColumn) = *keys;
    r.gapSeconds = request.sessionGapSeconds;
    r.aggregates = defaultAggregateOptions(p.table);
    // The entity's own column is who the session is, not what it did.
    r.aggregates.distinctColumns.removeAll(r.entityColumn);
    auto made = sessionTable(p.table, r, progress);
    if (!made)
        return tl::unexpected(made.error());
    const Sessions &sessions = made->sessions;
    const Table &table = made->aggregates;
    if (table.rowCount() < 4)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Dataset %1 has %2 sessions (entity %3, gap %4 s); a session autoencoder needs at least 4.")
                        .arg(p.datasetName).arg(table.rowCount()).arg(r.entityColumn).arg(r.gapSeconds));
    auto schema = inferSchema(table);
    if (!schema)
        return tl::unexpected(schema.error());
    r.features = std::move(*schema);
    auto matrix = encodeTable(r.features, table);
    if (!matrix)
        return tl::unexpected(matrix.error());
    if (matrix->cols == 0)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The sessions of dataset %1 all look alike (every aggregate is constant): nothing to learn.").arg(p.datasetName));

    // A session is normal when every record of it is labelled normal.
    TrainOptions o = options;
    o.kind = ModelKind::Autoencoder;
    if (request.alertsPerDay > 0) {
        // The threshold flags sessions: the budget is a share of the sessions a day.
        auto rate = alertBudgetRate(p, request.alertsPerDay, ModelKind::SessionAutoencoder, double(table.rowCount()));
        if (!rate)
            return tl::unexpected(rate.error());
        o.targetFpr = *rate;
    }
    o.labels = nullptr;
    LabelVector labels;
    if (p.labels) {
        labels = sessionLabels(sessions, *p.labels);
        o.labels = &labels;
    }
    auto model = AnomalyModel::train(*matrix, o, subRange(progress, QStringLiteral("Training"), 200, 750), onEpoch);
    if (!model)
        return tl::unexpected(model.error());
    // AnomalyModel::train calibrated the threshold on the held-out clean sessions, each counted
    // once: an analyst triages sessions. Counted per record instead (as for sequence models), a
    // handful of long sessions (a monitor's, a crawler's: 200 records each on the bundled demo
    // log) outweighs thousands of short ones, and whether a 10 % hold-out caught one decided the
    // threshold (1 % of the held-out records flagged 7 % of the log's normal records).
    auto bundle = (*model)->toBundle(r.features.toJson());
    if (!bundle)
        return tl::unexpected(bundle.error());
    const TrainingSummary &summary = (*model)->summary();
    QJsonObject meta = summary.toJson();
    meta.insert(QStringLiteral("sessionFeatures"), r.toJson());
    meta.insert(QStringLiteral("options"), (*model)->options());
    meta.insert(QStringLiteral("normal_only"), options.normalOnly);
    meta.insert(QStringLiteral("threshold"), (*model)->threshold());
    meta.insert(QStringLiteral("target_fpr"), (*model)->targetFpr());
    meta.insert(QStringLiteral("sessions"), QJsonObject{{QStringLiteral("all"), double(sessions.sessions.size())},
                                                        {QStringLiteral("trained"), double(summary.trainRows)},
                                                        {QStringLiteral("calibration"), double((*model)->validationRows().size())},
                                                        {QStringLiteral("skippedRows"), double(sessions.skippedRows)}});
    auto saved = saveTrainedModel(p, request, ModelKind::SessionAutoencoder, p.schema.toJson(), meta, *bundle, summary);
    if (!saved)
        return tl::unexpected(saved.error());
    PipelineResult result = std::move(*saved);
    result.rows = p.table.rowCount();
    result.width = matrix->cols;
    result.threshold = (*model)->threshold();
    result.targetFpr = (*model)->targetFpr();
    if (!request.scoreAfterTraining || summary.cancelled)
        return result;
    return storeSessionRun(p, result.modelId, request.datasetId, **model, sessions, *matrix, request.run, progress, result);
}

/// Scores data set \a datasetId with stored session autoencoder \a stored (the whole data set
/// is loaded: sessions span it).
Result<PipelineResult> scoreSessionAutoencoder(Prepared &p, const runs::StoredModel &stored, std::int64_t modelId, std::int64_t datasetId,
                                               const FeatureSchema &schema, const RunOptions &options, const ProgressFn &progress)
{
    auto r = SessionFeatureReading::fromJson(stored.metadata.value(QStringLiteral("sessionFeatures")).toObject(), modelId);
    if (!r)
        return tl::unexpected(r.error());
    auto model = AnomalyModel::fromBundle(stored.bundle, schemaFeatureNames(r->features));
    if (!model)
        return tl::unexpected(model.error());
    const TableSlice columns = columnSlice(r->columns(), schema);
    if (auto loaded = load(p, datasetId, &schema, {}, &columns, subRange(progress, QStringLiteral("Loading"), 0, 150), false); !loaded)
        return tl::unexpected(loaded.error());
    auto made = sessionTable(p.table, *r, progress);
    if (!made)
        return tl::unexpected(made.error());
    auto matrix = encodeTable(r->features, made->aggregates);
    if (!matrix)
        return tl::unexpected(matrix.error());
    return storeSessionRun(p, modelId, datasetId, **model, made->sessions, *matrix, options, progress,
                           scoringResult(datasetId, modelId, stored.kind, p.table.rowCount(), matrix->cols));
}

} // namespace

QStringList defaultTokenColumns(const FeatureSchema &schema, const Table &table, const QString &entityColumn)
{
    const auto usable = [&](const ColumnSpec &c) {
        return c.role == Role::Feature && c.encoding == Encoding::OneHot && c.name != entityColumn && c.cardinality >= 2
               && c.cardinality <= 64 && table.indexOf(c.name) >= 0;
    };
    // What an analyst reads an event as: a request's method, file type and status; a
    // connection's protocol, service and state; a DNS query's type and answer code.
    static const QStringList preferred{QStringLiteral("method"), QStringLiteral("path_ext"), QStringLiteral("status"),
                                       QStringLiteral("proto"), QStringLiteral("service"), QStringLiteral("conn_state"),
                                       QStringLiteral("qtype_name"), QStringLiteral("rcode_name")};
    QStringList out;
    for (const auto &name : preferred)
        if (const ColumnSpec *c = schema.column(name); c && usable(*c) && out.size() < 3)
            out << name;
    if (!out.isEmpty())
        return out;
    for (const auto &c : schema.columns)
        if (usable(c) && out.size() < 3)
            out << c.name;
    return out;
}

Result<PipelineResult> trainOnDataset(const TrainRequest &request, ProgressFn progress, EpochFn onEpoch)
{
    const ModelKind kind = request.options.kind;

    if (kind == ModelKind::TorchScript && request.torchScriptPath.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("A TorchScript model needs the path of its module file (.pt)."));
    auto prepared = openDataset(request.projectPath, request.datasetId);
    if (!prepared)
        return tl::unexpected(prepared.error());
    Prepared &p = *prepared;
    // Sessions span the data set: a model of sessions is never sampled.
    const bool ofSessions = kind == ModelKind::Sequence || kind == ModelKind::SessionAutoencoder;
    const bool sampled = !ofSessions && request.sampleRows > 0 && p.datasetRows > request.sampleRows;
    TableSlice sample;
    sample.sample = request.sampleRows;
    sample.seed = request.options.seed;
    const TableSlice *slice = sampled ? &sample : nullptr;
    // A model of sessions reads a handful of columns; with a stored schema they are known before
    // the rows (from the columns alone), so only those are loaded.
    TableSlice columns;
    std::optional<FeatureSchema> stored;
    if (ofSessions) {
        if (auto schema = loadSchema(p.project->db(), request.datasetId)) {
            TableSlice header; // the columns, no rows
            header.limit = 0;
            if (auto head = loadTableSlice(p.project->db(), request.datasetId, header)) {
                p.schema = *schema;
                p.table = std::move(*head);
                if (const QStringList needed = sessionModelColumns(p, request); !needed.isEmpty()) {
                    columns = columnSlice(needed, *schema);
                    slice = &columns;
                    stored = std::move(*schema);
                }
            }
        }
    }
    if (auto loaded = load(p, request.datasetId, stored ? &*stored : nullptr, request.profile, slice, progress, !ofSessions); !loaded)
        return tl::unexpected(loaded.error());

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
    if (options.normalOnly && !p.labels && request.normalOnlyWhereLabelled)
        options.normalOnly = false; // the workbench's standing preference: an unlabelled log trains on every row
    if (options.normalOnly && !p.labels)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("'Normal rows only' needs a label column, and dataset %1 has none. Train on all rows instead.")
                        .arg(p.datasetName));
    // A session autoencoder's budget counts sessions: it is converted once they are known.
    if (request.alertsPerDay > 0 && kind != ModelKind::SessionAutoencoder) {
        auto rate = alertBudgetRate(p, request.alertsPerDay, kind, double(p.datasetRows > 0 ? p.datasetRows : p.table.rowCount()));
        if (!rate)
            return tl::unexpected(rate.error());
        options.targetFpr = *rate;
    }
    if (kind == ModelKind::Sequence)
        return trainSequence(p, request, options, progress, onEpoch);
    if (kind == ModelKind::SessionAutoencoder)
        return trainSessionAutoencoder(p, request, options, progress, onEpoch);

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
        // Trained here, or a TorchScript module loaded and calibrated (whose metadata says
        // where it and its calibration came from).
        const bool script = kind == ModelKind::TorchScript;
        QJsonObject loaded;
        auto model = script ? loadTorchScript(p, request, options, training, loaded) : AnomalyModel::train(p.matrix, options, training, onEpoch);
        if (!model)
            return tl::unexpected(model.error());
        anomaly = std::move(*model);
        auto b = anomaly->toBundle(schemaJson);
        if (!b)
            return tl::unexpected(b.error());
        bundle = *b;
        summary = anomaly->summary();
        meta = summary.toJson();
        for (auto it = loaded.begin(); it != loaded.end(); ++it)
            meta.insert(it.key(), it.value());
        if (!script) {
            meta.insert(QStringLiteral("options"), anomaly->options());
            meta.insert(QStringLiteral("normal_only"), options.normalOnly);
        }
        meta.insert(QStringLiteral("threshold"), anomaly->threshold());
        meta.insert(QStringLiteral("target_fpr"), anomaly->targetFpr());
    }
    if (sampled)
        meta.insert(QStringLiteral("sample"), QJsonObject{{QStringLiteral("rows"), double(p.matrix.rows)},
                                                          {QStringLiteral("of"), double(p.datasetRows)},
                                                          {QStringLiteral("seed"), QString::number(sample.seed)}});

    auto saved = saveTrainedModel(p, request, kind, schemaJson, meta, bundle, summary);
    if (!saved)
        return tl::unexpected(saved.error());
    PipelineResult result = std::move(*saved);
    result.rows = sampled ? p.datasetRows : p.matrix.rows;
    result.sampleRows = sampled ? p.matrix.rows : 0;
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
    if (sampled || p.matrix.rows > request.run.chunkRows) {
        release(p);
        return storeChunkedRun(*p.project, p.schema, result.modelId, request.datasetId, p.datasetRows, anomaly.get(), classifier.get(),
                               request.run, progress, 800, result);
    }
    if (classifier)
        return storeClassifierRun(p, result.modelId, request.datasetId, *classifier, progress, result);
    return storeRun(p, result.modelId, request.datasetId, *anomaly, request.run, progress, result);
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
    auto prepared = openDataset(projectPath, datasetId);
    if (!prepared)
        return tl::unexpected(prepared.error());
    if (stored.kind == modelKindName(ModelKind::Sequence))
        return scoreSequence(*prepared, stored, modelId, datasetId, *schema, progress);
    if (stored.kind == modelKindName(ModelKind::SessionAutoencoder))
        return scoreSessionAutoencoder(*prepared, stored, modelId, datasetId, *schema, options, progress);
    if (prepared->datasetRows > options.chunkRows) {
        const PipelineResult result = scoringResult(datasetId, modelId, stored.kind, prepared->datasetRows, schema->width());
        const QStringList names = schemaFeatureNames(*schema);
        if (stored.kind == modelKindName(ModelKind::Classifier)) {
            auto model = ClassifierModel::fromBundle(stored.bundle, names);
            if (!model)
                return tl::unexpected(model.error());
            return storeChunkedRun(*prepared->project, *schema, modelId, datasetId, prepared->datasetRows, nullptr, model->get(),
                                   options, progress, 0, result);
        }
        auto model = AnomalyModel::fromBundle(stored.bundle, names);
        if (!model)
            return tl::unexpected(model.error());
        return storeChunkedRun(*prepared->project, *schema, modelId, datasetId, prepared->datasetRows, model->get(), nullptr,
                               options, progress, 0, result);
    }
    if (auto loaded = load(*prepared, datasetId, &*schema, {}, nullptr, progress); !loaded)
        return tl::unexpected(loaded.error());
    const PipelineResult result = scoringResult(datasetId, modelId, stored.kind, prepared->matrix.rows, prepared->matrix.cols);
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
    // Only the label columns: a data set of millions of rows needs a few bytes a row here.
    TableSlice labelColumns;
    for (const auto &c : schema->columns)
        if (c.role == Role::Label)
            labelColumns.columns << c.name;
    // Without a label column there is nothing to load: extractLabels() says so.
    auto table = labelColumns.columns.isEmpty()
        ? Result<Table>(Table{})
        : loadTableSlice(db, run->datasetId, labelColumns, subRange(progress, QStringLiteral("Loading"), 0, 500));
    if (!table)
        return tl::unexpected(table.error());
    auto labels = extractLabels(*schema, *table);
    if (!labels)
        return fail(labels.error().code, QStringLiteral("Run %1 cannot be evaluated: %2").arg(runId).arg(labels.error().message));
    std::vector<CalibrationPoint> calibration;
    if (stored->kind == modelKindName(ModelKind::Sequence)) {
        calibration = calibrationFromJson(stored->metadata.value(QStringLiteral("calibration")));
    } else if (stored->kind != modelKindName(ModelKind::Classifier)) {
        auto model = AnomalyModel::fromBundle(stored->bundle);
        if (!model)
            return tl::unexpected(model.error());
        calibration = (*model)->calibration();
    }
    auto scores = runs::readScoreValues(db, runId, subRange(progress, QStringLiteral("Reading scores"), 500, 900));
    if (!scores)
        return tl::unexpected(scores.error());

    // Stored scores align with the labelled rows by record id; both are in record order, so a
    // binary search finds each (no hash of millions of ids).
    const auto &ids = table->recordIds;
    std::vector<double> s;
    s.reserve(scores->size());
    LabelVector aligned;
    aligned.names = labels->names;
    aligned.normalId = labels->normalId;
    aligned.ids.reserve(scores->size());
    for (const auto &r : *scores) {
        const auto it = std::lower_bound(ids.begin(), ids.end(), r.recordId);
        if (it == ids.end() || *it != r.recordId)
            continue;
        s.push_back(r.score);
        aligned.ids.push_back(labels->ids[size_t(it - ids.begin())]);
    }
    auto figures = evaluateScores(s, aligned, run->threshold, calibration);
    if (!figures)
        return tl::unexpected(figures.error());
    figures->insert(QStringLiteral("calibratedOn"), calibrationSource(stored->kind));
    figures->insert(QStringLiteral("targetFpr"), run->targetFpr);
    QJsonObject metrics = run->metrics;
    metrics.insert(QStringLiteral("evaluation"), *figures);
    if (auto ok = runs::updateRunMetrics(db, runId, metrics); !ok)
        return tl::unexpected(ok.error());
    // The curves are for drawing (the workbench, --json): the run keeps the figures only.
    auto curves = evaluationCurves(s, aligned);
    if (!curves)
        return tl::unexpected(curves.error());
    (void)report(progress, 1000, 1000, QStringLiteral("Evaluating"));
    QJsonObject out = *figures;
    out.insert(QStringLiteral("curves"), *curves);
    out.insert(QStringLiteral("runId"), double(runId));
    out.insert(QStringLiteral("modelId"), double(run->modelId));
    out.insert(QStringLiteral("datasetId"), double(run->datasetId));
    out.insert(QStringLiteral("rows"), double(s.size()));
    return out;
}

} // namespace vigil::ml
