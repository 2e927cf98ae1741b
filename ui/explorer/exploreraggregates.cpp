#include "ui/explorer/exploreraggregates.h"

#include "core/runs/runstore.h"
#include "core/schema/schema.h"
#include "core/sqlite.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace vigil::ui {

namespace {

/// FROM + WHERE for an optional filter; the scores-only form when nothing else is needed.
struct Scope {
    QString from;
    QString where;
    std::vector<QVariant> params;
};

Scope scopeFor(const query::DatasetSource &src, const query::CompiledFilter &filter)
{
    const bool labels = filter.fieldsUsed.contains(QStringLiteral("label")) || filter.fieldsUsed.contains(QStringLiteral("tags"))
                        || filter.fieldsUsed.contains(QStringLiteral("note"));
    // Aggregations visit most rows: scan the dataset in order, look scores up by key.
    return Scope{src.scanFromClause(labels, src.entityField), filter.condition(), filter.params};
}

template<typename Fn>
Result<void> forEachRow(sql::Database &db, const QString &sqlText, const std::vector<QVariant> &params, Fn &&fn)
{
    auto st = db.prepare(sqlText.toStdString());
    if (!st)
        return tl::unexpected(st.error());
    query::bindParams(*st, params);
    return st->forEach(fn);
}

} // namespace

double ScoreHistogram::countAbove(double threshold) const
{
    double n = 0.0;
    for (size_t i = 0; i < counts.size(); ++i) {
        const double lo = min + binWidth * double(i);
        const double hi = lo + binWidth;
        if (lo >= threshold)
            n += double(counts[i]);
        else if (hi > threshold)
            n += double(counts[i]) * (hi - threshold) / binWidth;
    }
    return n;
}

double ScoreHistogram::expectedFpr(double threshold, bool *fromLabels) const
{
    constexpr qint64 kMinBenign = 20;
    const bool labelled = benignTotal >= kMinBenign;
    if (fromLabels)
        *fromLabels = labelled;
    if (labelled) {
        double n = 0.0;
        for (size_t i = 0; i < benign.size(); ++i) {
            const double lo = min + binWidth * double(i);
            const double hi = lo + binWidth;
            if (lo >= threshold)
                n += double(benign[i]);
            else if (hi > threshold)
                n += double(benign[i]) * (hi - threshold) / binWidth;
        }
        return n / double(benignTotal);
    }
    return total > 0 ? countAbove(threshold) / double(total) : 0.0;
}

/// The dataset columns (their contract names) that the run's model schema marks as labels, in
/// schema order; none when the run, its model or its schema cannot be read.
static std::vector<QString> labelColumns(sql::Database &db, const query::DatasetSource &src)
{
    std::vector<QString> out;
    auto run = runs::loadRun(db, src.runId);
    if (!run)
        return out;
    auto model = runs::loadModel(db, run->modelId);
    if (!model)
        return out;
    auto schema = FeatureSchema::fromJson(model->schema);
    if (!schema)
        return out;
    for (const auto &c : schema->columns) {
        if (c.role != Role::Label)
            continue;
        for (const auto &dc : src.columns)
            if (dc.name == c.name)
                out.push_back(dc.sqlName);
    }
    return out;
}

