#include "ui/explorer/explorerview.h"

#include "core/project.h"
#include "core/query/ipaddress.h"
#include "ui/explorer/clusterscatterview.h"
#include "ui/explorer/scorehistogramview.h"
#include "ui/explorer/timelineview.h"
#include "ui/jobs/jobrunner.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

namespace vigil::ui {

namespace {

QString timeLiteral(double t)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(t * 1000.0), QTimeZone::utc()).toString(QStringLiteral("\"yyyy-MM-dd HH:mm:ss\""));
}

using DataPtr = std::shared_ptr<ExplorerData>;
using SummaryList = std::shared_ptr<std::vector<ClusterSummary>>;
using BucketsPtr = std::shared_ptr<TimeBuckets>;

} // namespace

/// Opens a worker connection tuned for scans of millions of rows.
static Result<std::unique_ptr<Project>> openForScans(const QString &path)
{
    auto project = Project::open(path);
    if (!project)
        return tl::unexpected(project.error());
    (*project)->db().exec("PRAGMA cache_size = -262144; PRAGMA mmap_size = 1073741824; PRAGMA temp_store = MEMORY;");
    query::registerSqlFunctions((*project)->db().handle());
    return project;
}

Result<std::shared_ptr<ExplorerData>> loadExplorerData(const QString &path, qint64 datasetId, qint64 runId, ProgressFn progress,
                                                       const SessionSpec &sessions)
{
    auto project = openForScans(path);
    if (!project)
        return tl::unexpected(project.error());
    sql::Database &db = (*project)->db();
    auto src = query::loadDatasetSource(db, datasetId, runId);
    if (!src)
        return tl::unexpected(src.error());
    auto data = std::make_shared<ExplorerData>();
    data->source = std::move(*src);
    report(progress, 0, 3, QCoreApplication::translate("vigil::ui::ExplorerView", "score histogram"));
    const bool bySession = !sessions.isEmpty() && data->source.column(sessions.entityField) && data->source.column(data->source.timestampField);
    auto h = bySession ? sessionScoreHistogram(db, data->source, sessions, 200) : scoreHistogram(db, data->source, 200);
    if (!h)
        return tl::unexpected(h.error());
    data->histogram = std::move(*h);
    data->threshold = data->source.hasThreshold() ? data->source.threshold : data->histogram.max;
    if (bySession) {
        auto points = sessionPoints(db);
        if (!points)
            return tl::unexpected(points.error());
        data->sessionPoints = std::move(*points);
    }
    if (!report(progress, 1, 3, QCoreApplication::translate("vigil::ui::ExplorerView", "timeline")))
        return fail(ErrorCode::Cancelled, QCoreApplication::translate("vigil::ui::ExplorerView", "Cancelled."));
    auto t = timeBuckets(db, data->source, data->threshold);
    if (t) {
        data->timeline = std::move(*t);
        if (bySession)
            countSessionAnomalies(data->timeline, data->sessionPoints, data->threshold);
    } else
        data->timelineError = t.error().message;
    if (!report(progress, 2, 3, QCoreApplication::translate("vigil::ui::ExplorerView", "cluster sample")))
        return fail(ErrorCode::Cancelled, QCoreApplication::translate("vigil::ui::ExplorerView", "Cancelled."));
    auto s = scatterSample(db, data->source, data->threshold);
    if (!s)
        return tl::unexpected(s.error());
    data->scatter = std::move(*s);
    report(progress, 3, 3, QCoreApplication::translate("vigil::ui::ExplorerView", "done"));
    return data;
}

ExplorerView::ExplorerView(JobRunner *jobs, const QString &projectPath, qint64 datasetId, qint64 runId, QWidget *parent)
    : ExplorerView(jobs, projectPath, datasetId, runId, SessionSpec{}, parent)
{
}

