#include "syntheticproject.h"

#include "core/labels/labelstore.h"
#include "core/project.h"
#include "core/store/datasetstore.h"
#include "ui/triage/triagetablemodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>

using namespace vigil;
using namespace vigil::ui;

/// The virtualised triage model over a 5,000-row synthetic project, under
/// QAbstractItemModelTester: paging, sorting, filtering, entities, labels, suppression.
class TestTriageTableModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    testing::SyntheticIds m_ids;
    static constexpr int kRows = 5000;

    std::unique_ptr<TriageTableModel> makeModel()
    {
        auto model = std::make_unique<TriageTableModel>(m_path, m_ids.datasetId, m_ids.runId);
        QSignalSpy ready(model.get(), &TriageTableModel::ready);
        if (!ready.wait(10000))
            return nullptr;
        return model;
    }

    /// Waits for the next query to land.
    static bool waitQuery(TriageTableModel &m)
    {
        QSignalSpy spy(&m, &TriageTableModel::queryFinished);
        return spy.wait(10000);
    }

    /// Reads a cell, waiting for its page when it is not cached yet.
    static QVariant cell(TriageTableModel &m, int row, int column, int role = Qt::EditRole)
    {
        const QModelIndex idx = m.index(row, column);
        if (!m.data(idx, TriageTableModel::LoadedRole).toBool()) {
            QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
            if (!changed.wait(10000))
                return {};
        }
        return m.data(idx, role);
    }

    std::int64_t scalar(const QString &sqlText)
    {
        auto p = Project::open(m_path);
        auto v = (*p)->db().scalarInt(sqlText.toStdString());
        return v ? *v : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("triage.vigil"));
        auto ids = testing::createSyntheticProject(m_path, kRows);
        QVERIFY2(ids, qPrintable(ids ? QString() : ids.error().message));
        m_ids = *ids;
    }

    void pagingAndDefaultOrder()
    {
        auto model = makeModel();
        QVERIFY(model);
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), kRows);
        QCOMPARE(model->columnCount(), TriageColumns::kFirstData + 8);
        QCOMPARE(model->headerData(TriageColumns::kScore, Qt::Horizontal).toString(), QStringLiteral("Score"));
        QCOMPARE(model->headerData(TriageColumns::kFirstData, Qt::Horizontal).toString(), QStringLiteral("ip"));
        // Only the first page is in memory; a far row shows a placeholder until fetched.
        QVERIFY(model->data(model->index(0, 0), TriageTableModel::LoadedRole).toBool());
        const QModelIndex far = model->index(4900, 0);
        QVERIFY(!model->data(far, TriageTableModel::LoadedRole).toBool());
        QCOMPARE(model->data(far).toString(), QStringLiteral("…"));
        QTRY_VERIFY_WITH_TIMEOUT(model->data(far, TriageTableModel::LoadedRole).toBool(), 10000);
        // Default order: score descending.
        double prev = 1e9;
        for (int r : {0, 1, 2, 255, 256, 257, 1000, 4900, 4999}) {
            const double s = cell(*model, r, TriageColumns::kScore).toDouble();
            QVERIFY2(s <= prev, qPrintable(QStringLiteral("row %1").arg(r)));
            prev = s;
        }
        const double top = scalar(QStringLiteral("SELECT CAST(max(score) * 1000 AS INTEGER) FROM scores")) / 1000.0;
        QVERIFY(std::abs(cell(*model, 0, TriageColumns::kScore).toDouble() - top) < 0.002);
        QVERIFY(model->data(model->index(0, 0), TriageTableModel::AnomalyRole).toBool());
        QVERIFY(!cell(*model, 4999, 0, TriageTableModel::AnomalyRole).toBool());
    }

    void sorting_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<QString>("reference"); // SQL giving the first row's value
        QTest::newRow("score asc") << int(TriageColumns::kScore) << false << QStringLiteral("SELECT CAST(min(score) * 1000 AS INTEGER) FROM scores");
        QTest::newRow("status desc") << TriageColumns::kFirstData + 4 << true << QStringLiteral("SELECT max(c4) FROM ds_1");
        QTest::newRow("bytes asc") << TriageColumns::kFirstData + 5 << false << QStringLiteral("SELECT min(c5) FROM ds_1");
        QTest::newRow("cluster desc") << int(TriageColumns::kCluster) << true << QStringLiteral("SELECT max(cluster) FROM scores");
    }

    void sorting()
    {
        QFETCH(int, column);
        QFETCH(bool, descending);
        QFETCH(QString, reference);
        auto model = makeModel();
        QVERIFY(model);
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        model->sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        QVERIFY(waitQuery(*model));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model->rowCount(), kRows);
        QCOMPARE(model->sortColumn(), column);
        const QVariant first = cell(*model, 0, column);
        if (column == TriageColumns::kScore)
            QCOMPARE(qint64(first.toDouble() * 1000), scalar(reference));
        else
            QCOMPARE(first.toLongLong(), scalar(reference));
        // Monotone across a page boundary and at the far end.
        QVariant prev = first;
        for (int r : {1, 255, 256, 300, 2500, 4999}) {
            const QVariant v = cell(*model, r, column);
            QVERIFY2(descending ? v.toDouble() <= prev.toDouble() : v.toDouble() >= prev.toDouble(), qPrintable(QStringLiteral("row %1").arg(r)));
            prev = v;
        }
    }

    void filtering_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("where");
        QTest::newRow("status") << QStringLiteral("status = 404") << QStringLiteral("c4 = 404");
        QTest::newRow("score and cidr") << QStringLiteral("score > 80 and ip in 203.0.113.0/24") << QStringLiteral("rid IN (SELECT record_id FROM scores WHERE score > 80) AND c0 LIKE '203.0.113.%'");
        QTest::newRow("path contains") << QStringLiteral("path contains \"wp-login\"") << QStringLiteral("c3 = '/wp-login.php'");
        QTest::newRow("not or") << QStringLiteral("not (method = GET or status = 200)") << QStringLiteral("NOT (c2 = 'GET' OR c4 = 200)");
        QTest::newRow("nothing") << QStringLiteral("status = 999") << QStringLiteral("0");
    }

    void filtering()
    {
        QFETCH(QString, filter);
        QFETCH(QString, where);
        auto model = makeModel();
        QVERIFY(model);
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model->setFilter(filter));
        QVERIFY(waitQuery(*model));
        const std::int64_t expected = scalar(QStringLiteral("SELECT count(*) FROM ds_1 WHERE ") + where);
        QCOMPARE(qint64(model->rowCount()), expected);
        QCOMPARE(model->filterText(), filter);
        if (expected > 0 && filter.startsWith(QLatin1String("status")))
            QCOMPARE(cell(*model, int(expected - 1), TriageColumns::kFirstData + 4).toLongLong(), 404);
        // A filter that does not compile leaves the current one in place.
        query::QueryError err;
        auto bad = model->setFilter(QStringLiteral("stauts = 1"), &err);
        QVERIFY(!bad);
        QVERIFY(bad.error().message.contains(QStringLiteral("did you mean 'status'")));
        QCOMPARE(err.span.column, 1);
        QCOMPARE(model->filterText(), filter);
        // Clearing the filter brings every row back.
        QVERIFY(model->setFilter(QString()));
        QVERIFY(waitQuery(*model));
        QCOMPARE(model->rowCount(), kRows);
    }

    void entities()
    {
        auto model = makeModel();
        QVERIFY(model);
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->entityField(), QStringLiteral("ip"));
        model->setMode(TriageQuery::Mode::Entities);
        QVERIFY(waitQuery(*model));
        QCOMPARE(model->columnCount(), int(TriageColumns::kEntityColumns));
        QCOMPARE(qint64(model->rowCount()), scalar(QStringLiteral("SELECT count(DISTINCT c0) FROM ds_1")));
        // Sorted by max score: the first entity is an attacker, with the right event count.
        const QString first = cell(*model, 0, TriageColumns::kEntity).toString();
        QVERIFY2(first.startsWith(QLatin1String("203.0.113.")), qPrintable(first));
        QCOMPARE(cell(*model, 0, TriageColumns::kEvents).toLongLong(),
                 scalar(QStringLiteral("SELECT count(*) FROM ds_1 WHERE c0 = '%1'").arg(first)));
        QVERIFY(cell(*model, 0, TriageColumns::kAnomalies).toLongLong() > 0);
        // Filtered entities.
        QVERIFY(model->setFilter(QStringLiteral("ip in 203.0.113.0/24")));
        QVERIFY(waitQuery(*model));
        QCOMPARE(qint64(model->rowCount()), scalar(QStringLiteral("SELECT count(DISTINCT c0) FROM ds_1 WHERE c0 LIKE '203.0.113.%'")));
        // Label an entity: the entity row and that entity's records show it.
        QSignalSpy history(model.get(), &TriageTableModel::historyChanged);
        model->labelRows({0}, LabelValue::Malicious);
        QVERIFY(history.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(0, TriageColumns::kEntityLabel)).toString(), QStringLiteral("malicious"), 10000);
        model->setMode(TriageQuery::Mode::Records);
        QVERIFY(model->setFilter(QStringLiteral("label = malicious")));
        QVERIFY(waitQuery(*model));
        QCOMPARE(qint64(model->rowCount()), scalar(QStringLiteral("SELECT count(*) FROM ds_1 WHERE c0 = '%1'").arg(first)));
        model->undo();
        QVERIFY(history.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 10000);
    }

    /// Sessions of an imported access log: the peak of the import's client_errors_1m per session,
    /// and Events/min, put a password guesser first.
    void sessionsShowPeakFailures()
    {
        QByteArray log;
        for (int i = 0; i < 30; ++i) // 30 failed logins in 58 s
            log += "45.1.2.3 - - [04/Mar/2024:10:00:" + QByteArray::number(i * 2).rightJustified(2, '0')
                   + " +0000] \"POST /login HTTP/1.1\" 401 12 \"-\" \"python-requests/2.31.0\"\n";
        for (int i = 0; i < 20; ++i) // a reader: a page every 3 minutes, some missing
            log += "10.0.0.7 - - [04/Mar/2024:1" + QByteArray::number(1 + i / 20) + ":" + QByteArray::number(i * 3 % 60).rightJustified(2, '0')
                   + ":00 +0000] \"GET /p" + QByteArray::number(i) + " HTTP/1.1\" " + (i % 5 == 0 ? "404" : "200") + " 512 \"-\" \"curl/8.5.0\"\n";
        const QString logPath = m_dir.filePath(QStringLiteral("burst.log"));
        QFile f(logPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(log);
        f.close();
        const QString path = m_dir.filePath(QStringLiteral("burst.vigil"));
        std::int64_t datasetId = 0;
        {
            auto project = Project::create(path);
            QVERIFY(project);
            auto imported = importFile(**project, logPath, ReadOptions{});
            QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message));
            datasetId = imported->datasetId;
        }
        TriageTableModel model(path, datasetId, 0);
        QSignalSpy ready(&model, &TriageTableModel::ready);
        QVERIFY(ready.wait(10000));
        model.setEntityField(QStringLiteral("remote_addr"));
        model.setMode(TriageQuery::Mode::Sessions);
        QVERIFY(waitQuery(model));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.headerData(TriageColumns::kPeakFailures, Qt::Horizontal).toString(), QStringLiteral("Peak failures/min"));
        model.sort(TriageColumns::kPeakFailures, Qt::DescendingOrder);
        QVERIFY(waitQuery(model));
        QVERIFY(cell(model, 0, TriageColumns::kEntity, Qt::DisplayRole).toString().startsWith(QLatin1String("45.1.2.3")));
        QCOMPARE(cell(model, 0, TriageColumns::kPeakFailures).toLongLong(), 30);
        QCOMPARE(cell(model, 0, TriageColumns::kEvents).toLongLong(), 30);
        QCOMPARE(cell(model, 0, TriageColumns::kRate).toDouble(), 30.0 * 60.0 / 60.0); // 58 s counts as a minute
        QCOMPARE(cell(model, 1, TriageColumns::kPeakFailures).toLongLong(), 1); // the reader's 404s are minutes apart
    }

    /// Sessions: counted independently here (sort each address's events, split at gaps over
    /// 30 minutes) and compared with the view; labelling a session labels exactly its records.
    void sessions()
    {
        std::map<QString, std::vector<std::pair<double, qint64>>> events;
        {
            auto p = Project::open(m_path);
            QVERIFY(p);
            auto st = (*p)->db().prepare("SELECT c0, c1, rid FROM ds_1 WHERE c0 IS NOT NULL AND c1 IS NOT NULL");
            QVERIFY(st);
            while (true) {
                auto row = st->step();
                QVERIFY(row);
                if (!*row)
                    break;
                events[st->text(0)].emplace_back(st->real(1), st->int64(2));
            }
        }
        std::map<QString, std::vector<qint64>> sessionRecords; // "ip|start" → rids
        for (auto &[ip, ev] : events) {
            std::sort(ev.begin(), ev.end());
            QString key;
            for (size_t i = 0; i < ev.size(); ++i) {
                if (i == 0 || ev[i].first - ev[i - 1].first > 1800.0)
                    key = ip + QLatin1Char('|') + QString::number(qint64(ev[i].first));
                sessionRecords[key].push_back(ev[i].second);
            }
        }

        auto model = makeModel();
        QVERIFY(model);
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        model->setMode(TriageQuery::Mode::Sessions);
        QVERIFY(waitQuery(*model));
        QCOMPARE(model->columnCount(), int(TriageColumns::kEntityColumns));
        QCOMPARE(size_t(model->rowCount()), sessionRecords.size());
        // Sorted by max score: the first session is an attacker's burst.
        const QString key = cell(*model, 0, TriageColumns::kEntity, TriageTableModel::RecordIdRole).toString();
        QVERIFY2(sessionRecords.count(key), qPrintable(key));
        QVERIFY2(key.startsWith(QLatin1String("203.0.113.")), qPrintable(key));
        const std::vector<qint64> &rids = sessionRecords[key];
        QCOMPARE(cell(*model, 0, TriageColumns::kEvents).toLongLong(), qint64(rids.size()));
        QCOMPARE(model->data(model->index(0, 0), TriageTableModel::FirstRecordRole).toLongLong(), *std::min_element(rids.begin(), rids.end()));
        QVERIFY(model->data(model->index(0, TriageColumns::kEntity)).toString().contains(QStringLiteral(" · ")));
        // Events per minute over the session's span (at least a minute), as counted here.
        {
            std::vector<double> times;
            for (const auto &[t, rid] : events[key.section(QLatin1Char('|'), 0, 0)])
                if (std::find(rids.begin(), rids.end(), rid) != rids.end())
                    times.push_back(t);
            const double span = std::max(60.0, *std::max_element(times.begin(), times.end()) - *std::min_element(times.begin(), times.end()));
            QCOMPARE(cell(*model, 0, TriageColumns::kRate, Qt::EditRole).toDouble(), double(rids.size()) * 60.0 / span);
            QCOMPARE(model->headerData(TriageColumns::kRate, Qt::Horizontal).toString(), QStringLiteral("Events/min"));
        }
        // Sorting by rate puts the densest session first.
        model->sort(TriageColumns::kRate, Qt::DescendingOrder);
        QVERIFY(waitQuery(*model));
        QVERIFY(cell(*model, 0, TriageColumns::kRate, Qt::EditRole).toDouble() >= cell(*model, 1, TriageColumns::kRate, Qt::EditRole).toDouble());
        model->sort(TriageColumns::kMaxScore, Qt::DescendingOrder);
        QVERIFY(waitQuery(*model));

        QSignalSpy history(model.get(), &TriageTableModel::historyChanged);
        model->labelRows({0}, LabelValue::Malicious);
        QVERIFY(history.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(0, TriageColumns::kEntityLabel)).toString(), QStringLiteral("malicious"), 10000);
        QString list;
        for (qint64 r : rids)
            list += (list.isEmpty() ? QString() : QStringLiteral(",")) + QString::number(r);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM labels WHERE scope = 'record' AND label = 'malicious' AND key IN (%1)").arg(list)),
                 qint64(rids.size()));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM labels WHERE scope = 'record' AND label = 'malicious'")), qint64(rids.size()));
        model->undo(); // one step undoes the whole session
        QVERIFY(history.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(scalar(QStringLiteral("SELECT count(*) FROM labels WHERE scope = 'record' AND label = 'malicious'")), 0, 10000);
    }

    void labelsUndoRedoPersist()
    {
        const std::int64_t auditBefore = scalar(QStringLiteral("SELECT count(*) FROM audit WHERE action LIKE 'label.%'"));
        {
            auto model = makeModel();
            QVERIFY(model);
            QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            QSignalSpy history(model.get(), &TriageTableModel::historyChanged);
            const qint64 rid0 = model->data(model->index(0, 0), TriageTableModel::RecordIdRole).toLongLong();
            const qint64 rid1 = model->data(model->index(1, 0), TriageTableModel::RecordIdRole).toLongLong();
            model->labelRows({0, 1}, LabelValue::Malicious);
            QVERIFY(history.wait(10000));
            QVERIFY(model->history().canUndo);
            QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(1, TriageColumns::kLabel)).toString(), QStringLiteral("malicious"), 10000);
            model->labelRows({1}, LabelValue::Benign);
            QVERIFY(history.wait(10000));
            QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(1, TriageColumns::kLabel)).toString(), QStringLiteral("benign"), 10000);
            model->editTagsNote({0}, QStringLiteral("sqli"), QStringLiteral("from WAF"));
            QVERIFY(history.wait(10000));
            QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(0, 0), TriageTableModel::NoteRole).toString(), QStringLiteral("from WAF"), 10000);
            model->undo(); // note
            QVERIFY(history.wait(10000));
            model->undo(); // benign
            QVERIFY(history.wait(10000));
            QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(1, TriageColumns::kLabel)).toString(), QStringLiteral("malicious"), 10000);
            QVERIFY(model->history().canRedo);
            model->redo(); // benign again
            QVERIFY(history.wait(10000));
            QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(1, TriageColumns::kLabel)).toString(), QStringLiteral("benign"), 10000);
            QCOMPARE(model->history().redoText, QStringLiteral("Edit tags/note of 1 item(s)"));
            Q_UNUSED(rid0)
            Q_UNUSED(rid1)
        }
        // Reopened: what the table showed is what the file holds.
        auto p = Project::open(m_path);
        QVERIFY(p);
        LabelStore store(**p);
        auto states = store.getMany(1, LabelScope::Record, {QStringLiteral("1")});
        QVERIFY(states);
        auto model = makeModel();
        QVERIFY(model);
        QCOMPARE(model->data(model->index(0, TriageColumns::kLabel)).toString(), QStringLiteral("malicious"));
        QCOMPARE(model->data(model->index(1, TriageColumns::kLabel)).toString(), QStringLiteral("benign"));
        QCOMPARE(model->data(model->index(0, 0), TriageTableModel::NoteRole).toString(), QString());
        QCOMPARE((*p)->db().scalarInt("SELECT count(*) FROM audit WHERE action LIKE 'label.%'").value(), auditBefore + 6);
        QVERIFY((*p)->db().exec("DELETE FROM labels"));
    }

    void clusterAndNextAnomaly()
    {
        auto model = makeModel();
        QVERIFY(model);
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy history(model.get(), &TriageTableModel::historyChanged);
        model->labelCluster(0, LabelValue::Review);
        QVERIFY(history.wait(10000));
        QVERIFY(history.last().at(0).toString().contains(QStringLiteral("cluster 0")));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM labels WHERE label = 'review'")),
                 scalar(QStringLiteral("SELECT count(*) FROM scores WHERE cluster = 0")));
        model->undo();
        QVERIFY(history.wait(10000));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM labels")), 0);

        // Next anomaly in status order: the first row whose score passes the threshold.
        model->sort(TriageColumns::kFirstData + 5, Qt::AscendingOrder); // bytes
        QVERIFY(waitQuery(*model));
        QSignalSpy found(model.get(), &TriageTableModel::anomalyFound);
        model->findAnomaly(-1, +1);
        QVERIFY(found.wait(10000));
        const int row = found.last().at(0).toInt();
        QVERIFY(row >= 0);
        QVERIFY(cell(*model, row, 0, TriageTableModel::AnomalyRole).toBool());
        for (int r = 0; r < row; ++r)
            QVERIFY(!cell(*model, r, 0, TriageTableModel::AnomalyRole).toBool());
        model->findAnomaly(row, -1);
        QVERIFY(found.wait(10000));
        QCOMPARE(found.last().at(0).toInt(), -1);
    }

    void suppression()
    {
        auto model = makeModel();
        QVERIFY(model);
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model->data(model->index(0, 0), TriageTableModel::AnomalyRole).toBool());
        QSignalSpy rules(model.get(), &TriageTableModel::suppressionsChanged);
        model->addSuppression(QStringLiteral("ua_browser"), QStringLiteral("sqlmap"), QStringLiteral("pentest"));
        QVERIFY(rules.wait(10000));
        QVERIFY(waitQuery(*model));
        QCOMPARE(model->suppressions().size(), size_t(1));
        // Already-scored rows are now suppressed and not anomalies.
        QVERIFY(model->data(model->index(0, 0), TriageTableModel::SuppressedRole).toBool());
        QVERIFY(!model->data(model->index(0, 0), TriageTableModel::AnomalyRole).toBool());
        QCOMPARE(model->data(model->index(0, TriageColumns::kSeverity)).toString(), QStringLiteral("suppressed"));
        model->setHideSuppressed(true);
        QVERIFY(waitQuery(*model));
        QCOMPARE(qint64(model->rowCount()), scalar(QStringLiteral("SELECT count(*) FROM ds_1 WHERE c6 <> 'sqlmap'")));
        QVERIFY(!model->data(model->index(0, 0), TriageTableModel::SuppressedRole).toBool());
        model->removeSuppression(model->suppressions().front().id);
        QVERIFY(rules.wait(10000));
        QVERIFY(waitQuery(*model));
        QCOMPARE(model->rowCount(), kRows);
    }

    void badProject()
    {
        TriageTableModel model(m_dir.filePath(QStringLiteral("missing.vigil")), 1, 1);
        QSignalSpy failed(&model, &TriageTableModel::failed);
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().at(0).toString().contains(QStringLiteral("does not exist")));
        QCOMPARE(model.rowCount(), 0);
        TriageTableModel noRun(m_path, 1, 77);
        QSignalSpy failed2(&noRun, &TriageTableModel::failed);
        QVERIFY(failed2.wait(10000));
        QVERIFY(failed2.first().at(0).toString().contains(QStringLiteral("Run 77 does not exist")));
    }
};

QTEST_MAIN(TestTriageTableModel)
#include "tst_triagetablemodel.moc"
