#include "ui/explorer/clusterscatterview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QRubberBand>

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
constexpr double kMargin = 36.0;

} // namespace

ClusterScatterView::ClusterScatterView(QWidget *parent) : QWidget(parent), m_band(new QRubberBand(QRubberBand::Rectangle, this))
{
    setMouseTracking(false);
    setToolTip(tr("Drag a rectangle to filter on a region; click a point to filter on its cluster"));
    setMinimumSize(200, 150);
}

ClusterScatterView::~ClusterScatterView() = default;

void ClusterScatterView::setPoints(std::vector<ScatterPoint> points)
{
    m_points = std::move(points);
    if (!m_points.empty()) {
        m_x0 = m_x1 = m_points.front().x;
        m_y0 = m_y1 = m_points.front().y;
        for (const ScatterPoint &p : m_points) {
            m_x0 = std::min(m_x0, p.x);
            m_x1 = std::max(m_x1, p.x);
            m_y0 = std::min(m_y0, p.y);
            m_y1 = std::max(m_y1, p.y);
        }
        const double padX = std::max(1e-6, (m_x1 - m_x0) * 0.05), padY = std::max(1e-6, (m_y1 - m_y0) * 0.05);
        m_x0 -= padX;
        m_x1 += padX;
        m_y0 -= padY;
        m_y1 += padY;
    }
    regroup();
}

void ClusterScatterView::setColorBy(ColorBy by)
{
    m_colorBy = by;
    regroup();
}

QStringList ClusterScatterView::groups() const
{
    return m_groupNames;
}

void ClusterScatterView::regroup()
{
    auto keyOf = [this](const ScatterPoint &p) -> QString {
        switch (m_colorBy) {
        case ColorBy::Cluster: return p.cluster < 0 ? tr("no cluster") : tr("cluster %1").arg(p.cluster);
        case ColorBy::Label: return p.label;
        case ColorBy::Severity: return tr("severity %1").arg(p.severity);
        }
        return {};
    };
    // The largest groups get their own colour, the rest share "other".
    std::map<QString, qint64> sizes;
    for (const ScatterPoint &p : m_points)
        ++sizes[keyOf(p)];
    std::vector<std::pair<qint64, QString>> order;
    for (const auto &[k, n] : sizes)
        order.emplace_back(n, k);
    std::sort(order.begin(), order.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList own;
    for (size_t i = 0; i < order.size() && int(i) < kMaxGroups - 1; ++i)
        own << order[i].second;
    std::sort(own.begin(), own.end());
    m_groupNames = own;
    if (qsizetype(order.size()) > own.size())
        m_groupNames << tr("other");
    m_groupColours.clear();
    for (int i = 0; i < m_groupNames.size(); ++i) {
        const QString &name = m_groupNames[i];
        QColor c = groupColour(i);
        if (m_colorBy == ColorBy::Label) {
            c = name == QLatin1String("malicious") ? QColor(0xc6, 0x28, 0x28)
                : name == QLatin1String("benign")  ? QColor(0x2e, 0x7d, 0x32)
                : name == QLatin1String("review")  ? QColor(0xef, 0x6c, 0x00)
                                                   : QColor(0x9e, 0x9e, 0x9e);
        }
        m_groupColours.push_back(c);
    }
    measure();
    m_group.assign(m_points.size(), int(m_groupNames.size()) - 1);
    QHash<QString, int> index;
    for (int i = 0; i < own.size(); ++i)
        index.insert(own[i], i);
    for (size_t i = 0; i < m_points.size(); ++i)
        m_group[i] = index.value(keyOf(m_points[i]), int(m_groupNames.size()) - 1);
    m_cache = QImage();
    update();
}

void ClusterScatterView::measure()
{
    // Once per data, grouping or font change: plotRect() runs for every point drawn or hit-tested.
    // The left margin fits the y range's labels ("-0.175" was cut to "0.175" in a fixed 34 px).
    const QFontMetrics fm = fontMetrics();
    const int label = std::max(fm.horizontalAdvance(QString::number(m_y0, 'g', 3)), fm.horizontalAdvance(QString::number(m_y1, 'g', 3)));
    m_leftMargin = std::max(kMargin, double(label) + 6.0);
    int text = 0;
    for (const QString &name : m_groupNames)
        text = std::max(text, fm.horizontalAdvance(name));
    m_legendWidth = std::clamp(double(text) + 30.0, 60.0, 160.0);
}

void ClusterScatterView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        measure();
        m_cache = QImage();
    }
    QWidget::changeEvent(event);
}

