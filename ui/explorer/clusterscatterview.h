#pragma once

#include "ui/explorer/exploreraggregates.h"

#include <QImage>
#include <QPoint>
#include <QWidget>

class QRubberBand;

namespace vigil::ui {

/// The 2-D projection of the scored records (a bounded sample: every anomaly kept), coloured
/// by cluster, label or severity. Dragging a rectangle emits regionSelected(); clicking a point
/// emits clusterClicked() with that point's cluster.
///
/// Painted directly (points into a cached image) rather than with a QScatterSeries: Qt Charts
/// makes one graphics item per scatter point, which stalls the GUI thread for seconds at 20k.
class ClusterScatterView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterScatterView)

public:
    enum class ColorBy { Cluster, Label, Severity };

    explicit ClusterScatterView(QWidget *parent = nullptr);
    ~ClusterScatterView() override;

    void setPoints(std::vector<ScatterPoint> points);
    const std::vector<ScatterPoint> &points() const { return m_points; }
    void setColorBy(ColorBy by);
    ColorBy colorBy() const { return m_colorBy; }
    /// Legend entries currently shown (one per colour group).
    QStringList groups() const;
    /// Data coordinates of a widget position, and back.
    QPointF toValue(const QPointF &pixel) const;
    QPointF toPixel(const QPointF &value) const;
    /// Where the legend is drawn: beside the plot, or, where the view is too narrow for both,
    /// in the corner of the plot that covers the fewest points.
    QRectF legendRect() const;

Q_SIGNALS:
    void regionSelected(double x0, double x1, double y0, double y1);
    void clusterClicked(int cluster);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    QSize sizeHint() const override { return {480, 360}; }

private:
    void regroup();
    QRectF plotRect() const;
    void measure();              ///< m_leftMargin and m_legendWidth for the data, groups and font
    bool legendInside() const;   ///< too narrow for a legend beside the plot
    const ScatterPoint *nearest(const QPointF &pixel, double maxDistance) const;

    std::vector<ScatterPoint> m_points;
    std::vector<int> m_group;     ///< colour group of each point
    QStringList m_groupNames;
    std::vector<QColor> m_groupColours;
    ColorBy m_colorBy = ColorBy::Cluster;
    double m_x0 = 0, m_x1 = 1, m_y0 = 0, m_y1 = 1;
    double m_leftMargin = 36.0;  ///< room for the y range's labels, at least kMargin
    double m_legendWidth = 60.0; ///< swatch and the longest group name, 60–160 px
    QImage m_cache;
    QRubberBand *m_band;
    QPoint m_pressPos;
    bool m_pressed = false;
};

} // namespace vigil::ui
