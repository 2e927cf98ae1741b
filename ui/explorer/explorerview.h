#pragma once

#include "core/progress.h"
#include "ui/explorer/exploreraggregates.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QTableWidget;

namespace vigil::ui {

class ClusterScatterView;
class JobRunner;
class ScoreHistogramView;
class TimelineView;

/// What the explorer loads on a worker in one job.
struct ExplorerData {
    query::DatasetSource source;
    ScoreHistogram histogram;
    TimeBuckets timeline;
    QString timelineError;
    std::vector<ScatterPoint> scatter;
    /// A model of sessions' run: its sessions, which the timeline counts above the threshold.
    std::vector<SessionPoint> sessionPoints;
    double threshold = 0.0;
};

/// Loads the explorer's aggregates from the project at \a path (own connection); the score
/// histogram counts \a sessions when given (and the data set has them), else records.
Result<std::shared_ptr<ExplorerData>> loadExplorerData(const QString &path, qint64 datasetId, qint64 runId, ProgressFn progress = {},
                                                       const SessionSpec &sessions = {});

/// Linked charts over one scored run: the score histogram with a draggable threshold (records,
/// or a session model's sessions, above it and the expected FPR update while dragging), the timeline (zoom/pan re-bin in
/// memory; Shift+drag a range), the cluster scatter (coloured by cluster/label/severity; drag a
/// region or click a cluster) and a per-cluster summary. Every selection becomes a filter in
/// the query language via filterRequested(), for the triage view to apply. All aggregation runs
/// as JobRunner jobs (newest wins).
///
/// Plug-in: `new ExplorerView(jobs, projectPath, datasetId, runId)`; connect filterRequested()
/// to TriageView::applyFilter().
class ExplorerView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExplorerView)

public:
    ExplorerView(JobRunner *jobs, const QString &projectPath, qint64 datasetId, qint64 runId, QWidget *parent = nullptr);
    /// A run of a model of sessions: the histogram and the threshold line count \a sessions.
    ExplorerView(JobRunner *jobs, const QString &projectPath, qint64 datasetId, qint64 runId, const SessionSpec &sessions,
                 QWidget *parent = nullptr);
    ~ExplorerView() override;

    /// Reloads every chart (after labelling, rescoring…).
    void reload();
    bool isLoaded() const { return m_data != nullptr; }
    double threshold() const;

    ScoreHistogramView *histogramView() const { return m_histogram; }
    TimelineView *timelineView() const { return m_timeline; }
    ClusterScatterView *scatterView() const { return m_scatter; }
    QTableWidget *clusterTable() const { return m_clusters; }
    QLabel *thresholdLabel() const { return m_thresholdInfo; }
    /// The status line under the charts (counts; why there is no timeline, when there is none).
    QLabel *statusLabel() const { return m_status; }
    /// False when the data set has no timestamp column: the timeline is hidden.
    bool timelineShown() const;

Q_SIGNALS:
    void loaded();
    void clustersLoaded();
    void failed(const QString &message);
    /// A selection in a chart, as filter text (`time between … and …`, `cluster = 3`, …).
    void filterRequested(const QString &filter);
    /// The analyst released the threshold line at a new value.
    void thresholdChanged(double threshold);

private:
    void onLoaded(std::shared_ptr<ExplorerData> data);
    void loadClusters();
    void reloadTimeline(double threshold);

    JobRunner *m_jobs;
    QString m_path;
    qint64 m_datasetId;
    qint64 m_runId;
    SessionSpec m_sessions;
    std::shared_ptr<ExplorerData> m_data;
    ScoreHistogramView *m_histogram;
    QLabel *m_thresholdInfo;
    TimelineView *m_timeline;
    QWidget *m_timeBox = nullptr;
    ClusterScatterView *m_scatter;
    QComboBox *m_colorBy;
    QTableWidget *m_clusters;
    QLabel *m_status;
};

} // namespace vigil::ui