/// Bins `s.score` of the rows of \a base (" FROM … WHERE …" with \a params) into \a h: range,
/// total and counts. Returns the SQL expression of a row's bin, for the benign rows' counts.
static Result<QString> binScores(sql::Database &db, const query::DatasetSource &src, int bins, const QString &base,
                                 const std::vector<QVariant> &params, ScoreHistogram &h)
{
    auto r = forEachRow(db, QStringLiteral("SELECT min(s.score), max(s.score), count(s.score)") + base, params, [&](sql::Statement &st) {
        h.min = st.real(0);
        h.max = st.real(1);
        h.total = st.int64(2);
    });
    if (!r)
        return tl::unexpected(r.error());
    h.counts.assign(size_t(bins), 0);
    h.benign.assign(size_t(bins), 0);
    if (h.total == 0)
        return QString();
    if (!(h.max > h.min))
        h.max = h.min + 1.0;
    h.dataMax = h.max;
    {
        // The 99.9th percentile (through the score index when unfiltered).
        double q = h.max;
        r = forEachRow(db, QStringLiteral("SELECT s.score") + base + QStringLiteral(" ORDER BY s.score DESC LIMIT 1 OFFSET ")
                               + QString::number(h.total / 1000),
                       params, [&](sql::Statement &st) { q = st.real(0); });
        if (!r)
            return tl::unexpected(r.error());
        double hi = q + 0.25 * (q - h.min);
        if (src.hasThreshold() && src.threshold > h.min)
            hi = std::max(hi, src.threshold + 0.5 * (src.threshold - h.min));
        if (hi < h.max && hi > h.min) {
            h.max = hi;
            h.overflow = true;
        }
    }
    h.binWidth = (h.max - h.min) / double(bins);
    const QString lo = QString::number(h.min, 'g', 17);
    const QString w = QString::number(h.binWidth, 'g', 17);
    const QString bin = QStringLiteral("min(CAST((s.score - ") + lo + QStringLiteral(") / ") + w + QStringLiteral(" AS INTEGER), ")
                        + QString::number(bins - 1) + QStringLiteral(")");
    r = forEachRow(db, QStringLiteral("SELECT ") + bin + QStringLiteral(" AS b, count(*)") + base + QStringLiteral(" GROUP BY b"), params,
                   [&](sql::Statement &st) {
                       const qint64 b = st.int64(0);
                       if (b >= 0 && b < bins)
                           h.counts[size_t(b)] += st.int64(1);
                   });
    if (!r)
        return tl::unexpected(r.error());
    return bin;
}

/// Adds the rows of `SELECT <bin> AS b, count(*) … GROUP BY b` (\a sqlText) to \a counts / \a total.
static Result<void> countBins(sql::Database &db, const QString &sqlText, std::vector<qint64> &counts, qint64 &total)
{
    return forEachRow(db, sqlText, {}, [&](sql::Statement &st) {
        const qint64 b = st.int64(0);
        if (b >= 0 && b < qint64(counts.size())) {
            counts[size_t(b)] += st.int64(1);
            total += st.int64(1);
        }
    });
}

/// SQL condition: the label column \a sqlName of `d` names a benign class (as extractLabels()).
static QString normalLabel(const QString &sqlName)
{
    return QStringLiteral("rtrim(lower(trim(CAST(d.") + sql::quoteIdentifier(sqlName) + QStringLiteral(" AS TEXT))), '.') IN ('normal', 'benign', '0')");
}

Result<ScoreHistogram> scoreHistogram(sql::Database &db, const query::DatasetSource &src, int bins, const query::CompiledFilter &filter)
{
    ScoreHistogram h;
    bins = std::clamp(bins, 1, 10000);
    if (src.runId <= 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("No run selected: the histogram needs scores."));
    const Scope scope = scopeFor(src, filter);
    const QString base = filter.isEmpty() ? QString(QStringLiteral(" FROM scores s WHERE s.run_id = ") + QString::number(src.runId))
                                          : QString(QStringLiteral(" FROM ") + scope.from + QStringLiteral(" WHERE ") + scope.where);
    const std::vector<QVariant> params = filter.isEmpty() ? std::vector<QVariant>{} : scope.params;
    auto bin = binScores(db, src, bins, base, params, h);
    if (!bin)
        return tl::unexpected(bin.error());
    if (h.total == 0)
        return h;
    // The data set's own normal rows, when its label column says which (ground truth, all of
    // them); otherwise the analyst's benign-labelled records (few), from the labels table.
    // Values only ever come from the contract's column names and numbers, never from data.
    for (const QString &column : labelColumns(db, src)) {
        std::vector<qint64> normal(size_t(bins), 0);
        qint64 normalTotal = 0;
        // Every row is visited: a sequential scan of the data set, each score by primary key.
        if (auto r = countBins(db, QStringLiteral("SELECT ") + *bin + QStringLiteral(" AS b, count(*) FROM ") + src.scanFromClause(false)
                                       + QStringLiteral(" WHERE ") + normalLabel(column) + QStringLiteral(" GROUP BY b"),
                               normal, normalTotal);
            !r)
            return tl::unexpected(r.error());
        if (normalTotal > 0) { // the first label column that names a benign class, as extractLabels()
            h.benign = std::move(normal);
            h.benignTotal = normalTotal;
            h.benignFromDataset = true;
            return h;
        }
    }
    if (auto r = countBins(db, QStringLiteral("SELECT ") + *bin + QStringLiteral(" AS b, count(*) FROM labels l JOIN scores s ON s.run_id = ")
                                   + QString::number(src.runId) + QStringLiteral(" AND s.record_id = CAST(l.key AS INTEGER) WHERE l.dataset_id = ")
                                   + QString::number(src.datasetId) + QStringLiteral(" AND l.scope = 'record' AND l.label = 'benign' GROUP BY b"),
                           h.benign, h.benignTotal);
        !r)
        return tl::unexpected(r.error());
    return h;
}

