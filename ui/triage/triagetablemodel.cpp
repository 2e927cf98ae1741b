#include "ui/triage/triagetablemodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QThread>
#include <QTimeZone>

namespace vigil::ui {

namespace {

QString formatTime(const QVariant &v)
{
    if (!v.isValid())
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(v.toDouble() * 1000.0), QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QColor labelColor(const QString &label)
{
    if (label == QLatin1String("malicious"))
        return QColor(0xc6, 0x28, 0x28);
    if (label == QLatin1String("benign"))
        return QColor(0x2e, 0x7d, 0x32);
    if (label == QLatin1String("review"))
        return QColor(0xef, 0x6c, 0x00);
    return {};
}

} // namespace

TriageTableModel::TriageTableModel(const QString &projectPath, qint64 datasetId, qint64 runId, QObject *parent)
    : QAbstractTableModel(parent), m_thread(new QThread(this)), m_worker(new TriageWorker(projectPath, datasetId, runId))
{
    m_thread->setObjectName(QStringLiteral("triage-sql"));
    m_worker->moveToThread(m_thread);
    connect(m_worker, &TriageWorker::opened, this, &TriageTableModel::onOpened);
    connect(m_worker, &TriageWorker::failed, this, &TriageTableModel::failed);
    connect(m_worker, &TriageWorker::queryReady, this, &TriageTableModel::onQueryReady);
    connect(m_worker, &TriageWorker::queryFailed, this, [this](int generation, const QString &message) {
        if (generation == m_generation)
            Q_EMIT failed(message);
    });
    connect(m_worker, &TriageWorker::pageReady, this, &TriageTableModel::onPageReady);
    connect(m_worker, &TriageWorker::anomalyFound, this, [this](int generation, int row) {
        if (generation == m_shownGeneration)
            Q_EMIT anomalyFound(row);
    });
    connect(m_worker, &TriageWorker::labelsChanged, this, &TriageTableModel::onLabelsChanged);
    connect(m_worker, &TriageWorker::suppressionsChanged, this, [this](const std::vector<SuppressionRule> &rules) {
        m_rules = rules;
        Q_EMIT suppressionsChanged();
        refresh();
    });
    m_thread->start();
    post([](TriageWorker *w) { w->open(); });
}

TriageTableModel::~TriageTableModel()
{
    m_worker->latestGeneration.store(-1); // queued queries are skipped
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
}

void TriageTableModel::post(std::function<void(TriageWorker *)> call)
{
    TriageWorker *w = m_worker;
    QMetaObject::invokeMethod(m_worker, [w, call = std::move(call)] { call(w); }, Qt::QueuedConnection);
}

void TriageTableModel::onOpened(std::shared_ptr<const query::DatasetSource> source, const std::vector<SuppressionRule> &rules)
{
    const bool first = !m_source;
    m_source = std::move(source);
    m_rules = rules;
    if (m_query.entityField.isEmpty())
        m_query.entityField = m_source->entityField;
    if (first) {
        m_query.sortColumn = TriageColumns::kScore;
        m_query.descending = true;
    }
    if (!m_filterText.isEmpty()) {
        auto c = query::compileFilter(m_filterText, m_source->fields);
        if (c)
            m_query.filter = *c;
    }
    startQuery();
}

void TriageTableModel::reopen()
{
    post([](TriageWorker *w) { w->open(); });
}

void TriageTableModel::startQuery()
{
    if (!m_source)
        return;
    ++m_generation;
    m_worker->latestGeneration.store(m_generation);
    const int generation = m_generation;
    const TriageQuery q = m_query;
    post([generation, q](TriageWorker *w) { w->runQuery(generation, q); });
}

void TriageTableModel::refresh()
{
    startQuery();
}

void TriageTableModel::onQueryReady(int generation, qint64 count, const std::vector<TriageRow> &firstPage, qint64 elapsedMs)
{
    if (generation != m_generation)
        return;
    beginResetModel();
    m_rowCount = count;
    m_pages.clear();
    m_lru.clear();
    m_pending.clear();
    m_pages.insert(0, Page{firstPage});
    m_lru.push_front(0);
    m_shownGeneration = generation;
    endResetModel();
    m_lastQueryMs = elapsedMs;
    const bool first = !m_ready;
    m_ready = true;
    if (first)
        Q_EMIT ready();
    Q_EMIT queryFinished(count, elapsedMs);
}

void TriageTableModel::onPageReady(int generation, int page, const std::vector<TriageRow> &rows)
{
    m_pending.remove(page);
    if (generation != m_shownGeneration)
        return;
    m_pages.insert(page, Page{rows});
    touch(page);
    while (int(m_lru.size()) > kMaxPages) {
        m_pages.remove(m_lru.back());
        m_lru.pop_back();
    }
    const int first = page * TriageWorker::kPageSize;
    const int last = std::min<qint64>(m_rowCount, qint64(first) + TriageWorker::kPageSize) - 1;
    if (last >= first)
        Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1));
}

