#include "core/labels/labelstore.h"
#include "core/project.h"
#include "core/runs/runstore.h"
#include "core/store/datasetstore.h"
#include "ml/pipeline.h"
#include "ml/runtime.h"
#include "ml/training/labelretrain.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

/// Re-ranking from analyst labels on one real mixed log (200 Elastic sample lines followed by 100
/// Acunetix scanner lines): after labelling a tenth of each side, the classifier's run must rank
/// the scanner lines nobody labelled above the benign lines nobody labelled.
class TestLabelRetrain : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;
    std::int64_t m_baseRun = 0;

    double meanScore(std::int64_t run, std::int64_t fromRid, std::int64_t toRid)
    {
        auto project = Project::open(m_project);
        auto st = (*project)->db().prepare("SELECT avg(score) FROM scores WHERE run_id = ?1 AND record_id BETWEEN ?2 AND ?3");
        st->bind(1, run).bind(2, fromRid).bind(3, toRid);
        (void)st->step();
        return st->real(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ml::initRuntime(ml::DevicePreference::Cpu, 0));
        const QString mixed = m_dir.filePath(QStringLiteral("mixed.log"));
        QFile out(mixed);
        QVERIFY(out.open(QIODevice::WriteOnly));
        for (const char *name : {"elastic_200.log", "acunetix_100.log"}) {
            QFile in(QStringLiteral(VIGIL_TEST_DATA_DIR "/web/") + QLatin1String(name));
            QVERIFY(in.open(QIODevice::ReadOnly));
            QByteArray bytes = in.readAll();
            if (!bytes.endsWith('\n'))
                bytes += '\n';
            out.write(bytes);
        }
        out.close();
        m_project = m_dir.filePath(QStringLiteral("retrain.vigil"));
        auto project = Project::create(m_project);
        QVERIFY(project);
        auto imported = importFile(**project, mixed, ReadOptions{});
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message));
        QCOMPARE(imported->report.rows, 300);

        ml::TrainRequest request;
        request.projectPath = m_project;
        request.datasetId = imported->datasetId;
        request.options.epochs = 3;
        request.options.batchSize = 64;
        auto base = ml::trainOnDataset(request);
        QVERIFY2(base, qPrintable(base ? QString() : base.error().message));
        m_baseRun = base->runId;
    }

    void refusesWithoutMaliciousLabels()
    {
        auto r = ml::retrainFromLabels(m_project, m_baseRun);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(r.error().message.contains(QStringLiteral("malicious")), qPrintable(r.error().message));
        auto missing = ml::retrainFromLabels(m_project, m_baseRun + 100);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }

    void reranksUnlabelledScannerLinesFirst()
    {
        {
            auto project = Project::open(m_project);
            QVERIFY(project);
            LabelStore labels(**project);
            QStringList malicious, benign;
            for (int rid = 201; rid <= 210; ++rid)
                malicious << QString::number(rid);
            for (int rid = 1; rid <= 20; ++rid)
                benign << QString::number(rid);
            QVERIFY(labels.apply(1, LabelScope::Record, malicious, LabelUpdate{LabelValue::Malicious, {}, {}}, QStringLiteral("t")));
            QVERIFY(labels.apply(1, LabelScope::Record, benign, LabelUpdate{LabelValue::Benign, {}, {}}, QStringLiteral("t")));
        }
        ml::RetrainOptions options;
        options.epochs = 20;
        auto r = ml::retrainFromLabels(m_project, m_baseRun, options);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(r->malicious, 10);
        QCOMPARE(r->benign, 20);
        QVERIFY(r->weakNegatives > 0);
        QCOMPARE(r->scored, 300);
        QVERIFY(r->runId > m_baseRun);

        const double scanner = meanScore(r->runId, 211, 300);
        const double benign = meanScore(r->runId, 21, 200);
        qInfo("mean P(malicious): unlabelled scanner %.3f, unlabelled benign %.3f", scanner, benign);
        QVERIFY2(scanner > 10.0 * benign, qPrintable(QStringLiteral("%1 vs %2").arg(scanner).arg(benign)));
        // What is left to triage: of the 90 highest-ranked unlabelled records, most are the 90
        // unlabelled scanner lines.
        {
            auto project = Project::open(m_project);
            auto st = (*project)->db().prepare("SELECT count(*) FROM (SELECT record_id FROM scores WHERE run_id = ?1 "
                                                "AND record_id NOT BETWEEN 1 AND 20 AND record_id NOT BETWEEN 201 AND 210 "
                                                "ORDER BY score DESC LIMIT 90) WHERE record_id > 200");
            st->bind(1, r->runId);
            QVERIFY(st->step().value());
            const std::int64_t hits = st->int64(0);
            qInfo("scanner lines among the top 90 unlabelled: %lld", static_cast<long long>(hits));
            QVERIFY2(hits >= 75, qPrintable(QString::number(hits)));
        }

        auto project = Project::open(m_project);
        QVERIFY(project);
        auto run = runs::loadRun((*project)->db(), r->runId);
        QVERIFY(run);
        QCOMPARE(run->threshold, 0.5);
        QCOMPARE(run->metrics.value(QStringLiteral("retrained_from_run")).toInteger(), m_baseRun);
        auto model = runs::loadModel((*project)->db(), r->modelId);
        QVERIFY(model);
        QCOMPARE(model->kind, QStringLiteral("classifier"));
        // The base run's map (clusters, projection) is carried over.
        QCOMPARE((*project)->db().scalarInt(QStringLiteral("SELECT count(*) FROM scores a JOIN scores b ON a.record_id = b.record_id "
                                                           "WHERE a.run_id = %1 AND b.run_id = %2 AND a.cluster IS b.cluster")
                                                .arg(m_baseRun).arg(r->runId).toStdString()).value(),
                 300);
        QCOMPARE(run->metrics.value(QStringLiteral("rows")).toInteger(), 300);
        QCOMPARE(run->metrics.value(QStringLiteral("alerts")).toInteger(), r->alerts);
    }

    /// Scoring in chunks (a data set of millions) gives the run one chunk gives, row for row;
    /// cancelling while scoring leaves no partial run behind.
    void chunkedScoringMatchesOneChunk()
    {
        ml::RetrainOptions options;
        options.epochs = 5;
        options.chunkRows = 1000;
        auto whole = ml::retrainFromLabels(m_project, m_baseRun, options);
        QVERIFY2(whole, qPrintable(whole ? QString() : whole.error().message));
        options.chunkRows = 70; // 5 chunks, the last one short
        auto chunked = ml::retrainFromLabels(m_project, m_baseRun, options);
        QVERIFY2(chunked, qPrintable(chunked ? QString() : chunked.error().message));
        QCOMPARE(chunked->scored, 300);
        QCOMPARE(chunked->alerts, whole->alerts);
        QCOMPARE(chunked->weakNegatives, whole->weakNegatives);
        auto project = Project::open(m_project);
        QVERIFY(project);
        auto a = runs::readScores((*project)->db(), whole->runId);
        auto b = runs::readScores((*project)->db(), chunked->runId);
        QVERIFY(a && b);
        QCOMPARE(a->size(), size_t(300));
        QCOMPARE(b->size(), size_t(300));
        for (size_t i = 0; i < a->size(); ++i) {
            QCOMPARE((*b)[i].recordId, (*a)[i].recordId);
            QVERIFY2(std::abs((*b)[i].score - (*a)[i].score) < 1e-6, qPrintable(QString::number(i)));
            QCOMPARE((*b)[i].cluster, (*a)[i].cluster);
            QCOMPARE((*b)[i].topFeatures, (*a)[i].topFeatures);
        }

        const auto runsBefore = (*project)->db().scalarInt("SELECT count(*) FROM runs").value();
        const auto modelsBefore = (*project)->db().scalarInt("SELECT count(*) FROM models").value();
        int reports = 0;
        auto cancelled = ml::retrainFromLabels(m_project, m_baseRun, options, [&](const Progress &p) {
            return !(p.stage == QLatin1String("Scoring") && ++reports >= 2);
        });
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
        QCOMPARE((*project)->db().scalarInt("SELECT count(*) FROM runs").value(), runsBefore);
        QCOMPARE((*project)->db().scalarInt("SELECT count(*) FROM models").value(), modelsBefore);
    }
};

QTEST_GUILESS_MAIN(TestLabelRetrain)
#include "tst_labelretrain.moc"