Result<ScoreHistogram> sessionScoreHistogram(sql::Database &db, const query::DatasetSource &src, const SessionSpec &sessions, int bins)
{
    bins = std::clamp(bins, 1, 10000);
    if (src.runId <= 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("No run selected: the histogram needs scores."));
    const QString keys = src.sessionKeysSelect(sessions.entityField, sessions.gapSeconds);
    if (keys.isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("Dataset %1 has no column \"%2\" or no timestamp: no sessions to count.")
                                             .arg(src.datasetId)
                                             .arg(sessions.entityField));
    // One row per session: its score (every record of a session of a session model carries
    // the session's; max for any other run) and whether every record of it is normal: by the
    // model's first label column, or else (no normal rows there) by the analyst's labels.
    const std::vector<QString> labels = labelColumns(db, src);
    bool benignLabels = false;
    auto r = forEachRow(db,
                        QStringLiteral("SELECT EXISTS(SELECT 1 FROM labels WHERE dataset_id = ") + QString::number(src.datasetId)
                            + QStringLiteral(" AND scope = 'record' AND label = 'benign')"),
                        {}, [&](sql::Statement &st) { benignLabels = st.int64(0) != 0; });
    if (!r)
        return tl::unexpected(r.error());
    // Each join only when it can tell something (a scan of a million rows each).
    QString columns = QStringLiteral("min(k.sstart), max(s.score), max(s.cluster), ") + (labels.empty() ? QStringLiteral("0") : QStringLiteral("min(") + normalLabel(labels.front()) + QStringLiteral(")"))
                      + (benignLabels ? QStringLiteral(", min(coalesce(lr.label = 'benign', 0))") : QStringLiteral(", 0"));
    QString joins = QStringLiteral(" JOIN scores s ON s.run_id = ") + QString::number(src.runId) + QStringLiteral(" AND s.record_id = k.rid");
    if (!labels.empty())
        joins += QStringLiteral(" JOIN ") + src.table + QStringLiteral(" d ON d.rid = k.rid");
    if (benignLabels)
        joins += QStringLiteral(" LEFT JOIN labels lr ON lr.dataset_id = ") + QString::number(src.datasetId)
                 + QStringLiteral(" AND lr.scope = 'record' AND lr.key = CAST(k.rid AS TEXT)");
    const QString text = QStringLiteral("DROP TABLE IF EXISTS temp.vigil_session_scores;"
                                        "CREATE TEMP TABLE vigil_session_scores(start REAL NOT NULL, score REAL NOT NULL, cluster INTEGER, "
                                        "normal INTEGER NOT NULL, labelled INTEGER NOT NULL);"
                                        "INSERT INTO temp.vigil_session_scores SELECT ")
                         + columns + QStringLiteral(" FROM (") + keys + QStringLiteral(") k") + joins + QStringLiteral(" GROUP BY k.skey;");
    if (auto ok = db.exec(text.toStdString()); !ok)
        return tl::unexpected(ok.error());
    ScoreHistogram h;
    h.sessions = true;
    const QString base = QStringLiteral(" FROM temp.vigil_session_scores s");
    auto bin = binScores(db, src, bins, base, {}, h);
    if (!bin)
        return tl::unexpected(bin.error());
    if (h.total == 0)
        return h;
    qint64 datasetNormal = 0;
    if (!labels.empty()) {
        std::vector<qint64> normal(size_t(bins), 0);
        if (auto r = countBins(db, QStringLiteral("SELECT ") + *bin + QStringLiteral(" AS b, count(*)") + base + QStringLiteral(" WHERE s.normal = 1 GROUP BY b"),
                               normal, datasetNormal);
            !r)
            return tl::unexpected(r.error());
        if (datasetNormal > 0) {
            h.benign = std::move(normal);
            h.benignTotal = datasetNormal;
            h.benignFromDataset = true;
            return h;
        }
    }
    if (auto r = countBins(db, QStringLiteral("SELECT ") + *bin + QStringLiteral(" AS b, count(*)") + base + QStringLiteral(" WHERE s.labelled = 1 GROUP BY b"),
                           h.benign, h.benignTotal);
        !r)
        return tl::unexpected(r.error());
    return h;
}