void TriageTableModel::onLabelsChanged(const TriageHistoryState &state, const QString &message)
{
    m_history = state;
    Q_EMIT historyChanged(message);
    const QStringList &used = m_query.filter.fieldsUsed;
    if (used.contains(QStringLiteral("label")) || used.contains(QStringLiteral("tags")) || used.contains(QStringLiteral("note"))
        || m_query.sortColumn == TriageColumns::kLabel)
        startQuery(); // the set of rows may change
    else
        refreshCachedPages();
}

void TriageTableModel::refreshCachedPages()
{
    const QList<int> pages = m_pages.keys();
    for (int p : pages) {
        m_pending.remove(p);
        requestPage(p);
    }
}

int TriageTableModel::visibleColumns() const
{
    if (!m_source)
        return 0;
    if (TriageColumns::grouped(m_query.mode))
        return TriageColumns::kEntityColumns;
    return TriageColumns::kFirstData + int(m_source->columns.size());
}

int TriageTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_shownGeneration < 0)
        return 0;
    return int(std::min<qint64>(m_rowCount, std::numeric_limits<int>::max()));
}

int TriageTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_shownGeneration < 0 ? 0 : visibleColumns();
}

void TriageTableModel::touch(int page) const
{
    m_lru.remove(page);
    m_lru.push_front(page);
}

void TriageTableModel::requestPage(int page) const
{
    if (m_pending.contains(page))
        return;
    m_pending.insert(page);
    const int generation = m_shownGeneration;
    const_cast<TriageTableModel *>(this)->post([generation, page](TriageWorker *w) { w->fetchPage(generation, page); });
}

const TriageRow *TriageTableModel::row(int r) const
{
    const int page = r / TriageWorker::kPageSize;
    auto it = m_pages.constFind(page);
    if (it == m_pages.cend()) {
        requestPage(page);
        return nullptr;
    }
    touch(page);
    const int offset = r % TriageWorker::kPageSize;
    if (offset >= int(it->rows.size()))
        return nullptr;
    return &it->rows[size_t(offset)];
}

QVariant TriageTableModel::rawValue(int r, int column) const
{
    if (r < 0 || r >= rowCount() || column < 0)
        return {};
    const TriageRow *rw = row(r);
    if (!rw || column >= int(rw->size()))
        return {};
    return (*rw)[size_t(column)];
}

