#include "ui/triage/recordinspector.h"

#include "core/project.h"
#include "core/query/datasetsource.h"
#include "ui/plaintooltip.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>

namespace vigil::ui {

namespace {

QString cellText(sql::Statement &st, int i, query::FieldType type)
{
    if (st.isNull(i))
        return {};
    if (type == query::FieldType::Timestamp)
        return QDateTime::fromMSecsSinceEpoch(qint64(st.real(i) * 1000.0), QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    if (sqlite3_column_type(st.handle(), i) == SQLITE_FLOAT)
        return QString::number(st.real(i), 'g', 8);
    return st.text(i);
}

constexpr int kMaxFeatures = 12;
constexpr int kMaxEvents = 500; ///< of the session, centred on the record
/// Item data role of a contribution cell: its bar length, 0–1 of the largest contribution.
constexpr int kBarRole = Qt::UserRole + 1;

/// Paints a bar behind a cell's text, as long as the cell's kBarRole share of its width.
class BarDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const double share = std::clamp(index.data(kBarRole).toDouble(), 0.0, 1.0);
        if (share > 0.0) {
            QColor c = option.palette.color(QPalette::Highlight);
            c.setAlphaF(0.35f);
            const QRect r = option.rect.adjusted(1, 3, -1, -3);
            painter->fillRect(QRect(r.left(), r.top(), int(std::lround(share * r.width())), r.height()), c);
        }
        QStyledItemDelegate::paint(painter, option, index);
    }
};

} // namespace