ExplorerView::ExplorerView(JobRunner *jobs, const QString &projectPath, qint64 datasetId, qint64 runId, const SessionSpec &sessions,
                           QWidget *parent)
    : QWidget(parent), m_jobs(jobs), m_path(projectPath), m_datasetId(datasetId), m_runId(runId), m_sessions(sessions),
      m_histogram(new ScoreHistogramView(this)),
      m_thresholdInfo(new QLabel(this)), m_timeline(new TimelineView(this)), m_scatter(new ClusterScatterView(this)),
      m_colorBy(new QComboBox(this)), m_clusters(new QTableWidget(this)), m_status(new QLabel(this))
{
    // One strip of linked charts (distribution | time | clusters), so that the triage table
    // below keeps most of the height: that is where the analyst works.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *strip = new QSplitter(Qt::Horizontal, this);
    auto *histBox = new QWidget(strip);
    auto *histLayout = new QVBoxLayout(histBox);
    histLayout->setContentsMargins(0, 0, 0, 0);
    histLayout->addWidget(m_histogram, 1);
    strip->addWidget(histBox);
    // Hidden when the data set has no time to draw (flow CSVs such as NSL-KDD): the histogram
    // and the cluster map get the room, and the status line says why.
    m_timeBox = new QWidget(strip);
    auto *timeLayout = new QVBoxLayout(m_timeBox);
    timeLayout->setContentsMargins(0, 0, 0, 0);
    timeLayout->addWidget(m_timeline, 1);
    auto *reset = new QPushButton(tr("Reset zoom"), m_timeBox);
    reset->setToolTip(tr("Show the whole time span again (drag on the timeline to zoom in and filter)"));
    timeLayout->addWidget(reset, 0, Qt::AlignRight);
    strip->addWidget(m_timeBox);

    auto *clusterTabs = new QTabWidget(strip);
    auto *scatterBox = new QWidget(clusterTabs);
    auto *scatterLayout = new QVBoxLayout(scatterBox);
    scatterLayout->setContentsMargins(0, 0, 0, 0);
    auto *colorRow = new QHBoxLayout;
    colorRow->addWidget(new QLabel(tr("Colour by:"), scatterBox));
    m_colorBy->addItems({tr("Cluster"), tr("Label"), tr("Severity")});
    colorRow->addWidget(m_colorBy);
    colorRow->addStretch(1);
    scatterLayout->addLayout(colorRow);
    scatterLayout->addWidget(m_scatter, 1);
    clusterTabs->addTab(scatterBox, tr("Cluster map"));
    m_clusters->setColumnCount(7);
    m_clusters->setHorizontalHeaderLabels({tr("Cluster"), tr("Size"), tr("Anomalies"), tr("Min score"), tr("Mean"), tr("Max score"), tr("Dominant values")});
    m_clusters->horizontalHeader()->setStretchLastSection(true);
    m_clusters->verticalHeader()->hide();
    m_clusters->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_clusters->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_clusters->setToolTip(tr("Double-click a cluster to filter the triage table on it"));
    clusterTabs->addTab(m_clusters, tr("Cluster summary"));
    strip->addWidget(clusterTabs);
    strip->setStretchFactor(0, 3);
    strip->setStretchFactor(1, 4);
    strip->setStretchFactor(2, 3);

    layout->addWidget(strip, 1);
    auto *info = new QHBoxLayout;
    m_thresholdInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Long lines wrap rather than widen the explorer: its minimum width is the main window's,
    // and one unwrapped line of threshold figures squeezed the inspector dock to ~190 px.
    m_thresholdInfo->setWordWrap(true);
    m_status->setWordWrap(true);
    info->addWidget(m_thresholdInfo, 1);
    info->addWidget(m_status);
    layout->addLayout(info);
    m_histogram->setMinimumHeight(200);
    m_timeline->setMinimumHeight(200);
    m_scatter->setMinimumHeight(170);
    m_histogram->setMinimumWidth(280);
    m_timeline->setMinimumWidth(320);

    connect(m_histogram, &ScoreHistogramView::thresholdMoved, this, [this](double t, double above, double fpr, bool fromLabels) {
        const ScoreHistogram &h = m_histogram->histogram();
        const qint64 total = h.total;
        // A model of sessions' sessions are in memory: count them exactly, not from the bins.
        if (h.sessions && m_data) {
            above = double(std::count_if(m_data->sessionPoints.begin(), m_data->sessionPoints.end(),
                                         [t](const SessionPoint &p) { return p.score >= t; }));
            if (!fromLabels)
                fpr = total > 0 ? above / double(total) : 0.0;
        }
        // Alerts a day over the run's time span (the timeline's buckets), as an alert budget counts them.
        QString perDay;
        if (m_data && !m_data->timeline.volume.empty()) {
            const double days = (m_data->timeline.end() - m_data->timeline.start) / 86400.0;
            if (days * 24.0 >= 1.0)
                perDay = tr(", ≈%L1 a day").arg(qint64(std::llround(above / days)));
        }
        const QString text = h.sessions ? tr("Threshold %1 · %L2 sessions above (%3%%6) · expected FPR ≈ %4% (%5)")
                                        : tr("Threshold %1 · ≈%L2 records above (%3%%6) · expected FPR ≈ %4% (%5)");
        const QString basis = !fromLabels      ? (h.sessions ? tr("share of all sessions; label benign sessions to refine")
                                                             : tr("share of all records; label benign rows to refine"))
                              : !h.benignFromDataset ? tr("from benign labels")
                              : h.sessions           ? tr("from the data set's %L1 normal sessions").arg(h.benignTotal)
                                                     : tr("from the data set's %L1 normal rows").arg(h.benignTotal);
        m_thresholdInfo->setText(text.arg(t, 0, 'f', 3)
                                     .arg(qint64(std::llround(above)))
                                     .arg(total > 0 ? 100.0 * above / double(total) : 0.0, 0, 'f', 2)
                                     .arg(100.0 * fpr, 0, 'f', 3)
                                     .arg(basis)
                                     .arg(perDay));
    });
    connect(m_histogram, &ScoreHistogramView::thresholdChanged, this, [this](double t) {
        reloadTimeline(t);
        Q_EMIT thresholdChanged(t);
    });
    connect(reset, &QPushButton::clicked, m_timeline, &TimelineView::resetZoom);
    connect(m_timeline, &TimelineView::timeRangeSelected, this, [this](double from, double to) {
        Q_EMIT filterRequested(QStringLiteral("time between %1 and %2").arg(timeLiteral(from), timeLiteral(to)));
    });
    connect(m_scatter, &ClusterScatterView::regionSelected, this, [this](double x0, double x1, double y0, double y1) {
        Q_EMIT filterRequested(QStringLiteral("x between %1 and %2 and y between %3 and %4")
                                   .arg(x0, 0, 'g', 6).arg(x1, 0, 'g', 6).arg(y0, 0, 'g', 6).arg(y1, 0, 'g', 6));
    });
    connect(m_scatter, &ClusterScatterView::clusterClicked, this,
            [this](int cluster) { Q_EMIT filterRequested(QStringLiteral("cluster = %1").arg(cluster)); });
    connect(m_colorBy, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_scatter->setColorBy(static_cast<ClusterScatterView::ColorBy>(i)); });
    connect(m_clusters, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (QTableWidgetItem *it = m_clusters->item(row, 0))
            Q_EMIT filterRequested(QStringLiteral("cluster = %1").arg(it->text()));
    });
    reload();
}

