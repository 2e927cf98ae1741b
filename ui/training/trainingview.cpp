#include "ui/training/trainingview.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace vigil::ui {

TrainingView::TrainingView(const QString &title, QWidget *parent)
    : QWidget(parent), m_train(new QLineSeries(this)), m_val(new QLineSeries(this)), m_x(new QValueAxis(this)),
      m_y(new QValueAxis(this)), m_status(new QLabel(this)), m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("&Cancel Training"), this))
{
    m_train->setName(tr("training loss"));
    m_val->setName(tr("validation loss"));
    m_train->setPointsVisible(true);
    m_val->setPointsVisible(true);

    auto *chart = new QChart;
    chart->setTitle(title);
    chart->addSeries(m_train);
    chart->addSeries(m_val);
    m_x->setTitleText(tr("epoch"));
    m_x->setLabelFormat(QStringLiteral("%d"));
    m_x->setRange(0, 1);
    m_y->setTitleText(tr("loss"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    for (QLineSeries *s : {m_train, m_val}) {
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setObjectName(QStringLiteral("lossChart"));

    m_status->setObjectName(QStringLiteral("trainingStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true); // a caution about the calibration can follow the summary
    m_status->setText(tr("Preparing data…"));
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("epoch %v of %m"));

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_progress, 1);
    bottom->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(view, 1);
    layout->addWidget(m_status);
    layout->addLayout(bottom);
    connect(m_cancel, &QPushButton::clicked, this, &TrainingView::cancelRequested);
}

void TrainingView::addEpoch(const EpochPoint &p)
{
    const bool first = m_points == 0;
    ++m_points;
    m_train->append(p.epoch, p.trainLoss);
    const bool hasVal = std::isfinite(p.valLoss);
    if (hasVal)
        m_val->append(p.epoch, p.valLoss);
    const double hi = std::max(p.trainLoss, hasVal ? p.valLoss : p.trainLoss);
    const double lo = std::min(p.trainLoss, hasVal ? p.valLoss : p.trainLoss);
    m_maxLoss = first ? hi : std::max(m_maxLoss, hi);
    m_minLoss = first ? lo : std::min(m_minLoss, lo);
    if (hasVal)
        m_bestVal = first ? p.valLoss : std::min(m_bestVal, p.valLoss);
    const double pad = std::max(1e-9, (m_maxLoss - m_minLoss) * 0.05);
    m_y->setRange(std::max(0.0, m_minLoss - pad), m_maxLoss + pad);
    m_x->setRange(1, std::max(2, p.epochs));
    m_x->setTickCount(std::min(11, std::max(2, p.epochs)));
    m_progress->setRange(0, p.epochs);
    m_progress->setValue(p.epoch);
    const QLocale l;
    m_status->setText(tr("Epoch %1 of %2 · training loss %3 · validation loss %4 (best %5) · %6 rows/s · about %7 s left")
                          .arg(p.epoch)
                          .arg(p.epochs)
                          .arg(l.toString(p.trainLoss, 'g', 4), hasVal ? l.toString(p.valLoss, 'g', 4) : tr("n/a"),
                               l.toString(m_bestVal, 'g', 4), l.toString(qlonglong(p.rowsPerSecond)),
                               l.toString(qlonglong(std::ceil(p.etaSeconds)))));
}

void TrainingView::setFinished(const QString &summary, bool ok)
{
    m_cancel->setEnabled(false);
    if (m_progress->maximum() == 0)
        m_progress->setRange(0, 1);
    if (ok)
        m_progress->setValue(m_progress->maximum());
    m_status->setText(summary);
}

} // namespace vigil::ui