Result<std::vector<SessionPoint>> sessionPoints(sql::Database &db)
{
    std::vector<SessionPoint> points;
    auto r = forEachRow(db, QStringLiteral("SELECT start, score, coalesce(cluster, -1) FROM temp.vigil_session_scores"), {},
                        [&](sql::Statement &st) { points.push_back({st.real(0), st.real(1), st.int64(2)}); });
    if (!r)
        return tl::unexpected(r.error());
    return points;
}

void countSessionAnomalies(TimeBuckets &buckets, const std::vector<SessionPoint> &sessions, double threshold)
{
    buckets.sessions = true;
    std::fill(buckets.anomalies.begin(), buckets.anomalies.end(), 0);
    const auto count = qint64(buckets.anomalies.size());
    for (const SessionPoint &p : sessions) {
        if (!(p.score >= threshold))
            continue;
        const auto b = qint64(std::floor((p.start - buckets.start) / buckets.width));
        if (b >= 0 && b < count)
            ++buckets.anomalies[size_t(b)];
    }
}

void countSessionClusters(std::vector<ClusterSummary> &clusters, const std::vector<SessionPoint> &sessions, double threshold)
{
    std::map<qint64, ClusterSummary> byCluster; // meanScore holds the sum until the end
    for (const SessionPoint &p : sessions) {
        if (p.cluster < 0)
            continue;
        ClusterSummary &c = byCluster[p.cluster];
        c.minScore = c.size == 0 ? p.score : std::min(c.minScore, p.score);
        c.maxScore = c.size == 0 ? p.score : std::max(c.maxScore, p.score);
        c.meanScore += p.score;
        ++c.size;
        c.anomalies += p.score >= threshold;
    }
    for (ClusterSummary &c : clusters) {
        auto it = byCluster.find(c.cluster);
        if (it == byCluster.end())
            continue;
        const ClusterSummary &s = it->second;
        c.size = s.size;
        c.anomalies = s.anomalies;
        c.minScore = s.minScore;
        c.maxScore = s.maxScore;
        c.meanScore = s.meanScore / double(s.size);
        c.sessions = true;
    }
}