QVariant TriageTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TriageRow *rw = row(index.row());
    if (role == LoadedRole)
        return rw != nullptr;
    if (!rw) {
        return role == Qt::DisplayRole ? QVariant(QStringLiteral("…")) : QVariant();
    }
    const int c = index.column();
    const bool entities = TriageColumns::grouped(m_query.mode);
    const int extra = visibleColumns();
    auto at = [&](int i) -> QVariant { return i < int(rw->size()) ? (*rw)[size_t(i)] : QVariant(); };
    const bool suppressed = !entities && at(extra + TriageRowExtra::kSuppressed).toLongLong() != 0;
    const bool anomaly = entities ? at(TriageColumns::kAnomalies).toLongLong() > 0 : at(extra + TriageRowExtra::kAnomaly).toLongLong() != 0;
    const QString label = at(entities ? TriageColumns::kEntityLabel : TriageColumns::kLabel).toString();

    switch (role) {
    case RecordIdRole: return entities ? at(TriageColumns::kEntity) : at(extra + TriageRowExtra::kRid);
    case FirstRecordRole:
        if (m_query.mode == TriageQuery::Mode::Sessions)
            return at(TriageColumns::kSessionFirstRid);
        return entities ? QVariant() : at(extra + TriageRowExtra::kRid);
    case AnomalyRole: return anomaly;
    case SuppressedRole: return suppressed;
    case LabelRole: return label;
    case TagsRole: return entities ? QVariant() : at(extra + TriageRowExtra::kTags);
    case NoteRole: return entities ? QVariant() : at(extra + TriageRowExtra::kNote);
    case ScoreRole: return at(entities ? TriageColumns::kMaxScore : TriageColumns::kScore);
    case ClusterRole: return entities ? QVariant() : at(TriageColumns::kCluster);
    case Qt::ForegroundRole:
        if (suppressed)
            return QBrush(QColor(0x80, 0x80, 0x80));
        if (c == (entities ? TriageColumns::kEntityLabel : TriageColumns::kLabel)) {
            const QColor col = labelColor(label);
            return col.isValid() ? QVariant(QBrush(col)) : QVariant();
        }
        return {};
    case Qt::FontRole:
        if (anomaly) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole: {
        const QVariant v = at(c);
        const bool number = v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Double;
        return QVariant::fromValue(Qt::Alignment((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    case Qt::ToolTipRole:
        if (suppressed)
            return tr("Suppressed by a \"never flag this value\" rule");
        if (!entities && c == TriageColumns::kLabel) {
            const QString tags = at(extra + TriageRowExtra::kTags).toString();
            const QString note = at(extra + TriageRowExtra::kNote).toString();
            if (!tags.isEmpty() || !note.isEmpty())
                return tr("Tags: %1\nNote: %2").arg(tags, note);
        }
        return {};
    case Qt::EditRole:
        return at(c);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    const QVariant v = at(c);
    if (entities) {
        switch (c) {
        case TriageColumns::kEntity:
            if (m_query.mode == TriageQuery::Mode::Sessions) {
                // "entity|first second" → "entity · start time"
                const QString key = v.toString();
                const qsizetype bar = key.lastIndexOf(QLatin1Char('|'));
                if (bar > 0)
                    return QString(key.left(bar) + QStringLiteral(" · ") + formatTime(QVariant(key.mid(bar + 1).toDouble())));
            }
            return v;
        case TriageColumns::kMaxScore: return v.isValid() ? QString::number(v.toDouble(), 'f', 3) : QString();
        case TriageColumns::kFirstSeen:
        case TriageColumns::kLastSeen: return formatTime(v);
        case TriageColumns::kRate: return v.isNull() ? QString() : QString::number(v.toDouble(), 'f', 1);
        case TriageColumns::kPeakFailures: return v.isNull() ? QString() : QString::number(v.toLongLong());
        default: return v;
        }
    }
    switch (c) {
    case TriageColumns::kScore: return v.isValid() ? QString::number(v.toDouble(), 'f', 3) : QString();
    case TriageColumns::kSeverity: return suppressed ? tr("suppressed") : v;
    case TriageColumns::kLabel: return label == QLatin1String("none") ? QString() : label;
    default: break;
    }
    const int dataIndex = c - TriageColumns::kFirstData;
    if (dataIndex >= 0 && dataIndex < int(m_source->columns.size()) && m_source->columns[size_t(dataIndex)].type == query::FieldType::Timestamp)
        return formatTime(v);
    return v;
}

QVariant TriageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < rowCount())
            return section + 1;
        return {};
    }
    if (section < 0 || section >= columnCount())
        return {};
    if (role == Qt::ToolTipRole) {
        if (TriageColumns::grouped(m_query.mode) && section == TriageColumns::kRate)
            return tr("Events per minute between first and last seen (a shorter span counts as one minute): "
                      "bursts such as password guessing or directory scans sort to the top");
        if (TriageColumns::grouped(m_query.mode) && section == TriageColumns::kPeakFailures)
            return tr("The most failures in one minute: HTTP 4xx/5xx answers (client_errors_1m) or failed connection "
                      "attempts (orig_failed_1m), as counted at import; empty for data without them");
        const QString field = fieldForColumn(section);
        return field.isEmpty() ? QVariant() : QVariant(tr("Filter field: %1").arg(field));
    }
    if (role != Qt::DisplayRole)
        return {};
    if (TriageColumns::grouped(m_query.mode)) {
        switch (section) {
        case TriageColumns::kEntity:
            return m_query.mode == TriageQuery::Mode::Sessions ? tr("Session (%1 · start)").arg(m_query.entityField) : m_query.entityField;
        case TriageColumns::kEvents: return tr("Events");
        case TriageColumns::kMaxScore: return tr("Max score");
        case TriageColumns::kAnomalies: return tr("Anomalies");
        case TriageColumns::kEntityLabel: return tr("Label");
        case TriageColumns::kFirstSeen: return tr("First seen");
        case TriageColumns::kLastSeen: return tr("Last seen");
        case TriageColumns::kRate: return tr("Events/min");
        case TriageColumns::kPeakFailures: return tr("Peak failures/min");
        default: return {};
        }
    }
    switch (section) {
    case TriageColumns::kScore: return tr("Score");
    case TriageColumns::kSeverity: return tr("Severity");
    case TriageColumns::kLabel: return tr("Label");
    case TriageColumns::kCluster: return tr("Cluster");
    default: return m_source->columns[size_t(section - TriageColumns::kFirstData)].name;
    }
}

QString TriageTableModel::fieldForColumn(int column) const
{
    if (!m_source || column < 0 || column >= visibleColumns())
        return {};
    if (m_query.mode == TriageQuery::Mode::Sessions)
        return {};
    if (m_query.mode == TriageQuery::Mode::Entities)
        return column == TriageColumns::kEntity ? m_query.entityField : QString();
    switch (column) {
    case TriageColumns::kScore: return QStringLiteral("score");
    case TriageColumns::kSeverity: return QStringLiteral("severity");
    case TriageColumns::kLabel: return QStringLiteral("label");
    case TriageColumns::kCluster: return QStringLiteral("cluster");
    default: return m_source->columns[size_t(column - TriageColumns::kFirstData)].field;
    }
}

void TriageTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0)
        return;
    m_query.sortColumn = column;
    m_query.descending = order == Qt::DescendingOrder;
    startQuery();
}

