#pragma once

#include "ui/explorer/exploreraggregates.h"

#include <QChartView>

class QLineSeries;
class QAreaSeries;
class QValueAxis;
class QCategoryAxis;

namespace vigil::ui {

/// Score histogram with the run's threshold as a vertical line the analyst drags; while it
/// moves, thresholdMoved() reports the records above it and the expected false positive rate
/// (from the histogram bins, no query); on release thresholdChanged() fires once.
class ScoreHistogramView final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScoreHistogramView)

public:
    explicit ScoreHistogramView(QWidget *parent = nullptr);
    ~ScoreHistogramView() override;

    void setHistogram(const ScoreHistogram &histogram);
    const ScoreHistogram &histogram() const { return m_histogram; }
    void setThreshold(double threshold);
    double threshold() const { return m_threshold; }
    /// Pixel x of the threshold line (for tests driving a drag).
    int thresholdPixel() const;

Q_SIGNALS:
    void thresholdMoved(double threshold, double above, double expectedFpr, bool fprFromLabels);
    void thresholdChanged(double threshold);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void updateLine();
    /// The x axis title, shortened where the plot is too narrow for the long one.
    void updateAxisTitle();

    ScoreHistogram m_histogram;
    double m_threshold = 0.0;
    bool m_dragging = false;
    QLineSeries *m_upper;
    QAreaSeries *m_area;
    QLineSeries *m_line;
    QValueAxis *m_x;
    QCategoryAxis *m_y;
};

} // namespace vigil::ui
