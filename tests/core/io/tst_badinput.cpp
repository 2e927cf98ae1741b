// Bad input through the public entry points (readTable, importFile, LineSource): every file an
// analyst might point Vigil at by mistake gets one clear error (code + what + where), and an
// import that fails stores nothing.

#include "core/io/linesource.h"
#include "core/io/reader.h"
#include "core/project.h"
#include "core/store/datasetstore.h"
#include "tests/support/asuser.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <random>

using namespace vigil;

namespace {

QByteArray gzipBytes(const QByteArray &data)
{
    z_stream zs{};
    deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&zs, uLong(data.size()))) + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return out;
}

/// gzip of \a mib MiB of \a byte: one 1 MiB member repeated (concatenated members are one
/// stream to gzip and to LineSource), so making a 300 MiB bomb costs one small deflate.
QByteArray gzipRepeated(char byte, int mib)
{
    return gzipBytes(QByteArray(1 << 20, byte)).repeated(mib);
}

QByteArray randomBytes(int size, unsigned seed)
{
    std::mt19937 rng(seed);
    QByteArray b(size, '\0');
    for (char &c : b)
        c = char(rng() & 0xff);
    return b;
}

std::optional<Error> errorOf(const Result<Table> &r) { return r ? std::nullopt : std::optional<Error>(r.error()); }

} // namespace

