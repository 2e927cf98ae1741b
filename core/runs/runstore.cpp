#include "core/runs/runstore.h"

#include <QScopeGuard>

#include "core/metrics/metrics.h"

#include <QDateTime>
#include <QJsonDocument>

#include <cmath>

namespace vigil::runs {

namespace {

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

Result<std::int64_t> saveModel(sql::Database &db, const StoredModel &model)
{
    auto st = db.prepare("INSERT INTO models(name, kind, dataset_id, schema_json, metadata_json, bundle, created_at) "
                         "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, model.name).bind(2, model.kind);
    if (model.datasetId > 0)
        st->bind(3, model.datasetId);
    else
        st->bindNull(3);
    st->bind(4, compact(model.schema)).bind(5, compact(model.metadata)).bindBlob(6, model.bundle).bind(7, nowIso());
    if (auto ok = st->run(); !ok)
        return tl::unexpected(ok.error());
    return db.lastInsertId();
}

Result<StoredModel> loadModel(sql::Database &db, std::int64_t modelId)
{
    auto st = db.prepare("SELECT id, name, kind, dataset_id, schema_json, metadata_json, bundle, created_at FROM models WHERE id = ?1");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, modelId);
    if (auto ok = st->stepOne(QStringLiteral("Model %1 does not exist in this project (see `vigil-cli project info`).").arg(modelId)); !ok)
        return tl::unexpected(ok.error());
    StoredModel m;
    m.id = st->int64(0);
    m.name = st->text(1);
    m.kind = st->text(2);
    m.datasetId = st->isNull(3) ? 0 : st->int64(3);
    m.schema = parseObject(st->text(4));
    m.metadata = parseObject(st->text(5));
    m.bundle = st->blob(6);
    m.createdAt = st->text(7);
    return m;
}

Result<std::vector<StoredModel>> listModels(sql::Database &db)
{
    auto st = db.prepare("SELECT id, name, kind, dataset_id, metadata_json, created_at FROM models ORDER BY id DESC");
    if (!st)
        return tl::unexpected(st.error());
    std::vector<StoredModel> out;
    auto walked = st->forEach([&out](sql::Statement &row) {
        StoredModel m;
        m.id = row.int64(0);
        m.name = row.text(1);
        m.kind = row.text(2);
        m.datasetId = row.isNull(3) ? 0 : row.int64(3);
        m.metadata = parseObject(row.text(4));
        m.createdAt = row.text(5);
        out.push_back(std::move(m));
    });
    if (!walked)
        return tl::unexpected(walked.error());
    return out;
}

Result<std::int64_t> createRun(sql::Database &db, const RunInfo &run)
{
    auto st = db.prepare("INSERT INTO runs(model_id, dataset_id, threshold, target_fpr, metrics_json, created_at) "
                         "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, run.modelId).bind(2, run.datasetId);
    if (std::isfinite(run.threshold))
        st->bind(3, run.threshold);
    else
        st->bindNull(3);
    st->bind(4, run.targetFpr).bind(5, compact(run.metrics)).bind(6, nowIso());
    if (auto ok = st->run(); !ok)
        return tl::unexpected(ok.error());
    return db.lastInsertId();
}

Result<RunInfo> loadRun(sql::Database &db, std::int64_t runId)
{
    auto st = db.prepare("SELECT id, model_id, dataset_id, threshold, target_fpr, metrics_json, created_at FROM runs WHERE id = ?1");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, runId);
    if (auto ok = st->stepOne(QStringLiteral("Run %1 does not exist in this project.").arg(runId)); !ok)
        return tl::unexpected(ok.error());
    RunInfo r;
    r.id = st->int64(0);
    r.modelId = st->int64(1);
    r.datasetId = st->int64(2);
    r.threshold = st->isNull(3) ? std::nan("") : st->real(3);
    r.targetFpr = st->isNull(4) ? 0.0 : st->real(4);
    r.metrics = parseObject(st->text(5));
    r.createdAt = st->text(6);
    return r;
}

Result<void> updateRunMetrics(sql::Database &db, std::int64_t runId, const QJsonObject &metrics)
{
    auto st = db.prepare("UPDATE runs SET metrics_json = ?1 WHERE id = ?2");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, compact(metrics)).bind(2, runId);
    if (auto ok = st->run(); !ok)
        return tl::unexpected(ok.error());
    return {};
}

Result<std::int64_t> setRunThreshold(sql::Database &db, std::int64_t runId, double threshold, ProgressFn progress)
{
    if (!std::isfinite(threshold))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("A threshold must be a finite number."));
    auto run = loadRun(db, runId);
    if (!run)
        return tl::unexpected(run.error());
    sql::Transaction tx(db);
    if (!tx.ok())
        return tl::unexpected(tx.error());
    auto read = db.prepare("SELECT record_id, score FROM scores WHERE run_id = ?1");
    auto write = db.prepare("UPDATE scores SET severity = ?1 WHERE run_id = ?2 AND record_id = ?3");
    if (!read)
        return tl::unexpected(read.error());
    if (!write)
        return tl::unexpected(write.error());
    read->bind(1, runId);
    // Rows are collected first: updating the table a statement is still reading is undefined.
    std::vector<std::pair<std::int64_t, int>> changes;
    std::int64_t alerts = 0;
    while (true) {
        auto row = read->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        const double score = read->real(1);
        if (score >= threshold)
            ++alerts;
        changes.emplace_back(read->int64(0), metrics::severity(score, threshold));
    }
    const auto total = std::int64_t(changes.size());
    for (std::int64_t i = 0; i < total; ++i) {
        write->reset();
        write->bind(1, std::int64_t(changes[size_t(i)].second)).bind(2, runId).bind(3, changes[size_t(i)].first);
        if (auto ok = write->run(); !ok)
            return tl::unexpected(ok.error());
        if (i % 50000 == 0 && !report(progress, i, total, QStringLiteral("Updating severities")))
            return fail(ErrorCode::Cancelled, QStringLiteral("Moving the threshold was cancelled; nothing changed."));
    }
    auto update = db.prepare("UPDATE runs SET threshold = ?1, metrics_json = ?2 WHERE id = ?3");
    if (!update)
        return tl::unexpected(update.error());
    QJsonObject metrics = run->metrics;
    if (!metrics.contains(QStringLiteral("calibrated_threshold")))
        metrics.insert(QStringLiteral("calibrated_threshold"), run->threshold);
    metrics.insert(QStringLiteral("threshold"), threshold);
    metrics.insert(QStringLiteral("alerts"), qint64(alerts));
    update->bind(1, threshold).bind(2, compact(metrics)).bind(3, runId);
    if (auto ok = update->run(); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = tx.commit(); !ok)
        return tl::unexpected(ok.error());
    return alerts;
}

