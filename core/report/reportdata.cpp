#include "core/report/reportdata.h"

#include "core/sqlite.h"
#include "core/store/datasetstore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <optional>

namespace vigil {

namespace {

QJsonObject parseObject(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

/// Accepts the shapes the scorer may store: [{"feature": f, "contribution": c}, …] (or
/// name/value keys), or {"feature": contribution, …}.
std::vector<std::pair<QString, double>> parseTopFeatures(const QString &json)
{
    std::vector<std::pair<QString, double>> out;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (doc.isArray()) {
        for (const QJsonValue &v : doc.array()) {
            const QJsonObject o = v.toObject();
            QString name = o.value(QStringLiteral("feature")).toString();
            if (name.isEmpty())
                name = o.value(QStringLiteral("name")).toString();
            double value = o.contains(QStringLiteral("contribution")) ? o.value(QStringLiteral("contribution")).toDouble()
                                                                       : o.value(QStringLiteral("value")).toDouble();
            if (!name.isEmpty())
                out.emplace_back(name, value);
        }
    } else if (doc.isObject()) {
        const QJsonObject o = doc.object();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.emplace_back(it.key(), it.value().toDouble());
        std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    }
    return out;
}

template<typename Fn>
Result<void> forEachRow(sql::Statement &st, Fn &&fn)
{
    while (true) {
        auto row = st.step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            return {};
        fn(st);
    }
}

struct RunContext {
    std::int64_t runId = 0, datasetId = 0, modelId = 0;
    double threshold = 0.0, targetFpr = 0.0;
    QString metricsJson;
    QString tableSql;                    ///< quoted, validated ds_<id>
    std::vector<DatasetColumn> columns;  ///< validated c<n> names
};

Result<RunContext> loadRun(sql::Database &db, std::int64_t runId)
{
    RunContext ctx;
    ctx.runId = runId;
    auto st = db.prepare("SELECT model_id, dataset_id, coalesce(threshold, 0), coalesce(target_fpr, 0), metrics_json FROM runs WHERE id = ?1");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, runId);
    auto row = st->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, QStringLiteral("Scoring run %1 does not exist in %2.").arg(runId).arg(db.path()));
    ctx.modelId = st->int64(0);
    ctx.datasetId = st->int64(1);
    ctx.threshold = st->real(2);
    ctx.targetFpr = st->real(3);
    ctx.metricsJson = st->text(4);

    auto ds = db.prepare("SELECT table_name FROM datasets WHERE id = ?1");
    if (!ds)
        return tl::unexpected(ds.error());
    ds->bind(1, ctx.datasetId);
    row = ds->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, QStringLiteral("Dataset %1 of run %2 does not exist.").arg(ctx.datasetId).arg(runId));
    // Table and column names come from the project file, which may be hostile: accept only
    // the shapes Vigil itself generates.
    static const QRegularExpression tableRe(QStringLiteral("^ds_[0-9]+$"));
    const QString table = ds->text(0);
    if (!tableRe.match(table).hasMatch())
        return fail(ErrorCode::Corrupt, QStringLiteral("Dataset %1 has an invalid table name.").arg(ctx.datasetId));
    ctx.tableSql = sql::quoteIdentifier(table);
    auto columns = datasetColumns(db, ctx.datasetId); // validates the generated c<n> names
    if (!columns)
        return tl::unexpected(columns.error());
    ctx.columns = std::move(*columns);
    return ctx;
}

Result<std::vector<std::pair<QString, QString>>> recordFields(sql::Database &db, const RunContext &ctx, std::int64_t rid)
{
    QStringList names;
    for (const auto &c : ctx.columns)
        names << sql::quoteIdentifier(c.sql);
    if (names.isEmpty())
        return std::vector<std::pair<QString, QString>>{};
    const QString q = QStringLiteral("SELECT %1 FROM %2 WHERE rid = ?1").arg(names.join(QLatin1Char(',')), ctx.tableSql);
    auto st = db.prepare(q.toStdString());
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, rid);
    auto row = st->step();
    if (!row)
        return tl::unexpected(row.error());
    std::vector<std::pair<QString, QString>> out;
    if (!*row)
        return out;
    for (size_t i = 0; i < ctx.columns.size(); ++i) {
        QString value;
        if (!st->isNull(int(i))) {
            if (ctx.columns[i].type == ColumnType::Timestamp)
                value = QDateTime::fromMSecsSinceEpoch(qint64(st->real(int(i)) * 1000.0), Qt::UTC).toString(Qt::ISODate);
            else
                value = st->text(int(i));
        }
        out.emplace_back(ctx.columns[i].name, value);
    }
    return out;
}

