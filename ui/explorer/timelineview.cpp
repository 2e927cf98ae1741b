#include "ui/explorer/timelineview.h"

#include "core/report/escape.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QMouseEvent>
#include <QRubberBand>
#include <QTimeZone>
#include <QValueAxis>
#include <QWheelEvent>

#include <cmath>

namespace vigil::ui {

TimelineView::TimelineView(QWidget *parent)
    : QChartView(parent), m_volume(new QLineSeries), m_anomalies(new QLineSeries), m_x(new QDateTimeAxis), m_y(new QValueAxis),
      m_y2(new QValueAxis), m_band(new QRubberBand(QRubberBand::Rectangle, this))
{
    setRenderHint(QPainter::Antialiasing, false); // thousands of segments: keep redraws cheap
    QChart *c = chart();
    c->setTitle(defaultTitle());
    m_volume->setName(tr("events"));
    m_anomalies->setName(tr("anomalies"));
    m_anomalies->setColor(QColor(0xc6, 0x28, 0x28));
    m_volume->setColor(QColor(0x42, 0x85, 0xf4));
    m_volume->setUseOpenGL(false);
    c->addSeries(m_volume);
    c->addSeries(m_anomalies);
    m_x->setFormat(QStringLiteral("MM-dd HH:mm"));
    m_x->setTickCount(6);
    m_y->setTitleText(tr("events / bin"));
    m_y2->setTitleText(tr("anomalies / bin"));
    m_y->setLabelFormat(QStringLiteral("%d"));
    m_y2->setLabelFormat(QStringLiteral("%d"));
    c->addAxis(m_x, Qt::AlignBottom);
    c->addAxis(m_y, Qt::AlignLeft);
    c->addAxis(m_y2, Qt::AlignRight);
    m_volume->attachAxis(m_x);
    m_volume->attachAxis(m_y);
    m_anomalies->attachAxis(m_x);
    m_anomalies->attachAxis(m_y2);
    setToolTip(tr("Wheel: zoom · drag: pan · Shift+drag: select a time range"));
}

TimelineView::~TimelineView() = default;

QString TimelineView::defaultTitle()
{
    return tr("Events and anomalies over time (UTC)");
}

void TimelineView::setBuckets(const TimeBuckets &buckets)
{
    m_buckets = buckets;
    m_anomalies->setName(buckets.sessions ? tr("flagged sessions") : tr("anomalies")); // each at its first event
    m_y2->setTitleText(buckets.sessions ? tr("flagged sessions / bin") : tr("anomalies / bin"));
    chart()->setTitle(defaultTitle());
    resetZoom();
}

void TimelineView::showError(const QString &message)
{
    m_buckets = {};
    resetZoom();
    // Chart titles take HTML; the message may quote a path or a database error.
    chart()->setTitle(tr("No timeline: %1").arg(htmlEscape(message)));
}

QString TimelineView::title() const
{
    return chart()->title();
}

void TimelineView::resetZoom()
{
    setRange(m_buckets.start, std::max(m_buckets.end(), m_buckets.start + 1.0));
}

void TimelineView::setRange(double from, double to)
{
    // Never zoom finer than a few fine buckets, never past the data.
    const double minSpan = m_buckets.width * 8.0;
    if (to - from < minSpan) {
        const double mid = (from + to) / 2.0;
        from = mid - minSpan / 2.0;
        to = mid + minSpan / 2.0;
    }
    const double lo = m_buckets.start;
    const double hi = std::max(m_buckets.end(), lo + minSpan);
    if (to - from > hi - lo) {
        from = lo;
        to = hi;
    } else if (from < lo) {
        to += lo - from;
        from = lo;
    } else if (to > hi) {
        from -= to - hi;
        to = hi;
    }
    m_from = from;
    m_to = to;
    redraw();
    Q_EMIT rangeChanged(m_from, m_to);
}

void TimelineView::zoom(double factor, double center)
{
    factor = std::clamp(factor, 0.01, 100.0);
    setRange(center - (center - m_from) * factor, center + (m_to - center) * factor);
}

void TimelineView::redraw()
{
    const int pixels = std::max(100, int(chart()->plotArea().width()));
    m_bins = rebin(m_buckets, m_from, m_to, std::max(20, pixels / 3));
    QList<QPointF> vol, anom;
    vol.reserve(qsizetype(m_bins.volume.size()) * 2);
    anom.reserve(qsizetype(m_bins.volume.size()) * 2);
    qint64 vmax = 1, amax = 1;
    for (size_t i = 0; i < m_bins.volume.size(); ++i) {
        const double t0 = (m_bins.from + m_bins.width * double(i)) * 1000.0;
        const double t1 = t0 + m_bins.width * 1000.0;
        vol << QPointF(t0, double(m_bins.volume[i])) << QPointF(t1, double(m_bins.volume[i]));
        anom << QPointF(t0, double(m_bins.anomalies[i])) << QPointF(t1, double(m_bins.anomalies[i]));
        vmax = std::max(vmax, m_bins.volume[i]);
        amax = std::max(amax, m_bins.anomalies[i]);
    }
    m_volume->replace(vol);
    m_anomalies->replace(anom);
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(m_from * 1000.0), QTimeZone::utc()),
                  QDateTime::fromMSecsSinceEpoch(qint64(m_to * 1000.0), QTimeZone::utc()));
    // Labels as coarse as the span allows (a year of logs reads as months, not as minutes) and
    // as many as fit the strip's width without overlapping.
    const double span = m_to - m_from;
    const QString format = span > 120 * 86400.0 ? QStringLiteral("yyyy-MM")
                           : span > 20 * 86400.0 ? QStringLiteral("yyyy-MM-dd")
                           : span > 3 * 86400.0  ? QStringLiteral("MM-dd HH:mm")
                           : span > 600.0        ? QStringLiteral("HH:mm")
                                                 : QStringLiteral("HH:mm:ss");
    m_x->setFormat(format);
    const int labelPixels = fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00").left(format.size())) + 24;
    m_x->setTickCount(std::clamp(pixels / std::max(1, labelPixels) + 1, 2, 8));
    m_y->setRange(0, double(vmax) * 1.1);
    m_y2->setRange(0, double(amax) * 1.1);
}

