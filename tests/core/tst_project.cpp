#include "core/project.h"
#include "tests/support/asuser.h"

#include <QCryptographicHash>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cstdio>

#include <unistd.h>

using namespace vigil;

class TestProject : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    static QByteArray fileHash(const QString &p)
    {
        QFile f(p);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }

    static void writeFile(const QString &p, const QByteArray &bytes)
    {
        QFile f(p);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void createAndReopen()
    {
        const QString p = path("a.vigil");
        {
            auto project = Project::create(p);
            QVERIFY2(project, qPrintable(project ? QString() : project.error().message));
            QCOMPARE((*project)->schemaVersion(), Project::kSchemaVersion);
            auto journal = (*project)->db().prepare("PRAGMA journal_mode");
            QVERIFY(journal);
            QVERIFY(journal->step().value());
            QCOMPARE(journal->text(0), QStringLiteral("wal"));
            QVERIFY((*project)->audit(QStringLiteral("test"), QStringLiteral("{\"n\":1}")));
        }
        auto reopened = Project::open(p);
        QVERIFY(reopened);
        auto summary = (*reopened)->summary();
        QVERIFY(summary);
        QCOMPARE(summary->schemaVersion, Project::kSchemaVersion);
        QCOMPARE(summary->createdBy, QStringLiteral(VIGIL_VERSION));
        QVERIFY(summary->createdAt.isValid());
        QCOMPARE(summary->datasets, 0);
        QCOMPARE((*reopened)->db().scalarInt("SELECT count(*) FROM audit").value(), 1);
        auto contents = (*reopened)->contents();
        QVERIFY(contents);
        QVERIFY(contents->datasets.empty());
    }

    void createRefusesExistingFile()
    {
        const QString p = path("exists.vigil");
        writeFile(p, "keep me");
        auto project = Project::create(p);
        QVERIFY(!project);
        QCOMPARE(project.error().code, ErrorCode::InvalidArgument);
        QVERIFY(project.error().message.contains(QLatin1String("already exists")));
        QCOMPARE(fileHash(p), QCryptographicHash::hash("keep me", QCryptographicHash::Sha256));
    }

    void migratesOlderVersion()
    {
        const QString p = path("v1.vigil");
        QVERIFY(Project::createAtVersion(p, 1));
        {
            auto db = sql::Database::open(p, sql::Database::Mode::ReadOnly);
            QVERIFY(db);
            QVERIFY(!db->tableExists(QStringLiteral("audit")));
            QVERIFY(db->tableExists(QStringLiteral("labels")));
        }
        auto project = Project::open(p);
        QVERIFY2(project, qPrintable(project ? QString() : project.error().message));
        QCOMPARE((*project)->schemaVersion(), Project::kSchemaVersion);
        QVERIFY((*project)->db().tableExists(QStringLiteral("audit")));
        QCOMPARE((*project)->db().scalarInt("SELECT value FROM meta WHERE key='schema_version'").value(),
                 Project::kSchemaVersion);
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("content");   // empty = do not create the file
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("fragment");

        QTest::newRow("missing") << QByteArray() << QStringLiteral("missing") << int(ErrorCode::NotFound) << QStringLiteral("does not exist");
        QTest::newRow("text file") << QByteArray("192.168.0.1 - - [x] \"GET / HTTP/1.1\" 200 1\n") << QStringLiteral("file")
                                   << int(ErrorCode::NotAProject) << QStringLiteral("not a Vigil project");
        QTest::newRow("empty file") << QByteArray("") << QStringLiteral("empty") << int(ErrorCode::NotAProject) << QStringLiteral("not an SQLite");
        QTest::newRow("foreign sqlite") << QByteArray() << QStringLiteral("foreign") << int(ErrorCode::NotAProject)
                                        << QStringLiteral("SQLite database but not a Vigil project");
        QTest::newRow("newer version") << QByteArray() << QStringLiteral("newer") << int(ErrorCode::TooNew) << QStringLiteral("newer Vigil");
        QTest::newRow("truncated") << QByteArray() << QStringLiteral("truncated") << int(ErrorCode::Corrupt) << QString();
        QTest::newRow("directory") << QByteArray() << QStringLiteral("dir") << int(ErrorCode::NotAProject) << QStringLiteral("is a folder");
    }

    void refusesBadFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, kind);
        QFETCH(int, code);
        QFETCH(QString, fragment);

        const QString p = path("bad-") + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'));
        if (kind == QLatin1String("file") || kind == QLatin1String("empty")) {
            writeFile(p, content);
        } else if (kind == QLatin1String("foreign")) {
            auto db = sql::Database::open(p, sql::Database::Mode::Create);
            QVERIFY(db);
            QVERIFY(db->exec("CREATE TABLE t(x); INSERT INTO t VALUES(1);"));
        } else if (kind == QLatin1String("newer")) {
            QVERIFY(Project::create(p));
            auto db = sql::Database::open(p, sql::Database::Mode::ReadWrite);
            QVERIFY(db);
            QVERIFY(db->exec("UPDATE meta SET value = '999' WHERE key = 'schema_version'; PRAGMA wal_checkpoint(TRUNCATE);"));
        } else if (kind == QLatin1String("truncated")) {
            QVERIFY(Project::create(p));
            {
                auto db = sql::Database::open(p, sql::Database::Mode::ReadWrite);
                QVERIFY(db->exec("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;"));
            }
            QFile f(p);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.resize(100)); // header survives, every page is gone
        } else if (kind == QLatin1String("dir")) {
            QVERIFY(QDir().mkpath(p));
        }
        const QByteArray before = fileHash(p);

        auto project = Project::open(p);
        QVERIFY(!project);
        QCOMPARE(int(project.error().code), code);
        if (!fragment.isEmpty())
            QVERIFY2(project.error().message.contains(fragment), qPrintable(project.error().message));
        QVERIFY2(project.error().message.contains(p), "the message names the file");
        QCOMPARE(fileHash(p), before); // refused files are never modified
    }

    /// More files that are not openable projects (issue #7): what an analyst may pick by mistake
    /// or what a crash or a full disk leaves. "no permission" runs as nobody when we are root
    /// (root reads any file whatever its mode).
    void refusesUnusableFiles_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("no permission") << QStringLiteral("noperm") << int(ErrorCode::AccessDenied) << QStringLiteral("permission denied");
        QTest::newRow("non-UTF-8 name") << QStringLiteral("nonutf8") << int(ErrorCode::Unsupported) << QStringLiteral("not valid UTF-8");
        QTest::newRow("ELF executable") << QStringLiteral("elf") << int(ErrorCode::NotAProject) << QStringLiteral("not an SQLite database");
        QTest::newRow("device") << QStringLiteral("device") << int(ErrorCode::InvalidArgument) << QStringLiteral("not a regular file");
        QTest::newRow("corrupt pages") << QStringLiteral("corrupt") << int(ErrorCode::Corrupt) << QStringLiteral("damaged");
    }
    void refusesUnusableFiles()
    {
        QFETCH(QString, kind);
        QFETCH(int, code);
        QFETCH(QString, fragment);
        QTemporaryDir dir;
        QVERIFY(test::openUpDirectory(dir.path()));
        QString p = dir.filePath(QStringLiteral("p.vigil"));
        QByteArray raw; // a name Qt cannot spell: QTemporaryDir could not remove it
        const auto cleanup = qScopeGuard([&] {
            if (!raw.isEmpty())
                ::unlink(raw.constData());
        });
        if (kind == QLatin1String("noperm")) {
            QVERIFY(Project::create(p));
            QVERIFY(QFile::setPermissions(p, {}));
        } else if (kind == QLatin1String("nonutf8")) {
            raw = QFile::encodeName(dir.path()) + "/case-\xff\xfe.vigil";
            QVERIFY(Project::create(dir.filePath(QStringLiteral("utf8.vigil"))));
            QVERIFY(::rename(QFile::encodeName(dir.filePath(QStringLiteral("utf8.vigil"))).constData(), raw.constData()) == 0);
            p = QFile::decodeName(raw);
        } else if (kind == QLatin1String("elf")) {
            QVERIFY(QFile::copy(QStringLiteral("/bin/ls"), p));
        } else if (kind == QLatin1String("device")) {
            p = QStringLiteral("/dev/zero");
        } else if (kind == QLatin1String("corrupt")) {
            // The header survives, the schema pages are overwritten (a torn copy, a bad sector).
            QVERIFY(Project::create(p));
            {
                auto db = sql::Database::open(p, sql::Database::Mode::ReadWrite);
                QVERIFY(db->exec("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;"));
            }
            QFile f(p);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek(100));
            QVERIFY(f.write(QByteArray(32768, '\x5a')) == 32768);
        }
        const Error e = test::runUnprivileged([&]() -> std::optional<Error> {
            auto project = Project::open(p);
            return project ? std::nullopt : std::optional<Error>(project.error());
        });
        QVERIFY2(!e.message.startsWith(QLatin1String("harness:")), qPrintable(e.message));
        QVERIFY2(e.code != ErrorCode::Ok, "the unusable file was opened as a project");
        QCOMPARE(int(e.code), code);
        QVERIFY2(e.message.contains(fragment), qPrintable(e.message));
        QVERIFY2(e.message.contains(p), qPrintable(e.message));
    }

    void transactionRollsBackOnFailure()
    {
        auto project = Project::create(path("tx.vigil"));
        QVERIFY(project);
        sql::Database &db = (*project)->db();
        {
            sql::Transaction tx(db);
            QVERIFY(tx.ok());
            QVERIFY((*project)->audit(QStringLiteral("one")));
            QVERIFY(!db.exec("INSERT INTO no_such_table VALUES(1)"));
            // tx goes out of scope without commit
        }
        QCOMPARE(db.scalarInt("SELECT count(*) FROM audit").value(), 0);
        {
            sql::Transaction tx(db);
            QVERIFY((*project)->audit(QStringLiteral("two")));
            QVERIFY(tx.commit());
        }
        QCOMPARE(db.scalarInt("SELECT count(*) FROM audit").value(), 1);
    }

    void boundParametersAreNeverSql()
    {
        auto project = Project::create(path("bind.vigil"));
        QVERIFY(project);
        const QString evil = QStringLiteral("x'); DROP TABLE audit; --");
        QVERIFY((*project)->audit(evil));
        QVERIFY((*project)->db().tableExists(QStringLiteral("audit")));
        auto st = (*project)->db().prepare("SELECT action FROM audit");
        QVERIFY(st);
        QVERIFY(st->step().value());
        QCOMPARE(st->text(0), evil);
    }
};

QTEST_APPLESS_MAIN(TestProject)
#include "tst_project.moc"