Result<void> TriageTableModel::setFilter(const QString &text, query::QueryError *error)
{
    if (!m_source) {
        m_filterText = text; // applied once the dataset is open
        return {};
    }
    auto c = query::compileFilter(text, m_source->fields, error);
    if (!c)
        return tl::unexpected(c.error());
    m_filterText = text;
    m_query.filter = std::move(*c);
    startQuery();
    return {};
}

void TriageTableModel::setMode(TriageQuery::Mode mode)
{
    if (mode == m_query.mode)
        return;
    m_query.mode = mode;
    m_query.sortColumn = TriageColumns::grouped(mode) ? TriageColumns::kMaxScore : TriageColumns::kScore;
    m_query.descending = true;
    startQuery();
}

void TriageTableModel::setEntityField(const QString &field)
{
    if (field == m_query.entityField)
        return;
    m_query.entityField = field;
    startQuery();
}

void TriageTableModel::showSessions(const SessionSpec &sessions)
{
    if (!sessions.entityField.isEmpty())
        m_query.entityField = sessions.entityField;
    if (sessions.gapSeconds > 0.0)
        m_query.sessionGapSeconds = sessions.gapSeconds;
    m_query.mode = TriageQuery::Mode::Sessions;
    m_query.sortColumn = TriageColumns::kMaxScore;
    m_query.descending = true;
    startQuery();
}

