#pragma once

#include "ui/explorer/exploreraggregates.h"

#include <QChartView>
#include <QPoint>

class QRubberBand;
class QScatterSeries;
class QValueAxis;

namespace vigil::ui {

/// The 2-D projection of the scored records (a bounded sample: every anomaly kept), coloured
/// by cluster, label or severity. Dragging a rectangle emits regionSelected(); clicking a point
/// emits clusterClicked() with that point's cluster.
class ClusterScatterView final : public QChartView
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
    /// Series names currently shown (one per colour group).
    QStringList groups() const;

Q_SIGNALS:
    void regionSelected(double x0, double x1, double y0, double y1);
    void clusterClicked(int cluster);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void rebuild();
    const ScatterPoint *nearest(const QPointF &value) const;

    std::vector<ScatterPoint> m_points;
    ColorBy m_colorBy = ColorBy::Cluster;
    QValueAxis *m_x;
    QValueAxis *m_y;
    QRubberBand *m_band;
    QPoint m_pressPos;
    bool m_pressed = false;
};

} // namespace vigil::ui