class TestBadInput final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_rawName; // a name Qt cannot spell: removed by hand in cleanupTestCase

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString p = m_dir.filePath(name);
        QFile f(p);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return p;
    }

    /// Builds the input named \a kind and returns its path ("" when it cannot be made here).
    QString makeInput(const QString &kind)
    {
        if (kind == QLatin1String("missing"))
            return m_dir.filePath(QStringLiteral("nope.log"));
        if (kind == QLatin1String("dir")) {
            QDir(m_dir.path()).mkpath(QStringLiteral("logs"));
            return m_dir.filePath(QStringLiteral("logs"));
        }
        if (kind == QLatin1String("device"))
            return QStringLiteral("/dev/zero"); // would never end; a FIFO would block forever
        if (kind == QLatin1String("noperm")) {
            const QString p = write(QStringLiteral("secret.log"), "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 2326\n");
            QFile::setPermissions(p, {});
            return p;
        }
        if (kind == QLatin1String("nonutf8")) {
            // The name as the file system has it: bytes 0xff 0xfe are not UTF-8. Qt (and so
            // QCoreApplication::arguments()) sees U+FFFD there.
            const QByteArray raw = QFile::encodeName(m_dir.path()) + "/access-\xff\xfe.log";
            m_rawName = raw;
            const int fd = ::open(raw.constData(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
            if (fd < 0)
                return {};
            const char line[] = "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 2326\n";
            const bool ok = ::write(fd, line, sizeof line - 1) == ssize_t(sizeof line - 1);
            ::close(fd);
            struct stat st{};
            if (!ok || ::stat(raw.constData(), &st) != 0)
                return {};
            return QFile::decodeName(raw);
        }
        if (kind == QLatin1String("empty"))
            return write(QStringLiteral("empty.log"), {});
        if (kind == QLatin1String("elf")) {
            // A real executable passed as a log (what a mis-click in a file dialog gives).
            QFile exe(QStringLiteral("/bin/ls"));
            if (!exe.open(QIODevice::ReadOnly))
                return {};
            return write(QStringLiteral("ls.log"), exe.readAll());
        }
        if (kind == QLatin1String("gzip-random"))
            return write(QStringLiteral("random.log.gz"), gzipBytes(randomBytes(256 << 10, 3)));
        if (kind == QLatin1String("gzip-corrupt")) {
            QByteArray b = gzipBytes(randomBytes(64 << 10, 5));
            for (qsizetype i = 20; i < b.size(); i += 7)
                b[i] = char(b[i] ^ 0x5a);
            return write(QStringLiteral("corrupt.log.gz"), b);
        }
        if (kind == QLatin1String("bomb")) {
            // ~300 KB that inflates to 300 MiB: over the inflate-ratio limit, not over the
            // absolute one, so this is the check that stops it. Letters, not newlines: one huge
            // line skipped at memchr speed keeps the test fast.
            return write(QStringLiteral("bomb.log.gz"), gzipRepeated('a', 300));
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The unprivileged child (see asuser.h) must reach the files; only "noperm" is denied.
        QVERIFY(test::openUpDirectory(m_dir.path()));
    }

    void cleanupTestCase()
    {
        if (!m_rawName.isEmpty())
            ::unlink(m_rawName.constData());
    }

    void readTable_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("fragment");
        const auto row = [](const char *tag, const char *kind, const char *format, ErrorCode code, const char *fragment) {
            QTest::newRow(tag) << QString::fromLatin1(kind) << QString::fromLatin1(format) << int(code) << QString::fromUtf8(fragment);
        };
        row("missing", "missing", "auto", ErrorCode::NotFound, "does not exist");
        row("missing, combined", "missing", "combined", ErrorCode::NotFound, "does not exist");
        row("directory", "dir", "auto", ErrorCode::InvalidArgument, "is a folder");
        row("device", "device", "auto", ErrorCode::InvalidArgument, "not a regular file");
        row("device, combined", "device", "combined", ErrorCode::InvalidArgument, "not a regular file");
        row("no permission", "noperm", "auto", ErrorCode::AccessDenied, "permission denied");
        row("no permission, combined", "noperm", "combined", ErrorCode::AccessDenied, "permission denied");
        row("non-UTF-8 name", "nonutf8", "auto", ErrorCode::Unsupported, "not valid UTF-8");
        row("ELF executable", "elf", "auto", ErrorCode::Unsupported, "could not be recognised");
        row("gzip of random bytes", "gzip-random", "auto", ErrorCode::Unsupported, "could not be recognised");
        row("corrupt gzip", "gzip-corrupt", "combined", ErrorCode::Corrupt, "not valid gzip");
        row("decompression bomb", "bomb", "combined", ErrorCode::InvalidArgument, "decompression bomb");
    }
    void readTable()
    {
        QFETCH(QString, kind);
        QFETCH(QString, format);
        QFETCH(int, code);
        QFETCH(QString, fragment);
        const QString path = makeInput(kind);
        QVERIFY2(!path.isEmpty(), "the input could not be made");
        ReadOptions options;
        options.format = format;
        // no permission: as root any mode is readable, so the read runs as nobody (asuser.h).
        const Error e = test::runUnprivileged([&] { return errorOf(vigil::readTable(path, options)); });
        QVERIFY2(!e.message.startsWith(QLatin1String("harness:")), qPrintable(e.message));
        QVERIFY2(e.code != ErrorCode::Ok, "the bad input was read without an error");
        QCOMPARE(int(e.code), code);
        QVERIFY2(e.message.contains(fragment), qPrintable(e.message));
        QVERIFY2(e.message.contains(path), qPrintable(QStringLiteral("the message names the file: ") + e.message));
    }

    void importFile_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("fragment");
        const auto row = [](const char *tag, const char *kind, const char *format, ErrorCode code, const char *fragment) {
            QTest::newRow(tag) << QString::fromLatin1(kind) << QString::fromLatin1(format) << int(code) << QString::fromUtf8(fragment);
        };
        row("missing", "missing", "auto", ErrorCode::NotFound, "does not exist");
        row("directory", "dir", "combined", ErrorCode::InvalidArgument, "is a folder");
        row("device", "device", "combined", ErrorCode::InvalidArgument, "not a regular file");
        row("no permission", "noperm", "auto", ErrorCode::AccessDenied, "permission denied");
        row("no permission, combined", "noperm", "combined", ErrorCode::AccessDenied, "permission denied");
        row("non-UTF-8 name", "nonutf8", "combined", ErrorCode::Unsupported, "not valid UTF-8");
        row("empty, auto", "empty", "auto", ErrorCode::Unsupported, "is empty");
        row("empty, combined", "empty", "combined", ErrorCode::Parse, "is empty");
        row("ELF executable", "elf", "auto", ErrorCode::Unsupported, "could not be recognised");
        row("ELF executable, combined", "elf", "combined", ErrorCode::Parse, "no combined records");
        row("gzip of random bytes, combined", "gzip-random", "combined", ErrorCode::Parse, "no combined records");
        row("corrupt gzip", "gzip-corrupt", "combined", ErrorCode::Corrupt, "not valid gzip");
        row("decompression bomb", "bomb", "combined", ErrorCode::InvalidArgument, "decompression bomb");
    }
    void importFile()
    {
        QFETCH(QString, kind);
        QFETCH(QString, format);
        QFETCH(int, code);
        QFETCH(QString, fragment);
        const QString path = makeInput(kind);
        QVERIFY2(!path.isEmpty(), "the input could not be made");
        const QString projectPath = m_dir.filePath(QStringLiteral("import-%1.vigil").arg(QString::fromLatin1(QTest::currentDataTag()))
                                                       .replace(QLatin1Char(' '), QLatin1Char('_')).replace(QLatin1Char(','), QLatin1Char('_')));
        // The child creates the project as nobody (the folder is open to all) and imports.
        const Error e = test::runUnprivileged([&]() -> std::optional<Error> {
            auto project = Project::create(projectPath);
            if (!project)
                return Error{ErrorCode::Internal, QStringLiteral("harness: ") + project.error().message};
            ReadOptions options;
            options.format = format;
            auto r = vigil::importFile(**project, path, options);
            return r ? std::nullopt : std::optional<Error>(r.error());
        });
        QVERIFY2(!e.message.startsWith(QLatin1String("harness:")), qPrintable(e.message));
        QVERIFY2(e.code != ErrorCode::Ok, "the bad input was imported without an error");
        QCOMPARE(int(e.code), code);
        QVERIFY2(e.message.contains(fragment), qPrintable(e.message));
        QVERIFY2(e.message.contains(path), qPrintable(QStringLiteral("the message names the file: ") + e.message));

        // A failed import leaves nothing behind: no dataset row, no record table.
        auto project = Project::open(projectPath);
        QVERIFY2(project, project ? "" : qPrintable(project.error().message));
        auto datasets = (*project)->db().scalarInt("SELECT count(*) FROM datasets");
        QVERIFY(datasets);
        QCOMPARE(*datasets, 0);
        auto tables = (*project)->db().scalarInt("SELECT count(*) FROM sqlite_master WHERE name LIKE 'ds\\_%' ESCAPE '\\'");
        QVERIFY(tables);
        QCOMPARE(*tables, 0);
    }

    void inflateRatioLimit_data()
    {
        QTest::addColumn<char>("byte");
        QTest::addColumn<double>("ratio");
        QTest::addColumn<bool>("refused");
        QTest::newRow("bomb of newlines") << '\n' << 250.0 << true;
        QTest::newRow("bomb of letters (one huge line)") << 'a' << 250.0 << true;
        QTest::newRow("limit raised") << 'a' << 5000.0 << false;
    }
    void inflateRatioLimit()
    {
        QFETCH(char, byte);
        QFETCH(double, ratio);
        QFETCH(bool, refused);
        const QString path = write(QStringLiteral("ratio.gz"), gzipRepeated(byte, 16));
        io::LineSourceOptions o;
        o.maxInflateRatio = ratio;
        o.ratioCheckAfterBytes = 1 << 20;
        auto src = io::LineSource::open(path, o);
        QVERIFY(src);
        io::Line line;
        std::int64_t lines = 0;
        Result<bool> more = true;
        while ((more = (*src)->next(line)) && *more)
            ++lines;
        if (!refused) {
            QVERIFY2(more, more ? "" : qPrintable(more.error().message));
            QCOMPARE((*src)->textBytes(), std::int64_t(16) << 20);
            return;
        }
        QVERIFY(!more);
        QCOMPARE(more.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(more.error().message.contains(QStringLiteral("times its compressed size")), qPrintable(more.error().message));
        QVERIFY((*src)->textBytes() < (std::int64_t(16) << 20)); // stopped early, not after inflating it all
    }

    void overlongLinesAreBadLinesInImports()
    {
        // A 3 MiB line between two good ones: counted as bad with its reason, never stored, and
        // the reader moves on to the next line.
        const QByteArray good = "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 2326 \"-\" \"curl/8\"\n";
        const QByteArray huge = "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /" + QByteArray(3 << 20, 'A') + " HTTP/1.0\" 200 1 \"-\" \"x\"\n";
        const QString path = write(QStringLiteral("long.log"), good + huge + good);
        auto project = Project::create(m_dir.filePath(QStringLiteral("long.vigil")));
        QVERIFY(project);
        ReadOptions o;
        o.format = QStringLiteral("combined");
        auto r = vigil::importFile(**project, path, o);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->report.rows, 2);
        QCOMPARE(r->report.badLines, 1);
        QCOMPARE(r->report.examples.size(), size_t(1));
        QCOMPARE(r->report.examples.front().line, 2);
        QVERIFY2(r->report.examples.front().reason.contains(QStringLiteral("longer than")),
                 qPrintable(r->report.examples.front().reason));
        QVERIFY(r->report.examples.front().excerpt.size() <= ImportReport::kExcerptBytes);
    }

    void tooManyColumnsIsRefused()
    {
        // A CSV header with more columns than a table can hold: one clear refusal, not an SQLite
        // error half-way through.
        QByteArray header;
        for (int i = 0; i < 2500; ++i)
            header += (i ? "," : "") + QByteArray("c") + QByteArray::number(i);
        const QString path = write(QStringLiteral("wide.csv"), header + '\n' + QByteArray(2499, ',') + "1\n");
        ReadOptions o;
        o.format = QStringLiteral("csv");
        auto r = vigil::readTable(path, o);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Unsupported);
        QVERIFY2(r.error().message.contains(QStringLiteral("2500 columns")), qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(path));
    }
};

QTEST_APPLESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
