#include "core/io/reader.h"
#include "core/schema/schema.h"
#include "core/sessions/sessions.h"
#include "../schema/tablebuilder.h"

#include <QFile>
#include <QTest>

#include <numeric>

using namespace vigil;
using vigil::test::makeColumn;

namespace {

/// ip, time, path, status, bytes — deliberately not in time order.
Table accessTable()
{
    struct Row {
        const char *ip;
        double t;
        const char *path;
        double status;
        double bytes;
    };
    const Row rows[] = {
        {"10.0.0.1", 100, "/", 200, 500},       // 0: A session 1
        {"10.0.0.2", 105, "/login", 200, 100},  // 1: B session 1
        {"10.0.0.1", 160, "/a", 404, 0},        // 2: A session 1 (gap 60)
        {"10.0.0.1", 130, "/", 200, 300},       // 3: A session 1 (out of order)
        {"10.0.0.1", 1000, "/admin", 403, 50},  // 4: A session 2 (gap 840 > 300)
        {"", 120, "/", 200, 10},                // 5: no entity → skipped
        {"10.0.0.2", 105, "/x", 500, 200},      // 6: B session 1, same time as row 1
        {"10.0.0.1", 1000, "/b", 200, 50},      // 7: A session 2
    };
    Table t;
    QStringList ip, path;
    Column time{QStringLiteral("time"), ColumnType::Timestamp, {}, {}, {}};
    Column status{QStringLiteral("status"), ColumnType::Integer, {}, {}, {}};
    Column bytes{QStringLiteral("body_bytes_sent"), ColumnType::Integer, {}, {}, {}};
    for (const auto &r : rows) {
        ip << QString::fromLatin1(r.ip);
        path << QString::fromLatin1(r.path);
        time.numbers.push_back(r.t);
        status.numbers.push_back(r.status);
        bytes.numbers.push_back(r.bytes);
    }
    t.columns.push_back(makeColumn(QStringLiteral("remote_addr"), ip));
    t.columns.push_back(time);
    t.columns.push_back(makeColumn(QStringLiteral("path"), path));
    t.columns.push_back(status);
    t.columns.push_back(bytes);
    for (int i = 0; i < 8; ++i)
        t.recordIds.push_back(i + 1);
    return t;
}

} // namespace