bool ClusterScatterView::legendInside() const
{
    // The explorer's narrow strip: a legend beside the plot would leave it a sliver.
    return width() < m_leftMargin + m_legendWidth + 180.0;
}

QRectF ClusterScatterView::legendRect() const
{
    const QRectF r = plotRect();
    const QSizeF size(m_legendWidth - 2.0, 18.0 * double(m_groupNames.size()) + 2.0);
    if (!legendInside())
        return {QPointF(r.right() + 6.0, r.top()), size};
    // Top right, top left, bottom right, bottom left: the first that hides the fewest points.
    const QPointF corners[] = {{r.right() - size.width() - 2.0, r.top() + 2.0},
                               {r.left() + 2.0, r.top() + 2.0},
                               {r.right() - size.width() - 2.0, r.bottom() - size.height() - 2.0},
                               {r.left() + 2.0, r.bottom() - size.height() - 2.0}};
    QRectF best(corners[0], size);
    qsizetype fewest = -1;
    for (const QPointF &corner : corners) {
        const QRectF candidate(corner, size);
        qsizetype covered = 0;
        for (const ScatterPoint &p : m_points)
            covered += candidate.contains(toPixel(QPointF(p.x, p.y))) ? 1 : 0;
        if (fewest < 0 || covered < fewest) {
            best = candidate;
            fewest = covered;
        }
    }
    return best;
}

QRectF ClusterScatterView::plotRect() const
{
    const double right = legendInside() ? 8.0 : m_legendWidth + 10.0;
    return QRectF(m_leftMargin, 24.0, std::max(10.0, width() - m_leftMargin - right), std::max(10.0, height() - 24.0 - kMargin));
}

QPointF ClusterScatterView::toPixel(const QPointF &v) const
{
    const QRectF r = plotRect();
    return {r.left() + (v.x() - m_x0) / (m_x1 - m_x0) * r.width(), r.bottom() - (v.y() - m_y0) / (m_y1 - m_y0) * r.height()};
}

QPointF ClusterScatterView::toValue(const QPointF &px) const
{
    const QRectF r = plotRect();
    return {m_x0 + (px.x() - r.left()) / r.width() * (m_x1 - m_x0), m_y0 + (r.bottom() - px.y()) / r.height() * (m_y1 - m_y0)};
}

void ClusterScatterView::resizeEvent(QResizeEvent *event)
{
    m_cache = QImage();
    QWidget::resizeEvent(event);
}