double TimelineView::timeAt(double px) const
{
    const QRectF plot = chart()->plotArea();
    const double f = std::clamp((px - plot.left()) / std::max(1.0, plot.width()), 0.0, 1.0);
    return m_from + f * (m_to - m_from);
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0)
        return;
    zoom(std::pow(0.8, steps), timeAt(event->position().x()));
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QChartView::mousePressEvent(event);
        return;
    }
    m_pressPos = event->position().toPoint();
    if (event->modifiers() & Qt::ShiftModifier) {
        m_drag = Drag::Brush;
        const QRectF plot = chart()->plotArea();
        m_band->setGeometry(QRect(QPoint(m_pressPos.x(), int(plot.top())), QSize(1, int(plot.height()))));
        m_band->show();
    } else {
        m_drag = Drag::Pan;
        m_panFrom = m_from;
        m_panTo = m_to;
    }
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const int x = event->position().toPoint().x();
    if (m_drag == Drag::Brush) {
        const QRectF plot = chart()->plotArea();
        m_band->setGeometry(QRect(QPoint(std::min(x, m_pressPos.x()), int(plot.top())),
                                  QSize(std::abs(x - m_pressPos.x()) + 1, int(plot.height()))));
    } else if (m_drag == Drag::Pan) {
        const double perPixel = (m_panTo - m_panFrom) / std::max(1.0, chart()->plotArea().width());
        const double shift = -(x - m_pressPos.x()) * perPixel;
        setRange(m_panFrom + shift, m_panTo + shift);
    } else {
        QChartView::mouseMoveEvent(event);
        return;
    }
    event->accept();
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drag == Drag::Brush && event->button() == Qt::LeftButton) {
        m_band->hide();
        const double a = timeAt(m_pressPos.x());
        const double b = timeAt(event->position().x());
        if (std::abs(event->position().x() - m_pressPos.x()) >= 3)
            Q_EMIT timeRangeSelected(std::min(a, b), std::max(a, b));
    }
    if (m_drag != Drag::None) {
        m_drag = Drag::None;
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    if (!m_buckets.volume.empty())
        redraw();
}

} // namespace vigil::ui
