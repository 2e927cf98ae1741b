// Dataset store: import → load round trip, the ds_<id> contract, re-import detection, rollback.

#include "core/project.h"
#include "core/store/datasetstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace vigil;

namespace {

QString fixture(const QString &name) { return QStringLiteral(VIGIL_TEST_DATA_DIR "/") + name; }

void compareTables(const Table &a, const Table &b)
{
    QCOMPARE(a.rowCount(), b.rowCount());
    QCOMPARE(a.columns.size(), b.columns.size());
    for (size_t c = 0; c < a.columns.size(); ++c) {
        const Column &x = a.columns[c];
        const Column &y = b.columns[c];
        QCOMPARE(x.name, y.name);
        QCOMPARE(x.type, y.type);
        QCOMPARE(x.dictionary, y.dictionary);
        QCOMPARE(x.codes, y.codes);
        QCOMPARE(x.numbers.size(), y.numbers.size());
        for (size_t r = 0; r < x.numbers.size(); ++r) {
            const double u = x.numbers[r], v = y.numbers[r];
            QVERIFY2((std::isnan(u) && std::isnan(v)) || u == v,
                     qPrintable(QStringLiteral("%1 row %2: %3 vs %4").arg(x.name).arg(r).arg(u).arg(v)));
        }
    }
}

} // namespace

class TestDatasetStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    std::unique_ptr<Project> newProject()
    {
        auto p = Project::create(m_dir.filePath(QStringLiteral("p%1.vigil").arg(++m_n)));
        if (!p)
            qFatal("%s", qPrintable(p.error().message));
        return std::move(*p);
    }

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::newRow("combined") << QStringLiteral("web/elastic_200.log") << QStringLiteral("combined");
        QTest::newRow("wrapped scanner log") << QStringLiteral("web/acunetix_100.log") << QStringLiteral("combined");
        QTest::newRow("gzip") << QStringLiteral("web/elastic_200.log.gz") << QStringLiteral("combined");
        QTest::newRow("zeek tsv") << QStringLiteral("zeek/conn.log") << QStringLiteral("zeek");
        QTest::newRow("zeek json") << QStringLiteral("zeek/conn.json.log") << QStringLiteral("zeek-json");
        QTest::newRow("nslkdd") << QStringLiteral("ids/kddtrain_300.txt") << QStringLiteral("nslkdd");
        QTest::newRow("kdd99") << QStringLiteral("ids/kddcup_300.txt") << QStringLiteral("kdd99");
    }
    void roundTrip()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        auto project = newProject();
        ImportReport readReport;
        auto direct = readTable(fixture(file), ReadOptions{}, {}, &readReport);
        QVERIFY(direct);
        auto r = importFile(*project, fixture(file), ReadOptions{});
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QVERIFY(!r->alreadyImported);
        QCOMPARE(r->report.format, format);
        QCOMPARE(r->report.rows, direct->rowCount());
        QCOMPARE(r->report.badLines, readReport.badLines);
        QCOMPARE(r->tableName, QStringLiteral("ds_%1").arg(r->datasetId));
        QCOMPARE(r->contentHash.size(), 64);

        int progressCalls = 0;
        auto loaded = loadTable(project->db(), r->datasetId, [&](const Progress &) { ++progressCalls; return true; });
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
        QVERIFY(progressCalls > 0);
        compareTables(*loaded, *direct);
        for (int i = 0; i < loaded->rowCount(); ++i)
            QCOMPARE(loaded->recordIds[size_t(i)], std::int64_t(i + 1));
    }

    void slicesChunksSamplesAndColumns()
    {
        // Chunked scoring and sampled training read a dataset through loadTableSlice(): chunks
        // must tile the dataset exactly, a sample must be uniform, seeded and in record order.
        auto project = newProject();
        auto r = importFile(*project, fixture(QStringLiteral("web/elastic_200.log")), ReadOptions{});
        QVERIFY(r);
        auto whole = loadTable(project->db(), r->datasetId);
        QVERIFY(whole);
        QCOMPARE(datasetRowCount(project->db(), r->datasetId).value(), whole->rowCount());

        std::int64_t after = 0, row = 0;
        int chunks = 0;
        while (true) {
            TableSlice chunk;
            chunk.afterRecordId = after;
            chunk.limit = 70;
            auto t = loadTableSlice(project->db(), r->datasetId, chunk);
            QVERIFY2(t, t ? "" : qPrintable(t.error().message));
            if (t->rowCount() == 0)
                break;
            ++chunks;
            QVERIFY(t->rowCount() <= 70);
            QCOMPARE(t->columns.size(), whole->columns.size());
            for (std::int64_t i = 0; i < t->rowCount(); ++i, ++row) {
                QCOMPARE(t->recordIds[size_t(i)], whole->recordIds[size_t(row)]);
                for (size_t c = 0; c < t->columns.size(); ++c)
                    QCOMPARE(t->columns[c].text(i), whole->columns[c].text(row));
            }
            after = t->recordIds.back();
        }
        QCOMPARE(chunks, 3);
        QCOMPARE(row, whole->rowCount());

        TableSlice sample;
        sample.sample = 50;
        sample.seed = 7;
        auto a = loadTableSlice(project->db(), r->datasetId, sample);
        auto b = loadTableSlice(project->db(), r->datasetId, sample);
        QVERIFY(a && b);
        QCOMPARE(a->rowCount(), 50);
        QCOMPARE(a->recordIds, b->recordIds);
        QVERIFY(std::is_sorted(a->recordIds.begin(), a->recordIds.end()));
        QVERIFY(std::adjacent_find(a->recordIds.begin(), a->recordIds.end()) == a->recordIds.end());
        const int path = whole->indexOf(QStringLiteral("path"));
        QVERIFY(path >= 0);
        for (std::int64_t i = 0; i < a->rowCount(); ++i)
            QCOMPARE(a->columns[size_t(path)].text(i), whole->columns[size_t(path)].text(a->recordIds[size_t(i)] - 1));
        sample.seed = 8;
        auto other = loadTableSlice(project->db(), r->datasetId, sample);
        QVERIFY(other);
        QVERIFY(other->recordIds != a->recordIds);
        // Uniform: over many seeds, the first and the second half are drawn about equally.
        std::int64_t low = 0, total = 0;
        for (std::uint64_t seed = 0; seed < 40; ++seed) {
            sample.seed = seed;
            auto s = loadTableSlice(project->db(), r->datasetId, sample);
            QVERIFY(s);
            for (auto id : s->recordIds)
                low += id <= 100 ? 1 : 0;
            total += s->rowCount();
        }
        QCOMPARE(total, 40 * 50);
        QVERIFY2(low > 900 && low < 1100, qPrintable(QString::number(low)));
        sample.sample = 1000; // more than there are: all of them
        auto all = loadTableSlice(project->db(), r->datasetId, sample);
        QVERIFY(all);
        QCOMPARE(all->recordIds, whole->recordIds);

        TableSlice columns;
        columns.columns = QStringList{QStringLiteral("path"), QStringLiteral("status")};
        auto two = loadTableSlice(project->db(), r->datasetId, columns);
        QVERIFY(two);
        QCOMPARE(two->columns.size(), size_t(2));
        QCOMPARE(two->indexOf(QStringLiteral("status")), 0); // dataset order, not request order
        QCOMPARE(two->indexOf(QStringLiteral("path")), 1);
        QCOMPARE(two->rowCount(), whole->rowCount());

        columns.columns = QStringList{QStringLiteral("no_such_column")};
        auto missing = loadTableSlice(project->db(), r->datasetId, columns);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::Mismatch);
        QVERIFY(missing.error().message.contains(QLatin1String("no_such_column")));
        TableSlice both;
        both.sample = 5;
        both.limit = 5;
        auto refused = loadTableSlice(project->db(), r->datasetId, both);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(datasetRowCount(project->db(), 99).error().code, ErrorCode::NotFound);
    }

    void slicesOfGivenRecords()
    {
        // Re-ranking from labels loads only the labelled records and its weak negatives.
        auto project = newProject();
        auto r = importFile(*project, fixture(QStringLiteral("web/elastic_200.log")), ReadOptions{});
        QVERIFY(r);
        auto whole = loadTable(project->db(), r->datasetId);
        QVERIFY(whole);
        const int path = whole->indexOf(QStringLiteral("path"));
        TableSlice some;
        some.recordIds = {1, 5, 5, 17, 200, 201, 5000}; // a repeat and two ids past the end
        some.columns = QStringList{QStringLiteral("path")};
        auto t = loadTableSlice(project->db(), r->datasetId, some);
        QVERIFY2(t, t ? "" : qPrintable(t.error().message));
        QCOMPARE(t->recordIds, (std::vector<std::int64_t>{1, 5, 17, 200}));
        QCOMPARE(t->columns.size(), size_t(1));
        for (std::int64_t i = 0; i < t->rowCount(); ++i)
            QCOMPARE(t->columns[0].text(i), whole->columns[size_t(path)].text(t->recordIds[size_t(i)] - 1));
        some.recordIds = {9, 3};
        auto unsorted = loadTableSlice(project->db(), r->datasetId, some);
        QVERIFY(!unsorted);
        QCOMPARE(unsorted.error().code, ErrorCode::InvalidArgument);
        some.recordIds = {3, 9};
        some.limit = 1;
        auto withLimit = loadTableSlice(project->db(), r->datasetId, some);
        QVERIFY(!withLimit);
        QCOMPARE(withLimit.error().code, ErrorCode::InvalidArgument);

        // The rows a schema is fitted on: all of a small dataset, a seeded sample of a large one.
        std::int64_t rows = 0;
        auto all = loadSchemaRows(project->db(), r->datasetId, kDefaultSampleRows, 0, {}, &rows);
        QVERIFY(all);
        QCOMPARE(rows, whole->rowCount());
        QCOMPARE(all->recordIds, whole->recordIds);
        auto sampled = loadSchemaRows(project->db(), r->datasetId, 60, 3, {}, &rows);
        QVERIFY(sampled);
        QCOMPARE(rows, whole->rowCount());
        QCOMPARE(sampled->rowCount(), 60);
        TableSlice same;
        same.sample = 60;
        same.seed = 3;
        QCOMPARE(sampled->recordIds, loadTableSlice(project->db(), r->datasetId, same)->recordIds);
        QCOMPARE(loadSchemaRows(project->db(), 99).error().code, ErrorCode::NotFound);
    }

    void storageContract()
    {
        auto project = newProject();
        auto r = importFile(*project, fixture(QStringLiteral("web/w3af_100.log")), ReadOptions{});
        QVERIFY(r);
        auto &db = project->db();
        auto st = db.prepare("SELECT name, source_path, format, content_hash, table_name, row_count, bad_lines, "
                             "columns_json, report_json FROM datasets WHERE id = ?1");
        QVERIFY(st);
        st->bind(1, r->datasetId);
        QVERIFY(*st->step());
        QCOMPARE(st->text(0), QStringLiteral("w3af_100.log"));
        QVERIFY(st->text(1).endsWith(QStringLiteral("tests/data/web/w3af_100.log")));
        QCOMPARE(st->text(2), QStringLiteral("combined"));
        QCOMPARE(st->text(4), QStringLiteral("ds_1"));
        QCOMPARE(st->int64(5), 100);
        QCOMPARE(st->int64(6), 0);
        const QJsonArray cols = QJsonDocument::fromJson(st->text(7).toUtf8()).array();
        QCOMPARE(cols.size(), 28);
        QCOMPARE(cols[0].toObject(), (QJsonObject{{QStringLiteral("name"), QStringLiteral("remote_addr")},
                                                  {QStringLiteral("sql"), QStringLiteral("c0")},
                                                  {QStringLiteral("type"), QStringLiteral("text")}}));
        QCOMPARE(cols[2].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("timestamp"));
        const QJsonObject rep = QJsonDocument::fromJson(st->text(8).toUtf8()).object();
        QCOMPARE(rep.value(QStringLiteral("rows")).toInteger(), 100);

        // Records: rid 1..N in file order, the source line, then c0…
        auto rows = db.prepare("SELECT rid, line, c0, typeof(c2), c4 FROM ds_1 ORDER BY rid");
        QVERIFY(rows);
        QVERIFY(*rows->step());
        QCOMPARE(rows->int64(0), 1);
        QCOMPARE(rows->int64(1), 1);
        QCOMPARE(rows->text(2), QStringLiteral("192.168.4.163"));
        QCOMPARE(rows->text(3), QStringLiteral("real"));
        QCOMPARE(rows->int64(4), 404);
        auto cols2 = datasetColumns(db, r->datasetId);
        QVERIFY(cols2);
        QCOMPARE(cols2->size(), size_t(28));
        QCOMPARE(cols2->at(4).name, QStringLiteral("status"));
        QCOMPARE(cols2->at(4).type, ColumnType::Integer);
    }

    void reimportIsDetected()
    {
        auto project = newProject();
        const QString file = fixture(QStringLiteral("zeek/conn.log"));
        auto first = importFile(*project, file, ReadOptions{});
        QVERIFY(first);
        QVERIFY(!first->alreadyImported);
        // A copy under another name has the same content.
        const QString copy = m_dir.filePath(QStringLiteral("copy-of-conn.log"));
        QVERIFY(QFile::copy(file, copy));
        ReadOptions explicitFormat;
        explicitFormat.format = QStringLiteral("zeek");
        auto second = importFile(*project, copy, explicitFormat);
        QVERIFY(second);
        QVERIFY(second->alreadyImported);
        QCOMPARE(second->datasetId, first->datasetId);
        QCOMPARE(second->report.rows, 360);
        auto count = project->db().scalarInt("SELECT count(*) FROM datasets");
        QCOMPARE(*count, 1);
        QVERIFY(!project->db().tableExists(QStringLiteral("ds_2")));
        // Other options make another dataset.
        ReadOptions sample;
        sample.maxRows = 10;
        auto third = importFile(*project, file, sample);
        QVERIFY(third);
        QVERIFY(!third->alreadyImported);
        QCOMPARE(third->report.rows, 10);
        QCOMPARE(third->datasetId, 2);
    }

    void cancelRollsBackWhole_data()
    {
        QTest::addColumn<int>("cancelAfter");
        QTest::newRow("while hashing") << 1;
        QTest::newRow("while storing") << 3;
    }
    void cancelRollsBackWhole()
    {
        QFETCH(int, cancelAfter);
        auto project = newProject();
        // Big enough for several batches: 30k lines.
        QByteArray bytes;
        for (int i = 0; i < 30000; ++i)
            bytes += "10.0.0." + QByteArray::number(i % 250) + " - - [10/Oct/2000:13:55:36 -0700] \"GET /p" + QByteArray::number(i)
                     + " HTTP/1.1\" 200 12 \"-\" \"curl/8\"\n";
        const QString path = m_dir.filePath(QStringLiteral("big%1.log").arg(cancelAfter));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        int calls = 0;
        auto r = importFile(*project, path, ReadOptions{}, [&](const Progress &) { return ++calls < cancelAfter; });
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QVERIFY(r.error().message.contains(QStringLiteral("nothing was stored")));
        QCOMPARE(*project->db().scalarInt("SELECT count(*) FROM datasets"), 0);
        QCOMPARE(*project->db().scalarInt("SELECT count(*) FROM sqlite_master WHERE name LIKE 'ds_%'"), 0);
        // And the project still works: the same import now succeeds.
        auto ok = importFile(*project, path, ReadOptions{});
        QVERIFY(ok);
        QCOMPARE(ok->report.rows, 30000);
        QCOMPARE(ok->datasetId, 1);
    }

    void errors()
    {
        auto project = newProject();
        auto missing = importFile(*project, m_dir.filePath(QStringLiteral("nope.log")), ReadOptions{});
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(missing.error().message.contains(QStringLiteral("does not exist")));
        auto dir = importFile(*project, m_dir.path(), ReadOptions{});
        QVERIFY(!dir);
        QVERIFY(dir.error().message.contains(QStringLiteral("folder")));
        auto load = loadTable(project->db(), 42);
        QVERIFY(!load);
        QCOMPARE(load.error().code, ErrorCode::NotFound);
        QCOMPARE(*project->db().scalarInt("SELECT count(*) FROM datasets"), 0);
    }
};

QTEST_APPLESS_MAIN(TestDatasetStore)
#include "tst_datasetstore.moc"