Result<void> writeScores(sql::Database &db, std::int64_t runId, const std::vector<ScoreRow> &rows, ProgressFn progress, int batchRows)
{
    const size_t batch = size_t(std::max(1, batchRows));
    // Both score indexes (by score; by cluster and score) take each row at a random place: with
    // SQLite's default 2 MB page cache every insert re-reads and every commit rewrites their
    // pages. A 128 MB cache and one commit: the session autoencoder on 1M nginx lines trained
    // and scored in 28 s instead of 42 s.
    const auto cache = db.scalarInt("PRAGMA cache_size");
    (void)db.exec("PRAGMA cache_size = -131072");
    auto restore = qScopeGuard([&] { if (cache) (void)db.exec("PRAGMA cache_size = " + std::to_string(*cache)); });
    auto st = db.prepare("INSERT OR REPLACE INTO scores(run_id, record_id, score, severity, cluster, x, y, top_features) "
                         "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!st)
        return tl::unexpected(st.error());
    sql::Transaction tx(db);
    if (!tx.ok())
        return tl::unexpected(tx.error());
    for (size_t start = 0; start < rows.size(); start += batch) {
        const size_t end = std::min(rows.size(), start + batch);
        for (size_t i = start; i < end; ++i) {
            const ScoreRow &r = rows[i];
            st->reset();
            st->bind(1, runId).bind(2, r.recordId).bind(3, r.score).bind(4, r.severity);
            if (r.cluster >= 0)
                st->bind(5, r.cluster);
            else
                st->bindNull(5);
            if (std::isfinite(r.x) && std::isfinite(r.y))
                st->bind(6, r.x).bind(7, r.y);
            else
                st->bindNull(6).bindNull(7);
            if (r.topFeatures.isEmpty())
                st->bindNull(8);
            else
                st->bind(8, r.topFeatures);
            if (auto ok = st->run(); !ok)
                return tl::unexpected(ok.error());
        }
        if (!report(progress, std::int64_t(end), std::int64_t(rows.size()), QStringLiteral("Saving scores")))
            return fail(ErrorCode::Cancelled, QStringLiteral("Saving scores was cancelled at %1 of %2 rows; none were saved.").arg(end).arg(rows.size()));
    }
    if (auto ok = tx.commit(); !ok)
        return tl::unexpected(ok.error());
    return {};
}

namespace {

/// The score rows of run \a runId in \a range, in record order, one \a T per row built by \a make
/// from the statement (columns as in \a columns); reports progress every \a every rows.
template<typename T, typename Make>
Result<std::vector<T>> readRunRows(sql::Database &db, std::int64_t runId, RecordRange range, const char *columns, size_t every, Make make,
                                   const ProgressFn &progress)
{
    auto count = db.prepare("SELECT COUNT(*) FROM scores WHERE run_id = ?1 AND record_id BETWEEN ?2 AND ?3");
    if (!count)
        return tl::unexpected(count.error());
    count->bind(1, runId).bind(2, range.first).bind(3, range.last);
    if (auto ok = count->step(); !ok)
        return tl::unexpected(ok.error());
    const std::int64_t total = count->int64(0);
    auto st = db.prepare(QStringLiteral("SELECT %1 FROM scores WHERE run_id = ?1 AND record_id BETWEEN ?2 AND ?3 ORDER BY record_id")
                             .arg(QLatin1String(columns))
                             .toStdString());
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, runId).bind(2, range.first).bind(3, range.last);
    std::vector<T> out;
    out.reserve(size_t(total));
    bool cancelled = false;
    auto walked = st->forEach([&](sql::Statement &row) {
        out.push_back(make(row));
        cancelled = out.size() % every == 0 && !report(progress, std::int64_t(out.size()), total, QStringLiteral("Reading scores"));
        return !cancelled;
    });
    if (!walked)
        return tl::unexpected(walked.error());
    if (cancelled)
        return fail(ErrorCode::Cancelled, QStringLiteral("Reading scores was cancelled."));
    return out;
}

} // namespace

Result<std::vector<ScoreRow>> readScores(sql::Database &db, std::int64_t runId, ProgressFn progress, RecordRange range)
{
    return readRunRows<ScoreRow>(
        db, runId, range, "record_id, score, severity, cluster, x, y, top_features", 50000,
        [](sql::Statement &st) {
            ScoreRow r;
            r.recordId = st.int64(0);
            r.score = st.real(1);
            r.severity = int(st.int64(2));
            r.cluster = st.isNull(3) ? -1 : int(st.int64(3));
            r.x = st.isNull(4) ? std::nan("") : st.real(4);
            r.y = st.isNull(5) ? std::nan("") : st.real(5);
            r.topFeatures = st.isNull(6) ? QString() : st.text(6);
            return r;
        },
        progress);
}

Result<std::vector<ScoreValue>> readScoreValues(sql::Database &db, std::int64_t runId, ProgressFn progress)
{
    return readRunRows<ScoreValue>(
        db, runId, RecordRange{}, "record_id, score", 200000,
        [](sql::Statement &st) { return ScoreValue{st.int64(0), st.real(1)}; }, progress);
}

} // namespace vigil::runs
