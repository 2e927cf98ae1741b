#include "../triage/syntheticproject.h"

#include "ui/explorer/clusterscatterview.h"
#include "ui/explorer/explorerview.h"
#include "ui/explorer/scorehistogramview.h"
#include "ui/explorer/timelineview.h"
#include "ui/jobs/jobrunner.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::ui;

/// The explorer widgets offscreen: loading through JobRunner, the threshold drag, timeline
/// zoom and brushing, scatter colouring and the filters the selections emit.
class TestExplorerView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("explorer.vigil"));
        QVERIFY(testing::createSyntheticProject(m_path, 4000));
    }

    void linkedCharts()
    {
        JobRunner jobs;
        ExplorerView view(&jobs, m_path, 1, 1);
        view.resize(1200, 800);
        view.show();
        QSignalSpy loaded(&view, &ExplorerView::loaded);
        QVERIFY(loaded.wait(20000));
        QSignalSpy clusters(&view, &ExplorerView::clustersLoaded);
        QVERIFY(clusters.wait(20000));
        QCOMPARE(view.clusterTable()->rowCount(), 7);
        QCOMPARE(view.histogramView()->histogram().total, 4000);
        QCOMPARE(view.threshold(), 80.0);
        QVERIFY(view.thresholdLabel()->text().contains(QStringLiteral("Threshold 80.000")));

        // Drag the threshold line to the right: fewer records above, label updated live.
        ScoreHistogramView *h = view.histogramView();
        const double aboveBefore = h->histogram().countAbove(80.0);
        QSignalSpy moved(h, &ScoreHistogramView::thresholdMoved);
        QSignalSpy changed(&view, &ExplorerView::thresholdChanged);
        const int y = h->height() / 2;
        const int x0 = h->thresholdPixel();
        QTest::mousePress(h->viewport(), Qt::LeftButton, {}, QPoint(x0, y));
        QMouseEvent move(QEvent::MouseMove, QPointF(x0 + 40, y), h->viewport()->mapToGlobal(QPointF(x0 + 40, y)), Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(h->viewport(), &move);
        QTest::mouseRelease(h->viewport(), Qt::LeftButton, {}, QPoint(x0 + 40, y));
        QVERIFY(moved.count() >= 1);
        QCOMPARE(changed.count(), 1);
        QVERIFY(view.threshold() > 80.0);
        QVERIFY(h->histogram().countAbove(view.threshold()) < aboveBefore);
        QVERIFY(view.thresholdLabel()->text().contains(QStringLiteral("expected FPR")));

        // Timeline: zoom in re-bins in memory, brushing emits a time filter.
        TimelineView *t = view.timelineView();
        const double span = t->rangeTo() - t->rangeFrom();
        t->zoom(0.1, (t->rangeFrom() + t->rangeTo()) / 2);
        QVERIFY(std::abs((t->rangeTo() - t->rangeFrom()) - span * 0.1) < span * 0.01);
        qint64 shown = 0;
        for (qint64 v : t->bins().volume)
            shown += v;
        QVERIFY(shown > 0 && shown < 4000);
        QSignalSpy filters(&view, &ExplorerView::filterRequested);
        const int ty = t->height() / 2;
        QTest::mousePress(t->viewport(), Qt::LeftButton, Qt::ShiftModifier, QPoint(t->width() / 3, ty));
        QMouseEvent tmove(QEvent::MouseMove, QPointF(t->width() / 2, ty), t->viewport()->mapToGlobal(QPointF(t->width() / 2, ty)), Qt::NoButton,
                          Qt::LeftButton, Qt::ShiftModifier);
        QApplication::sendEvent(t->viewport(), &tmove);
        QTest::mouseRelease(t->viewport(), Qt::LeftButton, Qt::ShiftModifier, QPoint(t->width() / 2, ty));
        QCOMPARE(filters.count(), 1);
        const QString timeFilter = filters.last().at(0).toString();
        QVERIFY2(timeFilter.startsWith(QStringLiteral("time between \"2024-03-")), qPrintable(timeFilter));

        // Scatter: colour groups, a region selection and a cluster click become filters.
        ClusterScatterView *s = view.scatterView();
        QVERIFY(s->groups().contains(QStringLiteral("cluster 0")));
        s->setColorBy(ClusterScatterView::ColorBy::Label);
        QCOMPARE(s->groups(), QStringList{QStringLiteral("none")});
        QTest::mousePress(s, Qt::LeftButton, {}, QPoint(s->width() / 4, s->height() / 4));
        QMouseEvent smove(QEvent::MouseMove, QPointF(s->width() * 3 / 4, s->height() * 3 / 4),
                          s->mapToGlobal(QPointF(s->width() * 3 / 4, s->height() * 3 / 4)), Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(s, &smove);
        QTest::mouseRelease(s, Qt::LeftButton, {}, QPoint(s->width() * 3 / 4, s->height() * 3 / 4));
        QCOMPARE(filters.count(), 2);
        QVERIFY2(filters.last().at(0).toString().startsWith(QStringLiteral("x between ")), qPrintable(filters.last().at(0).toString()));
        // Click on an attack point (cluster 0, far out): a cluster filter.
        const ScatterPoint *attack = nullptr;
        for (const ScatterPoint &p : s->points())
            if (p.cluster == 0)
                attack = &p;
        QVERIFY(attack);
        QTest::mouseClick(s, Qt::LeftButton, {}, s->toPixel(QPointF(attack->x, attack->y)).toPoint());
        QCOMPARE(filters.count(), 3);
        QCOMPARE(filters.last().at(0).toString(), QStringLiteral("cluster = 0"));
        s->grab(); // paints the sampled points
        Q_EMIT view.clusterTable()->cellDoubleClicked(0, 0);
        QCOMPARE(filters.last().at(0).toString(), QStringLiteral("cluster = 0"));
        jobs.waitForAll();
    }

    void missingRun()
    {
        JobRunner jobs;
        ExplorerView view(&jobs, m_path, 1, 42);
        QSignalSpy failed(&view, &ExplorerView::failed);
        QVERIFY(failed.wait(20000));
        QVERIFY(failed.first().at(0).toString().contains(QStringLiteral("Run 42 does not exist")));
        jobs.waitForAll();
    }
};

QTEST_MAIN(TestExplorerView)
#include "tst_explorerview.moc"
