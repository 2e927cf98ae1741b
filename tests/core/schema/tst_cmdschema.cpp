// End to end: vigil-cli import + vigil-cli schema on the NSL-KDD fixture.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCmdSchema : public QObject
{
    Q_OBJECT

private:
    struct Run {
        int code = -1;
        QByteArray out, err;
    };
    static Run cli(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(VIGIL_CLI), args);
        if (!p.waitForFinished(120000))
            return {};
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

private Q_SLOTS:
    void importThenSchema()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.vigil"));
        QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("create"), project}).code, 0);
        const auto imported = cli({QStringLiteral("import"), QStringLiteral(VIGIL_TEST_DATA_DIR "/schema_nslkdd_train.csv"),
                                   QStringLiteral("--project"), project, QStringLiteral("--format"), QStringLiteral("nslkdd")});
        QVERIFY2(imported.code == 0, imported.err.constData());

        const auto text = cli({QStringLiteral("schema"), QStringLiteral("--project"), project, QStringLiteral("--dataset"), QStringLiteral("1")});
        QVERIFY2(text.code == 0, text.err.constData());
        QVERIFY(text.out.contains("service"));
        QVERIFY(text.out.contains("Total width 89 features; stored as schema #1"));

        const auto json = cli({QStringLiteral("schema"), QStringLiteral("--project"), project, QStringLiteral("--dataset"),
                               QStringLiteral("1"), QStringLiteral("--json")});
        QVERIFY2(json.code == 0, json.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(o.value(QStringLiteral("width")).toInt(), 89);
        QCOMPARE(o.value(QStringLiteral("schema_id")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("profile")).toString(), QStringLiteral("nslkdd"));
        const QJsonArray cols = o.value(QStringLiteral("columns")).toArray();
        QCOMPARE(cols.size(), 43);
        QCOMPARE(cols[2].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("service"));
        QCOMPARE(cols[2].toObject().value(QStringLiteral("width")).toInt(), 42);
        QCOMPARE(cols[41].toObject().value(QStringLiteral("role")).toString(), QStringLiteral("label"));

        // --record: the first record (tcp, ftp_data, SF) block by block.
        const auto rec = cli({QStringLiteral("schema"), QStringLiteral("--project"), project, QStringLiteral("--dataset"),
                              QStringLiteral("1"), QStringLiteral("--record"), QStringLiteral("1")});
        QVERIFY2(rec.code == 0, rec.err.constData());
        QVERIFY2(rec.out.contains("Record 1 (id 1)"), rec.out.constData());
        QVERIFY2(rec.out.contains("protocol_type=tcp \xe2\x86\x92 010"), rec.out.constData());
        QVERIFY(rec.out.contains("service=ftp_data"));
        const auto past = cli({QStringLiteral("schema"), QStringLiteral("--project"), project, QStringLiteral("--dataset"),
                               QStringLiteral("1"), QStringLiteral("--record"), QStringLiteral("301")});
        QCOMPARE(past.code, 1);
        QVERIFY(past.err.contains("past the last row (300)"));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("no dataset") << QStringList{QStringLiteral("--project"), QStringLiteral("x.vigil")} << 2 << "usage";
        QTest::newRow("bad profile") << QStringList{QStringLiteral("--project"), QStringLiteral("x.vigil"), QStringLiteral("--dataset"),
                                                    QStringLiteral("1"), QStringLiteral("--profile"), QStringLiteral("zz")}
                                     << 2 << "unknown profile 'zz'";
        QTest::newRow("missing project") << QStringList{QStringLiteral("--project"), QStringLiteral("/nonexistent/x.vigil"),
                                                        QStringLiteral("--dataset"), QStringLiteral("1")}
                                         << 1 << "vigil-cli: error:";
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, fragment);
        args.prepend(QStringLiteral("schema"));
        const auto r = cli(args);
        QCOMPARE(r.code, code);
        QVERIFY2(QString::fromUtf8(r.err).contains(fragment), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCmdSchema)
#include "tst_cmdschema.moc"