ExplorerView::~ExplorerView() = default;

double ExplorerView::threshold() const
{
    return m_histogram->threshold();
}

void ExplorerView::reload()
{
    m_status->setText(tr("Loading charts…"));
    const QString path = m_path;
    const qint64 ds = m_datasetId, run = m_runId;
    QPointer<ExplorerView> self(this);
    m_jobs->start(
        tr("Explorer: aggregate scores"),
        [path, ds, run, sessions = m_sessions](JobContext &ctx) -> Result<QVariant> {
            auto d = loadExplorerData(path, ds, run, ctx.progressFn(), sessions);
            if (!d)
                return tl::unexpected(d.error());
            return QVariant::fromValue(*d);
        },
        [self](const Result<QVariant> &r) {
            if (!self)
                return;
            if (!r) {
                self->m_status->setText(r.error().message);
                Q_EMIT self->failed(r.error().message);
                return;
            }
            self->onLoaded(r->value<DataPtr>());
        },
        QStringLiteral("explorer-load:%1").arg(m_path));
}

void ExplorerView::onLoaded(std::shared_ptr<ExplorerData> data)
{
    m_data = std::move(data);
    m_histogram->setHistogram(m_data->histogram);
    m_histogram->setThreshold(m_data->threshold);
    m_timeline->setBuckets(m_data->timeline);
    m_scatter->setPoints(m_data->scatter);
    // A data set without a time column (flow CSVs) gets no timeline box at all; one whose
    // timeline failed to load keeps the box, which says why it is empty.
    const bool noTimeline = !m_data->timelineError.isEmpty();
    m_timeBox->setVisible(!m_data->source.timestampField.isEmpty());
    if (noTimeline && m_timeBox->isVisibleTo(this))
        m_timeline->showError(m_data->timelineError);
    const QString counts = (m_data->histogram.sessions ? tr("%L1 sessions · %L2 points in the scatter sample")
                                                       : tr("%L1 scores · %L2 points in the scatter sample"))
                               .arg(m_data->histogram.total)
                               .arg(m_data->scatter.size());
    m_status->setText(noTimeline ? tr("No timeline: %1").arg(m_data->timelineError) + QStringLiteral(" · ") + counts : counts);
    Q_EMIT loaded();
    loadClusters();
}

bool ExplorerView::timelineShown() const
{
    return !m_timeBox->isHidden();
}