Result<void> attachLabel(sql::Database &db, std::int64_t datasetId, Finding &f)
{
    auto st = db.prepare("SELECT label, tags, note FROM labels WHERE dataset_id = ?1 AND scope = 'record' AND key = ?2");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, datasetId).bind(2, QString::number(f.recordId));
    auto row = st->step();
    if (!row)
        return tl::unexpected(row.error());
    if (*row) {
        f.label = st->text(0) == QLatin1String("none") ? QString() : st->text(0);
        f.tags = st->text(1);
        f.note = st->text(2);
    }
    return {};
}

Result<Finding> loadFinding(sql::Database &db, const RunContext &ctx, sql::Statement &scoreRow)
{
    Finding f;
    f.recordId = scoreRow.int64(0);
    f.score = scoreRow.real(1);
    f.severity = int(scoreRow.int64(2));
    f.cluster = scoreRow.isNull(3) ? -1 : int(scoreRow.int64(3));
    f.topFeatures = parseTopFeatures(scoreRow.text(4));
    auto fields = recordFields(db, ctx, f.recordId);
    if (!fields)
        return tl::unexpected(fields.error());
    f.fields = std::move(*fields);
    if (auto r = attachLabel(db, ctx.datasetId, f); !r)
        return tl::unexpected(r.error());
    return f;
}

} // namespace