Result<TimeBuckets> timeBuckets(sql::Database &db, const query::DatasetSource &src, double threshold, int maxBuckets,
                                const query::CompiledFilter &filter)
{
    TimeBuckets out;
    const query::Field *time = src.fields.find(QStringLiteral("time"));
    if (!time)
        return fail(ErrorCode::NotFound, QStringLiteral("Dataset %1 has no timestamp column.").arg(src.datasetId));
    const Scope scope = scopeFor(src, filter);
    double t0 = 0.0, t1 = 0.0;
    qint64 n = 0;
    // min/max over the dataset table alone: an index on the time column answers it at once.
    auto r = forEachRow(db, QStringLiteral("SELECT min(") + time->sql + QStringLiteral("), max(") + time->sql + QStringLiteral("), count(")
                                + time->sql + QStringLiteral(") FROM ") + src.table + QStringLiteral(" d"),
                        {}, [&](sql::Statement &st) {
                            t0 = st.real(0);
                            t1 = st.real(1);
                            n = st.int64(2);
                        });
    if (!r)
        return tl::unexpected(r.error());
    if (n == 0)
        return out;
    maxBuckets = std::clamp(maxBuckets, 1, 1'000'000);
    out.start = std::floor(t0);
    out.width = std::max(1.0, std::ceil((t1 - out.start + 1.0) / double(maxBuckets)));
    const int count = int(std::ceil((t1 - out.start + 1e-9) / out.width)) + 1;
    out.volume.assign(size_t(count), 0);
    out.anomalies.assign(size_t(count), 0);
    const QString thr = std::isfinite(threshold) ? QString::number(threshold, 'g', 17) : QStringLiteral("1e308");
    const QString sqlText = QStringLiteral("SELECT CAST((") + time->sql + QStringLiteral(" - ") + QString::number(out.start, 'g', 17)
                            + QStringLiteral(") / ") + QString::number(out.width, 'g', 17) + QStringLiteral(" AS INTEGER) AS b, count(*), sum(s.score >= ")
                            + thr + QStringLiteral(") FROM ") + scope.from + QStringLiteral(" WHERE ") + time->sql
                            + QStringLiteral(" IS NOT NULL AND ") + scope.where + QStringLiteral(" GROUP BY b");
    r = forEachRow(db, sqlText, scope.params, [&](sql::Statement &st) {
        const qint64 b = st.int64(0);
        if (b >= 0 && b < count) {
            out.volume[size_t(b)] += st.int64(1);
            out.anomalies[size_t(b)] += st.int64(2);
        }
    });
    if (!r)
        return tl::unexpected(r.error());
    return out;
}

TimelineBins rebin(const TimeBuckets &buckets, double from, double to, int bins)
{
    TimelineBins out;
    bins = std::max(1, bins);
    if (!(to > from))
        to = from + buckets.width;
    out.from = from;
    out.width = std::max((to - from) / double(bins), buckets.width);
    const int n = int(std::ceil((to - from) / out.width));
    out.volume.assign(size_t(n), 0);
    out.anomalies.assign(size_t(n), 0);
    if (buckets.volume.empty())
        return out;
    const qint64 first = std::max<qint64>(0, qint64(std::floor((from - buckets.start) / buckets.width)));
    const qint64 last = std::min<qint64>(qint64(buckets.volume.size()) - 1, qint64(std::ceil((to - buckets.start) / buckets.width)));
    for (qint64 i = first; i <= last; ++i) {
        const double t = buckets.start + buckets.width * double(i);
        if (t < from || t >= to)
            continue;
        const qint64 b = std::min<qint64>(n - 1, qint64((t - from) / out.width));
        out.volume[size_t(b)] += buckets.volume[size_t(i)];
        out.anomalies[size_t(b)] += buckets.anomalies[size_t(i)];
    }
    return out;
}