void ExplorerView::reloadTimeline(double threshold)
{
    if (!m_data || m_data->source.timestampField.isEmpty())
        return; // no time column: nothing to redraw
    if (m_data->timeline.sessions) { // the events per bucket stay; the flagged sessions are in memory
        TimeBuckets t = m_data->timeline;
        countSessionAnomalies(t, m_data->sessionPoints, threshold);
        const double from = m_timeline->rangeFrom(), to = m_timeline->rangeTo();
        m_timeline->setBuckets(t);
        m_timeline->setRange(from, to); // keep the analyst's zoom
        return;
    }
    const QString path = m_path;
    const qint64 ds = m_datasetId, run = m_runId;
    QPointer<ExplorerView> self(this);
    m_jobs->start(
        tr("Explorer: timeline at threshold %1").arg(threshold, 0, 'f', 3),
        [path, ds, run, threshold](JobContext &) -> Result<QVariant> {
            auto project = openForScans(path);
            if (!project)
                return tl::unexpected(project.error());
            auto src = query::loadDatasetSource((*project)->db(), ds, run);
            if (!src)
                return tl::unexpected(src.error());
            auto t = timeBuckets((*project)->db(), *src, threshold);
            if (!t)
                return tl::unexpected(t.error());
            return QVariant::fromValue(std::make_shared<TimeBuckets>(std::move(*t)));
        },
        [self](const Result<QVariant> &r) {
            if (!self)
                return;
            if (!r) {
                if (r.error().code != ErrorCode::Cancelled)
                    self->m_timeline->showError(r.error().message);
                return;
            }
            const double from = self->m_timeline->rangeFrom(), to = self->m_timeline->rangeTo();
            self->m_timeline->setBuckets(*r->value<BucketsPtr>());
            self->m_timeline->setRange(from, to); // keep the analyst's zoom
        },
        QStringLiteral("explorer-timeline:%1").arg(m_path));
}

void ExplorerView::loadClusters()
{
    const QString path = m_path;
    const qint64 ds = m_datasetId, run = m_runId;
    const double threshold = m_data->threshold;
    QPointer<ExplorerView> self(this);
    m_jobs->start(
        tr("Explorer: cluster summary"),
        [path, ds, run, threshold](JobContext &) -> Result<QVariant> {
            auto project = openForScans(path);
            if (!project)
                return tl::unexpected(project.error());
            auto src = query::loadDatasetSource((*project)->db(), ds, run);
            if (!src)
                return tl::unexpected(src.error());
            auto s = clusterSummaries((*project)->db(), *src, threshold);
            if (!s)
                return tl::unexpected(s.error());
            return QVariant::fromValue(std::make_shared<std::vector<ClusterSummary>>(std::move(*s)));
        },
        [self, threshold](const Result<QVariant> &r) {
            if (!self)
                return;
            if (!r) {
                self->m_status->setText(r.error().message);
                return;
            }
            auto list = r->value<SummaryList>();
            if (self->m_data && !self->m_data->sessionPoints.empty()) // a model of sessions: count its sessions
                countSessionClusters(*list, self->m_data->sessionPoints, threshold);
            const bool sessions = !list->empty() && list->front().sessions;
            QTableWidget *t = self->m_clusters;
            t->setHorizontalHeaderItem(1, new QTableWidgetItem(sessions ? tr("Sessions") : tr("Size")));
            t->setHorizontalHeaderItem(2, new QTableWidgetItem(sessions ? tr("Flagged sessions") : tr("Anomalies")));
            t->setRowCount(int(list->size()));
            for (int i = 0; i < int(list->size()); ++i) {
                const ClusterSummary &c = (*list)[size_t(i)];
                const QStringList cells{QString::number(c.cluster), QString::number(c.size), QString::number(c.anomalies),
                                        QString::number(c.minScore, 'f', 3), QString::number(c.meanScore, 'f', 3),
                                        QString::number(c.maxScore, 'f', 3), c.dominant.join(QStringLiteral(", "))};
                for (int k = 0; k < cells.size(); ++k)
                    t->setItem(i, k, new QTableWidgetItem(cells[k]));
            }
            t->resizeColumnsToContents();
            Q_EMIT self->clustersLoaded();
        },
        QStringLiteral("explorer-clusters:%1").arg(m_path));
}

} // namespace vigil::ui

Q_DECLARE_METATYPE(std::shared_ptr<vigil::ui::ExplorerData>)
Q_DECLARE_METATYPE(std::shared_ptr<vigil::ui::TimeBuckets>)
Q_DECLARE_METATYPE(std::shared_ptr<std::vector<vigil::ui::ClusterSummary>>)