void ClusterScatterView::paintEvent(QPaintEvent *)
{
    if (m_cache.size() != size()) {
        m_cache = QImage(size(), QImage::Format_ARGB32_Premultiplied);
        m_cache.fill(palette().color(QPalette::Base));
        QPainter p(&m_cache);
        if (m_points.empty()) {
            // Sequence, classifier and TorchScript runs have no latent codes to project: say so instead of
            // drawing empty axes.
            p.setPen(palette().color(QPalette::PlaceholderText));
            p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                       tr("No cluster map: this run's records have no 2-D projection (only the autoencoder and the VAE give one)."));
            QPainter(this).drawImage(0, 0, m_cache);
            return;
        }
        const QRectF r = plotRect();
        p.setPen(palette().color(QPalette::Mid));
        p.drawRect(r);
        p.setPen(palette().color(QPalette::Text));
        // The cluster map is the narrowest chart of the explorer: a title that does not fit falls
        // back to a shorter one, then is elided, instead of being clipped at both ends.
        QString title = tr("Clusters (2-D projection, %L1 sampled points)").arg(m_points.size());
        const int room = width() - 8;
        if (p.fontMetrics().horizontalAdvance(title) > room)
            title = tr("Clusters (%L1 points)").arg(m_points.size());
        p.drawText(QRectF(0, 0, width(), 22), Qt::AlignCenter, p.fontMetrics().elidedText(title, Qt::ElideRight, room));
        const double half = r.width() / 2.0 - 2.0; // the x range's ends never overlap
        p.drawText(QRectF(r.left(), r.bottom() + 2, half, 16), Qt::AlignLeft, QString::number(m_x0, 'g', 3));
        p.drawText(QRectF(r.right() - half, r.bottom() + 2, half, 16), Qt::AlignRight, QString::number(m_x1, 'g', 3));
        p.drawText(QRectF(0, r.bottom() - 16, r.left() - 2, 16), Qt::AlignRight, QString::number(m_y0, 'g', 3));
        p.drawText(QRectF(0, r.top(), r.left() - 2, 16), Qt::AlignRight, QString::number(m_y1, 'g', 3));
        // Points: normal ones first, anomalies on top so they are never hidden.
        for (int pass = 0; pass < 2; ++pass) {
            for (size_t i = 0; i < m_points.size(); ++i) {
                if (m_points[i].anomaly != (pass == 1))
                    continue;
                const QPointF px = toPixel(QPointF(m_points[i].x, m_points[i].y));
                p.fillRect(QRectF(px.x() - 1.5, px.y() - 1.5, pass == 1 ? 4.0 : 3.0, pass == 1 ? 4.0 : 3.0),
                           m_groupColours[size_t(m_group[i])]);
            }
        }
        // Legend: beside the plot, or over the corner of it with the fewest points, on a
        // translucent ground, where the view is too narrow for both.
        const double lw = m_legendWidth;
        const QRectF legend = legendRect();
        double x = legend.left() + 4, y = legend.top();
        if (legendInside()) {
            QColor ground = palette().color(QPalette::Base);
            ground.setAlpha(215);
            p.fillRect(legend, ground);
        }
        for (int i = 0; i < m_groupNames.size(); ++i) {
            p.fillRect(QRectF(x, y + 4, 10, 10), m_groupColours[size_t(i)]);
            p.setPen(palette().color(QPalette::Text));
            p.drawText(QRectF(x + 14, y, lw - 20, 18), Qt::AlignLeft | Qt::AlignVCenter,
                       p.fontMetrics().elidedText(m_groupNames[i], Qt::ElideRight, int(lw - 20)));
            y += 18;
        }
    }
    QPainter(this).drawImage(0, 0, m_cache);
}

const ScatterPoint *ClusterScatterView::nearest(const QPointF &pixel, double maxDistance) const
{
    const ScatterPoint *best = nullptr;
    double bestD = maxDistance * maxDistance;
    for (const ScatterPoint &p : m_points) {
        const QPointF q = toPixel(QPointF(p.x, p.y));
        const double d = (q.x() - pixel.x()) * (q.x() - pixel.x()) + (q.y() - pixel.y()) * (q.y() - pixel.y());
        if (d <= bestD) {
            best = &p;
            bestD = d;
        }
    }
    return best;
}

void ClusterScatterView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_pressPos = event->position().toPoint();
    m_pressed = true;
    m_band->setGeometry(QRect(m_pressPos, QSize()));
    m_band->show();
}

void ClusterScatterView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_pressed)
        m_band->setGeometry(QRect(m_pressPos, event->position().toPoint()).normalized());
}

void ClusterScatterView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_pressed || event->button() != Qt::LeftButton)
        return;
    m_pressed = false;
    m_band->hide();
    const QRect r = QRect(m_pressPos, event->position().toPoint()).normalized();
    if (r.width() < 4 && r.height() < 4) {
        if (const ScatterPoint *p = nearest(event->position(), 6.0); p && p->cluster >= 0)
            Q_EMIT clusterClicked(p->cluster);
        return;
    }
    const QPointF a = toValue(r.topLeft()), b = toValue(r.bottomRight());
    Q_EMIT regionSelected(std::min(a.x(), b.x()), std::max(a.x(), b.x()), std::min(a.y(), b.y()), std::max(a.y(), b.y()));
}

} // namespace vigil::ui