Result<std::vector<ScatterPoint>> scatterSample(sql::Database &db, const query::DatasetSource &src, double threshold, int maxPoints)
{
    std::vector<ScatterPoint> out;
    if (src.runId <= 0)
        return out;
    const QString run = QString::number(src.runId);
    const double thr = std::isfinite(threshold) ? threshold : 1e308;
    qint64 total = 0, anomalies = 0;
    auto st = db.prepare(QString(QStringLiteral("SELECT count(*), coalesce(sum(score >= ?1), 0) FROM scores WHERE run_id = ") + run
                                 + QStringLiteral(" AND x IS NOT NULL")).toStdString());
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, thr);
    if (auto r = st->step(); !r)
        return tl::unexpected(r.error());
    total = st->int64(0);
    anomalies = st->int64(1);
    const qint64 budget = std::max<qint64>(0, maxPoints - anomalies);
    const qint64 rest = total - anomalies;
    const qint64 stride = budget <= 0 ? std::numeric_limits<qint64>::max() : std::max<qint64>(1, (rest + budget - 1) / budget);
    const QString sqlText = QStringLiteral("SELECT s.record_id, s.x, s.y, coalesce(s.cluster, -1), s.severity, s.score, coalesce(l.label, 'none') "
                                           "FROM scores s LEFT JOIN labels l ON l.dataset_id = ")
                            + QString::number(src.datasetId)
                            + QStringLiteral(" AND l.scope = 'record' AND l.key = CAST(s.record_id AS TEXT) WHERE s.run_id = ") + run
                            + QStringLiteral(" AND s.x IS NOT NULL AND (s.score >= ?1 OR s.record_id % ?2 = 0) ORDER BY s.score DESC LIMIT ?3");
    auto q = db.prepare(sqlText.toStdString());
    if (!q)
        return tl::unexpected(q.error());
    q->bind(1, thr).bind(2, std::int64_t(std::min<qint64>(stride, std::numeric_limits<std::int64_t>::max()))).bind(3, std::int64_t(maxPoints));
    out.reserve(size_t(std::min<qint64>(maxPoints, total)));
    while (true) {
        auto row = q->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        ScatterPoint p;
        p.rid = q->int64(0);
        p.x = q->real(1);
        p.y = q->real(2);
        p.cluster = int(q->int64(3));
        p.severity = int(q->int64(4));
        p.score = q->real(5);
        p.label = q->text(6);
        p.anomaly = p.score >= thr;
        out.push_back(std::move(p));
    }
    return out;
}

Result<std::vector<ClusterSummary>> clusterSummaries(sql::Database &db, const query::DatasetSource &src, double threshold, int maxColumns)
{
    std::vector<ClusterSummary> out;
    if (src.runId <= 0)
        return out;
    const QString run = QString::number(src.runId);
    const QString thr = std::isfinite(threshold) ? QString::number(threshold, 'g', 17) : QStringLiteral("1e308");
    std::map<qint64, size_t> index;
    auto r = forEachRow(db, QStringLiteral("SELECT cluster, count(*), min(score), max(score), avg(score), sum(score >= ") + thr
                                + QStringLiteral(") FROM scores WHERE run_id = ") + run + QStringLiteral(" AND cluster IS NOT NULL GROUP BY cluster ORDER BY cluster"),
                        {}, [&](sql::Statement &st) {
                            ClusterSummary c;
                            c.cluster = st.int64(0);
                            c.size = st.int64(1);
                            c.minScore = st.real(2);
                            c.maxScore = st.real(3);
                            c.meanScore = st.real(4);
                            c.anomalies = st.int64(5);
                            index[c.cluster] = out.size();
                            out.push_back(c);
                        });
    if (!r)
        return tl::unexpected(r.error());
    // Dominant values of the first few text-like columns (not addresses or times).
    int used = 0;
    for (const query::DatasetColumn &col : src.columns) {
        if (used >= maxColumns)
            break;
        if (col.type != query::FieldType::Text && col.type != query::FieldType::Integer)
            continue;
        ++used;
        std::map<qint64, std::pair<QString, qint64>> best;
        const QString c = QStringLiteral("d.") + sql::quoteIdentifier(col.sqlName);
        r = forEachRow(db, QStringLiteral("SELECT s.cluster, ") + c + QStringLiteral(", count(*) AS n FROM ") + src.scanFromClause(false)
                               + QStringLiteral(" WHERE s.cluster IS NOT NULL GROUP BY s.cluster, ") + c,
                       {}, [&](sql::Statement &st) {
                           auto &b = best[st.int64(0)];
                           if (st.int64(2) > b.second)
                               b = {st.text(1), st.int64(2)};
                       });
        if (!r)
            return tl::unexpected(r.error());
        for (const auto &[cluster, value] : best) {
            auto it = index.find(cluster);
            if (it == index.end())
                continue;
            ClusterSummary &s = out[it->second];
            const int pct = s.size > 0 ? int(std::lround(100.0 * double(value.second) / double(s.size))) : 0;
            s.dominant << QStringLiteral("%1=%2 (%3%)").arg(col.field, value.first.left(60)).arg(pct);
        }
    }
    return out;
}

} // namespace vigil::ui
