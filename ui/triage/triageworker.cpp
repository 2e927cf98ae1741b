#include "ui/triage/triageworker.h"

#include "core/labels/labelstore.h"
#include "core/project.h"
#include "core/query/ipaddress.h"

#include <QElapsedTimer>

#include <sqlite3.h>

namespace vigil::ui {

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
    query::registerSqlFunctions(m_project->db().handle());
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
    Q_EMIT opened(m_source, m_rules);
}

QString TriageWorker::orderBy(const TriageQuery &q) const
{
    const query::DatasetSource &src = *m_source;
    const QString dir = q.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    const QString tie = q.descending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    if (q.mode == TriageQuery::Mode::Entities) {
        static const char *const exprs[] = {"k", "events", "max_score", "anomalies", "label", "first_seen", "last_seen"};
        const int c = std::clamp(q.sortColumn, 0, TriageColumns::kEntityColumns - 1);
        return QString::fromLatin1(exprs[c]) + dir + QStringLiteral(", k ASC");
    }
    // Ties break on the record id in the opposite direction, which is how scores_by_score
    // (run_id, score DESC) stores them, so score order walks the index without a sort.
    const QString rid = src.runId > 0 ? QStringLiteral("s.record_id") : QStringLiteral("d.rid");
    switch (q.sortColumn) {
    case TriageColumns::kScore: return QStringLiteral("s.score") + dir + QStringLiteral(", ") + rid + tie;
    case TriageColumns::kSeverity: return QStringLiteral("s.severity") + dir + QStringLiteral(", s.score") + dir + QStringLiteral(", ") + rid + tie;
    case TriageColumns::kLabel: return QStringLiteral("label") + dir + QStringLiteral(", ") + rid + tie;
    case TriageColumns::kCluster: return QStringLiteral("s.cluster") + dir + QStringLiteral(", ") + rid + tie;
    default: break;
    }
    const int dataIndex = q.sortColumn - TriageColumns::kFirstData;
    if (dataIndex >= 0 && dataIndex < int(src.columns.size()))
        return QStringLiteral("d.") + sql::quoteIdentifier(src.columns[size_t(dataIndex)].sqlName) + dir + QStringLiteral(", ") + rid + tie;
    return rid + QStringLiteral(" ASC");
}

TriageWorker::Sql TriageWorker::selectSql(const TriageQuery &q) const
{
    const query::DatasetSource &src = *m_source;
    Sql out;
    const QString supp = m_suppressed.isEmpty() ? QStringLiteral("0") : QStringLiteral("coalesce(") + m_suppressed.where + QStringLiteral(", 0)");
    const QString threshold = src.hasThreshold() ? QString::number(src.threshold, 'g', 17) : QStringLiteral("1e308");
    const query::Field *entity = src.fields.find(q.entityField);
    QString where = q.filter.condition();
    if (q.mode == TriageQuery::Mode::Entities && entity) {
        // Entities: one row per value of the entity column, aggregated over the filtered rows.
        out.text = QStringLiteral("SELECT ") + entity->sql + QStringLiteral(" AS k, count(*) AS events, max(s.score) AS max_score, "
                                                                            "sum(s.score >= ") + threshold
                   + QStringLiteral(" AND NOT ") + supp + QStringLiteral(") AS anomalies, ")
                   + QStringLiteral("coalesce((SELECT label FROM labels e WHERE e.dataset_id = ") + QString::number(src.datasetId)
                   + QStringLiteral(" AND e.scope = 'entity' AND e.key = CAST(") + entity->sql + QStringLiteral(" AS TEXT)), 'none') AS label, ");
        const query::Field *time = src.fields.find(QStringLiteral("time"));
        const QString t = time ? time->sql : QStringLiteral("NULL");
        out.text += QStringLiteral("min(") + t + QStringLiteral(") AS first_seen, max(") + t + QStringLiteral(") AS last_seen FROM ")
                    + src.fromClause(true, q.entityField) + QStringLiteral(" WHERE ") + where;
        appendParams(out.params, m_suppressed.params);
        appendParams(out.params, q.filter.params);
        if (q.hideSuppressed && !m_suppressed.isEmpty()) {
            out.text += QStringLiteral(" AND NOT ") + supp;
            appendParams(out.params, m_suppressed.params);
        }
        out.text += QStringLiteral(" GROUP BY k ORDER BY ") + orderBy(q) + QStringLiteral(" LIMIT ? OFFSET ?");
        return out;
    }
    out.text = QStringLiteral("SELECT s.score, s.severity, ") + src.labelExpression(q.entityField) + QStringLiteral(" AS label, s.cluster");
    for (const query::DatasetColumn &c : src.columns)
        out.text += QStringLiteral(", d.") + sql::quoteIdentifier(c.sqlName);
    out.text += QStringLiteral(", d.rid, ") + supp + QStringLiteral(", coalesce(lr.tags, ''), coalesce(lr.note, ''), ");
    out.text += QStringLiteral("(s.score >= ") + threshold + QStringLiteral(" AND NOT ") + supp + QStringLiteral(")");
    appendParams(out.params, m_suppressed.params);
    appendParams(out.params, m_suppressed.params);
    out.text += QStringLiteral(" FROM ") + src.fromClause(true, q.entityField) + QStringLiteral(" WHERE ") + where;
    appendParams(out.params, q.filter.params);
    if (q.hideSuppressed && !m_suppressed.isEmpty()) {
        out.text += QStringLiteral(" AND NOT ") + supp;
        appendParams(out.params, m_suppressed.params);
    }
    out.text += QStringLiteral(" ORDER BY ") + orderBy(q) + QStringLiteral(" LIMIT ? OFFSET ?");
    return out;
}

