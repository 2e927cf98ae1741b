// Replays the fuzz seed corpora and every input the fuzzers found (tests/data/fuzz-regressions/
// <target>/) through fuzz::run(), the entry point the libFuzzer targets call, in the normal
// build. A crash or a broken invariant aborts the test; the seeds are also checked for what the
// readers should make of them, so the corpus stays meaningful when the code changes.

#include "fuzzentry.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace vigil;
using vigil::fuzz::Target;

Q_DECLARE_METATYPE(vigil::fuzz::Target)

namespace {

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

const fuzz::Outcome *find(const std::vector<fuzz::Outcome> &outcomes, const QString &variant)
{
    for (const fuzz::Outcome &o : outcomes) {
        if (o.variant == variant)
            return &o;
    }
    return nullptr;
}

void addFiles(const QString &root)
{
    for (const Target t : fuzz::allTargets()) {
        const QDir dir(root + QLatin1Char('/') + fuzz::targetName(t));
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(fuzz::targetName(t) % QLatin1Char('/') % name)) << t << dir.filePath(name);
    }
}

} // namespace

class TestFuzzRegressions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    /// Every seed runs through its target without a crash or a broken invariant.
    void seedsRun_data()
    {
        QTest::addColumn<Target>("target");
        QTest::addColumn<QString>("path");
        addFiles(QStringLiteral(VIGIL_FUZZ_CORPUS_DIR));
    }
    void seedsRun()
    {
        QFETCH(Target, target);
        QFETCH(QString, path);
        const QByteArray data = readBytes(path);
        QVERIFY2(!data.isEmpty(), qPrintable(path));
        const auto outcomes = fuzz::run(target, data);
        QVERIFY(!outcomes.empty());
    }

    /// The seeds cut from real files read as what they are: the corpus exercises the parsers'
    /// success paths, not only their refusals.
    void seedsMeaning_data()
    {
        QTest::addColumn<Target>("target");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("variant");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("format");   // readers: the format used; others: empty
        QTest::addColumn<qint64>("rows");      // records / bound parameters / feature blocks / lines
        QTest::addColumn<qint64>("badLines");
        QTest::addColumn<QString>("errorFragment");

        const QString none;
        QTest::newRow("combined detected") << Target::AccessLog << QStringLiteral("apache_elastic_sample_0.log")
                                           << QStringLiteral("auto") << true << QStringLiteral("combined") << qint64(6) << qint64(0) << none;
        QTest::newRow("common detected") << Target::AccessLog << QStringLiteral("common.log") << QStringLiteral("auto")
                                         << true << QStringLiteral("common") << qint64(10) << qint64(0) << none;
        QTest::newRow("gzip access log") << Target::AccessLog << QStringLiteral("elastic.log.gz") << QStringLiteral("auto")
                                         << true << QStringLiteral("combined") << qint64(8) << qint64(0) << none;
        QTest::newRow("nginx user format") << Target::AccessLog << QStringLiteral("nginx_user_format.log")
                                           << QStringLiteral("nginx") << true << QStringLiteral("nginx") << qint64(10)
                                           << qint64(1) << none;
        QTest::newRow("zeek conn") << Target::ZeekTsv << QStringLiteral("conn.log") << QStringLiteral("zeek") << true
                                   << QStringLiteral("zeek") << qint64(6) << qint64(0) << none;
        QTest::newRow("zeek detected") << Target::ZeekTsv << QStringLiteral("dhcp_crlf.log") << QStringLiteral("auto")
                                       << true << QStringLiteral("zeek") << qint64(2) << qint64(0) << none;
        QTest::newRow("zeek json conn") << Target::ZeekJson << QStringLiteral("conn_0.log") << QStringLiteral("zeek-json")
                                        << true << QStringLiteral("zeek-json") << qint64(4) << qint64(0) << none;
        QTest::newRow("nslkdd detected") << Target::Csv << QStringLiteral("nslkdd_train_0.csv") << QStringLiteral("auto")
                                         << true << QStringLiteral("nslkdd") << qint64(8) << qint64(0) << none;
        QTest::newRow("kdd99 detected") << Target::Csv << QStringLiteral("kdd99_0.csv") << QStringLiteral("auto") << true
                                        << QStringLiteral("kdd99") << qint64(8) << qint64(0) << none;
        QTest::newRow("unsw detected") << Target::Csv << QStringLiteral("unsw.csv") << QStringLiteral("auto") << true
                                       << QStringLiteral("unsw-nb15") << qint64(2) << qint64(0) << none;
        QTest::newRow("cic detected") << Target::Csv << QStringLiteral("cic.csv") << QStringLiteral("auto") << true
                                      << QStringLiteral("cic-ids2017") << qint64(3) << qint64(0) << none;
        QTest::newRow("filter compiles") << Target::Query << QStringLiteral("filter_04.txt") << QStringLiteral("compile")
                                         << true << none << qint64(8) << qint64(0) << none;
        QTest::newRow("filter typo") << Target::Query << QStringLiteral("filter_16.txt") << QStringLiteral("compile")
                                     << false << none << qint64(0) << qint64(0) << QStringLiteral("status");
        QTest::newRow("bundle unpacks") << Target::Bundle << QStringLiteral("autoencoder.vmdl") << QStringLiteral("unpack")
                                        << true << none << qint64(2) << qint64(0) << none;
        QTest::newRow("bundle truncated") << Target::Bundle << QStringLiteral("truncated.vmdl") << QStringLiteral("unpack")
                                          << false << none << qint64(0) << qint64(0) << QStringLiteral("truncated");
        QTest::newRow("bundle magic") << Target::Bundle << QStringLiteral("bad_magic.vmdl") << QStringLiteral("unpack")
                                      << false << none << qint64(0) << qint64(0) << QStringLiteral("VIGILMDL");
        QTest::newRow("gzip members") << Target::Gzip << QStringLiteral("two_members.gz") << QStringLiteral("gzip") << true
                                      << none << qint64(10) << qint64(0) << none;
        QTest::newRow("gzip bomb bounded") << Target::Gzip << QStringLiteral("bomb_small.gz") << QStringLiteral("gzip")
                                           << false << none << qint64(0) << qint64(0) << QStringLiteral("decompression bomb");
    }
    void seedsMeaning()
    {
        QFETCH(Target, target);
        QFETCH(QString, file);
        QFETCH(QString, variant);
        QFETCH(bool, ok);
        QFETCH(QString, format);
        QFETCH(qint64, rows);
        QFETCH(qint64, badLines);
        QFETCH(QString, errorFragment);
        const QString path = QStringLiteral(VIGIL_FUZZ_CORPUS_DIR "/") % fuzz::targetName(target) % QLatin1Char('/') % file;
        const QByteArray data = readBytes(path);
        QVERIFY2(!data.isEmpty(), qPrintable(path));
        const auto outcomes = fuzz::run(target, data);
        const fuzz::Outcome *o = find(outcomes, variant);
        QVERIFY2(o, qPrintable(variant));
        QVERIFY2(o->ok == ok, qPrintable(o->error.message));
        if (!ok) {
            QVERIFY2(o->error.message.contains(errorFragment, Qt::CaseInsensitive), qPrintable(o->error.message));
            return;
        }
        QCOMPARE(o->format, format);
        QCOMPARE(target == Target::Gzip ? o->lines : o->rows, rows);
        QCOMPARE(o->badLines, badLines);
    }

    /// Inputs the fuzzers found (crashes, leaks, hangs, broken invariants) stay fixed.
    void regressions_data()
    {
        QTest::addColumn<Target>("target");
        QTest::addColumn<QString>("path");
        addFiles(QStringLiteral(VIGIL_TEST_DATA_DIR "/fuzz-regressions"));
    }
    void regressions()
    {
        QFETCH(Target, target);
        QFETCH(QString, path);
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        const auto outcomes = fuzz::run(target, f.readAll());
        QVERIFY(!outcomes.empty());
    }
};

QTEST_APPLESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