Result<ReportData> collectReport(sql::Database &db, std::int64_t runId, const ReportOptions &options)
{
    auto ctx = loadRun(db, runId);
    if (!ctx)
        return tl::unexpected(ctx.error());
    ReportData d;
    d.projectPath = db.path();
    d.generatedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    d.vigilVersion = QStringLiteral(VIGIL_VERSION);
    d.runId = runId;
    d.datasetId = ctx->datasetId;
    d.modelId = ctx->modelId;
    d.threshold = ctx->threshold;
    d.targetFpr = ctx->targetFpr;
    d.metrics = parseObject(ctx->metricsJson);

    {
        auto st = db.prepare("SELECT name, source_path, format, content_hash, row_count, bad_lines FROM datasets WHERE id = ?1");
        if (!st)
            return tl::unexpected(st.error());
        st->bind(1, d.datasetId);
        if (auto row = st->step(); row && *row) {
            d.datasetName = st->text(0);
            d.sourcePath = st->text(1);
            d.format = st->text(2);
            d.contentHash = st->text(3);
            d.rows = st->int64(4);
            d.badLines = st->int64(5);
        }
    }
    {
        auto st = db.prepare("SELECT schema_json FROM schemas WHERE dataset_id = ?1 ORDER BY id DESC LIMIT 1");
        if (!st)
            return tl::unexpected(st.error());
        st->bind(1, d.datasetId);
        if (auto row = st->step(); row && *row)
            d.schema = parseObject(st->text(0));
    }
    {
        auto st = db.prepare("SELECT name, kind, metadata_json, schema_json FROM models WHERE id = ?1");
        if (!st)
            return tl::unexpected(st.error());
        st->bind(1, d.modelId);
        if (auto row = st->step(); row && *row) {
            d.modelName = st->text(0);
            d.modelKind = st->text(1);
            d.modelMetadata = parseObject(st->text(2));
            if (QJsonObject reading = d.modelMetadata.value(QStringLiteral("sessionFeatures")).toObject(); !reading.isEmpty()) {
                d.sessionSchema = reading.take(QStringLiteral("schema")).toObject();
                d.modelMetadata.insert(QStringLiteral("sessionFeatures"), reading);
            }
            // A data set that was only scored has no schema of its own: the model's schema is
            // what encoded it.
            if (d.schema.isEmpty()) {
                d.schema = parseObject(st->text(3));
                d.schemaFromModel = !d.schema.isEmpty();
            }
        }
    }

    double lo = 0.0, hi = 0.0;
    {
        auto st = db.prepare("SELECT count(*), coalesce(sum(score >= ?2), 0), coalesce(min(score), 0), coalesce(max(score), 0) "
                             "FROM scores WHERE run_id = ?1");
        if (!st)
            return tl::unexpected(st.error());
        st->bind(1, runId).bind(2, d.threshold);
        if (auto row = st->step(); !row)
            return tl::unexpected(row.error());
        d.scored = st->int64(0);
        d.alerts = st->int64(1);
        lo = st->real(2);
        hi = st->real(3);
    }

    // Score histogram, binned in SQL: a million scores never cross into the report as rows.
    const int bins = std::max(1, options.histogramBins);
    const double width = hi > lo ? (hi - lo) / bins : 1.0;
    d.histogram.resize(size_t(bins));
    for (int i = 0; i < bins; ++i)
        d.histogram[size_t(i)] = {lo + i * width, lo + (i + 1) * width, 0};
    if (d.scored > 0) {
        auto st = db.prepare("SELECT min(CAST((score - ?2) / ?3 AS INTEGER), ?4 - 1) AS b, count(*) FROM scores "
                             "WHERE run_id = ?1 GROUP BY b");
        if (!st)
            return tl::unexpected(st.error());
        st->bind(1, runId).bind(2, lo).bind(3, width).bind(4, bins);
        auto r = forEachRow(*st, [&](sql::Statement &s) {
            const auto b = std::clamp<std::int64_t>(s.int64(0), 0, bins - 1);
            d.histogram[size_t(b)].count += s.int64(1);
        });
        if (!r)
            return tl::unexpected(r.error());
    }

    // Timeline over the dataset's first timestamp column.
    auto tsColumn = std::find_if(ctx->columns.begin(), ctx->columns.end(),
                                 [](const DatasetColumn &c) { return c.type == ColumnType::Timestamp; });
    if (tsColumn != ctx->columns.end()) {
        const QString ts = sql::quoteIdentifier(tsColumn->sql);
        auto range = db.prepare(QStringLiteral("SELECT min(%1), max(%1) FROM %2").arg(ts, ctx->tableSql).toStdString());
        if (!range)
            return tl::unexpected(range.error());
        if (auto row = range->step(); row && *row && !range->isNull(0)) {
            const double t0 = range->real(0), t1 = range->real(1);
            const int tbins = std::max(1, options.timelineBins);
            const double tw = t1 > t0 ? (t1 - t0) / tbins : 1.0;
            d.timeline.resize(size_t(tbins));
            for (int i = 0; i < tbins; ++i)
                d.timeline[size_t(i)] = {t0 + i * tw, t0 + (i + 1) * tw, 0, 0};
            auto st = db.prepare(QStringLiteral("SELECT min(CAST((d.%1 - ?2) / ?3 AS INTEGER), ?4 - 1) AS b, count(*), "
                                                "coalesce(sum(s.score >= ?5), 0) FROM %2 d LEFT JOIN scores s "
                                                "ON s.run_id = ?1 AND s.record_id = d.rid WHERE d.%1 IS NOT NULL GROUP BY b")
                                     .arg(ts, ctx->tableSql)
                                     .toStdString());
            if (!st)
                return tl::unexpected(st.error());
            st->bind(1, runId).bind(2, t0).bind(3, tw).bind(4, tbins).bind(5, d.threshold);
            auto r = forEachRow(*st, [&](sql::Statement &s) {
                const auto b = std::clamp<std::int64_t>(s.int64(0), 0, tbins - 1);
                d.timeline[size_t(b)].events += s.int64(1);
                d.timeline[size_t(b)].alerts += s.int64(2);
            });
            if (!r)
                return tl::unexpected(r.error());
        }
    }

    {
        auto st = db.prepare("SELECT cluster, count(*), min(score), max(score), avg(score) FROM scores "
                             "WHERE run_id = ?1 AND cluster IS NOT NULL GROUP BY cluster ORDER BY cluster");
        if (!st)
            return tl::unexpected(st.error());
        st->bind(1, runId);
        auto r = forEachRow(*st, [&](sql::Statement &s) {
            d.clusters.push_back({int(s.int64(0)), s.int64(1), s.real(2), s.real(3), s.real(4)});
        });
        if (!r)
            return tl::unexpected(r.error());
    }
    if (d.scored > 0 && options.scatterSample > 0) {
        const std::int64_t stride = std::max<std::int64_t>(1, d.scored / options.scatterSample);
        auto st = db.prepare("SELECT x, y, coalesce(cluster, -1), score >= ?2 FROM scores WHERE run_id = ?1 AND x IS NOT NULL "
                             "AND (score >= ?2 OR record_id % ?3 = 0) LIMIT ?4");
        if (!st)
            return tl::unexpected(st.error());
        st->bind(1, runId).bind(2, d.threshold).bind(3, stride).bind(4, std::int64_t(options.scatterSample) * 2);
        auto r = forEachRow(*st, [&](sql::Statement &s) {
            d.scatter.push_back({s.real(0), s.real(1), int(s.int64(2)), s.int64(3) != 0});
        });
        if (!r)
            return tl::unexpected(r.error());
    }

    {
        auto st = db.prepare("SELECT record_id, score, severity, cluster, coalesce(top_features, '') FROM scores "
                             "WHERE run_id = ?1 ORDER BY score DESC LIMIT ?2");
        if (!st)
            return tl::unexpected(st.error());
        st->bind(1, runId).bind(2, std::int64_t(options.topAnomalies));
        std::optional<Error> failed;
        auto walked = st->forEach([&](sql::Statement &row) {
            auto f = loadFinding(db, *ctx, row);
            if (!f)
                failed = f.error();
            else
                d.topAnomalies.push_back(std::move(*f));
            return !failed;
        });
        if (!walked)
            return tl::unexpected(walked.error());
        if (failed)
            return tl::unexpected(*failed);
    }
    {
        auto st = db.prepare("SELECT scope, key, label, tags, note, updated_at FROM labels "
                             "WHERE dataset_id = ?1 AND label <> 'none' ORDER BY scope, CAST(key AS INTEGER), key");
        if (!st)
            return tl::unexpected(st.error());
        st->bind(1, d.datasetId);
        auto r = forEachRow(*st, [&](sql::Statement &s) {
            d.labelled.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)});
        });
        if (!r)
            return tl::unexpected(r.error());
    }
    return d;
}

