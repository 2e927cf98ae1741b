// `vigil-cli import` end to end: text and JSON output, re-import, failures and exit codes.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString fixture(const QString &name) { return QStringLiteral(VIGIL_TEST_DATA_DIR "/") + name; }

struct Run {
    int code = -1;
    QString out, err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(VIGIL_CLI), QStringList{QStringLiteral("import")} + args);
    p.waitForFinished(120000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestImportCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importPrintsCountsAndDetectsReimport()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("cli.vigil"));
        Run r = cli({fixture(QStringLiteral("web/w3af_100.log")), fixture(QStringLiteral("zeek/conn.log")),
                     QStringLiteral("--project"), project});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("rows stored  100")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("rows stored  360")));
        QVERIFY(r.out.contains(QStringLiteral("dataset #2")));

        r = cli({fixture(QStringLiteral("zeek/conn.log")), QStringLiteral("--project"), project, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonObject first = o.value(QStringLiteral("imports")).toArray().at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("already_imported")).toBool(), true);
        QCOMPARE(first.value(QStringLiteral("dataset_id")).toInteger(), 2);
        QCOMPARE(first.value(QStringLiteral("rows")).toInteger(), 360);
        QCOMPARE(first.value(QStringLiteral("format")).toString(), QStringLiteral("zeek"));
    }

    void badLinesAreListedWithExamples()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("x.log"));
        QFile f(log);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 5 \"-\" \"x\"\n"
                "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 2x0 5 \"-\" \"x\"\n");
        f.close();
        const Run r = cli({log, QStringLiteral("--project"), dir.filePath(QStringLiteral("p.vigil")), QStringLiteral("--format"),
                           QStringLiteral("combined"), QStringLiteral("--name"), QStringLiteral("web")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("\"web\"")));
        QVERIFY(r.out.contains(QStringLiteral("bad lines    1")));
        QVERIFY(r.out.contains(QStringLiteral("1 × invalid $status")));
        QVERIFY(r.out.contains(QStringLiteral("line 2:")));
    }

    void failures_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("missing file") << QStringList{QStringLiteral("/nonexistent/a.log")} << 1 << QStringLiteral("does not exist");
        QTest::newRow("unknown format") << QStringList{fixture(QStringLiteral("zeek/conn.log")), QStringLiteral("--format"), QStringLiteral("xml")}
                                        << 2 << QStringLiteral("unknown --format");
        QTest::newRow("nginx without log_format") << QStringList{fixture(QStringLiteral("zeek/conn.log")), QStringLiteral("--format"), QStringLiteral("nginx")}
                                                  << 1 << QStringLiteral("log_format");
    }
    void failures()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, fragment);
        QTemporaryDir dir;
        const Run r = cli(args + QStringList{QStringLiteral("--project"), dir.filePath(QStringLiteral("f.vigil"))});
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(fragment), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestImportCli)
#include "tst_importcli.moc"
