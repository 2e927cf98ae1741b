#pragma once

#include <QJsonObject>
#include <QWidget>

class QChartView;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QTableWidget;

namespace vigil::ui {

class JobRunner;

/// A scored run against its data set's labels: the ROC curve (false-positive rate on a log
/// axis, where an analyst's operating points lie) and the precision/recall curve, both with the
/// run's threshold and the model's calibrated thresholds marked; the headline figures (AUROC,
/// AP, TPR/FPR at those thresholds, TPR read off the ROC) and the detection rate per attack
/// family and per class, most missed rows first. Loads through ml::evaluateRun() as a JobRunner
/// job, which also stores the figures with the run (as `vigil-cli evaluate` does).
///
/// Plug-in: `new EvaluationView(jobs, projectPath, runId)`; loaded() or failed() follows.
class EvaluationView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvaluationView)

public:
    EvaluationView(JobRunner *jobs, const QString &projectPath, qint64 runId, QWidget *parent = nullptr);
    ~EvaluationView() override;

    /// Evaluates the run again (after relabelling the data set, moving the threshold…).
    void reload();
    /// The figures of the last evaluation (ml::evaluateRun()'s object; empty before one).
    const QJsonObject &figures() const { return m_figures; }

    QLabel *summaryLabel() const { return m_summary; }
    QLineSeries *rocSeries() const { return m_roc; }
    QLineSeries *prSeries() const { return m_pr; }
    /// The run's threshold on the ROC, and the model's calibrated thresholds (0.5 %, 1 %, …).
    QScatterSeries *operatingPoint() const { return m_rocPoint; }
    QScatterSeries *calibratedPoints() const { return m_rocCalibrated; }
    QTableWidget *detectionTable() const { return m_table; }

Q_SIGNALS:
    void loaded();
    void failed(const QString &message);

private:
    void showFigures(const QJsonObject &figures);

    JobRunner *m_jobs;
    QString m_path;
    qint64 m_runId;
    QJsonObject m_figures;
    QLabel *m_summary;
    QChartView *m_rocView;
    QChartView *m_prView;
    QLineSeries *m_roc;
    QLineSeries *m_chance;
    QScatterSeries *m_rocPoint;
    QScatterSeries *m_rocCalibrated;
    QLineSeries *m_pr;
    QScatterSeries *m_prPoints;
    QTableWidget *m_table;
};

} // namespace vigil::ui