Result<RecordDetails> loadRecordDetails(const QString &path, qint64 datasetId, qint64 runId, qint64 rid, int maxEvents,
                                        const SessionSpec &sessions)
{
    const QString &entityField = sessions.entityField;
    const double sessionGapSeconds = sessions.gapSeconds > 0.0 ? sessions.gapSeconds : kDefaultSessionGapSeconds;
    auto project = Project::open(path);
    if (!project)
        return tl::unexpected(project.error());
    sql::Database &db = (*project)->db();
    auto src = query::loadDatasetSource(db, datasetId, runId);
    if (!src)
        return tl::unexpected(src.error());
    RecordDetails d;
    d.rid = rid;
    QString cols;
    for (const query::DatasetColumn &c : src->columns)
        cols += QStringLiteral(", d.") + sql::quoteIdentifier(c.sqlName);
    // An entity field that is not a column of this data set falls back to the schema's.
    const QString entityName = !entityField.isEmpty() && src->column(entityField) ? entityField : src->entityField;
    const QString sqlText = QStringLiteral("SELECT d.line, s.score, s.severity, s.cluster, s.x, s.y, s.top_features, ")
                            + src->labelExpression(entityName) + QStringLiteral(", coalesce(lr.tags, ''), coalesce(lr.note, '')")
                            + cols + QStringLiteral(" FROM ") + src->fromClause(true, entityName) + QStringLiteral(" WHERE d.rid = ?1");
    auto st = db.prepare(sqlText.toStdString());
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, std::int64_t(rid));
    if (auto ok = st->stepOne(QStringLiteral("Record %1 is not in dataset %2 (or has no score in run %3).").arg(rid).arg(datasetId).arg(runId)); !ok)
        return tl::unexpected(ok.error());
    d.fields.emplace_back(QStringLiteral("record"), QString::number(rid));
    d.fields.emplace_back(QStringLiteral("line"), st->text(0));
    constexpr int kFirstCol = 10;
    for (size_t i = 0; i < src->columns.size(); ++i)
        d.fields.emplace_back(src->columns[i].name, cellText(*st, kFirstCol + int(i), src->columns[i].type));
    d.fields.emplace_back(QStringLiteral("score"), st->isNull(1) ? QString() : QString::number(st->real(1), 'f', 4));
    if (!st->isNull(1))
        d.score = st->real(1);
    d.fields.emplace_back(QStringLiteral("severity"), st->text(2));
    d.fields.emplace_back(QStringLiteral("cluster"), st->text(3));
    d.fields.emplace_back(QStringLiteral("projection"), st->isNull(4) ? QString() : QStringLiteral("%1, %2").arg(st->real(4), 0, 'f', 3).arg(st->real(5), 0, 'f', 3));
    d.fields.emplace_back(QStringLiteral("label"), st->text(7));
    d.fields.emplace_back(QStringLiteral("tags"), st->text(8));
    d.fields.emplace_back(QStringLiteral("note"), st->text(9));

    // top_features is written by the scorer; tolerate anything (it is data, not code).
    const QJsonDocument top = QJsonDocument::fromJson(st->text(6).toUtf8());
    for (const QJsonValue &v : top.array()) {
        const QJsonObject o = v.toObject();
        const QString name = o.value(QLatin1String("feature")).toString();
        if (name.isEmpty() || !o.value(QLatin1String("contribution")).isDouble())
            continue;
        d.contributions.emplace_back(name.left(80), o.value(QLatin1String("contribution")).toDouble());
    }
    std::sort(d.contributions.begin(), d.contributions.end(), [](const auto &a, const auto &b) { return std::abs(a.second) > std::abs(b.second); });
    if (d.contributions.size() > size_t(kMaxFeatures))
        d.contributions.resize(kMaxFeatures);

    const query::DatasetColumn *entity = src->column(entityName);
    if (entity) {
        d.sessions = {entity->field, sessionGapSeconds};
        const int entityIndex = int(entity - src->columns.data());
        d.entityValue = cellText(*st, kFirstCol + entityIndex, entity->type);
        const query::DatasetColumn *time = src->column(src->timestampField);
        const QString order = time ? QStringLiteral("d.") + sql::quoteIdentifier(time->sqlName) + QStringLiteral(", d.rid") : QStringLiteral("d.rid");
        d.eventHeaders = QStringList{QStringLiteral("record"), QStringLiteral("score")};
        QString eventCols;
        for (const query::DatasetColumn &c : src->columns) {
            if (&c == entity)
                continue;
            d.eventHeaders << c.name;
            eventCols += QStringLiteral(", d.") + sql::quoteIdentifier(c.sqlName);
        }
        // The record's session: walk the entity's events in time order and cut at pauses longer
        // than the gap; then show a bounded window of that session centred on this record.
        std::vector<qint64> window;
        {
            const QString tsExpr = time ? QStringLiteral("d.") + sql::quoteIdentifier(time->sqlName) : QStringLiteral("NULL");
            const QString seqSql = QStringLiteral("SELECT d.rid, ") + tsExpr + QStringLiteral(" FROM ") + src->table + QStringLiteral(" d WHERE d.")
                                   + sql::quoteIdentifier(entity->sqlName) + QStringLiteral(" = ?1 ORDER BY ") + order;
            auto seq = db.prepare(seqSql.toStdString());
            if (!seq)
                return tl::unexpected(seq.error());
            seq->bind(1, d.entityValue);
            std::vector<std::pair<qint64, double>> all;
            while (true) {
                auto r = seq->step();
                if (!r)
                    return tl::unexpected(r.error());
                if (!*r)
                    break;
                all.emplace_back(seq->int64(0), seq->isNull(1) ? 0.0 : seq->real(1));
            }
            d.entityEvents = qint64(all.size());
            const auto here = std::find_if(all.begin(), all.end(), [rid](const auto &e) { return e.first == rid; });
            if (here != all.end()) {
                size_t first = size_t(here - all.begin()), last = first;
                if (time) {
                    while (first > 0 && all[first].second - all[first - 1].second <= sessionGapSeconds)
                        --first;
                    while (last + 1 < all.size() && all[last + 1].second - all[last].second <= sessionGapSeconds)
                        ++last;
                    d.sessionStart = all[first].second;
                    d.sessionEnd = all[last].second;
                }
                d.sessionEvents = qint64(last - first + 1);
                const size_t at = size_t(here - all.begin());
                const size_t half = size_t(std::max(1, maxEvents)) / 2;
                size_t from = std::max(first, at >= half ? at - half : size_t(0));
                const size_t to = std::min(last, from + size_t(std::max(1, maxEvents)) - 1);
                from = std::max(first, to + 1 >= size_t(std::max(1, maxEvents)) ? to + 1 - size_t(std::max(1, maxEvents)) : size_t(0));
                for (size_t i = from; i <= to; ++i)
                    window.push_back(all[i].first);
            }
        }
        QString placeholders;
        for (size_t i = 0; i < window.size(); ++i)
            placeholders += (i ? QStringLiteral(", ?") : QStringLiteral("?")) + QString::number(i + 1);
        const QString evSql = QStringLiteral("SELECT d.rid, s.score") + eventCols + QStringLiteral(" FROM ") + src->fromClause(false)
                              + QStringLiteral(" WHERE d.rid IN (") + (placeholders.isEmpty() ? QStringLiteral("NULL") : placeholders)
                              + QStringLiteral(") ORDER BY ") + order;
        auto ev = db.prepare(evSql.toStdString());
        if (!ev)
            return tl::unexpected(ev.error());
        for (size_t i = 0; i < window.size(); ++i)
            ev->bind(int(i + 1), std::int64_t(window[i]));
        std::vector<query::FieldType> types;
        for (const query::DatasetColumn &c : src->columns) {
            if (&c != entity)
                types.push_back(c.type);
        }
        while (true) {
            auto r = ev->step();
            if (!r)
                return tl::unexpected(r.error());
            if (!*r)
                break;
            QStringList cells{QString::number(ev->int64(0)), ev->isNull(1) ? QString() : QString::number(ev->real(1), 'f', 3)};
            for (size_t i = 0; i < types.size(); ++i)
                cells << cellText(*ev, 2 + int(i), types[i]);
            if (ev->int64(0) == rid)
                d.currentEvent = int(d.events.size());
            d.events.push_back(cells);
        }
    }
    return d;
}

