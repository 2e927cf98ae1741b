#include "ui/explorer/scorehistogramview.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QLineSeries>
#include <QMouseEvent>
#include <QValueAxis>

#include <cmath>

namespace vigil::ui {

ScoreHistogramView::ScoreHistogramView(QWidget *parent)
    : QChartView(parent), m_upper(new QLineSeries), m_area(nullptr), m_line(new QLineSeries), m_x(new QValueAxis), m_y(new QCategoryAxis)
{
    setRenderHint(QPainter::Antialiasing);
    QChart *c = chart();
    c->setTitle(tr("Score distribution"));
    c->legend()->hide();
    m_area = new QAreaSeries(m_upper);
    m_area->setName(tr("records"));
    m_area->setColor(QColor(0x42, 0x85, 0xf4, 160));
    m_area->setBorderColor(QColor(0x42, 0x85, 0xf4));
    c->addSeries(m_area);
    m_line->setName(tr("threshold"));
    QPen pen(QColor(0xc6, 0x28, 0x28));
    pen.setWidth(2);
    m_line->setPen(pen);
    c->addSeries(m_line);
    m_x->setTitleText(tr("score"));
    m_y->setTitleText(tr("records (log)"));
    m_y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    c->addAxis(m_x, Qt::AlignBottom);
    c->addAxis(m_y, Qt::AlignLeft);
    for (QAbstractSeries *s : {static_cast<QAbstractSeries *>(m_area), static_cast<QAbstractSeries *>(m_line)}) {
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    setToolTip(tr("Drag the red line to move the threshold"));
    // The explorer's histogram is narrow: the axis title is fitted to the plot's width.
    connect(c, &QChart::plotAreaChanged, this, &ScoreHistogramView::updateAxisTitle);
}

ScoreHistogramView::~ScoreHistogramView() = default;

void ScoreHistogramView::setHistogram(const ScoreHistogram &histogram)
{
    m_histogram = histogram;
    // Step outline, 2 points per bin; counts on a log-like scale so the anomaly tail shows.
    QList<QPointF> pts;
    pts.reserve(qsizetype(histogram.counts.size()) * 2);
    double ymax = 1.0;
    for (size_t i = 0; i < histogram.counts.size(); ++i) {
        const double lo = histogram.min + histogram.binWidth * double(i);
        const double y = histogram.counts[i] > 0 ? 1.0 + std::log10(double(histogram.counts[i])) : 0.0;
        ymax = std::max(ymax, y);
        pts << QPointF(lo, y) << QPointF(lo + histogram.binWidth, y);
    }
    m_upper->replace(pts);
    m_x->setRange(histogram.min, std::max(histogram.max, histogram.min + 1e-9));
    updateAxisTitle();
    m_y->setTitleText(histogram.sessions ? tr("sessions (log)") : tr("records (log)"));
    m_area->setName(histogram.sessions ? tr("sessions") : tr("records"));
    m_y->setRange(0.0, ymax * 1.05);
    // Ticks at whole counts: a bar of n records stands 1 + log10 n high (0 for none).
    for (const QString &label : m_y->categoriesLabels())
        m_y->remove(label);
    m_y->setStartValue(-1e-9);
    m_y->append(QStringLiteral("0"), 0.0);
    static const char *const powers[] = {"1", "10", "100", "1k", "10k", "100k", "1M", "10M", "100M", "1G"};
    for (int k = 0; k < 10 && 1.0 + k <= ymax * 1.05; ++k)
        m_y->append(QString::fromLatin1(powers[k]), 1.0 + k);
    updateLine();
}

void ScoreHistogramView::updateAxisTitle()
{
    const QString tip = tr("Drag the red line to move the threshold");
    if (!m_histogram.overflow) {
        m_x->setTitleText(tr("score"));
        setToolTip(tip);
        return;
    }
    const QString max = QString::number(m_histogram.dataMax, 'g', 6);
    const QString full = tr("score (last bar also counts scores up to %1)").arg(max);
    // The longest of these that fits the plot's width; before the first layout the plot area
    // is empty, and the long one stands until it is known.
    const QString candidates[] = {full, tr("score (last bar: to %1)").arg(max), tr("score")};
    const double room = chart()->plotArea().width();
    const QFontMetricsF fm(m_x->titleFont());
    QString title = candidates[2];
    for (const QString &c : candidates) {
        if (room <= 0.0 || fm.horizontalAdvance(c) <= room) {
            title = c;
            break;
        }
    }
    if (m_x->titleText() != title)
        m_x->setTitleText(title);
    setToolTip(title == full ? tip : full + QLatin1Char('\n') + tip);
}

void ScoreHistogramView::setThreshold(double threshold)
{
    m_threshold = threshold;
    updateLine();
}

void ScoreHistogramView::updateLine()
{
    m_line->replace({QPointF(m_threshold, m_y->min()), QPointF(m_threshold, m_y->max())});
    bool fromLabels = false;
    const double fpr = m_histogram.expectedFpr(m_threshold, &fromLabels);
    Q_EMIT thresholdMoved(m_threshold, m_histogram.countAbove(m_threshold), fpr, fromLabels);
}

int ScoreHistogramView::thresholdPixel() const
{
    return int(std::lround(chart()->mapToPosition(QPointF(m_threshold, m_y->min()), m_line).x()));
}

void ScoreHistogramView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && std::abs(event->position().x() - thresholdPixel()) <= 8) {
        m_dragging = true;
        setCursor(Qt::SizeHorCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void ScoreHistogramView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) {
        const double v = chart()->mapToValue(event->position(), m_line).x();
        setThreshold(std::clamp(v, m_histogram.min, m_histogram.max));
        event->accept();
        return;
    }
    QChartView::mouseMoveEvent(event);
}

void ScoreHistogramView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging && event->button() == Qt::LeftButton) {
        m_dragging = false;
        unsetCursor();
        Q_EMIT thresholdChanged(m_threshold);
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

} // namespace vigil::ui