void TriageTableModel::setHideSuppressed(bool hide)
{
    if (hide == m_query.hideSuppressed)
        return;
    m_query.hideSuppressed = hide;
    startQuery();
}

QStringList TriageTableModel::keysOf(const QList<int> &rows) const
{
    QStringList keys;
    for (int r : rows) {
        const QVariant id = data(index(r, 0), RecordIdRole);
        if (id.isValid())
            keys << id.toString();
    }
    return keys;
}

void TriageTableModel::labelRows(const QList<int> &rows, LabelValue value)
{
    const QStringList keys = keysOf(rows);
    if (keys.isEmpty())
        return;
    if (m_query.mode == TriageQuery::Mode::Sessions) {
        const QString description = labelActionText(tr("%n session(s)", nullptr, int(keys.size())), value);
        post([keys, value, description](TriageWorker *w) { w->labelSessions(keys, LabelUpdate{value, {}, {}}, description); });
        return;
    }
    const LabelScope scope = m_query.mode == TriageQuery::Mode::Entities ? LabelScope::Entity : LabelScope::Record;
    const QString what = keys.size() == 1 ? (scope == LabelScope::Entity ? keys.first() : tr("record %1").arg(keys.first()))
                         : scope == LabelScope::Entity ? tr("%n entities", nullptr, int(keys.size()))
                                                       : tr("%n records", nullptr, int(keys.size()));
    const QString description = labelActionText(what, value);
    post([scope, keys, value, description](TriageWorker *w) { w->applyLabel(scope, keys, LabelUpdate{value, {}, {}}, description); });
}

void TriageTableModel::editTagsNote(const QList<int> &rows, const std::optional<QString> &tags, const std::optional<QString> &note)
{
    const QStringList keys = keysOf(rows);
    if (keys.isEmpty())
        return;
    const QString description = tr("Edit tags/note of %n item(s)", nullptr, int(keys.size()));
    if (m_query.mode == TriageQuery::Mode::Sessions) {
        post([keys, tags, note, description](TriageWorker *w) { w->labelSessions(keys, LabelUpdate{{}, tags, note}, description); });
        return;
    }
    const LabelScope scope = m_query.mode == TriageQuery::Mode::Entities ? LabelScope::Entity : LabelScope::Record;
    post([scope, keys, tags, note, description](TriageWorker *w) { w->applyLabel(scope, keys, LabelUpdate{{}, tags, note}, description); });
}

void TriageTableModel::labelCluster(qint64 cluster, LabelValue value)
{
    post([cluster, value](TriageWorker *w) { w->labelCluster(cluster, value); });
}

void TriageTableModel::undo()
{
    post([](TriageWorker *w) { w->undo(); });
}

void TriageTableModel::redo()
{
    post([](TriageWorker *w) { w->redo(); });
}

void TriageTableModel::addSuppression(const QString &field, const QString &value, const QString &note)
{
    post([field, value, note](TriageWorker *w) { w->addSuppression(field, value, note); });
}

void TriageTableModel::removeSuppression(qint64 id)
{
    post([id](TriageWorker *w) { w->removeSuppression(id); });
}

void TriageTableModel::findAnomaly(int fromRow, int direction)
{
    const int generation = m_shownGeneration;
    post([generation, fromRow, direction](TriageWorker *w) { w->findAnomaly(generation, fromRow, direction); });
}

} // namespace vigil::ui
