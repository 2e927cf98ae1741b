#include "../triage/syntheticproject.h"

#include "core/query/ipaddress.h"
#include "core/schema/schema.h"
#include "ui/explorer/exploreraggregates.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

using namespace vigil;
using namespace vigil::ui;

/// The explorer's SQL aggregations against brute force over the same rows.
class TestExplorerAggregates : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    testing::SyntheticIds m_ids;
    query::DatasetSource m_src;
    static constexpr int kRows = 6000;

    struct Row {
        qint64 rid;
        double t;
        double score;
        int cluster;
        int status;
        QString ip;
    };
    std::vector<Row> m_rows;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("agg.vigil"));
        auto ids = testing::createSyntheticProject(path, kRows, 7);
        QVERIFY(ids);
        m_ids = *ids;
        m_project = std::move(*Project::open(path));
        query::registerSqlFunctions(m_project->db().handle());
        m_src = std::move(*query::loadDatasetSource(m_project->db(), m_ids.datasetId, m_ids.runId));
        auto st = m_project->db().prepare("SELECT d.rid, d.c1, s.score, s.cluster, d.c4, d.c0 FROM ds_1 d JOIN scores s ON s.record_id = d.rid ORDER BY d.rid");
        while (st->step().value())
            m_rows.push_back({st->int64(0), st->real(1), st->real(2), int(st->int64(3)), int(st->int64(4)), st->text(5)});
        QCOMPARE(int(m_rows.size()), kRows);
    }

    void histogram_data()
    {
        QTest::addColumn<int>("bins");
        QTest::newRow("1") << 1;
        QTest::newRow("10") << 10;
        QTest::newRow("100") << 100;
        QTest::newRow("997") << 997;
    }

    void histogram()
    {
        QFETCH(int, bins);
        auto h = scoreHistogram(m_project->db(), m_src, bins);
        QVERIFY2(h, qPrintable(h ? QString() : h.error().message));
        QCOMPARE(h->total, kRows);
        QCOMPARE(int(h->counts.size()), bins);
        double lo = 1e300, hi = -1e300;
        for (const Row &r : m_rows) {
            lo = std::min(lo, r.score);
            hi = std::max(hi, r.score);
        }
        QCOMPARE(h->min, lo);
        QCOMPARE(h->max, hi);
        std::vector<qint64> expected(size_t(bins), 0);
        for (const Row &r : m_rows)
            ++expected[size_t(std::min<qint64>(bins - 1, qint64((r.score - lo) / h->binWidth)))];
        for (int b = 0; b < bins; ++b)
            QCOMPARE(h->counts[size_t(b)], expected[size_t(b)]);
        // Above-threshold counts are exact at bin edges.
        const double edge = h->min + h->binWidth * double(bins / 2);
        qint64 above = 0;
        for (const Row &r : m_rows)
            above += std::min<qint64>(bins - 1, qint64((r.score - lo) / h->binWidth)) >= bins / 2 ? 1 : 0;
        QCOMPARE(qint64(std::llround(h->countAbove(edge))), above);
        bool fromLabels = true;
        QVERIFY(std::abs(h->expectedFpr(edge, &fromLabels) - double(above) / kRows) < 1e-12);
        QVERIFY(!fromLabels);
    }

    void histogramFilteredAndBenign()
    {
        auto filter = query::compileFilter(QStringLiteral("status = 404"), m_src.fields);
        QVERIFY(filter);
        auto h = scoreHistogram(m_project->db(), m_src, 50, *filter);
        QVERIFY(h);
        qint64 n404 = 0;
        for (const Row &r : m_rows)
            n404 += r.status == 404;
        QCOMPARE(h->total, n404);
        // 30 benign labels on low scores: the FPR comes from them.
        QVERIFY(m_project->db().exec("INSERT INTO labels(dataset_id, scope, key, label, updated_at) "
                                     "SELECT 1, 'record', CAST(record_id AS TEXT), 'benign', 'now' FROM scores ORDER BY score LIMIT 30"));
        auto hb = scoreHistogram(m_project->db(), m_src, 50);
        QVERIFY(hb);
        QCOMPARE(hb->benignTotal, 30);
        bool fromLabels = false;
        QCOMPARE(hb->expectedFpr(hb->max, &fromLabels), 0.0);
        QVERIFY(fromLabels);
        QCOMPARE(hb->expectedFpr(hb->min, &fromLabels), 1.0);
        QVERIFY(m_project->db().exec("DELETE FROM labels"));
    }

    void sessionHistogram()
    {
        // Brute force: an address's events in time order, cut at pauses over an hour; a
        // session scores its highest record.
        const double gap = 3600.0;
        std::map<QString, std::vector<const Row *>> byIp;
        for (const Row &r : m_rows)
            byIp[r.ip].push_back(&r);
        std::vector<std::vector<const Row *>> sessions;
        for (auto &[ip, rows] : byIp) {
            std::sort(rows.begin(), rows.end(), [](const Row *a, const Row *b) { return a->t < b->t || (a->t == b->t && a->rid < b->rid); });
            for (size_t i = 0; i < rows.size(); ++i) {
                if (i == 0 || rows[i]->t - rows[i - 1]->t > gap)
                    sessions.emplace_back();
                sessions.back().push_back(rows[i]);
            }
        }
        QVERIFY(sessions.size() > 50 && sessions.size() < size_t(kRows)); // sessions of several records
        std::vector<double> scores;
        for (const auto &session : sessions)
            scores.push_back((*std::max_element(session.begin(), session.end(), [](const Row *a, const Row *b) { return a->score < b->score; }))->score);
        const int bins = 40;
        auto h = sessionScoreHistogram(m_project->db(), m_src, {QStringLiteral("ip"), gap}, bins);
        QVERIFY2(h, qPrintable(h ? QString() : h.error().message));
        QVERIFY(h->sessions);
        QCOMPARE(h->total, qint64(sessions.size()));
        QCOMPARE(h->min, *std::min_element(scores.begin(), scores.end()));
        std::vector<qint64> expected(size_t(bins), 0);
        for (double v : scores)
            ++expected[size_t(std::min<qint64>(bins - 1, qint64((v - h->min) / h->binWidth)))];
        for (int b = 0; b < bins; ++b)
            QCOMPARE(h->counts[size_t(b)], expected[size_t(b)]);
        bool fromLabels = true;
        (void)h->expectedFpr(h->min, &fromLabels);
        QVERIFY(!fromLabels); // no labels: the share of all sessions

        // The same sessions, each at its first event, for the timeline: at a threshold in the
        // middle, the flagged sessions fall into the buckets of their first events.
        auto points = sessionPoints(m_project->db());
        QVERIFY(points);
        QCOMPARE(points->size(), sessions.size());
        std::multiset<std::tuple<double, double, qint64>> expectedPoints, gotPoints;
        std::vector<qint64> clusterOf;
        for (size_t i = 0; i < sessions.size(); ++i) {
            clusterOf.push_back((*std::max_element(sessions[i].begin(), sessions[i].end(), [](const Row *a, const Row *b) { return a->cluster < b->cluster; }))->cluster);
            expectedPoints.insert({sessions[i].front()->t, scores[i], clusterOf.back()});
        }
        for (const SessionPoint &p : *points)
            gotPoints.insert({p.start, p.score, p.cluster});
        QVERIFY(gotPoints == expectedPoints);
        const double threshold = (h->min + h->dataMax) / 2.0;
        auto buckets = timeBuckets(m_project->db(), m_src, threshold, 50);
        QVERIFY(buckets);
        countSessionAnomalies(*buckets, *points, threshold);
        QVERIFY(buckets->sessions);
        std::vector<qint64> flagged(buckets->anomalies.size(), 0);
        qint64 flaggedTotal = 0;
        for (size_t i = 0; i < sessions.size(); ++i) {
            if (scores[i] < threshold)
                continue;
            ++flagged[size_t((sessions[i].front()->t - buckets->start) / buckets->width)];
            ++flaggedTotal;
        }
        QVERIFY(flaggedTotal > 0 && flaggedTotal < qint64(sessions.size()));
        QCOMPARE(buckets->anomalies, flagged);
        // …and the cluster summary counts sessions per cluster (its records' cluster).
        auto clusters = clusterSummaries(m_project->db(), m_src, threshold);
        QVERIFY(clusters && clusters->size() > 1);
        countSessionClusters(*clusters, *points, threshold);
        std::map<qint64, std::pair<qint64, qint64>> perCluster; // sessions, flagged
        for (size_t i = 0; i < sessions.size(); ++i) {
            ++perCluster[clusterOf[i]].first;
            perCluster[clusterOf[i]].second += scores[i] >= threshold;
        }
        for (const ClusterSummary &c : *clusters) {
            QVERIFY(c.sessions);
            QCOMPARE(c.size, perCluster[c.cluster].first);
            QCOMPARE(c.anomalies, perCluster[c.cluster].second);
        }

        // Benign sessions are those whose every record is labelled benign: 25 such sessions,
        // and one with all but one record labelled, which does not count.
        std::vector<size_t> multi;
        for (size_t i = 0; i < sessions.size(); ++i)
            if (sessions[i].size() >= 2)
                multi.push_back(i);
        QVERIFY2(multi.size() > 26, qPrintable(QString::number(multi.size()) + QLatin1Char('/') + QString::number(sessions.size())));
        auto label = m_project->db().prepare("INSERT INTO labels(dataset_id, scope, key, label, updated_at) VALUES(1, 'record', ?1, 'benign', 'now')");
        QVERIFY(label);
        for (size_t j = 0; j < 26; ++j) {
            const auto &session = sessions[multi[j]];
            for (size_t k = j == 25 ? 1 : 0; k < session.size(); ++k) {
                label->reset();
                QVERIFY(label->bind(1, QString::number(session[k]->rid)).run());
            }
        }
        auto hb = sessionScoreHistogram(m_project->db(), m_src, {QStringLiteral("ip"), gap}, bins);
        QVERIFY(hb);
        QCOMPARE(hb->benignTotal, qint64(25));
        QVERIFY(!hb->benignFromDataset);
        QCOMPARE(hb->expectedFpr(hb->min, &fromLabels), 1.0);
        QVERIFY(fromLabels);
        QVERIFY(m_project->db().exec("DELETE FROM labels"));

        // The model's schema names a label column: its normal rows decide, not the analyst's
        // labels. Every third multi-record session normal throughout; one more normal but for
        // one record, which does not count.
        QVERIFY(m_project->db().exec("SAVEPOINT label_column")); // the other tests read the fixture as it was
        FeatureSchema schema;
        ColumnSpec labelColumn;
        labelColumn.name = QStringLiteral("method");
        labelColumn.role = Role::Label;
        schema.columns.push_back(labelColumn);
        auto setSchema = m_project->db().prepare("UPDATE models SET schema_json = ?1");
        QVERIFY(setSchema);
        QVERIFY(setSchema->bind(1, QString::fromUtf8(QJsonDocument(schema.toJson()).toJson(QJsonDocument::Compact))).run());
        QVERIFY(m_project->db().exec("UPDATE ds_1 SET c2 = 'attack'"));
        auto normal = m_project->db().prepare("UPDATE ds_1 SET c2 = 'normal' WHERE rid = ?1");
        QVERIFY(normal);
        qint64 normalSessions = 0;
        for (size_t j = 0; j < multi.size(); j += 3) {
            const auto &session = sessions[multi[j]];
            const bool whole = j + 3 < multi.size();
            normalSessions += whole ? 1 : 0;
            for (size_t k = whole ? 0 : 1; k < session.size(); ++k) {
                normal->reset();
                QVERIFY(normal->bind(1, std::int64_t(session[k]->rid)).run());
            }
        }
        auto hd = sessionScoreHistogram(m_project->db(), m_src, {QStringLiteral("ip"), gap}, bins);
        QVERIFY2(hd, qPrintable(hd ? QString() : hd.error().message));
        QVERIFY(hd->benignFromDataset);
        QCOMPARE(hd->benignTotal, normalSessions);
        QVERIFY(m_project->db().exec("ROLLBACK TO label_column; RELEASE label_column"));

        // No such column: refused, nothing built.
        auto none = sessionScoreHistogram(m_project->db(), m_src, {QStringLiteral("no_such_column"), gap}, bins);
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::NotFound);
    }

    void timeline()
    {
        auto t = timeBuckets(m_project->db(), m_src, m_ids.threshold, 500);
        QVERIFY2(t, qPrintable(t ? QString() : t.error().message));
        QVERIFY(t->volume.size() <= 502);
        std::vector<qint64> vol(t->volume.size(), 0), anom(t->volume.size(), 0);
        for (const Row &r : m_rows) {
            const size_t b = size_t((r.t - t->start) / t->width);
            QVERIFY(b < vol.size());
            ++vol[b];
            anom[b] += r.score >= m_ids.threshold;
        }
        QCOMPARE(t->volume, vol);
        QCOMPARE(t->anomalies, anom);

        // Re-binning the whole span keeps every event; a window keeps the events inside it.
        const TimelineBins all = rebin(*t, t->start, t->end(), 37);
        qint64 sum = 0;
        for (qint64 v : all.volume)
            sum += v;
        QCOMPARE(sum, kRows);
        const double from = t->start + t->width * 100, to = t->start + t->width * 200;
        const TimelineBins win = rebin(*t, from, to, 10);
        QCOMPARE(int(win.volume.size()), 10);
        qint64 inWindow = 0, anomInWindow = 0;
        for (size_t i = 100; i < 200; ++i) {
            inWindow += t->volume[i];
            anomInWindow += t->anomalies[i];
        }
        qint64 got = 0, gotAnom = 0;
        for (size_t i = 0; i < win.volume.size(); ++i) {
            got += win.volume[i];
            gotAnom += win.anomalies[i];
            // Each display bin holds exactly its 10 fine buckets.
            qint64 expect = 0;
            for (size_t k = 100 + i * 10; k < 110 + i * 10; ++k)
                expect += t->volume[k];
            QCOMPARE(win.volume[i], expect);
        }
        QCOMPARE(got, inWindow);
        QCOMPARE(gotAnom, anomInWindow);
        // Bins never get finer than the fine buckets.
        const TimelineBins tiny = rebin(*t, from, from + t->width * 4, 100);
        QCOMPARE(int(tiny.volume.size()), 4);
    }

    void scatter()
    {
        qint64 anomalies = 0;
        for (const Row &r : m_rows)
            anomalies += r.score >= m_ids.threshold;
        QVERIFY(anomalies > 10);
        auto s = scatterSample(m_project->db(), m_src, m_ids.threshold, 1000);
        QVERIFY(s);
        QVERIFY(s->size() <= 1000);
        QVERIFY(s->size() >= 900); // the budget is used
        qint64 keptAnomalies = 0;
        for (const ScatterPoint &p : *s)
            keptAnomalies += p.anomaly;
        QCOMPARE(keptAnomalies, anomalies); // every anomaly kept
        // A budget smaller than the anomalies keeps the highest scores.
        auto small = scatterSample(m_project->db(), m_src, m_ids.threshold, 10);
        QVERIFY(small);
        QCOMPARE(int(small->size()), 10);
        for (const ScatterPoint &p : *small)
            QVERIFY(p.anomaly);
    }

    void clusters()
    {
        auto c = clusterSummaries(m_project->db(), m_src, m_ids.threshold);
        QVERIFY2(c, qPrintable(c ? QString() : c.error().message));
        std::map<int, qint64> sizes;
        std::map<int, double> maxScore;
        for (const Row &r : m_rows) {
            ++sizes[r.cluster];
            maxScore[r.cluster] = std::max(maxScore[r.cluster], r.score);
        }
        QCOMPARE(c->size(), sizes.size());
        for (const ClusterSummary &s : *c) {
            QCOMPARE(s.size, sizes[int(s.cluster)]);
            QCOMPARE(s.maxScore, maxScore[int(s.cluster)]);
            QVERIFY(s.minScore <= s.meanScore && s.meanScore <= s.maxScore);
            QCOMPARE(s.dominant.size(), 3);
        }
        // Cluster 0 is the attack cluster: all anomalies, dominant browser sqlmap.
        QCOMPARE(c->front().cluster, 0);
        QCOMPARE(c->front().anomalies, c->front().size);
        QVERIFY2(c->front().dominant.join(u' ').contains(QStringLiteral("method=GET (100%)")), qPrintable(c->front().dominant.join(u' ')));
    }

    void errors()
    {
        query::DatasetSource noRun = m_src;
        noRun.runId = 0;
        auto h = scoreHistogram(m_project->db(), noRun);
        QVERIFY(!h);
        QVERIFY(h.error().message.contains(QStringLiteral("needs scores")));
        query::DatasetSource noTime = m_src;
        noTime.fields = query::FieldSet();
        auto t = timeBuckets(m_project->db(), noTime, 80.0);
        QVERIFY(!t);
        QCOMPARE(t.error().code, ErrorCode::NotFound);
        QVERIFY(t.error().message.contains(QStringLiteral("no timestamp column")));
    }
};

QTEST_GUILESS_MAIN(TestExplorerAggregates)
#include "tst_exploreraggregates.moc"
