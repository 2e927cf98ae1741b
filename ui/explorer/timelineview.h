#pragma once

#include "ui/explorer/exploreraggregates.h"

#include <QChartView>
#include <QPoint>

class QDateTimeAxis;
class QLineSeries;
class QRubberBand;
class QValueAxis;

namespace vigil::ui {

/// Event volume and anomalies over time. The fine buckets are loaded once; zoom (wheel), pan
/// (drag) and resize re-bin them in memory to about one bin per 3 pixels, so redraws never
/// touch the database. Shift+drag brushes a time range and emits timeRangeSelected().
class TimelineView final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)

public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    void setBuckets(const TimeBuckets &buckets);
    const TimeBuckets &buckets() const { return m_buckets; }
    /// Clears the chart and says in its title why there is no timeline (\a message); the next
    /// setBuckets() restores the normal title.
    void showError(const QString &message);
    /// The chart's title: what it shows, or why it shows nothing.
    QString title() const;
    /// Shows [from, to) (epoch seconds), re-binned.
    void setRange(double from, double to);
    double rangeFrom() const { return m_from; }
    double rangeTo() const { return m_to; }
    /// Zooms by \a factor (< 1 zooms in) around \a center (epoch seconds).
    void zoom(double factor, double center);
    void resetZoom();
    /// The bins on screen.
    const TimelineBins &bins() const { return m_bins; }

Q_SIGNALS:
    void timeRangeSelected(double from, double to);
    void rangeChanged(double from, double to);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    static QString defaultTitle();
    void redraw();
    double timeAt(double px) const;

    TimeBuckets m_buckets;
    TimelineBins m_bins;
    double m_from = 0.0;
    double m_to = 1.0;
    QLineSeries *m_volume;
    QLineSeries *m_anomalies;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    QValueAxis *m_y2;
    QRubberBand *m_band;
    QPoint m_pressPos;
    double m_panFrom = 0.0;
    double m_panTo = 0.0;
    enum class Drag { None, Pan, Brush } m_drag = Drag::None;
};

} // namespace vigil::ui
