#include "core/project.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run cli(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(VIGIL_CLI_PATH), args);
        if (!p.waitForFinished(120000))
            return {};
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

private Q_SLOTS:
    void version()
    {
        const Run r = cli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("vigil-cli " VIGIL_VERSION));
    }

    void helpListsCommands()
    {
        const Run r = cli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("info"));
        QVERIFY(r.out.contains("project"));
    }

    void infoJson()
    {
        const Run r = cli({QStringLiteral("info"), QStringLiteral("--json"), QStringLiteral("--device"), QStringLiteral("cpu")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("version")).toString(), QStringLiteral(VIGIL_VERSION));
        QVERIFY(!o.value(QStringLiteral("torch")).toString().isEmpty());
        QCOMPARE(o.value(QStringLiteral("device")).toString(), QStringLiteral("cpu"));
        QVERIFY(o.value(QStringLiteral("threads")).toInt() >= 1);
        QCOMPARE(o.value(QStringLiteral("threads")).toInt(), o.value(QStringLiteral("cores")).toInt());
    }

    void projectCreateAndInfo()
    {
        const QString path = m_dir.filePath(QStringLiteral("cli.vigil"));
        Run r = cli({QStringLiteral("project"), QStringLiteral("create"), path, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("path")).toString(), path);
        r = cli({QStringLiteral("project"), QStringLiteral("info"), path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Schema"));
    }

    /// Every job opens its own connection; that must not cost the process its file locks. If it
    /// did, another process (vigil-cli beside the workbench) would believe it is the last user,
    /// checkpoint and delete the write-ahead log under the open connections: lost writes and
    /// "disk I/O error" (seen in the workbench before Project::open read the header through
    /// SQLite's file layer).
    void otherProcessLeavesAnOpenProjectsLogAlone()
    {
        const QString path = m_dir.filePath(QStringLiteral("shared.vigil"));
        auto a = vigil::Project::create(path);
        QVERIFY(a);
        QVERIFY((*a)->db().exec("INSERT INTO meta(key, value) VALUES('probe', '1')"));
        QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        for (int i = 0; i < 3; ++i) {
            auto b = vigil::Project::open(path); // as a job would, then closed
            QVERIFY(b);
        }
        const Run r = cli({QStringLiteral("project"), QStringLiteral("info"), path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QFile::exists(path + QStringLiteral("-wal")), "another process deleted the log of an open project");
        QVERIFY((*a)->db().exec("INSERT INTO meta(key, value) VALUES('probe2', '2')"));
        a->reset();
        auto c = vigil::Project::open(path);
        QVERIFY(c);
        QCOMPARE((*c)->db().scalarInt("SELECT count(*) FROM meta WHERE key IN ('probe', 'probe2')").value(), 2);
    }

    void errorsAreOneLineAndNonZero_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("fragment");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2 << QByteArray("unknown command");
        QTest::newRow("bad option") << QStringList{QStringLiteral("info"), QStringLiteral("--bogus")} << 2 << QByteArray("bogus");
        QTest::newRow("missing project") << QStringList{QStringLiteral("project"), QStringLiteral("info"), QStringLiteral("/nonexistent/x.vigil")}
                                         << 1 << QByteArray("does not exist");
        QTest::newRow("bad device") << QStringList{QStringLiteral("info"), QStringLiteral("--device"), QStringLiteral("tpu")} << 1 << QByteArray("Unknown device");
    }

    void errorsAreOneLineAndNonZero()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, fragment);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(fragment), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.err.startsWith("vigil-cli: error: "));
    }

    void jsonErrorObject()
    {
        const Run r = cli({QStringLiteral("project"), QStringLiteral("info"), QStringLiteral("/nonexistent/x.vigil"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject e = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(e.value(QStringLiteral("code")).toString(), QStringLiteral("not-found"));
    }
};

QTEST_APPLESS_MAIN(TestCli)
#include "tst_cli.moc"