TriageWorker::Sql TriageWorker::countSql(const TriageQuery &q) const
{
    const query::DatasetSource &src = *m_source;
    Sql out;
    const bool needsLabels = q.filter.fieldsUsed.contains(QStringLiteral("label")) || q.filter.fieldsUsed.contains(QStringLiteral("tags"))
                             || q.filter.fieldsUsed.contains(QStringLiteral("note"));
    const query::Field *entity = src.fields.find(q.entityField);
    const bool hide = q.hideSuppressed && !m_suppressed.isEmpty();
    if (q.mode == TriageQuery::Mode::Records && q.filter.isEmpty() && !hide && src.runId > 0) {
        // The common case (no filter) counts one index instead of joining the dataset.
        out.text = QStringLiteral("SELECT count(*) FROM scores WHERE run_id = ") + QString::number(src.runId);
        return out;
    }
    const QString what = q.mode == TriageQuery::Mode::Entities && entity ? QStringLiteral("count(DISTINCT ") + entity->sql + QStringLiteral(")")
                                                                         : QStringLiteral("count(*)");
    out.text = QStringLiteral("SELECT ") + what + QStringLiteral(" FROM ") + src.fromClause(needsLabels, q.entityField)
               + QStringLiteral(" WHERE ") + q.filter.condition();
    appendParams(out.params, q.filter.params);
    if (hide) {
        out.text += QStringLiteral(" AND NOT coalesce(") + m_suppressed.where + QStringLiteral(", 0)");
        appendParams(out.params, m_suppressed.params);
    }
    return out;
}

Result<std::vector<TriageRow>> TriageWorker::fetch(const TriageQuery &q, std::int64_t offset, std::int64_t limit)
{
    const Sql s = selectSql(q);
    auto st = m_project->db().prepare(s.text.toStdString());
    if (!st)
        return tl::unexpected(st.error());
    int next = query::bindParams(*st, s.params);
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
        r.reserve(size_t(n));
        for (int i = 0; i < n; ++i)
            r.push_back(columnValue(*st, i));
        rows.push_back(std::move(r));
    }
    return rows;
}

void TriageWorker::runQuery(int generation, const TriageQuery &q)
{
    if (stale(generation) || !m_project)
        return;
    QElapsedTimer timer;
    timer.start();
    m_query = q;
    m_queryGeneration = generation;
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
        emitHistory(QStringLiteral("Cluster %1 has no records.").arg(cluster));
        return;
    }
    applyLabel(LabelScope::Record, *keys, LabelUpdate{value, {}, {}},
               QStringLiteral("Label cluster %1 (%2 records) %3").arg(cluster).arg(keys->size()).arg(labelValueName(value)));
}

void TriageWorker::undo()
{
    if (!m_project)
        return;
    LabelStore store(*m_project);
    auto r = m_history.undo(store);
    emitHistory(r ? QStringLiteral("Undone: ") + r->description : r.error().message);
}

void TriageWorker::redo()
{
    if (!m_project)
        return;
    LabelStore store(*m_project);
    auto r = m_history.redo(store);
    emitHistory(r ? QStringLiteral("Redone: ") + r->description : r.error().message);
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
