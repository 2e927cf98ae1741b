#include "../../ui/triage/syntheticproject.h"

#include "core/query/compiler.h"
#include "core/query/datasetsource.h"
#include "core/query/ipaddress.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

/// Hostile filters against a real project file: each must end up as a bound value or a parse
/// error, and the file must be intact afterwards.
class TestQueryInjection : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    testing::SyntheticIds m_ids;
    query::DatasetSource m_source;

    Result<std::int64_t> count(const query::CompiledFilter &f)
    {
        const QString sqlText = QStringLiteral("SELECT count(*) FROM ") + m_source.fromClause(true, m_source.entityField)
                                + QStringLiteral(" WHERE ") + f.condition();
        auto st = m_project->db().prepare(sqlText.toStdString());
        if (!st)
            return tl::unexpected(st.error());
        query::bindParams(*st, f.params);
        auto row = st->step();
        if (!row)
            return tl::unexpected(row.error());
        return st->int64(0);
    }

    QString schemaFingerprint()
    {
        auto st = m_project->db().prepare("SELECT group_concat(type || ':' || name, ',') FROM (SELECT type, name FROM sqlite_master ORDER BY name)");
        if (!st || !st->step().value_or(false))
            return {};
        return st->text(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("inj.vigil"));
        auto ids = testing::createSyntheticProject(path, 5000);
        QVERIFY2(ids, qPrintable(ids ? QString() : ids.error().message));
        m_ids = *ids;
        auto p = Project::open(path);
        QVERIFY(p);
        m_project = std::move(*p);
        QVERIFY(query::registerSqlFunctions(m_project->db().handle()));
        // One label so the labels table has something to lose.
        QVERIFY(m_project->db().exec("INSERT INTO labels(dataset_id, scope, key, label, updated_at) VALUES(1, 'record', '1', 'malicious', 'now')"));
        auto src = query::loadDatasetSource(m_project->db(), m_ids.datasetId, m_ids.runId);
        QVERIFY2(src, qPrintable(src ? QString() : src.error().message));
        m_source = std::move(*src);
    }

    void hostile_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("payload"); // text that must never appear in the SQL

        QTest::newRow("drop table in string") << QStringLiteral("status = \"1; DROP TABLE labels; --\"") << QStringLiteral("DROP");
        QTest::newRow("drop table in text field") << QStringLiteral("path = \"1; DROP TABLE labels; --\"") << QStringLiteral("DROP");
        QTest::newRow("quote break") << QStringLiteral("path = \"a' OR '1'='1\"") << QStringLiteral("'1'='1");
        QTest::newRow("single-quoted break") << QStringLiteral("path = 'a\\' OR 1=1 --'") << QStringLiteral("1=1");
        QTest::newRow("bare quote break") << QStringLiteral("path = a' OR '1'='1") << QStringLiteral("'1'='1");
        QTest::newRow("unquoted drop") << QStringLiteral("path = x; DROP TABLE labels; --") << QStringLiteral("DROP");
        QTest::newRow("field with quotes") << QStringLiteral("\"path\"\" OR 1=1 --\" = 1") << QStringLiteral("1=1");
        QTest::newRow("field with semicolon") << QStringLiteral("path;DROP = 1") << QStringLiteral("DROP");
        QTest::newRow("field is sql") << QStringLiteral("sqlite_master = 1") << QStringLiteral("sqlite_master");
        QTest::newRow("comment in value") << QStringLiteral("method in (GET, \"*/ DROP TABLE labels /*\")") << QStringLiteral("DROP");
        QTest::newRow("contains wildcard") << QStringLiteral("path contains \"%\"") << QStringLiteral("%");
        QTest::newRow("unicode") << QStringLiteral("path contains \"\u202e'; DELETE FROM labels; --\u0000\"") << QStringLiteral("DELETE");
        QTest::newRow("nul escape") << QStringLiteral("path = \"a\\u0000b\"") << QString();
        QTest::newRow("cidr lookalike") << QStringLiteral("ip in (\"10.0.0.0/8') OR 1=1 --\")") << QStringLiteral("1=1");
        QTest::newRow("long value") << (QStringLiteral("path = \"") + QString(10000, u'x') + QStringLiteral("\"")) << QString(100, u'x');
        QTest::newRow("long bare") << (QStringLiteral("path = ") + QString(10000, u'\'')) << QString();
        QTest::newRow("deep parens") << (QString(5000, u'(') + QStringLiteral("status = 1") + QString(5000, u')')) << QString();
        QTest::newRow("deep not") << QStringLiteral("not ").repeated(2000) + QStringLiteral("status = 1") << QString();
        QTest::newRow("semicolon statement") << QStringLiteral("status = 1; DELETE FROM labels") << QStringLiteral("DELETE");
        QTest::newRow("label injection") << QStringLiteral("label = \"malicious' OR '1'='1\"") << QStringLiteral("'1'='1");
    }

    void hostile()
    {
        QFETCH(QString, filter);
        QFETCH(QString, payload);
        const QString before = schemaFingerprint();
        QVERIFY(!before.isEmpty());
        query::QueryError err;
        auto compiled = query::compileFilter(filter, m_source.fields, &err);
        if (compiled) {
            if (!payload.isEmpty())
                QVERIFY2(!compiled->where.contains(payload), qPrintable(compiled->where.left(200)));
            // The SQL is made of generated parts only; every literal is a parameter.
            QCOMPARE(int(compiled->where.count(u'?')), int(compiled->params.size()));
            auto n = count(*compiled);
            QVERIFY2(n, qPrintable(n ? QString() : n.error().message));
            QVERIFY(*n >= 0 && *n <= m_ids.rows);
        } else {
            QCOMPARE(compiled.error().code, ErrorCode::Parse);
            QVERIFY(compiled.error().message.startsWith(QStringLiteral("line ")) || compiled.error().message.contains(QStringLiteral("at most")));
        }
        QCOMPARE(schemaFingerprint(), before);
        QCOMPARE(m_project->db().scalarInt("SELECT count(*) FROM labels").value(), 1);
        QCOMPARE(m_project->db().scalarInt("SELECT count(*) FROM ds_1").value(), m_ids.rows);
        auto ok = m_project->db().prepare("PRAGMA quick_check");
        QVERIFY(ok && ok->step().value());
        QCOMPARE(ok->text(0), QStringLiteral("ok"));
    }

    void semantics_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("reference"); // the same rows in hand-written SQL
        QTest::newRow("status") << QStringLiteral("status = 404") << QStringLiteral("d.c4 = 404");
        QTest::newRow("cidr") << QStringLiteral("ip in 203.0.113.0/24") << QStringLiteral("d.c0 LIKE '203.0.113.%'");
        QTest::newRow("cidr 10/8") << QStringLiteral("ip in 10.0.0.0/8") << QStringLiteral("d.c0 LIKE '10.%'");
        QTest::newRow("not cidr") << QStringLiteral("not ip in 10.0.0.0/8") << QStringLiteral("d.c0 NOT LIKE '10.%'");
        QTest::newRow("contains") << QStringLiteral("path contains \"wp-login\"") << QStringLiteral("d.c3 = '/wp-login.php'");
        QTest::newRow("browser") << QStringLiteral("ua_browser != Chrome") << QStringLiteral("d.c6 <> 'Chrome'");
        QTest::newRow("score and") << QStringLiteral("score > 80 and status = 404") << QStringLiteral("s.score > 80 AND d.c4 = 404");
        QTest::newRow("method in") << QStringLiteral("method in (POST, PUT)") << QStringLiteral("d.c2 IN ('POST','PUT')");
        QTest::newRow("label") << QStringLiteral("label = malicious") << QStringLiteral("d.rid = 1");
        QTest::newRow("label none") << QStringLiteral("label = none") << QStringLiteral("d.rid <> 1");
        QTest::newRow("cluster") << QStringLiteral("cluster = 0") << QStringLiteral("s.cluster = 0");
        QTest::newRow("time") << QStringLiteral("time between \"2024-03-04 00:00\" and \"2024-03-05 00:00\"")
                              << QStringLiteral("d.c1 BETWEEN 1709510400 AND 1709596800");
    }

    void semantics()
    {
        QFETCH(QString, filter);
        QFETCH(QString, reference);
        auto compiled = query::compileFilter(filter, m_source.fields);
        QVERIFY2(compiled, qPrintable(compiled ? QString() : compiled.error().message));
        auto n = count(*compiled);
        QVERIFY2(n, qPrintable(n ? QString() : n.error().message));
        const QString refSql = QStringLiteral("SELECT count(*) FROM ") + m_source.fromClause(true, m_source.entityField)
                               + QStringLiteral(" WHERE ") + reference;
        auto expected = m_project->db().scalarInt(refSql.toStdString());
        QVERIFY2(expected, qPrintable(expected ? QString() : expected.error().message));
        QCOMPARE(*n, *expected);
        QVERIFY(*n > 0);
    }
};

QTEST_GUILESS_MAIN(TestQueryInjection)
#include "tst_queryinjection.moc"
