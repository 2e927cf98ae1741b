#include "core/project.h"
#include "core/runs/runstore.h"
#include "core/metrics/metrics.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace vigil;
using namespace vigil::runs;

class TestRunStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    std::int64_t m_datasetId = 0;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("t%1.vigil").arg(QDateTime::currentMSecsSinceEpoch()));
        auto p = Project::create(path);
        QVERIFY2(p, p ? "" : qPrintable(p.error().message));
        m_project = std::move(*p);
        // A minimal dataset row: runs reference it (foreign keys are on).
        QVERIFY(m_project->db().exec("INSERT INTO datasets(name, source_path, format, content_hash, table_name, imported_at) "
                                     "VALUES('d', '/x', 'csv', 'h', 'ds_1', 'now')"));
        m_datasetId = m_project->db().lastInsertId();
    }

    void cleanup() { m_project.reset(); }

    void modelRoundTrip()
    {
        StoredModel m;
        m.name = QStringLiteral("ae-1");
        m.kind = QStringLiteral("autoencoder");
        m.datasetId = m_datasetId;
        m.schema = QJsonObject{{QStringLiteral("columns"), 3}};
        m.metadata = QJsonObject{{QStringLiteral("seed"), 7}};
        m.bundle = QByteArray("VIGILMDL\0\1binary\xff", 18);
        auto id = saveModel(m_project->db(), m);
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
        auto back = loadModel(m_project->db(), *id);
        QVERIFY(back);
        QCOMPARE(back->name, m.name);
        QCOMPARE(back->kind, m.kind);
        QCOMPARE(back->datasetId, m_datasetId);
        QCOMPARE(back->schema, m.schema);
        QCOMPARE(back->metadata, m.metadata);
        QCOMPARE(back->bundle, m.bundle);
        auto list = listModels(m_project->db());
        QVERIFY(list);
        QCOMPARE(list->size(), size_t(1));
        QVERIFY(list->front().bundle.isEmpty());

        auto missing = loadModel(m_project->db(), *id + 100);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }

    void runAndScoresRoundTrip()
    {
        StoredModel m;
        m.name = QStringLiteral("m");
        m.kind = QStringLiteral("autoencoder");
        auto modelId = saveModel(m_project->db(), m);
        QVERIFY(modelId);
        RunInfo run;
        run.modelId = *modelId;
        run.datasetId = m_datasetId;
        run.threshold = 0.125;
        run.targetFpr = 0.01;
        run.metrics = QJsonObject{{QStringLiteral("auroc"), 0.97}};
        auto runId = createRun(m_project->db(), run);
        QVERIFY2(runId, runId ? "" : qPrintable(runId.error().message));

        std::vector<ScoreRow> rows;
        for (int i = 0; i < 2500; ++i) {
            ScoreRow r;
            r.recordId = i + 1;
            r.score = 0.001 * i;
            r.severity = i % 101;
            r.cluster = i % 3 == 0 ? -1 : i % 4;
            r.x = i % 7 == 0 ? std::nan("") : 0.5 * i;
            r.y = i % 7 == 0 ? std::nan("") : -0.25 * i;
            r.topFeatures = i % 5 == 0 ? QString() : QStringLiteral("[{\"feature\":\"service\",\"contribution\":%1}]").arg(i);
            rows.push_back(r);
        }
        int reports = 0;
        auto ok = writeScores(m_project->db(), *runId, rows, [&](const Progress &) { ++reports; return true; }, 1000);
        QVERIFY2(ok, ok ? "" : qPrintable(ok.error().message));
        QCOMPARE(reports, 3); // one per batch of 1000

        auto back = readScores(m_project->db(), *runId);
        QVERIFY(back);
        QCOMPARE(back->size(), rows.size());
        for (size_t i = 0; i < rows.size(); ++i) {
            const auto &a = rows[i], &b = (*back)[i];
            QCOMPARE(b.recordId, a.recordId);
            QCOMPARE(b.score, a.score);
            QCOMPARE(b.severity, a.severity);
            QCOMPARE(b.cluster, a.cluster);
            QCOMPARE(std::isnan(b.x), std::isnan(a.x));
            if (!std::isnan(a.x)) {
                QCOMPARE(b.x, a.x);
                QCOMPARE(b.y, a.y);
            }
            QCOMPARE(b.topFeatures, a.topFeatures);
        }
        // Evaluation reads the two columns it needs, in the same record order.
        auto values = readScoreValues(m_project->db(), *runId);
        QVERIFY(values);
        QCOMPARE(values->size(), rows.size());
        for (size_t i = 0; i < rows.size(); ++i) {
            QCOMPARE((*values)[i].recordId, rows[i].recordId);
            QCOMPARE((*values)[i].score, rows[i].score);
        }
        QVERIFY(readScoreValues(m_project->db(), 999)->empty());
        // A chunk of the run: records 1001..1500 inclusive, nothing else.
        auto chunk = readScores(m_project->db(), *runId, {}, RecordRange{1001, 1500});
        QVERIFY(chunk);
        QCOMPARE(chunk->size(), size_t(500));
        QCOMPARE(chunk->front().recordId, 1001);
        QCOMPARE(chunk->back().recordId, 1500);
        QCOMPARE(chunk->back().topFeatures, rows[1499].topFeatures);
        QVERIFY(readScores(m_project->db(), *runId, {}, RecordRange{2501, 9000})->empty());

        // Statement::forEach walks every row, or stops where the callback says so.
        auto st = m_project->db().prepare("SELECT record_id FROM scores WHERE run_id = ?1 ORDER BY record_id");
        QVERIFY(st);
        st->bind(1, *runId);
        std::int64_t sum = 0, seen = 0;
        QVERIFY(st->forEach([&](sql::Statement &row) { sum += row.int64(0); }));
        QCOMPARE(sum, std::int64_t(2500) * 2501 / 2);
        st->reset(); // also clears the bindings
        st->bind(1, *runId);
        QVERIFY(st->forEach([&](sql::Statement &) { return ++seen < 10; }));
        QCOMPARE(seen, 10);
        auto broken = m_project->db().prepare("SELECT abs(?1)");
        QVERIFY(broken);
        broken->bind(1, std::numeric_limits<std::int64_t>::min()); // abs() overflows: an error while stepping
        QVERIFY(!broken->forEach([](sql::Statement &) {}));

        auto loaded = loadRun(m_project->db(), *runId);
        QVERIFY(loaded);
        QCOMPARE(loaded->threshold, 0.125);
        QCOMPARE(loaded->targetFpr, 0.01);
        QCOMPARE(loaded->metrics.value(QStringLiteral("auroc")).toDouble(), 0.97);
        QVERIFY(updateRunMetrics(m_project->db(), *runId, QJsonObject{{QStringLiteral("ap"), 0.5}}));
        QCOMPARE(loadRun(m_project->db(), *runId)->metrics.value(QStringLiteral("ap")).toDouble(), 0.5);
    }

    /// Moving the threshold stores it, recomputes severities (≥ 50 exactly at or above it),
    /// keeps the calibrated one in the metrics, and refuses a non-finite value.
    void thresholdMovesSeverities()
    {
        StoredModel m;
        m.name = QStringLiteral("m");
        m.kind = QStringLiteral("autoencoder");
        auto modelId = saveModel(m_project->db(), m);
        QVERIFY(modelId);
        RunInfo run;
        run.modelId = *modelId;
        run.datasetId = m_datasetId;
        run.threshold = 0.9;
        auto runId = createRun(m_project->db(), run);
        QVERIFY(runId);
        std::vector<ScoreRow> rows;
        for (int i = 0; i < 200; ++i) {
            ScoreRow r;
            r.recordId = i + 1;
            r.score = 0.005 * i; // 0 … 0.995
            r.severity = metrics::severity(r.score, 0.9);
            rows.push_back(r);
        }
        QVERIFY(writeScores(m_project->db(), *runId, rows));
        auto alerts = setRunThreshold(m_project->db(), *runId, 0.5);
        QVERIFY2(alerts, alerts ? "" : qPrintable(alerts.error().message));
        QCOMPARE(*alerts, std::int64_t(100)); // scores 0.5 … 0.995
        auto loaded = loadRun(m_project->db(), *runId);
        QVERIFY(loaded);
        QCOMPARE(loaded->threshold, 0.5);
        QCOMPARE(loaded->metrics.value(QStringLiteral("calibrated_threshold")).toDouble(), 0.9);
        QCOMPARE(loaded->metrics.value(QStringLiteral("alerts")).toInteger(), 100);
        auto back = readScores(m_project->db(), *runId);
        QVERIFY(back);
        for (const ScoreRow &r : *back)
            QCOMPARE(r.severity >= 50, r.score >= 0.5);
        // Moving it again keeps the first calibrated value.
        QVERIFY(setRunThreshold(m_project->db(), *runId, 0.7));
        QCOMPARE(loadRun(m_project->db(), *runId)->metrics.value(QStringLiteral("calibrated_threshold")).toDouble(), 0.9);
        auto bad = setRunThreshold(m_project->db(), *runId, std::nan(""));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
        auto missing = setRunThreshold(m_project->db(), *runId + 5, 1.0);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }

    void cancelWritesNothing()
    {
        StoredModel m;
        m.name = QStringLiteral("m");
        m.kind = QStringLiteral("autoencoder");
        auto modelId = saveModel(m_project->db(), m);
        RunInfo run;
        run.modelId = *modelId;
        run.datasetId = m_datasetId;
        auto runId = createRun(m_project->db(), run);
        QVERIFY(runId);
        std::vector<ScoreRow> rows(30);
        for (int i = 0; i < 30; ++i)
            rows[size_t(i)].recordId = i + 1;
        auto r = writeScores(m_project->db(), *runId, rows, [](const Progress &p) { return p.done < 20; }, 10);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QCOMPARE(readScores(m_project->db(), *runId)->size(), size_t(0)); // no half-written run
    }

    void runNeedsExistingModel()
    {
        RunInfo run;
        run.modelId = 999;
        run.datasetId = m_datasetId;
        auto r = createRun(m_project->db(), run);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Database);
    }
};

QTEST_APPLESS_MAIN(TestRunStore)
#include "tst_runstore.moc"