Result<std::vector<Finding>> collectItems(sql::Database &db, std::int64_t runId, const std::vector<std::int64_t> &recordIds)
{
    auto ctx = loadRun(db, runId);
    if (!ctx)
        return tl::unexpected(ctx.error());
    std::vector<std::int64_t> ids = recordIds;
    if (ids.empty()) {
        auto st = db.prepare("SELECT DISTINCT CAST(key AS INTEGER) FROM labels WHERE dataset_id = ?1 AND scope = 'record' "
                             "AND label <> 'none' ORDER BY 1");
        if (!st)
            return tl::unexpected(st.error());
        st->bind(1, ctx->datasetId);
        auto r = forEachRow(*st, [&](sql::Statement &s) { ids.push_back(s.int64(0)); });
        if (!r)
            return tl::unexpected(r.error());
    } else {
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    }
    auto st = db.prepare("SELECT ?2, coalesce(score, 0), coalesce(severity, 0), cluster, coalesce(top_features, '') "
                         "FROM (SELECT 1) LEFT JOIN scores ON run_id = ?1 AND record_id = ?2");
    if (!st)
        return tl::unexpected(st.error());
    std::vector<Finding> out;
    out.reserve(ids.size());
    for (const std::int64_t id : ids) {
        st->reset();
        st->bind(1, runId).bind(2, id);
        auto row = st->step();
        if (!row)
            return tl::unexpected(row.error());
        auto f = loadFinding(db, *ctx, *st);
        if (!f)
            return tl::unexpected(f.error());
        if (f->fields.empty())
            return fail(ErrorCode::NotFound, QStringLiteral("Record %1 does not exist in dataset %2.").arg(id).arg(ctx->datasetId));
        out.push_back(std::move(*f));
    }
    return out;
}

} // namespace vigil