RecordInspector::RecordInspector(const QString &projectPath, qint64 datasetId, qint64 runId, QWidget *parent)
    : QWidget(parent), m_path(projectPath), m_datasetId(datasetId), m_runId(runId), m_title(new QLabel(this)),
      m_record(new QTableWidget(this)), m_features(new QTableWidget(this)), m_events(new QTableWidget(this)),
      m_sessionTitle(new QLabel(this)), m_alive(std::make_shared<int>(0))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    m_title->setText(tr("Select a record to inspect it."));
    layout->addWidget(m_title);
    auto *split = new QSplitter(Qt::Vertical, this);
    m_record->setColumnCount(2);
    m_record->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    m_record->horizontalHeader()->setStretchLastSection(true);
    m_record->verticalHeader()->hide();
    m_record->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_features->setColumnCount(3);
    // A short header: the stretched first column of the dock is narrow ("contributing feat").
    m_features->setHorizontalHeaderLabels({tr("Top feature"), tr("Contribution"), tr("Share")});
    m_features->horizontalHeaderItem(0)->setToolTip(tr("Top contributing feature"));
    m_features->horizontalHeaderItem(2)->setToolTip(tr("Share of the record's anomaly score"));
    m_features->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_features->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_features->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_features->verticalHeader()->hide();
    m_features->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_features->setItemDelegateForColumn(1, new BarDelegate(m_features));
    m_features->setMinimumHeight(120);
    m_features->setToolTip(tr("The features whose reconstruction loss makes up most of the record's score"));
    m_events->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_events->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_events->verticalHeader()->hide();
    split->addWidget(m_record);
    split->addWidget(m_features);
    auto *eventsBox = new QWidget(split);
    auto *eventsLayout = new QVBoxLayout(eventsBox);
    eventsLayout->setContentsMargins(0, 0, 0, 0);
    m_sessionTitle->setWordWrap(true);
    eventsLayout->addWidget(m_sessionTitle);
    eventsLayout->addWidget(m_events, 1);
    split->addWidget(eventsBox);
    layout->addWidget(split, 1);
    connect(m_events, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (QTableWidgetItem *it = m_events->item(row, 0))
            Q_EMIT recordActivated(it->text().toLongLong());
    });
}

RecordInspector::~RecordInspector() = default;

void RecordInspector::showRecord(qint64 rid)
{
    const int generation = ++m_generation;
    m_rid = rid;
    m_title->setText(tr("Loading record %1…").arg(rid));
    auto *watcher = new QFutureWatcher<Result<RecordDetails>>(this);
    std::weak_ptr<int> alive = m_alive;
    connect(watcher, &QFutureWatcher<Result<RecordDetails>>::finished, this, [this, watcher, generation] {
        const Result<RecordDetails> r = watcher->result();
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer record was asked for
        if (!r) {
            m_title->setText(r.error().message);
            Q_EMIT failed(r.error().message);
            return;
        }
        showDetails(*r);
    });
    watcher->setFuture(QtConcurrent::run([path = m_path, ds = m_datasetId, run = m_runId, rid, sessions = m_sessions] {
        return loadRecordDetails(path, ds, run, rid, kMaxEvents, sessions);
    }));
}

