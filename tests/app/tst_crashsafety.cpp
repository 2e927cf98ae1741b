// kill -9 (QProcess::kill sends SIGKILL) of a running vigil-cli during import, training and
// labelling, then reopen the project: it opens, passes SQLite's integrity check, everything
// committed before is intact, nothing half-written is visible, and the interrupted job reruns.
// The test functions run in order on one project.

#include "core/labels/labelstore.h"
#include "core/project.h"
#include "core/runs/runstore.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace vigil;

class TestCrashSafety final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_small;      // 200 real access-log lines
    QString m_big;        // the same lines varied, kBigLines of them
    static constexpr int kBigLines = 400000;

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run cli(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(VIGIL_CLI_PATH), args);
        if (!p.waitForFinished(300000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
    }

    /// Waits until \a ready says the child is mid-job, then SIGKILLs it. False if the child ended
    /// on its own first (then the test proves nothing and must fail, not pass).
    static bool killWhen(QProcess &p, const std::function<bool()> &ready, int timeoutMs = 120000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            if (p.state() != QProcess::Running)
                return false;
            if (ready()) {
                p.kill();
                p.waitForFinished(30000);
                return p.exitStatus() == QProcess::CrashExit;
            }
            p.waitForReadyRead(10);
        }
        p.kill();
        p.waitForFinished(30000);
        return false;
    }

    std::unique_ptr<Project> reopen()
    {
        auto project = Project::open(m_project);
        if (!project) {
            qWarning("reopen failed: %s", qPrintable(project.error().message));
            return nullptr;
        }
        return std::move(*project);
    }

    static QString integrity(Project &p)
    {
        auto st = p.db().prepare("PRAGMA integrity_check");
        if (!st)
            return st.error().message;
        auto row = st->step();
        return row && *row ? st->text(0) : QStringLiteral("no result");
    }

    /// A fingerprint of a dataset's stored records.
    static QByteArray datasetDigest(Project &p, std::int64_t id)
    {
        auto st = p.db().prepare(QStringLiteral("SELECT * FROM ds_%1 ORDER BY rid").arg(id).toStdString());
        if (!st)
            return {};
        QCryptographicHash h(QCryptographicHash::Sha256);
        while (true) {
            auto row = st->step();
            if (!row || !*row)
                break;
            for (int c = 0; c < 6; ++c)
                h.addData(QByteArray(st->text(c).toUtf8() + '\x1f'));
        }
        return h.result().toHex();
    }

    static std::int64_t count(Project &p, const char *sql)
    {
        auto n = p.db().scalarInt(sql);
        return n ? *n : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QStringLiteral("crash.vigil"));
        m_small = QStringLiteral(VIGIL_TEST_DATA_DIR "/web/elastic_200.log");
        QFile src(m_small);
        QVERIFY(src.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = src.readAll().split('\n');
        QVERIFY(lines.size() >= 200);
        // Varied so the import has real work: each copy gets its own client address.
        m_big = m_dir.filePath(QStringLiteral("big.log"));
        QFile big(m_big);
        QVERIFY(big.open(QIODevice::WriteOnly));
        QByteArray chunk;
        for (int i = 0; i < kBigLines; ++i) {
            const QByteArray &l = lines[i % 200];
            chunk += "10." + QByteArray::number((i >> 16) & 255) + '.' + QByteArray::number((i >> 8) & 255) + '.'
                + QByteArray::number(i & 255) + l.mid(l.indexOf(' ')) + '\n';
            if (chunk.size() > (1 << 20)) {
                big.write(chunk);
                chunk.clear();
            }
        }
        big.write(chunk);
        big.close();
        const Run r = cli({QStringLiteral("import"), m_small, QStringLiteral("--project"), m_project});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void killDuringImport()
    {
        QByteArray before;
        {
            auto p = reopen();
            QVERIFY(p);
            QCOMPARE(count(*p, "SELECT count(*) FROM datasets"), 1);
            before = datasetDigest(*p, 1);
            QVERIFY(!before.isEmpty());
        }
        QProcess child;
        child.start(QStringLiteral(VIGIL_CLI_PATH), {QStringLiteral("import"), m_big, QStringLiteral("--project"), m_project});
        QVERIFY(child.waitForStarted());
        // Mid-import: records are being written (the WAL grows) and the import has not committed.
        const QString wal = m_project + QStringLiteral("-wal");
        QVERIFY2(killWhen(child, [&] { return QFileInfo(wal).size() > (2 << 20); }),
                 "the import ended before it could be killed; make the input larger");

        auto p = reopen();
        QVERIFY(p);
        QCOMPARE(integrity(*p), QStringLiteral("ok"));
        QCOMPARE(count(*p, "SELECT count(*) FROM datasets"), 1);
        QCOMPARE(datasetDigest(*p, 1), before);
        QCOMPARE(count(*p, "SELECT count(*) FROM sqlite_master WHERE name = 'ds_2'"), 0); // the half import is gone
        p.reset();

        const Run again = cli({QStringLiteral("import"), m_big, QStringLiteral("--project"), m_project});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        p = reopen();
        QVERIFY(p);
        QCOMPARE(count(*p, "SELECT count(*) FROM datasets"), 2);
        QCOMPARE(count(*p, "SELECT row_count FROM datasets WHERE id = 2"), kBigLines);
        QCOMPARE(count(*p, "SELECT count(*) FROM ds_2"), kBigLines);
    }

    void killDuringTraining()
    {
        const Run first = cli({QStringLiteral("train"), QStringLiteral("--project"), m_project, QStringLiteral("--dataset"), QStringLiteral("1"),
                               QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QByteArray bundle;
        {
            auto p = reopen();
            QVERIFY(p);
            auto m = runs::loadModel(p->db(), 1);
            QVERIFY(m);
            bundle = m->bundle;
            QVERIFY(!bundle.isEmpty());
        }

        QProcess child;
        child.start(QStringLiteral(VIGIL_CLI_PATH),
                    {QStringLiteral("train"), QStringLiteral("--project"), m_project, QStringLiteral("--dataset"), QStringLiteral("1"),
                     QStringLiteral("--epochs"), QStringLiteral("100000"), QStringLiteral("--patience"), QStringLiteral("0"),
                     QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY(child.waitForStarted());
        QByteArray err;
        // Killed once it reported a few epochs: the model is in memory, nothing is stored yet.
        QVERIFY2(killWhen(child, [&] {
                     err += child.readAllStandardError();
                     return err.count("epoch") >= 3;
                 }),
                 "training ended before it could be killed");

        auto p = reopen();
        QVERIFY(p);
        QCOMPARE(integrity(*p), QStringLiteral("ok"));
        QCOMPARE(count(*p, "SELECT count(*) FROM models"), 1);
        auto m = runs::loadModel(p->db(), 1);
        QVERIFY(m);
        QCOMPARE(m->bundle, bundle); // the committed model is byte for byte intact
        p.reset();

        const Run again = cli({QStringLiteral("train"), QStringLiteral("--project"), m_project, QStringLiteral("--dataset"), QStringLiteral("1"),
                               QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        p = reopen();
        QVERIFY(p);
        QCOMPARE(count(*p, "SELECT count(*) FROM models"), 2);
        // And the stored models still score: the model and the data set agree after the crash.
        const Run score = cli({QStringLiteral("score"), QStringLiteral("--project"), m_project, QStringLiteral("--model"), QStringLiteral("2"),
                               QStringLiteral("--dataset"), QStringLiteral("1"), QStringLiteral("--clusters"), QStringLiteral("-1")});
        QVERIFY2(score.exitCode == 0, score.err.constData());
    }

    void killDuringLabelling()
    {
        // Committed earlier by a run that finished.
        const QStringList base{QStringLiteral("label"), QStringLiteral("--project"), m_project, QStringLiteral("--dataset"), QStringLiteral("2")};
        const Run earlier = cli(base + QStringList{QStringLiteral("--label"), QStringLiteral("benign"), QStringLiteral("--tag"),
                                                   QStringLiteral("scanner"), QStringLiteral("300001"), QStringLiteral("300002")});
        QVERIFY2(earlier.exitCode == 0, earlier.err.constData());

        QStringList args = base + QStringList{QStringLiteral("--label"), QStringLiteral("malicious"), QStringLiteral("--each")};
        constexpr int kRecords = 3000;
        for (int i = 1; i <= kRecords; ++i)
            args.append(QString::number(i));
        QProcess child;
        child.start(QStringLiteral(VIGIL_CLI_PATH), args);
        QVERIFY(child.waitForStarted());
        QByteArray out;
        QVERIFY2(killWhen(child, [&] {
                     out += child.readAllStandardOutput();
                     return out.count("labelled ") >= 100;
                 }),
                 "labelling ended before it could be killed");
        out += child.readAllStandardOutput();
        QStringList reported;
        for (const QByteArray &line : out.split('\n')) {
            if (line.startsWith("labelled "))
                reported.append(QString::fromLatin1(line.mid(9)));
        }
        QVERIFY(reported.size() >= 100);
        QVERIFY2(reported.size() < kRecords, "the child was killed before it finished");

        auto p = reopen();
        QVERIFY(p);
        QCOMPARE(integrity(*p), QStringLiteral("ok"));
        LabelStore store(*p);
        auto states = store.getMany(2, LabelScope::Record, reported);
        QVERIFY(states);
        for (const QString &key : reported) {
            const LabelState &s = states->at(key);
            QVERIFY2(s.exists && s.label == LabelValue::Malicious, qPrintable(QStringLiteral("record %1 was reported labelled but is not").arg(key)));
        }
        // At most the one in flight was committed without being reported.
        const std::int64_t malicious = count(*p, "SELECT count(*) FROM labels WHERE dataset_id = 2 AND label = 'malicious'");
        QVERIFY(malicious >= reported.size() && malicious <= reported.size() + 1);
        auto old = store.get(2, LabelScope::Record, QStringLiteral("300001"));
        QVERIFY(old && old->exists && old->label == LabelValue::Benign && old->tags == QStringLiteral("scanner"));
        p.reset();

        const Run again = cli(args);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        p = reopen();
        QVERIFY(p);
        QCOMPARE(count(*p, "SELECT count(*) FROM labels WHERE dataset_id = 2 AND label = 'malicious'"), kRecords);
        QCOMPARE(count(*p, "SELECT count(*) FROM labels WHERE dataset_id = 2 AND label = 'benign'"), 2);
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
