// vigil-cli on bad input: exit status 1 and exactly one line on stderr that says what failed
// and where ("vigil-cli: error: …"), for every kind of file an analyst may pass by mistake.

#include "core/project.h"
#include "tests/support/asuser.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include <unistd.h>

class TestCliBadInput final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    /// Runs vigil-cli; \a asNobody drops the child to nobody first when we are root (so that a
    /// file's mode is what decides, as for an analyst).
    static Run cli(const QStringList &args, bool asNobody = false)
    {
        QProcess p;
        if (asNobody && vigil::test::runningAsRoot())
            p.setChildProcessModifier([] {
                if (!vigil::test::dropToNobody())
                    ::_exit(97);
            });
        p.start(QStringLiteral(VIGIL_CLI_PATH), args);
        if (!p.waitForFinished(120000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
    }

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString p = m_dir.filePath(name);
        QFile f(p);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return p;
    }

    QString project(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(vigil::test::openUpDirectory(m_dir.path()));
        const QByteArray line = "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 2326 \"-\" \"curl/8\"\n";
        QVERIFY(!write(QStringLiteral("empty.log"), {}).isEmpty());
        QVERIFY(!write(QStringLiteral("secret.log"), line).isEmpty());
        QVERIFY(QFile::setPermissions(m_dir.filePath(QStringLiteral("secret.log")), {}));
        QFile exe(QStringLiteral("/bin/ls"));
        QVERIFY(exe.open(QIODevice::ReadOnly));
        QVERIFY(!write(QStringLiteral("ls.log"), exe.readAll()).isEmpty());
        QDir(m_dir.path()).mkpath(QStringLiteral("logs"));

        // ~300 KB of gzip that inflates to 300 MiB: past the 256 MiB after which the inflate-ratio
        // limit applies, far over the ratio. One 1 MiB member repeated (concatenated members are
        // one gzip stream).
        z_stream zs{};
        deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
        const QByteArray chunk(1 << 20, 'a');
        QByteArray member(int(deflateBound(&zs, uLong(chunk.size()))) + 64, '\0');
        zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(chunk.constData()));
        zs.avail_in = uInt(chunk.size());
        zs.next_out = reinterpret_cast<Bytef *>(member.data());
        zs.avail_out = uInt(member.size());
        QCOMPARE(deflate(&zs, Z_FINISH), Z_STREAM_END);
        member.resize(qsizetype(zs.total_out));
        deflateEnd(&zs);
        const QByteArray gz = member.repeated(300);
        QVERIFY(!write(QStringLiteral("bomb.log.gz"), gz).isEmpty());

        // A project from a newer Vigil, a corrupt one, and one that may not be read.
        const QString newer = project(QStringLiteral("newer.vigil"));
        QVERIFY(vigil::Project::create(newer));
        {
            auto db = vigil::sql::Database::open(newer, vigil::sql::Database::Mode::ReadWrite);
            QVERIFY(db);
            QVERIFY(db->exec("UPDATE meta SET value = '999' WHERE key = 'schema_version'; PRAGMA wal_checkpoint(TRUNCATE);"));
        }
        const QString corrupt = project(QStringLiteral("corrupt.vigil"));
        QVERIFY(vigil::Project::create(corrupt));
        {
            auto db = vigil::sql::Database::open(corrupt, vigil::sql::Database::Mode::ReadWrite);
            QVERIFY(db);
            QVERIFY(db->exec("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;"));
        }
        QFile f(corrupt);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(100));
        QVERIFY(f.write(QByteArray(16384 * 2, '\x5a')) > 0); // the schema pages are garbage now
        f.close();
        const QString locked = project(QStringLiteral("locked.vigil"));
        QVERIFY(vigil::Project::create(locked));
        QVERIFY(QFile::setPermissions(locked, {}));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("asNobody");
        QTest::addColumn<QByteArray>("fragment");
        const QString p = project(QStringLiteral("import.vigil"));
        const auto in = [this](const char *name) { return m_dir.filePath(QString::fromLatin1(name)); };
        const QString imp = QStringLiteral("import");
        const QString proj = QStringLiteral("--project");
        QTest::newRow("import: missing file") << QStringList{imp, in("nope.log"), proj, p} << false << QByteArray("does not exist");
        QTest::newRow("import: a folder") << QStringList{imp, in("logs"), proj, p} << false << QByteArray("is a folder");
        QTest::newRow("import: a device") << QStringList{imp, QStringLiteral("/dev/zero"), proj, p} << false << QByteArray("not a regular file");
        QTest::newRow("import: no permission") << QStringList{imp, in("secret.log"), proj, project(QStringLiteral("nobody.vigil"))} << true << QByteArray("permission denied");
        QTest::newRow("import: empty file") << QStringList{imp, in("empty.log"), proj, p} << false << QByteArray("is empty");
        QTest::newRow("import: ELF binary") << QStringList{imp, in("ls.log"), proj, p} << false << QByteArray("could not be recognised");
        QTest::newRow("import: ELF binary as combined")
            << QStringList{imp, in("ls.log"), QStringLiteral("--format"), QStringLiteral("combined"), proj, p} << false
            << QByteArray("no combined records");
        QTest::newRow("import: decompression bomb")
            << QStringList{imp, in("bomb.log.gz"), QStringLiteral("--format"), QStringLiteral("combined"), proj, p} << false
            << QByteArray("decompression bomb");
        const QString info = QStringLiteral("info");
        const QString pr = QStringLiteral("project");
        QTest::newRow("project: newer version") << QStringList{pr, info, project(QStringLiteral("newer.vigil"))} << false << QByteArray("newer Vigil");
        QTest::newRow("project: corrupt SQLite") << QStringList{pr, info, project(QStringLiteral("corrupt.vigil"))} << false << QByteArray("damaged");
        QTest::newRow("project: no permission") << QStringList{pr, info, project(QStringLiteral("locked.vigil"))} << true << QByteArray("permission denied");
        QTest::newRow("project: a log file") << QStringList{pr, info, in("ls.log")} << false << QByteArray("not a Vigil project");
        QTest::newRow("import into a newer project")
            << QStringList{imp, in("empty.log"), proj, project(QStringLiteral("newer.vigil"))} << false << QByteArray("newer Vigil");
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, asNobody);
        QFETCH(QByteArray, fragment);
        if (asNobody && vigil::test::runningAsRoot()) {
            const Run probe = cli({QStringLiteral("--version")}, true);
            if (probe.exitCode != 0)
                QSKIP("vigil-cli cannot run as user nobody here (the build tree is not reachable by it)");
        }
        const Run r = cli(args, asNobody);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith("vigil-cli: error: "), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains(fragment), r.err.constData());
        // "where": the message names the file it is about (the project for project errors).
        const bool aboutProject = args[0] == QLatin1String("project") || fragment == "newer Vigil";
        const QString named = aboutProject ? args.last() : args[1];
        QVERIFY2(QString::fromUtf8(r.err).contains(named), r.err.constData());
    }

    void nonUtf8FileName()
    {
        // The shell hands vigil-cli the raw bytes 0xff 0xfe; Qt cannot open such a name, and the
        // message says why instead of claiming the file does not exist.
        const QString script = QStringLiteral("printf 'x\\n' > \"$(printf '%1/access-\\377\\376.log')\" && "
                                              "exec \"$0\" import \"$(printf '%1/access-\\377\\376.log')\" --project \"$1\"")
                                   .arg(m_dir.path());
        QProcess p;
        p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script, QStringLiteral(VIGIL_CLI_PATH),
                                            project(QStringLiteral("utf8.vigil"))});
        QVERIFY(p.waitForFinished(120000));
        ::unlink(QByteArray(QFile::encodeName(m_dir.path()) + "/access-\xff\xfe.log").constData()); // Qt cannot remove it
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.startsWith("vigil-cli: error: "), err.constData());
        QCOMPARE(err.count('\n'), 1);
        QVERIFY2(err.contains("not valid UTF-8"), err.constData());
        QVERIFY2(err.contains("access-"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliBadInput)
#include "tst_clibadinput.moc"
