#include "ui/triage/triageworker.h"

#include "core/labels/labelstore.h"
#include "core/project.h"
#include "core/query/ipaddress.h"
#include "core/sessions/sessions.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <iterator>

#include <sqlite3.h>

namespace vigil::ui {

QString labelActionText(const QString &what, LabelValue value)
{
    switch (value) {
    case LabelValue::Malicious: return QCoreApplication::translate("vigil::ui::TriageWorker", "Label %1 malicious").arg(what);
    case LabelValue::Benign: return QCoreApplication::translate("vigil::ui::TriageWorker", "Label %1 benign").arg(what);
    case LabelValue::Review: return QCoreApplication::translate("vigil::ui::TriageWorker", "Mark %1 for review").arg(what);
    case LabelValue::None: break;
    }
    return QCoreApplication::translate("vigil::ui::TriageWorker", "Clear the verdict of %1").arg(what);
}

namespace {

QVariant columnValue(sql::Statement &st, int i)
{
    switch (sqlite3_column_type(st.handle(), i)) {
    case SQLITE_NULL: return {};
    case SQLITE_INTEGER: return QVariant(qint64(st.int64(i)));
    case SQLITE_FLOAT: return QVariant(st.real(i));
    default: return QVariant(st.text(i));
    }
}

void appendParams(std::vector<QVariant> &to, const std::vector<QVariant> &from)
{
    to.insert(to.end(), from.begin(), from.end());
}

} // namespace

TriageWorker::TriageWorker(QString path, std::int64_t datasetId, std::int64_t runId)
    : m_path(std::move(path)), m_datasetId(datasetId), m_runId(runId)
{
}

TriageWorker::~TriageWorker() = default;

void TriageWorker::open()
{
    auto project = Project::open(m_path);
    if (!project) {
        Q_EMIT failed(project.error().message);
        return;
    }
    m_project = std::move(*project);
    m_sessionsBuiltFor.clear(); // temp tables belong to the old connection
    query::registerSqlFunctions(m_project->db().handle());
    // A read-mostly connection scanning up to millions of rows: a large page cache and memory
    // mapping keep repeated scans and random lookups off the disk.
    m_project->db().exec("PRAGMA cache_size = -262144; PRAGMA mmap_size = 1073741824; PRAGMA temp_store = MEMORY;");
    auto source = query::loadDatasetSource(m_project->db(), m_datasetId, m_runId);
    if (!source) {
        Q_EMIT failed(source.error().message);
        return;
    }
    m_source = std::make_shared<const query::DatasetSource>(std::move(*source));
    auto rules = SuppressionStore(*m_project).list(m_datasetId);
    if (rules)
        m_rules = *rules;
    m_suppressed = suppressionCondition(m_rules, m_source->fields);
    // datasets.row_count (written by the import) saves a scan of the whole table at open.
    const QString countAll = QStringLiteral("SELECT row_count FROM datasets WHERE id = ") + QString::number(m_datasetId);
    m_totalRows = m_project->db().scalarInt(countAll.toStdString()).value_or(0);
    if (m_runId > 0) {
        const QString scored = QStringLiteral("SELECT count(*) FROM scores WHERE run_id = ") + QString::number(m_runId);
        m_scoredRows = m_project->db().scalarInt(scored.toStdString()).value_or(-1);
        m_runComplete = m_scoredRows == m_totalRows;
    }
    Q_EMIT opened(m_source, m_rules);
}

QString TriageWorker::orderBy(const TriageQuery &q) const
{
    const query::DatasetSource &src = *m_source;
    const QString dir = q.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    const QString tie = q.descending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    if (TriageColumns::grouped(q.mode)) {
        static const char *const exprs[] = {"k", "events", "rate", "peak_failures", "max_score", "anomalies", "label", "first_seen", "last_seen"};
        static_assert(std::size(exprs) == TriageColumns::kEntityColumns);
        const int c = std::clamp(q.sortColumn, 0, TriageColumns::kEntityColumns - 1);
        return QString::fromLatin1(exprs[c]) + dir + QStringLiteral(", k ASC");
    }
    // Ties break on the record id in the opposite direction, which is how scores_by_score
    // (run_id, score DESC) stores them, so score order walks the index without a sort.
    const QString rid = src.runId > 0 ? QStringLiteral("s.record_id") : QStringLiteral("d.rid");
    switch (q.sortColumn) {
    case TriageColumns::kScore: return QStringLiteral("s.score") + dir + QStringLiteral(", ") + rid + tie;
    case TriageColumns::kSeverity: return QStringLiteral("s.severity") + dir + QStringLiteral(", s.score") + dir + QStringLiteral(", ") + rid + tie;
    case TriageColumns::kLabel: return src.labelExpression(q.entityField) + dir + QStringLiteral(", ") + rid + tie;
    case TriageColumns::kCluster: return QStringLiteral("s.cluster") + dir + QStringLiteral(", ") + rid + tie;
    default: break;
    }
    const int dataIndex = q.sortColumn - TriageColumns::kFirstData;
    if (dataIndex >= 0 && dataIndex < int(src.columns.size()))
        return QStringLiteral("d.") + sql::quoteIdentifier(src.columns[size_t(dataIndex)].sqlName) + dir + QStringLiteral(", ") + rid + tie;
    return rid + QStringLiteral(" ASC");
}

namespace {

bool isScoreField(const QString &f)
{
    return f == QLatin1String("score") || f == QLatin1String("severity") || f == QLatin1String("cluster") || f == QLatin1String("x")
           || f == QLatin1String("y");
}

bool isLabelField(const QString &f)
{
    return f == QLatin1String("label") || f == QLatin1String("tags") || f == QLatin1String("note");
}

} // namespace

TriageWorker::Plan TriageWorker::planOf(const TriageQuery &q, Order order) const
{
    Plan p;
    auto note = [&p](const QStringList &fields) {
        for (const QString &f : fields) {
            if (isScoreField(f))
                p.usesScore = true;
            else if (isLabelField(f))
                p.usesLabel = true;
            else
                p.usesData = true;
        }
    };
    note(q.filter.fieldsUsed);
    if (q.hideSuppressed)
        note(m_suppressed.fieldsUsed);
    if (order == Order::Matters) {
        switch (q.sortColumn) {
        case TriageColumns::kScore:
        case TriageColumns::kSeverity:
        case TriageColumns::kCluster: p.usesScore = true; break;
        case TriageColumns::kLabel: p.usesLabel = true; break;
        default: p.usesData = true; break;
        }
    }
    if (p.usesLabel)
        p.usesData = true; // label joins key on d.rid / the entity column
    // Drive from the dataset table when the order needs it anyway, or when the filter keeps
    // few rows (walking the score index would then visit most rows at random).
    const bool sortsOnData = q.sortColumn >= TriageColumns::kFirstData || q.sortColumn == TriageColumns::kLabel;
    const double kept = m_totalRows > 0 ? double(m_rowCount) / double(m_totalRows) : 1.0;
    p.driveFromData = p.usesData && (sortsOnData || kept < 0.05);
    return p;
}

QString TriageWorker::idFrom(const Plan &plan) const
{
    const query::DatasetSource &src = *m_source;
    if (src.runId > 0 && !plan.usesData)
        return QStringLiteral("scores s");
    if (plan.driveFromData)
        return src.scanFromClause(plan.usesLabel, m_query.entityField);
    return src.fromClause(plan.usesLabel, m_query.entityField);
}

QString TriageWorker::idWhere(const Plan &plan, const TriageQuery &q, std::vector<QVariant> &params) const
{
    QString where = q.filter.condition();
    params.insert(params.end(), q.filter.params.begin(), q.filter.params.end());
    if (m_source->runId > 0 && !plan.usesData)
        where = QStringLiteral("s.run_id = ") + QString::number(m_source->runId) + QStringLiteral(" AND ") + where;
    if (q.hideSuppressed && !m_suppressed.isEmpty()) {
        where += QStringLiteral(" AND NOT coalesce(") + m_suppressed.where + QStringLiteral(", 0)");
        params.insert(params.end(), m_suppressed.params.begin(), m_suppressed.params.end());
    }
    return where;
}

TriageWorker::Sql TriageWorker::entitySql(const TriageQuery &q) const
{
    const query::DatasetSource &src = *m_source;
    Sql out;
    const QString supp = m_suppressed.isEmpty() ? QStringLiteral("0") : QStringLiteral("coalesce(") + m_suppressed.where + QStringLiteral(", 0)");
    const QString threshold = src.hasThreshold() ? QString::number(src.threshold, 'g', 17) : QStringLiteral("1e308");
    const query::Field *entity = src.fields.find(q.entityField);
    const query::Field *time = src.fields.find(QStringLiteral("time"));
    const QString t = time ? time->sql : QStringLiteral("NULL");
    // The import's per-minute failure counts, where the data has them (access logs, conn.log).
    QString failures = QStringLiteral("NULL");
    for (const char *name : {"client_errors_1m", "orig_failed_1m"}) {
        if (const query::DatasetColumn *c = src.column(QString::fromLatin1(name)); c && c->type != query::FieldType::Text) {
            failures = QStringLiteral("d.") + sql::quoteIdentifier(c->sqlName);
            break;
        }
    }
    const bool sessions = q.mode == TriageQuery::Mode::Sessions;
    // Entities: one row per value of the entity column. Sessions: one row per session key; a
    // session's label is the strongest of its records' labels (labelling one labels them all).
    const QString key = sessions ? QStringLiteral("m.skey") : entity->sql;
    QString label;
    if (sessions) {
        const QString l = src.labelExpression(q.entityField);
        label = QStringLiteral("CASE WHEN max(") + l + QStringLiteral(" = 'malicious') THEN 'malicious' WHEN max(") + l
                + QStringLiteral(" = 'review') THEN 'review' WHEN min(") + l + QStringLiteral(" = 'benign') THEN 'benign' ELSE 'none' END");
    } else {
        label = QStringLiteral("coalesce((SELECT label FROM labels e WHERE e.dataset_id = ") + QString::number(src.datasetId)
                + QStringLiteral(" AND e.scope = 'entity' AND e.key = CAST(") + entity->sql + QStringLiteral(" AS TEXT)), 'none')");
    }
    out.text = QStringLiteral("SELECT ") + key + QStringLiteral(" AS k, count(*) AS events, count(*) * 60.0 / max(max(") + t
               + QStringLiteral(") - min(") + t + QStringLiteral("), ") + QString::number(kRateFloorSeconds, 'f', 1) + QStringLiteral(") AS rate, max(") + failures
               + QStringLiteral(") AS peak_failures, max(s.score) AS max_score, sum(s.score >= ")
               + threshold + QStringLiteral(" AND NOT ") + supp + QStringLiteral(") AS anomalies, ") + label + QStringLiteral(" AS label, ")
               + QStringLiteral("min(") + t + QStringLiteral(") AS first_seen, max(") + t + QStringLiteral(") AS last_seen")
               + (sessions ? QStringLiteral(", min(d.rid) AS first_rid") : QString()) + QStringLiteral(" FROM ")
               + src.fromClause(true, q.entityField) + (sessions ? QStringLiteral(" JOIN temp.vigil_sessions m ON m.rid = d.rid") : QString())
               + QStringLiteral(" WHERE ") + q.filter.condition();
    appendParams(out.params, m_suppressed.params);
    appendParams(out.params, q.filter.params);
    if (q.hideSuppressed && !m_suppressed.isEmpty()) {
        out.text += QStringLiteral(" AND NOT ") + supp;
        appendParams(out.params, m_suppressed.params);
    }
    out.text += QStringLiteral(" GROUP BY k ORDER BY ") + orderBy(q) + QStringLiteral(" LIMIT ? OFFSET ?");
    return out;
}

Result<void> TriageWorker::ensureSessions(const TriageQuery &q)
{
    const query::DatasetSource &src = *m_source;
    const query::DatasetColumn *entity = src.column(q.entityField);
    const query::DatasetColumn *time = src.column(src.timestampField);
    if (!entity)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Choose an entity column (e.g. a client address) to group sessions by."));
    if (!time)
        return fail(ErrorCode::Unsupported, QStringLiteral("This data set has no timestamp column, so its records cannot be split into sessions."));
    const QString builtFor = q.entityField + QLatin1Char('|') + QString::number(q.sessionGapSeconds, 'g', 10);
    if (builtFor == m_sessionsBuiltFor)
        return {};
    const QString text = QStringLiteral("DROP TABLE IF EXISTS temp.vigil_sessions;"
                                        "CREATE TEMP TABLE vigil_sessions(rid INTEGER PRIMARY KEY, skey TEXT NOT NULL);"
                                        "INSERT INTO temp.vigil_sessions(rid, skey) SELECT rid, skey FROM (")
                         + src.sessionKeysSelect(q.entityField, q.sessionGapSeconds) + QStringLiteral(");");
    m_sessionsBuiltFor.clear();
    if (auto ok = m_project->db().exec(text.toStdString()); !ok)
        return tl::unexpected(ok.error());
    m_sessionsBuiltFor = builtFor;
    return {};
}

void TriageWorker::labelSessions(const QStringList &keys, const LabelUpdate &update, const QString &description)
{
    if (!m_project || keys.isEmpty())
        return;
    auto st = m_project->db().prepare("SELECT rid FROM temp.vigil_sessions WHERE skey = ?1 ORDER BY rid");
    if (!st) {
        emitHistory(st.error().message);
        return;
    }
    QStringList rids;
    for (const QString &key : keys) {
        st->reset();
        st->bind(1, key);
        while (true) {
            auto row = st->step();
            if (!row) {
                emitHistory(row.error().message);
                return;
            }
            if (!*row)
                break;
            rids << QString::number(st->int64(0));
        }
    }
    if (rids.isEmpty()) {
        emitHistory(QStringLiteral("The selected sessions have no records."));
        return;
    }
    applyLabel(LabelScope::Record, rids, update, description);
}

TriageWorker::Sql TriageWorker::countSql(const TriageQuery &q) const
{
    const query::DatasetSource &src = *m_source;
    Sql out;
    const query::Field *entity = src.fields.find(q.entityField);
    if (TriageColumns::grouped(q.mode) && entity) {
        const bool sessions = q.mode == TriageQuery::Mode::Sessions;
        out.text = QStringLiteral("SELECT count(DISTINCT ") + (sessions ? QStringLiteral("m.skey") : entity->sql) + QStringLiteral(") FROM ")
                   + src.fromClause(true, q.entityField) + (sessions ? QStringLiteral(" JOIN temp.vigil_sessions m ON m.rid = d.rid") : QString())
                   + QStringLiteral(" WHERE ") + q.filter.condition();
        appendParams(out.params, q.filter.params);
        if (q.hideSuppressed && !m_suppressed.isEmpty()) {
            out.text += QStringLiteral(" AND NOT coalesce(") + m_suppressed.where + QStringLiteral(", 0)");
            appendParams(out.params, m_suppressed.params);
        }
        return out;
    }
    // Counting ignores the order: only the filter decides the tables, and a filter on data
    // columns scans the dataset sequentially (when the run scored every record, without
    // touching the scores at all).
    Plan plan = planOf(q, Order::Ignored);
    plan.driveFromData = plan.usesData;
    if (m_runComplete && plan.usesData && !plan.usesScore && !plan.usesLabel) {
        // Every record has a score in this run: the dataset table alone answers the count.
        out.text = QStringLiteral("SELECT count(*) FROM ") + src.table + QStringLiteral(" d WHERE ") + idWhere(plan, q, out.params);
        return out;
    }
    out.text = QStringLiteral("SELECT count(*) FROM ") + idFrom(plan) + QStringLiteral(" WHERE ") + idWhere(plan, q, out.params);
    return out;
}

Result<std::vector<std::int64_t>> TriageWorker::fetchIds(const TriageQuery &q, std::int64_t offset, std::int64_t limit)
{
    const Plan plan = planOf(q);
    std::vector<QVariant> params;
    const QString idExpr = m_source->runId > 0 && !plan.usesData ? QStringLiteral("s.record_id") : QStringLiteral("d.rid");
    const QString text = QStringLiteral("SELECT ") + idExpr + QStringLiteral(" FROM ") + idFrom(plan) + QStringLiteral(" WHERE ")
                         + idWhere(plan, q, params) + QStringLiteral(" ORDER BY ") + orderBy(q) + QStringLiteral(" LIMIT ? OFFSET ?");
    auto st = m_project->db().prepare(text.toStdString());
    if (!st)
        return tl::unexpected(st.error());
    const int next = query::bindParams(*st, params);
    st->bind(next, limit).bind(next + 1, offset);
    std::vector<std::int64_t> ids;
    if (auto walked = st->forEach([&ids](sql::Statement &row) { ids.push_back(row.int64(0)); }); !walked)
        return tl::unexpected(walked.error());
    return ids;
}

Result<std::vector<TriageRow>> TriageWorker::fetchRows(const TriageQuery &q, const std::vector<std::int64_t> &ids)
{
    const query::DatasetSource &src = *m_source;
    const QString supp = m_suppressed.isEmpty() ? QStringLiteral("0") : QStringLiteral("coalesce(") + m_suppressed.where + QStringLiteral(", 0)");
    const QString threshold = src.hasThreshold() ? QString::number(src.threshold, 'g', 17) : QStringLiteral("1e308");
    QString head = QStringLiteral("SELECT s.score, s.severity, ") + src.labelExpression(q.entityField) + QStringLiteral(", s.cluster");
    for (const query::DatasetColumn &c : src.columns)
        head += QStringLiteral(", d.") + sql::quoteIdentifier(c.sqlName);
    head += QStringLiteral(", d.rid, ") + supp + QStringLiteral(", coalesce(lr.tags, ''), coalesce(lr.note, ''), (s.score >= ") + threshold
            + QStringLiteral(" AND NOT ") + supp + QStringLiteral(") FROM ") + src.fromClause(true, q.entityField) + QStringLiteral(" WHERE d.rid IN (");
    std::vector<TriageRow> rows(ids.size());
    QHash<std::int64_t, size_t> position;
    for (size_t i = 0; i < ids.size(); ++i)
        position.insert(ids[i], i);
    constexpr size_t kChunk = 400;
    for (size_t first = 0; first < ids.size(); first += kChunk) {
        const size_t n = std::min(kChunk, ids.size() - first);
        QString text = head;
        for (size_t i = 0; i < n; ++i)
            text += i == 0 ? QStringLiteral("?") : QStringLiteral(",?");
        text += QStringLiteral(")");
        auto st = m_project->db().prepare(text.toStdString());
        if (!st)
            return tl::unexpected(st.error());
        int next = query::bindParams(*st, m_suppressed.params);
        next = query::bindParams(*st, m_suppressed.params, next);
        for (size_t i = 0; i < n; ++i)
            st->bind(next + int(i), ids[first + i]);
        const int cols = st->columnCount();
        const int ridColumn = TriageColumns::kFirstData + int(src.columns.size());
        auto walked = st->forEach([&](sql::Statement &row) {
            TriageRow r;
            r.reserve(size_t(cols));
            for (int i = 0; i < cols; ++i)
                r.push_back(columnValue(row, i));
            rows[position.value(row.int64(ridColumn))] = std::move(r);
        });
        if (!walked)
            return tl::unexpected(walked.error());
    }
    // A row deleted between the phases leaves an empty slot: drop it.
    rows.erase(std::remove_if(rows.begin(), rows.end(), [](const TriageRow &r) { return r.empty(); }), rows.end());
    return rows;
}

Result<std::vector<TriageRow>> TriageWorker::fetch(const TriageQuery &q, std::int64_t offset, std::int64_t limit)
{
    if (TriageColumns::grouped(q.mode)) {
        if (!m_source->fields.find(q.entityField))
            return std::vector<TriageRow>{};
        const Sql s = entitySql(q);
        auto st = m_project->db().prepare(s.text.toStdString());
        if (!st)
            return tl::unexpected(st.error());
        const int next = query::bindParams(*st, s.params);
        st->bind(next, limit).bind(next + 1, offset);
        std::vector<TriageRow> rows;
        const int n = st->columnCount();
        while (true) {
            auto row = st->step();
            if (!row)
                return tl::unexpected(row.error());
            if (!*row)
                break;
            TriageRow r;
            for (int i = 0; i < n; ++i)
                r.push_back(columnValue(*st, i));
            rows.push_back(std::move(r));
        }
        return rows;
    }
    // Pages of one query usually follow each other: one phase-1 query serves a window of them.
    std::vector<std::int64_t> ids;
    const std::int64_t windowEnd = m_window.offset + std::int64_t(m_window.ids.size());
    // A window that ended before its requested span holds the end of the result set.
    const bool cached = m_window.generation == m_queryGeneration && offset >= m_window.offset
                        && (offset + limit <= windowEnd || m_window.complete);
    if (cached) {
        const std::int64_t from = std::min(offset, windowEnd), to = std::min(offset + limit, windowEnd);
        ids.assign(m_window.ids.begin() + (from - m_window.offset), m_window.ids.begin() + (to - m_window.offset));
    } else {
        const std::int64_t span = std::max<std::int64_t>(limit, kIdWindow);
        auto fetched = fetchIds(q, offset, span);
        if (!fetched)
            return tl::unexpected(fetched.error());
        const bool complete = std::int64_t(fetched->size()) < span;
        m_window = IdWindow{m_queryGeneration, offset, *fetched, complete};
        ids.assign(fetched->begin(), fetched->begin() + std::min<std::int64_t>(limit, std::int64_t(fetched->size())));
    }
    return fetchRows(q, ids);
}

std::optional<double> TriageWorker::estimateKept(const TriageQuery &q)
{
    // The share of the first kSample records the filter keeps: enough to choose a plan.
    constexpr std::int64_t kSample = 20000;
    Plan plan = planOf(q);
    plan.driveFromData = true;
    std::vector<QVariant> params;
    const QString text = QStringLiteral("SELECT count(*) FROM ") + idFrom(plan) + QStringLiteral(" WHERE d.rid <= ")
                         + QString::number(kSample) + QStringLiteral(" AND ") + idWhere(plan, q, params);
    auto st = m_project->db().prepare(text.toStdString());
    if (!st)
        return std::nullopt;
    query::bindParams(*st, params);
    auto row = st->step();
    if (!row || !*row)
        return std::nullopt;
    return double(st->int64(0)) / double(std::max<std::int64_t>(1, std::min<std::int64_t>(kSample, m_totalRows)));
}

void TriageWorker::runQuery(int generation, const TriageQuery &q)
{
    if (stale(generation) || !m_project)
        return;
    QElapsedTimer timer;
    timer.start();
    m_query = q;
    m_queryGeneration = generation;
    m_window = IdWindow{};
    if (q.mode == TriageQuery::Mode::Sessions) {
        if (auto ok = ensureSessions(q); !ok) {
            Q_EMIT queryFailed(generation, ok.error().message);
            return;
        }
    }

    // A selective filter on data columns: one scan of the dataset yields every matching id in
    // order, so the count comes for free and the pages are served from that window.
    const Plan plan = planOf(q);
    if (q.mode == TriageQuery::Mode::Records && m_source->runId > 0 && plan.usesData && !q.filter.isEmpty()) {
        const auto kept = estimateKept(q);
        if (kept && *kept < 0.05) {
            const std::int64_t cap = std::max<std::int64_t>(kIdWindow, m_totalRows / 10);
            m_rowCount = 0; // planOf() then drives from the data
            auto ids = fetchIds(q, 0, cap);
            if (!ids) {
                Q_EMIT queryFailed(generation, ids.error().message);
                return;
            }
            if (std::int64_t(ids->size()) < cap) {
                m_rowCount = qint64(ids->size());
                m_window = IdWindow{generation, 0, std::move(*ids), true};
                if (stale(generation))
                    return;
                auto rows = fetch(q, 0, kPageSize);
                if (!rows) {
                    Q_EMIT queryFailed(generation, rows.error().message);
                    return;
                }
                Q_EMIT queryReady(generation, m_rowCount, *rows, timer.elapsed());
                return;
            }
        }
    }

    if (q.mode == TriageQuery::Mode::Records && q.filter.isEmpty() && !(q.hideSuppressed && !m_suppressed.isEmpty())
        && m_source->runId > 0 && m_scoredRows >= 0) {
        // No filter: the run's score count, taken once at open, is the row count.
        m_rowCount = m_scoredRows;
        auto rows = fetch(q, 0, kPageSize);
        if (!rows) {
            Q_EMIT queryFailed(generation, rows.error().message);
            return;
        }
        Q_EMIT queryReady(generation, m_rowCount, *rows, timer.elapsed());
        return;
    }
    const Sql c = countSql(q);
    auto st = m_project->db().prepare(c.text.toStdString());
    if (!st) {
        Q_EMIT queryFailed(generation, st.error().message);
        return;
    }
    query::bindParams(*st, c.params);
    auto row = st->step();
    if (!row) {
        Q_EMIT queryFailed(generation, row.error().message);
        return;
    }
    const qint64 count = st->int64(0);
    m_rowCount = count;
    m_window = IdWindow{};
    if (stale(generation))
        return;
    auto rows = fetch(q, 0, kPageSize);
    if (!rows) {
        Q_EMIT queryFailed(generation, rows.error().message);
        return;
    }
    Q_EMIT queryReady(generation, count, *rows, timer.elapsed());
}

void TriageWorker::fetchPage(int generation, int page)
{
    if (stale(generation) || generation != m_queryGeneration || !m_project)
        return;
    auto rows = fetch(m_query, std::int64_t(page) * kPageSize, kPageSize);
    if (!rows) {
        Q_EMIT queryFailed(generation, rows.error().message);
        return;
    }
    Q_EMIT pageReady(generation, page, *rows);
}

void TriageWorker::findAnomaly(int generation, int fromRow, int direction)
{
    if (stale(generation) || generation != m_queryGeneration || !m_project || m_query.mode != TriageQuery::Mode::Records)
        return;
    // Scan a window of rows after (or before) the current one in the current order; the
    // anomaly flag is the last column of every record row.
    constexpr int kWindow = 8192;
    const std::int64_t start = direction > 0 ? fromRow + 1 : std::max<std::int64_t>(0, fromRow - kWindow);
    const std::int64_t limit = direction > 0 ? kWindow : fromRow - start;
    if (limit <= 0) {
        Q_EMIT anomalyFound(generation, -1);
        return;
    }
    auto rows = fetch(m_query, start, limit);
    if (!rows) {
        Q_EMIT anomalyFound(generation, -1);
        return;
    }
    const int n = int(rows->size());
    for (int k = 0; k < n; ++k) {
        const int i = direction > 0 ? k : n - 1 - k;
        if ((*rows)[size_t(i)].back().toLongLong() != 0) {
            Q_EMIT anomalyFound(generation, int(start) + i);
            return;
        }
    }
    Q_EMIT anomalyFound(generation, -1);
}

void TriageWorker::emitHistory(const QString &message)
{
    Q_EMIT labelsChanged(TriageHistoryState{m_history.canUndo(), m_history.canRedo(), m_history.undoText(), m_history.redoText()}, message);
}

void TriageWorker::applyLabel(LabelScope scope, const QStringList &keys, const LabelUpdate &update, const QString &description)
{
    if (!m_project)
        return;
    LabelStore store(*m_project);
    auto edit = store.apply(m_datasetId, scope, keys, update, description);
    if (!edit) {
        emitHistory(edit.error().message);
        return;
    }
    const QString msg = edit->description;
    m_history.push(std::move(*edit));
    emitHistory(msg);
}

void TriageWorker::labelCluster(std::int64_t cluster, LabelValue value)
{
    if (!m_project)
        return;
    LabelStore store(*m_project);
    auto keys = store.clusterRecordKeys(m_runId, cluster);
    if (!keys) {
        emitHistory(keys.error().message);
        return;
    }
    if (keys->isEmpty()) {
        emitHistory(tr("Cluster %1 has no records.").arg(cluster));
        return;
    }
    applyLabel(LabelScope::Record, *keys, LabelUpdate{value, {}, {}},
               labelActionText(tr("cluster %1 (%n record(s))", nullptr, int(keys->size())).arg(cluster), value));
}

void TriageWorker::undo()
{
    if (!m_project)
        return;
    LabelStore store(*m_project);
    auto r = m_history.undo(store);
    emitHistory(r ? tr("Undone: %1").arg(r->description) : r.error().message);
}

void TriageWorker::redo()
{
    if (!m_project)
        return;
    LabelStore store(*m_project);
    auto r = m_history.redo(store);
    emitHistory(r ? tr("Redone: %1").arg(r->description) : r.error().message);
}

void TriageWorker::addSuppression(const QString &field, const QString &value, const QString &note)
{
    if (!m_project)
        return;
    SuppressionStore store(*m_project);
    auto id = store.add(m_datasetId, field, value, note, m_source->fields);
    if (!id) {
        Q_EMIT failed(id.error().message);
        return;
    }
    auto rules = store.list(m_datasetId);
    if (rules)
        m_rules = *rules;
    m_suppressed = suppressionCondition(m_rules, m_source->fields);
    Q_EMIT suppressionsChanged(m_rules);
}

void TriageWorker::removeSuppression(std::int64_t id)
{
    if (!m_project)
        return;
    SuppressionStore store(*m_project);
    if (auto r = store.remove(id); !r) {
        Q_EMIT failed(r.error().message);
        return;
    }
    auto rules = store.list(m_datasetId);
    if (rules)
        m_rules = *rules;
    m_suppressed = suppressionCondition(m_rules, m_source->fields);
    Q_EMIT suppressionsChanged(m_rules);
}

} // namespace vigil::ui
