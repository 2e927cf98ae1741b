#include "ui/explorer/clusterscatterview.h"

#include <QMouseEvent>
#include <QRubberBand>
#include <QScatterSeries>
#include <QValueAxis>

#include <map>

namespace vigil::ui {

namespace {

QColor groupColour(int i)
{
    static const QColor colours[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                                     QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f),
                                     QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf)};
    return colours[size_t(i) % std::size(colours)];
}

constexpr int kMaxGroups = 10;

} // namespace

ClusterScatterView::ClusterScatterView(QWidget *parent)
    : QChartView(parent), m_x(new QValueAxis), m_y(new QValueAxis), m_band(new QRubberBand(QRubberBand::Rectangle, this))
{
    chart()->setTitle(tr("Clusters (2-D projection)"));
    chart()->addAxis(m_x, Qt::AlignBottom);
    chart()->addAxis(m_y, Qt::AlignLeft);
    setToolTip(tr("Drag a rectangle to filter on a region; click a point to filter on its cluster"));
}

ClusterScatterView::~ClusterScatterView() = default;

void ClusterScatterView::setPoints(std::vector<ScatterPoint> points)
{
    m_points = std::move(points);
    rebuild();
}

void ClusterScatterView::setColorBy(ColorBy by)
{
    m_colorBy = by;
    rebuild();
}

QStringList ClusterScatterView::groups() const
{
    QStringList out;
    for (QAbstractSeries *s : chart()->series())
        out << s->name();
    return out;
}

void ClusterScatterView::rebuild()
{
    chart()->removeAllSeries();
    // Group key → points; the largest groups get their own colour, the rest share "other".
    std::map<QString, QList<QPointF>> groups;
    std::map<QString, qint64> sizes;
    auto keyOf = [this](const ScatterPoint &p) -> QString {
        switch (m_colorBy) {
        case ColorBy::Cluster: return p.cluster < 0 ? tr("no cluster") : tr("cluster %1").arg(p.cluster);
        case ColorBy::Label: return p.label;
        case ColorBy::Severity: return tr("severity %1").arg(p.severity);
        }
        return {};
    };
    double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
    bool first = true;
    for (const ScatterPoint &p : m_points) {
        const QString k = keyOf(p);
        ++sizes[k];
        if (first) {
            x0 = x1 = p.x;
            y0 = y1 = p.y;
            first = false;
        }
        x0 = std::min(x0, p.x);
        x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y);
        y1 = std::max(y1, p.y);
    }
    std::vector<std::pair<qint64, QString>> order;
    for (const auto &[k, n] : sizes)
        order.emplace_back(n, k);
    std::sort(order.begin(), order.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList own;
    for (size_t i = 0; i < order.size() && int(i) < kMaxGroups - 1; ++i)
        own << order[i].second;
    for (const ScatterPoint &p : m_points) {
        const QString k = keyOf(p);
        groups[own.contains(k) ? k : tr("other")] << QPointF(p.x, p.y);
    }
    int i = 0;
    for (auto &[name, pts] : groups) {
        auto *s = new QScatterSeries;
        s->setName(name);
        s->setMarkerSize(5.0);
        s->setBorderColor(Qt::transparent);
        QColor colour = groupColour(i++);
        if (m_colorBy == ColorBy::Label) {
            colour = name == QLatin1String("malicious") ? QColor(0xc6, 0x28, 0x28)
                     : name == QLatin1String("benign")  ? QColor(0x2e, 0x7d, 0x32)
                     : name == QLatin1String("review")  ? QColor(0xef, 0x6c, 0x00)
                                                        : QColor(0x9e, 0x9e, 0x9e);
        }
        s->setColor(colour);
        s->replace(pts);
        chart()->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
        connect(s, &QScatterSeries::clicked, this, [this](const QPointF &p) {
            if (const ScatterPoint *sp = nearest(p); sp && sp->cluster >= 0)
                Q_EMIT clusterClicked(sp->cluster);
        });
    }
    const double padX = std::max(1e-6, (x1 - x0) * 0.05), padY = std::max(1e-6, (y1 - y0) * 0.05);
    m_x->setRange(x0 - padX, x1 + padX);
    m_y->setRange(y0 - padY, y1 + padY);
}

const ScatterPoint *ClusterScatterView::nearest(const QPointF &value) const
{
    const ScatterPoint *best = nullptr;
    double bestD = 0.0;
    for (const ScatterPoint &p : m_points) {
        const double d = (p.x - value.x()) * (p.x - value.x()) + (p.y - value.y()) * (p.y - value.y());
        if (!best || d < bestD) {
            best = &p;
            bestD = d;
        }
    }
    return best;
}

void ClusterScatterView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressPos = event->position().toPoint();
        m_pressed = true;
        m_band->setGeometry(QRect(m_pressPos, QSize()));
        m_band->show();
    }
    QChartView::mousePressEvent(event); // keeps series clicked() working
}

void ClusterScatterView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_pressed)
        m_band->setGeometry(QRect(m_pressPos, event->position().toPoint()).normalized());
    QChartView::mouseMoveEvent(event);
}

void ClusterScatterView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_pressed && event->button() == Qt::LeftButton) {
        m_pressed = false;
        m_band->hide();
        const QRect r = QRect(m_pressPos, event->position().toPoint()).normalized();
        if (r.width() >= 4 && r.height() >= 4 && !chart()->series().isEmpty()) {
            QAbstractSeries *s = chart()->series().first();
            const QPointF a = chart()->mapToValue(r.topLeft(), s);
            const QPointF b = chart()->mapToValue(r.bottomRight(), s);
            Q_EMIT regionSelected(std::min(a.x(), b.x()), std::max(a.x(), b.x()), std::min(a.y(), b.y()), std::max(a.y(), b.y()));
        }
    }
    QChartView::mouseReleaseEvent(event);
}

} // namespace vigil::ui