class TestSessions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsByEntityAndGap_data()
    {
        QTest::addColumn<double>("gap");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("firstRows"); // rows of the first session
        QTest::newRow("gap 300") << 300.0 << 3 << "0 3 2";
        QTest::newRow("gap 40: 100→130 ok, 130→160 ok") << 40.0 << 3 << "0 3 2";
        QTest::newRow("gap 29: every A event alone") << 29.0 << 5 << "0";
        QTest::newRow("gap 1e6: one per entity") << 1e6 << 2 << "0 3 2 4 7";
    }

    void splitsByEntityAndGap()
    {
        QFETCH(double, gap);
        QFETCH(int, count);
        QFETCH(QString, firstRows);
        const Table t = accessTable();
        auto s = sessionize(t, QStringLiteral("remote_addr"), QStringLiteral("time"), gap);
        QVERIFY2(s, qPrintable(s ? QString() : s.error().message));
        QCOMPARE(int(s->sessions.size()), count);
        QCOMPARE(s->skippedRows, 1);
        QStringList rows;
        for (const auto r : s->sessions.front().rows)
            rows << QString::number(r);
        QCOMPARE(rows.join(QLatin1Char(' ')), firstRows);
        QCOMPARE(s->sessions.front().entity, QStringLiteral("10.0.0.1"));
        // Sessions come out by start time; within a session events are in time order.
        for (size_t i = 1; i < s->sessions.size(); ++i)
            QVERIFY(s->sessions[i - 1].start <= s->sessions[i].start);
        for (const auto &session : s->sessions) {
            for (size_t k = 1; k < session.rows.size(); ++k)
                QVERIFY(t.columns[1].numbers[size_t(session.rows[k - 1])] <= t.columns[1].numbers[size_t(session.rows[k])]);
        }
    }

    void deterministicWithTies()
    {
        const Table t = accessTable();
        auto a = sessionize(t, QStringLiteral("remote_addr"), QStringLiteral("time"), 300);
        auto b = sessionize(t, QStringLiteral("remote_addr"), QStringLiteral("time"), 300);
        QVERIFY(a && b);
        QCOMPARE(a->sessions.size(), b->sessions.size());
        for (size_t i = 0; i < a->sessions.size(); ++i)
            QCOMPARE(a->sessions[i].rows, b->sessions[i].rows);
        // B's two events share a timestamp: file order breaks the tie.
        QCOMPARE(a->sessions[1].entity, QStringLiteral("10.0.0.2"));
        QCOMPARE(a->sessions[1].rows, (std::vector<std::int64_t>{1, 6}));
    }

    void aggregates()
    {
        const Table t = accessTable();
        auto s = sessionize(t, QStringLiteral("remote_addr"), QStringLiteral("time"), 300);
        QVERIFY(s);
        const auto options = defaultAggregateOptions(t);
        QCOMPARE(options.distinctColumns, QStringList{QStringLiteral("path")});
        QCOMPARE(options.statusColumn, QStringLiteral("status"));
        QCOMPARE(options.sumColumns, QStringList{QStringLiteral("body_bytes_sent")});
        auto agg = sessionAggregates(t, *s, options);
        QVERIFY2(agg, qPrintable(agg ? QString() : agg.error().message));
        QCOMPARE(agg->rowCount(), 3);
        const auto col = [&](const char *name) { return &agg->columns[size_t(agg->indexOf(QString::fromLatin1(name)))]; };
        QCOMPARE(col("entity")->text(0), QStringLiteral("10.0.0.1"));
        QCOMPARE(col("events")->numbers, (NumberVector{3, 2, 2}));
        QCOMPARE(col("duration")->numbers, (NumberVector{60, 0, 0}));
        QCOMPARE(col("mean_gap")->numbers, (NumberVector{30, 0, 0}));
        QCOMPARE(col("events_per_minute")->numbers, (NumberVector{3, 2, 2})); // spans under a minute count as one
        QCOMPARE(col("distinct_path")->numbers, (NumberVector{2, 2, 2})); // A1: "/", "/", "/a"
        QCOMPARE(col("error_ratio")->numbers[0], 1.0 / 3.0);
        QCOMPARE(col("error_ratio")->numbers[1], 0.5);
        QCOMPARE(col("error_ratio")->numbers[2], 0.5);
        QCOMPARE(col("body_bytes_sent_sum")->numbers, (NumberVector{800, 300, 100}));
        QCOMPARE(col("body_bytes_sent_mean")->numbers[0], 800.0 / 3.0);
        QCOMPARE(agg->recordIds, (std::vector<std::int64_t>{1, 2, 3}));

        // The aggregates are an ordinary table: the schema encodes them.
        auto schema = inferSchema(*agg);
        QVERIFY2(schema, qPrintable(schema ? QString() : schema.error().message));
        auto m = encodeTable(*schema, *agg);
        QVERIFY(m);
        QCOMPARE(m->rows, 3);
        QVERIFY(m->cols > 0);
    }

    void sequences()
    {
        const Table t = accessTable();
        auto s = sessionize(t, QStringLiteral("remote_addr"), QStringLiteral("time"), 300);
        QVERIFY(s);
        auto vocab = fitVocabulary(t, QStringLiteral("path"), 2);
        QVERIFY(vocab);
        QCOMPARE(vocab->tokens, (QStringList{QStringLiteral("/"), QStringLiteral("/a")})); // "/" ×3, then ties by text
        auto seq = sessionSequences(t, *s, *vocab, 2);
        QVERIFY(seq);
        QCOMPARE(seq->size(), size_t(3));
        QCOMPARE((*seq)[0], (std::vector<std::int32_t>{2, 2})); // "/", "/" (capped at 2)
        QCOMPARE((*seq)[1], (std::vector<std::int32_t>{TokenVocabulary::kUnknown, TokenVocabulary::kUnknown}));
    }

    void realAccessLog()
    {
        const QString path = QStringLiteral(VIGIL_SHARED_DATA_DIR "/web/apache_elastic_sample.log");
        if (!QFile::exists(path))
            QSKIP("../shared/data/web/apache_elastic_sample.log is absent; the real-log session check needs it");
        ReadOptions options;
        options.format = QStringLiteral("combined");
        auto table = readTable(path, options);
        QVERIFY2(table, qPrintable(table ? QString() : table.error().message));
        auto schema = inferSchema(*table);
        QVERIFY(schema);
        const QString entity = schema->columnWithRole(Role::EntityKey);
        const QString time = schema->columnWithRole(Role::Timestamp);
        QCOMPARE(entity, QStringLiteral("remote_addr"));
        QCOMPARE(time, QStringLiteral("time_local"));
        auto s = sessionize(*table, entity, time, 1800);
        QVERIFY(s);
        std::int64_t events = 0;
        std::vector<bool> seen(size_t(table->rowCount()), false);
        for (const auto &session : s->sessions) {
            events += std::int64_t(session.rows.size());
            for (const auto r : session.rows) {
                QVERIFY(!seen[size_t(r)]); // every record in exactly one session
                seen[size_t(r)] = true;
            }
            QVERIFY(session.end - session.start >= 0);
        }
        QCOMPARE(events + s->skippedRows, table->rowCount());
        QVERIFY(s->sessions.size() >= 1753); // at least one per client address
        auto agg = sessionAggregates(*table, *s, defaultAggregateOptions(*table));
        QVERIFY(agg);
        QCOMPARE(agg->rowCount(), std::int64_t(s->sessions.size()));
        QVERIFY(agg->indexOf(QStringLiteral("error_ratio")) >= 0);
        auto aggSchema = inferSchema(*agg);
        QVERIFY(aggSchema);
        auto m = encodeTable(*aggSchema, *agg);
        QVERIFY(m);
        QCOMPARE(m->rows, agg->rowCount());
        auto vocab = fitVocabulary(*table, QStringLiteral("path"), 100);
        QVERIFY(vocab);
        auto seqs = sessionSequences(*table, *s, *vocab, 32);
        QVERIFY(seqs);
        QCOMPARE(seqs->size(), s->sessions.size());
    }

    void errors_data()
    {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("time");
        QTest::addColumn<double>("gap");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("no entity") << "client" << "time" << 60.0 << int(ErrorCode::Mismatch) << "'client'";
        QTest::newRow("no time") << "remote_addr" << "when" << 60.0 << int(ErrorCode::Mismatch) << "'when'";
        QTest::newRow("text time") << "remote_addr" << "path" << 60.0 << int(ErrorCode::Mismatch) << "not timestamps";
        QTest::newRow("gap 0") << "remote_addr" << "time" << 0.0 << int(ErrorCode::InvalidArgument) << "positive";
    }

    void errors()
    {
        QFETCH(QString, entity);
        QFETCH(QString, time);
        QFETCH(double, gap);
        QFETCH(int, code);
        QFETCH(QString, fragment);
        auto s = sessionize(accessTable(), entity, time, gap);
        QVERIFY(!s);
        QCOMPARE(int(s.error().code), code);
        QVERIFY2(s.error().message.contains(fragment), qPrintable(s.error().message));
    }

    void cancel()
    {
        auto s = sessionize(accessTable(), QStringLiteral("remote_addr"), QStringLiteral("time"), 60, [](const Progress &) { return false; });
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Cancelled);
    }

    void emptyTable()
    {
        Table t = accessTable();
        for (auto &c : t.columns) {
            c.numbers.clear();
            c.codes.clear();
        }
        t.recordIds.clear();
        auto s = sessionize(t, QStringLiteral("remote_addr"), QStringLiteral("time"), 60);
        QVERIFY(s);
        QVERIFY(s->sessions.empty());
    }
};

QTEST_APPLESS_MAIN(TestSessions)
#include "tst_sessions.moc"