void RecordInspector::setSessions(const SessionSpec &sessions)
{
    if (sessions == m_sessions)
        return;
    m_sessions = sessions;
    if (m_rid != 0)
        showRecord(m_rid);
}

void RecordInspector::showDetails(const RecordDetails &d)
{
    const QString &entityField = d.sessions.entityField;
    m_title->setText(entityField.isEmpty() ? tr("Record %1").arg(d.rid) : tr("Record %1 · %2 = %3").arg(d.rid).arg(entityField, d.entityValue));
    if (entityField.isEmpty()) {
        m_sessionTitle->setText(tr("No entity column: no session to show."));
    } else {
        const QString span = d.sessionStart > 0.0
            ? tr(", %1 – %2").arg(QDateTime::fromSecsSinceEpoch(qint64(d.sessionStart), QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                  QDateTime::fromSecsSinceEpoch(qint64(d.sessionEnd), QTimeZone::utc()).toString(QStringLiteral("HH:mm:ss")))
            : QString();
        m_sessionTitle->setText(tr("Session events: %L1%2 (showing %L3; %5 events in all: %L4)")
                                    .arg(d.sessionEvents)
                                    .arg(span)
                                    .arg(qint64(d.events.size()))
                                    .arg(d.entityEvents)
                                    .arg(entityField));
        m_sessionTitle->setToolTip(tr("A session: events of one %1 with no pause over %L2 minutes, as the triage's Sessions view groups them")
                                       .arg(entityField)
                                       .arg(d.sessions.gapSeconds / 60.0, 0, 'g', 4));
    }
    m_record->setRowCount(int(d.fields.size()));
    for (int i = 0; i < int(d.fields.size()); ++i) {
        m_record->setItem(i, 0, new QTableWidgetItem(d.fields[size_t(i)].first));
        auto *value = new QTableWidgetItem(d.fields[size_t(i)].second);
        value->setToolTip(plainToolTip(d.fields[size_t(i)].second.left(2000)));
        m_record->setItem(i, 1, value);
    }

    double largest = 0.0, sum = 0.0;
    bool parts = std::isfinite(d.score) && d.score > 0.0;
    for (const auto &c : d.contributions) {
        largest = std::max(largest, std::abs(c.second));
        sum += c.second;
        parts = parts && c.second >= 0.0;
    }
    // The autoencoder's score is the sum of its blocks' losses: then a share says how much of
    // this record's anomaly one feature explains. Scores that the contributions are not parts
    // of (they sum to more, or are negative) get no share.
    parts = parts && sum <= d.score * (1.0 + 1e-6);
    m_features->setRowCount(int(d.contributions.size()));
    const QLocale locale;
    for (int i = 0; i < int(d.contributions.size()); ++i) {
        const auto &[name, value] = d.contributions[size_t(i)];
        auto *feature = new QTableWidgetItem(name);
        feature->setToolTip(plainToolTip(name));
        m_features->setItem(i, 0, feature);
        auto *contribution = new QTableWidgetItem(locale.toString(value, 'f', 3));
        contribution->setData(kBarRole, largest > 0.0 ? std::abs(value) / largest : 0.0);
        contribution->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_features->setItem(i, 1, contribution);
        const double pct = 100.0 * value / d.score;
        auto *shareItem = new QTableWidgetItem(parts ? QStringLiteral("%1 %").arg(locale.toString(pct, 'f', pct < 10.0 ? 1 : 0)) : QString());
        shareItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_features->setItem(i, 2, shareItem);
    }
    m_features->resizeRowsToContents();

    m_events->clear();
    m_events->setColumnCount(int(d.eventHeaders.size()));
    m_events->setHorizontalHeaderLabels(d.eventHeaders);
    m_events->setRowCount(int(d.events.size()));
    for (int r = 0; r < int(d.events.size()); ++r) {
        for (int c = 0; c < int(d.events[size_t(r)].size()); ++c) {
            auto *it = new QTableWidgetItem(d.events[size_t(r)][c]);
            if (r == d.currentEvent) {
                QFont f = it->font();
                f.setBold(true);
                it->setFont(f);
            }
            m_events->setItem(r, c, it);
        }
    }
    if (d.currentEvent >= 0)
        m_events->scrollToItem(m_events->item(d.currentEvent, 0), QAbstractItemView::PositionAtCenter);
    Q_EMIT detailsShown(d.rid);
}

} // namespace vigil::ui
