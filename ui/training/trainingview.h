#pragma once

#include <QWidget>

class QLabel;
class QLineSeries;
class QValueAxis;
class QPushButton;
class QProgressBar;

namespace vigil::ui {

/// One finished epoch as the trainer reports it.
struct EpochPoint {
    int epoch = 0;
    int epochs = 0;
    double trainLoss = 0.0;
    double valLoss = 0.0;
    double rowsPerSecond = 0.0;
    double etaSeconds = 0.0;
};

/// A workspace tab that follows one training run: live train/validation loss curves, epoch
/// progress, rows/s and ETA, and Cancel (the trainer keeps the best checkpoint so far).
class TrainingView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingView)

public:
    explicit TrainingView(const QString &title, QWidget *parent = nullptr);

    void addEpoch(const EpochPoint &point);
    /// Ends the run: \a summary is shown under the chart, Cancel is disabled.
    void setFinished(const QString &summary, bool ok);
    int epochCount() const { return m_points; }
    const QLineSeries *trainingSeries() const { return m_train; }
    const QLineSeries *validationSeries() const { return m_val; }

Q_SIGNALS:
    void cancelRequested();

private:
    QLineSeries *m_train;
    QLineSeries *m_val;
    QValueAxis *m_x;
    QValueAxis *m_y;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    int m_points = 0;
    double m_maxLoss = 0.0;
    double m_minLoss = 0.0;
    double m_bestVal = 0.0;
};

} // namespace vigil::ui
