#include "ui/explorer/evaluationview.h"

#include "ml/pipeline.h"
#include "ui/jobs/jobrunner.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QFont>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QPointer>
#include <QScatterSeries>
#include <QSplitter>
#include <QTableWidget>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace vigil::ui {

namespace {

double num(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toDouble();
}

std::vector<double> numbers(const QJsonObject &o, const char *key)
{
    std::vector<double> v;
    for (const QJsonValue &x : o.value(QLatin1String(key)).toArray())
        v.push_back(x.isNull() ? std::nan("") : x.toDouble());
    return v;
}

QString percent(double share)
{
    return QString::number(100.0 * share, 'f', share < 0.1 ? 2 : 1);
}

QChartView *chartView(const QString &title, QWidget *parent)
{
    auto *view = new QChartView(parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->chart()->setTitle(title);
    view->chart()->legend()->setAlignment(Qt::AlignBottom);
    view->setMinimumSize(320, 260);
    return view;
}

QScatterSeries *markers(const QString &name, const QColor &color, double size, QChart *chart)
{
    auto *s = new QScatterSeries;
    s->setName(name);
    s->setColor(color);
    s->setBorderColor(color.darker(140));
    s->setMarkerSize(size);
    chart->addSeries(s);
    return s;
}

void attach(QChart *chart, QAbstractAxis *x, QAbstractAxis *y)
{
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

} // namespace

EvaluationView::EvaluationView(JobRunner *jobs, const QString &projectPath, qint64 runId, QWidget *parent)
    : QWidget(parent), m_jobs(jobs), m_path(projectPath), m_runId(runId), m_summary(new QLabel(this)),
      m_rocView(chartView(tr("ROC: detected attacks against false alarms"), this)), m_prView(chartView(tr("Precision against recall"), this)),
      m_roc(new QLineSeries), m_chance(new QLineSeries), m_rocPoint(nullptr), m_rocCalibrated(nullptr), m_pr(new QLineSeries), m_prPoints(nullptr),
      m_table(new QTableWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    m_summary->setTextFormat(Qt::PlainText); // class names come from the data
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    QChart *roc = m_rocView->chart();
    m_roc->setName(tr("model"));
    QPen curve(QColor(0x42, 0x85, 0xf4));
    curve.setWidth(2);
    m_roc->setPen(curve);
    roc->addSeries(m_roc);
    m_chance->setName(tr("chance"));
    QPen dashed(Qt::gray);
    dashed.setStyle(Qt::DashLine);
    m_chance->setPen(dashed);
    roc->addSeries(m_chance);
    m_rocCalibrated = markers(tr("calibrated thresholds"), QColor(0xf5, 0x9e, 0x0b), 8.0, roc);
    m_rocPoint = markers(tr("run threshold"), QColor(0xc6, 0x28, 0x28), 12.0, roc);
    auto *fprAxis = new QLogValueAxis;
    fprAxis->setBase(10.0);
    fprAxis->setLabelFormat(QStringLiteral("%g"));
    fprAxis->setTitleText(tr("false-positive rate (log scale)"));
    auto *tprAxis = new QValueAxis;
    tprAxis->setRange(0.0, 1.0);
    tprAxis->setTitleText(tr("true-positive rate"));
    attach(roc, fprAxis, tprAxis);
    fprAxis->setRange(1e-4, 1.0);

    QChart *pr = m_prView->chart();
    m_pr->setName(tr("model"));
    m_pr->setPen(curve);
    pr->addSeries(m_pr);
    m_prPoints = markers(tr("run threshold"), QColor(0xc6, 0x28, 0x28), 12.0, pr);
    auto *recallAxis = new QValueAxis;
    recallAxis->setRange(0.0, 1.0);
    recallAxis->setTitleText(tr("recall (true-positive rate)"));
    auto *precisionAxis = new QValueAxis;
    precisionAxis->setRange(0.0, 1.0);
    precisionAxis->setTitleText(tr("precision"));
    attach(pr, recallAxis, precisionAxis);

    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_rocView);
    charts->addWidget(m_prView);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(charts);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({560, 300}); // the curves first: the table scrolls
    layout->addWidget(split, 1);

    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Attack family / class"), tr("Rows"), tr("Flagged"), tr("Detected")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setToolTip(tr("Rows flagged at the run's threshold; families first, then classes with the most missed rows first"));

    // Hovering the ROC names the threshold of the nearest drawn point.
    connect(m_roc, &QLineSeries::hovered, this, [this](const QPointF &p, bool state) {
        if (!state || m_roc->count() == 0)
            return;
        const QJsonObject c = m_figures.value(QStringLiteral("curves"))[QLatin1String("roc")].toObject();
        const auto fpr = numbers(c, "fpr"), tpr = numbers(c, "tpr"), thr = numbers(c, "threshold");
        size_t best = 0;
        double bestDistance = std::numeric_limits<double>::infinity();
        for (size_t i = 0; i < fpr.size() && i < tpr.size(); ++i) {
            const double dx = std::log10(std::max(fpr[i], 1e-6)) - std::log10(std::max(p.x(), 1e-6)), dy = tpr[i] - p.y();
            if (dx * dx + dy * dy < bestDistance) {
                bestDistance = dx * dx + dy * dy;
                best = i;
            }
        }
        // The curve's first point (threshold +inf) flags nothing.
        if (best < thr.size() && std::isfinite(thr[best]))
            QToolTip::showText(QCursor::pos(), tr("score > %1: TPR %2 %, FPR %3 %")
                                                   .arg(thr[best], 0, 'g', 6).arg(percent(tpr[best])).arg(percent(fpr[best])));
    });
    reload();
}

EvaluationView::~EvaluationView() = default;

void EvaluationView::reload()
{
    m_summary->setText(tr("Evaluating run %1 against its data set's labels…").arg(m_runId));
    const QString path = m_path;
    const qint64 run = m_runId;
    QPointer<EvaluationView> self(this);
    m_jobs->start(
        tr("Evaluating run %1").arg(run),
        [path, run](JobContext &ctx) -> Result<QVariant> {
            auto figures = ml::evaluateRun(path, run, ctx.progressFn());
            if (!figures)
                return tl::unexpected(figures.error());
            return QVariant(*figures);
        },
        [self](const Result<QVariant> &r) {
            if (!self)
                return;
            if (!r) {
                self->m_figures = {};
                self->m_summary->setText(r.error().message);
                Q_EMIT self->failed(r.error().message);
                return;
            }
            self->showFigures(r->toJsonObject());
            Q_EMIT self->loaded();
        },
        QStringLiteral("evaluation:%1:%2").arg(m_path).arg(m_runId));
}

void EvaluationView::showFigures(const QJsonObject &f)
{
    m_figures = f;
    const QJsonObject at = f.value(QStringLiteral("atThreshold")).toObject();
    const double attacks = num(at, "tp") + num(at, "fn"), normals = num(at, "fp") + num(at, "tn");
    QStringList lines;
    lines << tr("Run %1 against its data set's labels: %L2 rows (%L3 attacks, %L4 normal)")
                 .arg(m_runId).arg(qint64(num(f, "rows"))).arg(qint64(attacks)).arg(qint64(normals));
    lines << tr("AUROC %1 · average precision %2").arg(num(f, "auroc"), 0, 'f', 4).arg(num(f, "ap"), 0, 'f', 4);
    lines << tr("At the run's threshold %1: %L2 of %L3 attacks flagged (TPR %4 %), %L5 false alarms (FPR %6 %), precision %7 %")
                 .arg(num(f, "threshold"), 0, 'g', 6).arg(qint64(num(at, "tp"))).arg(qint64(attacks)).arg(percent(num(at, "tpr")))
                 .arg(qint64(num(at, "fp"))).arg(percent(num(at, "fpr"))).arg(percent(num(at, "precision")));
    QList<QPointF> calibrated;
    const double minFpr = normals > 0 ? std::pow(10.0, std::floor(std::log10(1.0 / normals))) : 1e-4;
    const auto onLogAxis = [minFpr](double fpr, double tpr) { return QPointF(std::max(fpr, minFpr), tpr); };
    const QString source = f.value(QStringLiteral("calibratedOn")).toString();
    for (const QJsonValue &v : f.value(QStringLiteral("calibrated")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString text = source == QLatin1String("heldOutSessions")
            ? tr("Calibrated for %1 % FPR on the records of held-out sessions (threshold %2): TPR %3 %, realized FPR %4 %")
            : source == QLatin1String("heldOutSessionsEach")
            ? tr("Calibrated for %1 % FPR on held-out clean sessions, each counted once (threshold %2): TPR %3 %, realized FPR %4 % of the records")
            : source == QLatin1String("datasetRows")
            ? tr("Calibrated for %1 % FPR on the normal rows of the data set the model was loaded for (threshold %2): TPR %3 %, realized FPR %4 %")
            : tr("Calibrated for %1 % FPR on held-out clean rows (threshold %2): TPR %3 %, realized FPR %4 %");
        lines << text.arg(100.0 * num(c, "targetFpr"), 0, 'g', 3).arg(num(c, "threshold"), 0, 'g', 6).arg(percent(num(c, "tpr")))
                     .arg(percent(num(c, "fpr")));
        calibrated << onLogAxis(num(c, "fpr"), num(c, "tpr"));
    }
    lines << tr("Read off the ROC (uses these labels): TPR %1 % at 1 % FPR, %2 % at 5 % FPR")
                 .arg(percent(num(f, "oracleTprAt1pctFpr"))).arg(percent(num(f, "oracleTprAt5pctFpr")));
    m_summary->setText(lines.join(QLatin1Char('\n')));
    m_rocPoint->replace({onLogAxis(num(at, "fpr"), num(at, "tpr"))});
    m_rocCalibrated->replace(calibrated);
    m_prPoints->replace({QPointF(num(at, "tpr"), num(at, "precision"))});

    // A false-positive rate of 0 has no place on a log axis: such points sit at its left edge.
    const QJsonObject curves = f.value(QStringLiteral("curves")).toObject();
    const QJsonObject roc = curves.value(QStringLiteral("roc")).toObject(), pr = curves.value(QStringLiteral("pr")).toObject();
    const auto fpr = numbers(roc, "fpr"), tpr = numbers(roc, "tpr");
    QList<QPointF> rocPoints;
    for (size_t i = 0; i < fpr.size() && i < tpr.size(); ++i)
        rocPoints << onLogAxis(fpr[i], tpr[i]);
    m_roc->replace(rocPoints);
    QList<QPointF> chance;
    for (double x = minFpr; x < 1.0; x *= std::pow(10.0, 0.05))
        chance << QPointF(x, x);
    chance << QPointF(1.0, 1.0);
    m_chance->replace(chance);
    if (auto *axis = qobject_cast<QLogValueAxis *>(m_rocView->chart()->axes(Qt::Horizontal).value(0)))
        axis->setRange(minFpr, 1.0);
    const auto recall = numbers(pr, "recall"), precision = numbers(pr, "precision");
    QList<QPointF> prPoints;
    for (size_t i = 0; i < recall.size() && i < precision.size(); ++i)
        prPoints << QPointF(recall[i], precision[i]);
    m_pr->replace(prPoints);

    // Families, then classes with the most missed rows first (the normal class: false alarms).
    struct Row {
        QString name;
        double rows, flagged, rate;
    };
    std::vector<Row> rows;
    for (const QJsonValue &v : f.value(QStringLiteral("perFamily")).toArray()) {
        const QJsonObject g = v.toObject();
        const QString name = g.value(QStringLiteral("family")).toString();
        if (name != QLatin1String("normal"))
            rows.push_back({tr("family: %1").arg(name), num(g, "rows"), num(g, "flagged"), num(g, "rate")});
    }
    // One family holding every attack says nothing the classes do not.
    if (rows.size() == 1)
        rows.clear();
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.rows > b.rows; });
    const size_t families = rows.size();
    for (const QJsonValue &v : f.value(QStringLiteral("perClass")).toArray()) {
        const QJsonObject g = v.toObject();
        if (g.value(QStringLiteral("normal")).toBool())
            rows.insert(rows.begin() + std::ptrdiff_t(families),
                        {tr("%1 (normal traffic: flagged rows are false alarms)").arg(g.value(QStringLiteral("class")).toString()), num(g, "rows"),
                         num(g, "flagged"), num(g, "rate")});
    }
    const size_t first = rows.size();
    for (const QJsonValue &v : f.value(QStringLiteral("perClass")).toArray()) {
        const QJsonObject g = v.toObject();
        if (!g.value(QStringLiteral("normal")).toBool())
            rows.push_back({g.value(QStringLiteral("class")).toString(), num(g, "rows"), num(g, "flagged"), num(g, "rate")});
    }
    std::stable_sort(rows.begin() + std::ptrdiff_t(first), rows.end(),
                     [](const Row &a, const Row &b) { return a.rows - a.flagged > b.rows - b.flagged; });
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < int(rows.size()); ++i) {
        const Row &r = rows[size_t(i)];
        const QStringList cells{r.name, QLocale().toString(qint64(r.rows)), QLocale().toString(qint64(r.flagged)),
                                QStringLiteral("%1 %").arg(percent(r.rate))};
        for (int k = 0; k < cells.size(); ++k) {
            auto *item = new QTableWidgetItem(cells[k]);
            if (k > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (size_t(i) < families) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_table->setItem(i, k, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

} // namespace vigil::ui
