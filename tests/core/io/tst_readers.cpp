// Readers: each format's quirks on cuts of the real files, bad input, and the real data sets.

#include "core/io/linesource.h"
#include "core/io/ratewindow.h"
#include "core/io/reader.h"
#include "core/io/textutil.h"
#include "core/io/webderive.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include <charconv>
#include <random>

using namespace vigil;

namespace {

QString fixture(const QString &name) { return QStringLiteral(VIGIL_TEST_DATA_DIR "/") + name; }
QString shared(const QString &name) { return QStringLiteral(VIGIL_SHARED_DATA_DIR "/") + name; }

const Column &col(const Table &t, const char *name)
{
    const int i = t.indexOf(QString::fromLatin1(name));
    if (i < 0)
        qFatal("no column %s", name);
    return t.columns[size_t(i)];
}

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

} // namespace

class TestReaders final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(bytes);
        return path;
    }

    static Table read(const QString &path, const ReadOptions &o, ImportReport *rep)
    {
        auto t = readTable(path, o, {}, rep);
        if (!t)
            qFatal("readTable(%s) failed: %s", qPrintable(path), qPrintable(t.error().message));
        return std::move(*t);
    }
    static ReadOptions fmt(const char *format)
    {
        ReadOptions o;
        o.format = QString::fromLatin1(format);
        return o;
    }

private Q_SLOTS:
    // ---- line source ----
    void lineEndings_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("lf") << QByteArray("a\nb\n") << QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("crlf") << QByteArray("a\r\nb\r\n") << QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("mixed") << QByteArray("a\r\nb\nc\rd") << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")};
        QTest::newRow("no final newline") << QByteArray("a\nb") << QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("blank lines kept") << QByteArray("\n\nx\n") << QStringList{QString(), QString(), QStringLiteral("x")};
        QTest::newRow("empty") << QByteArray() << QStringList{};
    }
    void lineEndings()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, lines);
        for (const bool gz : {false, true}) {
            const QString path = write(QStringLiteral("le.txt"), gz ? gzipBytes(bytes) : bytes);
            auto src = io::LineSource::open(path);
            QVERIFY(src);
            QCOMPARE((*src)->isGzip(), gz && !bytes.isEmpty() ? true : gz);
            QStringList got;
            io::Line l;
            while (true) {
                auto more = (*src)->next(l);
                QVERIFY(more);
                if (!*more)
                    break;
                QCOMPARE(l.number, got.size() + 1);
                got << QString::fromUtf8(l.text.data(), qsizetype(l.text.size()));
            }
            QCOMPARE(got, lines);
        }
    }

    void crlfAcrossBufferBoundary()
    {
        // A CR at the very end of a refill must still pair with the LF that follows.
        QByteArray bytes;
        const int n = 300000;
        for (int i = 0; i < n; ++i)
            bytes += "line" + QByteArray::number(i) + "\r\n";
        const QString path = write(QStringLiteral("crlf.txt"), bytes);
        auto src = io::LineSource::open(path);
        QVERIFY(src);
        io::Line l;
        int count = 0;
        while (true) {
            auto more = (*src)->next(l);
            QVERIFY(more);
            if (!*more)
                break;
            QVERIFY(l.text.find('\r') == std::string_view::npos);
            QVERIFY(!l.text.empty());
            ++count;
        }
        QCOMPARE(count, n);
    }

    void overlongLineIsCut()
    {
        QByteArray bytes = "short\n" + QByteArray(5000, 'x') + "\nafter\n";
        const QString path = write(QStringLiteral("long.txt"), bytes);
        io::LineSourceOptions o;
        o.maxLineBytes = 1000;
        auto src = io::LineSource::open(path, o);
        QVERIFY(src);
        io::Line l;
        QVERIFY(*(*src)->next(l));
        QVERIFY(!l.cut);
        QVERIFY(*(*src)->next(l));
        QVERIFY(l.cut);
        QCOMPARE(qsizetype(l.text.size()), 1000);
        QVERIFY(*(*src)->next(l));
        QCOMPARE(QByteArray(l.text.data(), qsizetype(l.text.size())), QByteArray("after"));
        QCOMPARE(l.number, 3);
        QVERIFY(!*(*src)->next(l));
    }

    void smallFileThatGrowsIsReadWhole()
    {
        // A small file gets a small read window; a log that grows after it was opened (a server
        // still writing) must still come through whole, long lines included.
        const QString path = write(QStringLiteral("grows.log"), "first\n");
        auto src = io::LineSource::open(path);
        QVERIFY(src);
        QByteArray more;
        for (int i = 0; i < 40; ++i)
            more += QByteArray(i % 10 == 9 ? 150000 : 2000, char('a' + i % 26)) + "\n";
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::Append));
            QCOMPARE(f.write(more), more.size());
        }
        io::Line l;
        QVERIFY(*(*src)->next(l));
        QCOMPARE(QByteArray(l.text.data(), qsizetype(l.text.size())), QByteArray("first"));
        for (int i = 0; i < 40; ++i) {
            auto ok = (*src)->next(l);
            QVERIFY(ok && *ok);
            QVERIFY(!l.cut);
            QCOMPARE(qsizetype(l.text.size()), i % 10 == 9 ? 150000 : 2000);
            QVERIFY(l.text.find_first_not_of(char('a' + i % 26)) == std::string_view::npos);
        }
        QVERIFY(!*(*src)->next(l));
    }

    void gzipConcatenatedMembers()
    {
        ImportReport plain, gz;
        const Table a = read(fixture(QStringLiteral("web/elastic_200.log")), fmt("auto"), &plain);
        const Table b = read(fixture(QStringLiteral("web/elastic_200.log.gz")), fmt("auto"), &gz);
        QCOMPARE(gz.format, QStringLiteral("combined"));
        QCOMPARE(b.rowCount(), 200);
        QCOMPARE(b.rowCount(), a.rowCount());
        QCOMPARE(col(b, "request").dictionary, col(a, "request").dictionary);
        QCOMPARE(col(b, "time_local").numbers, col(a, "time_local").numbers);
    }

    void gzipTruncatedAndCorrupt()
    {
        QByteArray text;
        for (int i = 0; i < 2000; ++i)
            text += "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET /i" + QByteArray::number(i) + " HTTP/1.0\" 200 1\n";
        const QByteArray gz = gzipBytes(text);
        // Cut in half: what was inflated is kept, and the report says the stream ended early.
        ImportReport rep;
        const Table t = read(write(QStringLiteral("cut.log.gz"), gz.left(gz.size() / 2)), fmt("common"), &rep);
        QVERIFY(t.rowCount() > 0);
        QVERIFY(t.rowCount() < 2000);
        QVERIFY(rep.notes.join(QLatin1Char(' ')).contains(QStringLiteral("gzip stream ends early")));
        // Damaged deflate data is an error, not garbage rows.
        QByteArray bad = gz;
        for (qsizetype i = 20; i < 60 && i < bad.size(); ++i)
            bad[i] = char(0xFF);
        auto r = readTable(write(QStringLiteral("bad.log.gz"), bad), fmt("common"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Corrupt);
        QVERIFY(r.error().message.contains(QStringLiteral("not valid gzip")));
    }

    void decompressionBombLimit()
    {
        const QByteArray zeros(4 << 20, 'a');
        const QString path = write(QStringLiteral("bomb.gz"), gzipBytes(zeros));
        ReadOptions o = fmt("csv");
        o.maxDecompressedBytes = 1 << 20;
        auto r = readTable(path, o);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QVERIFY(r.error().message.contains(QStringLiteral("decompression bomb")));
    }

    // ---- access logs ----
    void accessLogFixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<qint64>("lines");
        QTest::addColumn<QString>("format");
        QTest::newRow("elastic (truncated Googlebot UA)") << QStringLiteral("web/elastic_200.log") << qint64(200) << qint64(200) << QStringLiteral("combined");
        QTest::newRow("acunetix (wrapped, no final newline)") << QStringLiteral("web/acunetix_100.log") << qint64(100) << qint64(100) << QStringLiteral("combined");
        QTest::newRow("netsparker (wrapped, CRLF)") << QStringLiteral("web/netsparker_100.log") << qint64(100) << qint64(100) << QStringLiteral("combined");
        QTest::newRow("w3af (CRLF and LF, wrapped and not)") << QStringLiteral("web/w3af_100.log") << qint64(100) << qint64(100) << QStringLiteral("combined");
    }
    void accessLogFixtures()
    {
        QFETCH(QString, file);
        QFETCH(qint64, rows);
        QFETCH(qint64, lines);
        QFETCH(QString, format);
        ImportReport rep;
        const Table t = read(fixture(file), fmt("auto"), &rep);
        QCOMPARE(rep.format, format);
        QCOMPARE(t.rowCount(), rows);
        QCOMPARE(rep.lines, lines);
        QCOMPARE(rep.badLines, 0);
        // No wrapper quotes or CRs leak into values.
        for (const char *c : {"remote_addr", "http_user_agent", "request"}) {
            for (const QString &v : col(t, c).dictionary) {
                QVERIFY2(!v.startsWith(QLatin1Char('"')) && !v.contains(QLatin1Char('\r')), qPrintable(v));
            }
        }
        for (int r = 0; r < t.rowCount(); ++r) {
            QVERIFY(!col(t, "time_local").isMissing(r));
            QVERIFY(!col(t, "status").isMissing(r));
        }
    }

    void truncatedUserAgentIsAccepted()
    {
        ImportReport rep;
        const Table t = read(fixture(QStringLiteral("web/elastic_200.log")), fmt("combined"), &rep);
        // Line 8899 of the original (100 of the cut) ends inside the user agent.
        const Column &ua = col(t, "http_user_agent");
        QCOMPARE(ua.text(99), QStringLiteral("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html"));
        QCOMPARE(col(t, "ua_browser").text(99), QStringLiteral("Googlebot"));
        QCOMPARE(col(t, "ua_is_bot").number(99), 1.0);
        QVERIFY(rep.notes.join(QLatin1Char(' ')).contains(QStringLiteral("quoted field")));
    }

    void escapedQuotesAreUnescaped()
    {
        ImportReport rep;
        const Table t = read(fixture(QStringLiteral("web/acunetix_100.log")), fmt("combined"), &rep);
        bool found = false;
        const Column &req = col(t, "request");
        for (int r = 0; r < t.rowCount(); ++r) {
            if (req.text(r).contains(QLatin1String("\\\"")))
                QFAIL(qPrintable(QStringLiteral("escaped quote left in row %1: %2").arg(r).arg(req.text(r))));
            found = found || req.text(r).contains(QLatin1Char('"'));
        }
        QVERIFY(found);
    }

    void combinedFieldsAndDerived()
    {
        const QByteArray line =
            "\"10.1.2.3 - bob [10/Oct/2000:13:55:36 -0700] \"GET /a/b/Index.PHP?id=1%27%20OR%201=1;-- HTTP/1.1\" 404 2326 "
            "\"http://x/\" \"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 Safari/537.36 Edg/122.0\"\"\r\n"
            "2001:db8:1:2::5 - - [04/Mar/2024:00:00:00 +0000] \"\\x16\\x03\\x01\" 400 0 \"-\" \"-\"\n"
            "127.0.0.1 - - [04/Mar/2024:23:10:00 +0100] \"GET /../../etc/passwd HTTP/1.0\" 200 - \"-\" \"sqlmap/1.7\"";
        ImportReport rep;
        const Table t = read(write(QStringLiteral("c.log"), line), fmt("auto"), &rep);
        QCOMPARE(rep.format, QStringLiteral("combined"));
        QCOMPARE(t.rowCount(), 3);
        QCOMPARE(col(t, "time_local").number(0), 971211336.0);
        QCOMPARE(col(t, "hour").number(0), 13.0);
        QCOMPARE(col(t, "weekday").number(0), 1.0); // Tuesday
        QCOMPARE(col(t, "remote_user").text(0), QStringLiteral("bob"));
        QCOMPARE(col(t, "method").text(0), QStringLiteral("GET"));
        QCOMPARE(col(t, "path").text(0), QStringLiteral("/a/b/Index.PHP"));
        QCOMPARE(col(t, "query").text(0), QStringLiteral("id=1%27%20OR%201=1;--"));
        QCOMPARE(col(t, "protocol").text(0), QStringLiteral("HTTP/1.1"));
        QCOMPARE(col(t, "status_class").text(0), QStringLiteral("4xx"));
        QCOMPARE(col(t, "path_depth").number(0), 3.0);
        QCOMPARE(col(t, "path_ext").text(0), QStringLiteral("php"));
        QCOMPARE(col(t, "query_length").number(0), 21.0);
        QCOMPARE(col(t, "url_pct_encoded").number(0), 3.0);
        QCOMPARE(col(t, "url_special_chars").number(0), 2.0); // %27 and ;
        QCOMPARE(col(t, "ua_browser").text(0), QStringLiteral("Edge"));
        QCOMPARE(col(t, "ua_os").text(0), QStringLiteral("Windows"));
        QCOMPARE(col(t, "ua_is_bot").number(0), 0.0);
        QCOMPARE(col(t, "ip_scope").text(0), QStringLiteral("private"));
        QCOMPARE(col(t, "ip_prefix").text(0), QStringLiteral("10.1.2.0/24"));
        // Binary junk as the request: its own method category; "-" is missing.
        QCOMPARE(col(t, "method").text(1), QStringLiteral("<invalid>"));
        QVERIFY(col(t, "path").isMissing(1));
        QVERIFY(col(t, "http_referer").isMissing(1));
        QVERIFY(col(t, "http_user_agent").isMissing(1));
        QCOMPARE(col(t, "ip_scope").text(1), QStringLiteral("public"));
        QCOMPARE(col(t, "ip_prefix").text(1), QStringLiteral("2001:db8:1::/48"));
        // "-" bytes is zero bytes; traversal counts; scanner agent.
        QCOMPARE(col(t, "body_bytes_sent").number(2), 0.0);
        QCOMPARE(col(t, "url_special_chars").number(2), 2.0);
        QCOMPARE(col(t, "ua_browser").text(2), QStringLiteral("sqlmap"));
        QCOMPARE(col(t, "ua_is_bot").number(2), 1.0);
        QCOMPARE(col(t, "ip_scope").text(2), QStringLiteral("loopback"));
        QCOMPARE(col(t, "time_local").number(2), 1709590200.0);
        QCOMPARE(col(t, "hour").number(2), 23.0);
    }

    void latin1BytesAreKept()
    {
        const QByteArray line = "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET /caf\xe9 HTTP/1.0\" 200 5 \"-\" \"Bj\xf6rk\"\n";
        ImportReport rep;
        const Table t = read(write(QStringLiteral("l1.log"), line), fmt("combined"), &rep);
        QCOMPARE(t.rowCount(), 1);
        QCOMPARE(col(t, "path").text(0), QStringLiteral("/caf\u00e9"));
        QCOMPARE(col(t, "http_user_agent").text(0), QStringLiteral("Bj\u00f6rk"));
    }

    void badLinesAreCountedNotFatal()
    {
        QByteArray bytes = "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 5 \"-\" \"x\"\n"
                           "garbage line\n"
                           "1.2.3.4 - - [99/Foo/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 5 \"-\" \"x\"\n"
                           "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" abc 5 \"-\" \"x\"\n";
        bytes += QByteArray("1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 5 \"-\" \"a\0b\"\n", 74);
        bytes += "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET /" + QByteArray(3000, 'a') + " HTTP/1.0\" 200 5\n";
        bytes += "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET /ok HTTP/1.0\" 200 5\n";
        ReadOptions o = fmt("combined");
        o.maxLineBytes = 1024;
        ImportReport rep;
        const Table t = read(write(QStringLiteral("bad.log"), bytes), o, &rep);
        QCOMPARE(t.rowCount(), 2); // the first and the common-format last line
        QCOMPARE(rep.badLines, 5);
        QCOMPARE(rep.lines, 7);
        QCOMPARE(rep.badByReason.value(QStringLiteral("invalid $time_local")), 1);
        QCOMPARE(rep.badByReason.value(QStringLiteral("invalid $status")), 1);
        QCOMPARE(rep.badByReason.value(QStringLiteral("NUL bytes in line")), 1);
        QCOMPARE(rep.badByReason.value(QStringLiteral("line longer than 1024 bytes")), 1);
        QCOMPARE(rep.badByReason.value(QStringLiteral("line ends before the request and status")), 1);
        QCOMPARE(rep.examples.size(), size_t(5));
        QCOMPARE(rep.examples[0].line, 2);
        QCOMPARE(rep.examples[0].excerpt, QByteArray("garbage line"));
        QVERIFY(col(t, "http_user_agent").isMissing(1));
    }

    void nginxLogFormat()
    {
        const QString fmtString = QStringLiteral(
            "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent \"$http_referer\" "
            "\"$http_user_agent\" rt=$request_time host=$host");
        const QByteArray bytes = "192.168.0.9 - - [04/Mar/2024:10:00:00 +0000] \"POST /login HTTP/2.0\" 401 12 \"-\" "
                                 "\"curl/8.5.0\" rt=0.125 host=example.org\n"
                                 "192.168.0.9 - - [04/Mar/2024:10:00:01 +0000] \"GET / HTTP/2.0\" 200 12 \"-\" \"curl/8.5.0\" rt=- host=-\n";
        ReadOptions o;
        o.logFormat = fmtString;
        ImportReport rep;
        const Table t = read(write(QStringLiteral("n.log"), bytes), o, &rep);
        QCOMPARE(rep.format, QStringLiteral("nginx"));
        QCOMPARE(t.rowCount(), 2);
        QCOMPARE(col(t, "request_time").type, ColumnType::Real);
        QCOMPARE(col(t, "request_time").number(0), 0.125);
        QVERIFY(col(t, "request_time").isMissing(1));
        QCOMPARE(col(t, "host").type, ColumnType::Text);
        QCOMPARE(col(t, "host").text(0), QStringLiteral("example.org"));
        QCOMPARE(col(t, "ua_browser").text(0), QStringLiteral("curl"));
        QCOMPARE(col(t, "method").text(0), QStringLiteral("POST"));

        ReadOptions bad = fmt("nginx");
        auto r = readTable(write(QStringLiteral("n2.log"), bytes), bad);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QVERIFY(r.error().message.contains(QStringLiteral("log_format")));
        bad.logFormat = QStringLiteral("$remote_addr$status");
        r = readTable(write(QStringLiteral("n3.log"), bytes), bad);
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral("nothing between them")));
    }

    void webDerivations()
    {
        QCOMPARE(QString::fromLatin1(io::classifyIp("172.20.1.1").scope), QStringLiteral("private"));
        QCOMPARE(QString::fromLatin1(io::classifyIp("172.32.1.1").scope), QStringLiteral("public"));
        QCOMPARE(QString::fromLatin1(io::classifyIp("169.254.3.3").scope), QStringLiteral("link-local"));
        QCOMPARE(QString::fromLatin1(io::classifyIp("::1").scope), QStringLiteral("loopback"));
        QCOMPARE(QString::fromLatin1(io::classifyIp("fe80::1%eth0").scope), QStringLiteral("link-local"));
        QCOMPARE(QString::fromLatin1(io::classifyIp("fd00:1:2:3::9").scope), QStringLiteral("private"));
        QCOMPARE(QString::fromLatin1(io::classifyIp("::ffff:10.0.0.1").scope), QStringLiteral("private"));
        QCOMPARE(QString::fromStdString(io::classifyIp("::ffff:10.0.0.1").prefix), QStringLiteral("10.0.0.0/24"));
        QCOMPARE(QString::fromLatin1(io::classifyIp("256.1.1.1").scope), QStringLiteral("invalid"));
        QCOMPARE(QString::fromLatin1(io::classifyIp("1:2:3:4:5:6:7:8:9").scope), QStringLiteral("invalid"));
        QCOMPARE(QString::fromLatin1(io::classifyIp("example.com").scope), QStringLiteral("invalid"));

        auto ua = [](const char *s) { return io::classifyUserAgent(s); };
        QCOMPARE(QString::fromLatin1(ua("Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3.1 Mobile/15E148 Safari/604.1").browser), QStringLiteral("Safari"));
        QCOMPARE(QString::fromLatin1(ua("Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) AppleWebKit/605.1.15").os), QStringLiteral("iOS"));
        QCOMPARE(QString::fromLatin1(ua("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 Mobile Safari/537.36").os), QStringLiteral("Android"));
        QCOMPARE(QString::fromLatin1(ua("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0").browser), QStringLiteral("Firefox"));
        QCOMPARE(QString::fromLatin1(ua("Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1)").browser), QStringLiteral("IE"));
        QCOMPARE(QString::fromLatin1(ua("python-requests/2.31.0").browser), QStringLiteral("python-requests"));
        QCOMPARE(QString::fromLatin1(ua("Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:map_codes)").browser), QStringLiteral("Nikto"));
        QVERIFY(ua("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)").bot);
        QVERIFY(ua("Mozilla/5.0 zgrab/0.x").bot);
        QVERIFY(!ua("curl/8.5.0").bot);

        const auto rp = io::splitRequest("GET http://evil.example/x/y.js?a=b HTTP/1.1");
        QVERIFY(rp.valid);
        QCOMPARE(QByteArray(rp.path.data(), qsizetype(rp.path.size())), QByteArray("/x/y.js"));
        QCOMPARE(QString::fromStdString(io::pathExtension("/x/y.TAR")), QStringLiteral("tar"));
        QCOMPARE(QString::fromStdString(io::pathExtension("/x.y/z")), QString());
        QVERIFY(!io::splitRequest("-").valid);
        QCOMPARE(io::urlStats("/a/<script>", "q=%3Cx%3E").specialChars, 4);
    }

    void numbersParseExactly()
    {
        // The decimal fast path must agree bit for bit with from_chars.
        std::mt19937_64 rng(3);
        for (int i = 0; i < 200000; ++i) {
            const int intDigits = int(rng() % 10), fracDigits = int(rng() % 9);
            std::string s = std::to_string(rng() % 10000000000ull).substr(0, size_t(intDigits + 1));
            if (fracDigits > 0) {
                // Appended in two steps: GCC 12's -Wrestrict misfires on `"." + std::string&&`.
                s += '.';
                s += std::to_string(rng()).substr(0, size_t(fracDigits));
            }
            double fast = 0, ref = 0;
            QVERIFY(io::parseReal(s, fast));
            std::from_chars(s.data(), s.data() + s.size(), ref);
            QVERIFY2(fast == ref, s.c_str());
        }
        double v = 0;
        QVERIFY(io::parseReal("-Infinity", v) && std::isinf(v) && v < 0);
        QVERIFY(io::parseReal("1e3", v) && v == 1000.0);
        QVERIFY(io::parseReal("+2.5", v) && v == 2.5);
        QVERIFY(!io::parseReal("1.2.3", v));
        QVERIFY(!io::parseReal("", v));
        QVERIFY(!io::parseReal("-", v));
        std::int64_t n = 0;
        QVERIFY(io::parseInt("-42", n) && n == -42);
        QVERIFY(!io::parseInt("1234567890123456789", n)); // 19 digits: not exact as a double
    }

    // ---- Zeek ----
    void rateWindowCountsTheLastMinutePerEntity()
    {
        io::EntityRateWindow w;
        QCOMPARE(w.add("a", 100.0, false).events, 1);
        QCOMPARE(w.add("a", 130.0, true).events, 2);
        auto c = w.add("b", 131.0, true); // another entity has its own count
        QCOMPARE(c.events, 1);
        QCOMPARE(c.failures, 1);
        c = w.add("a", 159.0, true);      // 100, 130, 159 lie in (99, 159]
        QCOMPARE(c.events, 3);
        QCOMPARE(c.failures, 2);
        c = w.add("a", 160.0, false);     // (100, 160]: the event at 100 has left the window
        QCOMPARE(c.events, 3);
        QCOMPARE(c.failures, 2);
        c = w.add("a", 150.0, false);     // a late line counts the events of its own minute
        QCOMPARE(c.events, 3);            // (90, 150] holds 100, 130 and itself
        c = w.add("a", 30.0, true);       // over two minutes late (a long Zeek connection): alone
        QCOMPARE(c.events, 1);
        QCOMPARE(c.failures, 1);
        c = w.add("a", 250.0, false);     // the window is empty again after a pause
        QCOMPARE(c.events, 1);
        QCOMPARE(c.failures, 0);
        // No entity or no time: a lone event, never merged with others.
        QCOMPARE(w.add({}, 250.0, true).events, 1);
        QCOMPARE(w.add("a", std::nan(""), false).events, 1);
        QVERIFY(io::isFailedConnState("S0"));
        QVERIFY(io::isFailedConnState("REJ"));
        QVERIFY(!io::isFailedConnState("SF"));
        QVERIFY(!io::isFailedConnState(""));
    }

    void rateWindowBoundsAFlood()
    {
        // 300,000 requests from one client within a minute: counts saturate, memory does not grow.
        io::EntityRateWindow w;
        io::EntityRateWindow::Counts c;
        for (int i = 0; i < 300000; ++i)
            c = w.add("203.0.113.9", 1000.0 + i * 1e-4, true);
        QCOMPARE(c.events, std::int64_t(io::EntityRateWindow::kMaxEventsPerEntity));
        QCOMPARE(c.failures, std::int64_t(io::EntityRateWindow::kMaxEventsPerEntity));
        QCOMPARE(w.add("203.0.113.9", 1200.0, false).events, 1); // and the window still moves on
    }

    void rateWindowForgetsIdleEntities()
    {
        // A million one-off clients over a day: memory stays bounded by the clients of the last minutes.
        io::EntityRateWindow w;
        for (int i = 0; i < 1000000; ++i)
            w.add(std::to_string(i), i * 0.0864, false);
        QVERIFY2(w.entities() < 70000 + 2000, qPrintable(QString::number(w.entities())));
    }

    void accessLogClientRates()
    {
        // Ten 401s from one client within a minute, a neighbour's request, then a pause.
        QByteArray log;
        for (int i = 0; i < 10; ++i)
            log += "45.1.2.3 - - [04/Mar/2024:10:00:" + QByteArray::number(10 + i * 5) + " +0000] \"POST /login HTTP/1.1\" 401 12 \"-\" \"python-requests/2.31.0\"\n";
        log += "10.0.0.1 - - [04/Mar/2024:10:00:59 +0000] \"GET / HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"\n";
        log += "45.1.2.3 - - [04/Mar/2024:10:05:00 +0000] \"GET / HTTP/1.1\" 200 512 \"-\" \"python-requests/2.31.0\"\n";
        ImportReport rep;
        const Table t = read(write(QStringLiteral("burst.log"), log), fmt("combined"), &rep);
        QCOMPARE(t.rowCount(), 12);
        QCOMPARE(col(t, "client_requests_1m").type, ColumnType::Integer);
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(col(t, "client_requests_1m").number(i), double(i + 1));
            QCOMPARE(col(t, "client_errors_1m").number(i), double(i + 1));
        }
        QCOMPARE(col(t, "client_requests_1m").number(10), 1.0);
        QCOMPARE(col(t, "client_errors_1m").number(10), 0.0);
        QCOMPARE(col(t, "client_requests_1m").number(11), 1.0);
        QCOMPARE(col(t, "client_errors_1m").number(11), 0.0);
    }

    void zeekTsv()
    {
        ImportReport rep;
        const Table t = read(fixture(QStringLiteral("zeek/conn.log")), fmt("auto"), &rep);
        QCOMPARE(rep.format, QStringLiteral("zeek"));
        QCOMPARE(t.rowCount(), 360);
        QCOMPARE(rep.badLines, 0);
        QCOMPARE(rep.lines, 369);
        QCOMPARE(t.columns.size(), size_t(26)); // 20 fields + ip_scope, ip_prefix, hour, weekday, orig_conns_1m, orig_failed_1m
        QCOMPARE(col(t, "ts").type, ColumnType::Timestamp);
        QCOMPARE(col(t, "id.orig_p").type, ColumnType::Integer);
        QCOMPARE(col(t, "duration").type, ColumnType::Real);
        QCOMPARE(col(t, "proto").type, ColumnType::Text);
        QCOMPARE(col(t, "ts").number(0), 1379288667.706265);
        QCOMPARE(col(t, "proto").text(0), QStringLiteral("tcp"));
        QCOMPARE(col(t, "service").text(0), QStringLiteral("http"));
        QCOMPARE(col(t, "ip_scope").text(0), QStringLiteral("private"));
        QCOMPARE(col(t, "ip_prefix").text(0), QStringLiteral("192.168.33.0/24"));
        // The last record: an ICMP flow with unset fields and an empty set.
        QCOMPARE(col(t, "proto").text(359), QStringLiteral("icmp"));
        QVERIFY(col(t, "service").isMissing(359)); // '-' unset
        QVERIFY(col(t, "duration").isMissing(359));
        QVERIFY(!col(t, "tunnel_parents").isMissing(359)); // (empty) is an empty set, not unset
        QCOMPARE(col(t, "tunnel_parents").text(359), QString());
        QCOMPARE(col(t, "ip_scope").text(359), QStringLiteral("public"));
        // Per-originator rates: every record counts itself; refused attempts count as failed.
        double most = 0;
        for (std::int64_t r = 0; r < t.rowCount(); ++r) {
            QVERIFY2(col(t, "orig_conns_1m").number(r) >= 1.0, qPrintable(QStringLiteral("row %1: %2").arg(r).arg(col(t, "orig_conns_1m").number(r))));
            QVERIFY(col(t, "orig_failed_1m").number(r) <= col(t, "orig_conns_1m").number(r));
            QCOMPARE(col(t, "orig_failed_1m").number(r) > 0 || !io::isFailedConnState(col(t, "conn_state").text(r).toStdString()), true);
            most = std::max(most, col(t, "orig_conns_1m").number(r));
        }
        QVERIFY(most > 1.0);
    }

    void zeekTsvQuirks()
    {
        QByteArray bytes = "#separator \\x7c\n#set_separator|,\n#empty_field|(empty)\n#unset_field|-\n#path|x\n"
                           "#fields|ts|a|n\n#types|time|string|count\n"
                           "1.5|x\\x7cy|3\n"
                           "2.5|-|(empty)\n"
                           "3.5|short\n"
                           "4.5|z|notanumber\n";
        ImportReport rep;
        const Table t = read(write(QStringLiteral("z.log"), bytes), fmt("zeek"), &rep);
        QCOMPARE(t.rowCount(), 2);
        QCOMPARE(rep.badLines, 2);
        QCOMPARE(rep.badByReason.value(QStringLiteral("expected 3 tab-separated fields")), 1);
        QCOMPARE(rep.badByReason.value(QStringLiteral("invalid count in n")), 1);
        QVERIFY(col(t, "a").isMissing(1));
        QVERIFY(col(t, "n").isMissing(1));
        QVERIFY(rep.notes.join(QLatin1Char(' ')).contains(QStringLiteral("#close")));

        auto r = readTable(write(QStringLiteral("nofields.log"), "#separator \\x09\n1\t2\n"), fmt("zeek"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Parse);
        QVERIFY(r.error().message.contains(QStringLiteral("#fields")));
    }

    void zeekJson()
    {
        ImportReport rep;
        const Table t = read(fixture(QStringLiteral("zeek/conn.json.log")), fmt("auto"), &rep);
        QCOMPARE(rep.format, QStringLiteral("zeek-json"));
        QCOMPARE(t.rowCount(), 50);
        QCOMPARE(rep.badLines, 0);
        QCOMPARE(col(t, "ts").type, ColumnType::Timestamp);
        QCOMPARE(col(t, "ts").number(0), 1575413096.052279);
        QCOMPARE(col(t, "id.resp_p").type, ColumnType::Integer);
        QCOMPARE(col(t, "duration").type, ColumnType::Real);
        QCOMPARE(col(t, "service").text(0), QStringLiteral("krb_tcp"));
        QCOMPARE(col(t, "ip_scope").text(0), QStringLiteral("private"));

        const QByteArray bytes = "{\"ts\":\"2019-12-03T22:44:56.052279Z\",\"a\":true,\"l\":[1,\"x\\u00e9\"],\"o\":{\"k\":5}}\n"
                                 "{\"ts\":\"2019-12-03T22:44:57Z\",\"extra\":null}\n"
                                 "{not json}\n"
                                 "[1,2]\n";
        ImportReport r2;
        const Table j = read(write(QStringLiteral("j.log"), bytes), fmt("zeek-json"), &r2);
        QCOMPARE(j.rowCount(), 2);
        QCOMPARE(r2.badLines, 2);
        QCOMPARE(col(j, "ts").type, ColumnType::Timestamp);
        QCOMPARE(col(j, "ts").number(1), 1575413097.0);
        QCOMPARE(col(j, "a").text(0), QStringLiteral("T"));
        QCOMPARE(col(j, "l").text(0), QStringLiteral("1,x\u00e9"));
        QCOMPARE(col(j, "o.k").number(0), 5.0);
        QVERIFY(col(j, "o.k").isMissing(1));
    }

    // Zeek's ts is epoch seconds: hour and weekday are derived in UTC, Monday = 0.
    void zeekTimeParts_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("hour");    // -1: missing
        QTest::addColumn<int>("weekday");
        // 1379288667.706265 = Sun 2013-09-15 23:44:27 UTC; 1575413096.052279 = Tue 2019-12-03 22:44:56 UTC.
        QTest::newRow("tsv fixture") << fixture(QStringLiteral("zeek/conn.log")) << QStringLiteral("zeek") << 0 << 23 << 6;
        QTest::newRow("json fixture") << fixture(QStringLiteral("zeek/conn.json.log")) << QStringLiteral("zeek-json") << 0 << 22 << 1;
        const QByteArray tsv = "#separator \\x09\n#fields\tts\tn\n#types\ttime\tcount\n"
                               "0\t1\n-1.5\t2\n-\t3\n1700000000.999\t4\n";
        QTest::newRow("epoch start") << write(QStringLiteral("t.log"), tsv) << QStringLiteral("zeek") << 0 << 0 << 3;
        QTest::newRow("before 1970") << write(QStringLiteral("t.log"), tsv) << QStringLiteral("zeek") << 1 << 23 << 2;
        QTest::newRow("unset ts") << write(QStringLiteral("t.log"), tsv) << QStringLiteral("zeek") << 2 << -1 << -1;
        QTest::newRow("2023-11-14 22:13 Tue") << write(QStringLiteral("t.log"), tsv) << QStringLiteral("zeek") << 3 << 22 << 1;
        const QByteArray json = "{\"ts\":\"2024-03-04T05:06:07Z\",\"n\":1}\n{\"n\":2}\n";
        QTest::newRow("json iso ts") << write(QStringLiteral("t.json"), json) << QStringLiteral("zeek-json") << 0 << 5 << 0;
        QTest::newRow("json no ts") << write(QStringLiteral("t.json"), json) << QStringLiteral("zeek-json") << 1 << -1 << -1;
    }

    void zeekTimeParts()
    {
        QFETCH(QString, path);
        QFETCH(QString, format);
        QFETCH(int, row);
        QFETCH(int, hour);
        QFETCH(int, weekday);
        ImportReport rep;
        const Table t = read(path, fmt(qPrintable(format)), &rep);
        QCOMPARE(col(t, "hour").type, ColumnType::Integer);
        QCOMPARE(col(t, "weekday").type, ColumnType::Integer);
        if (hour < 0) {
            QVERIFY(col(t, "hour").isMissing(row));
            QVERIFY(col(t, "weekday").isMissing(row));
        } else {
            QCOMPARE(col(t, "hour").number(row), double(hour));
            QCOMPARE(col(t, "weekday").number(row), double(weekday));
        }
    }

    void zeekTimePartsNeverShadowFields()
    {
        // A log with its own `hour` field keeps it; nothing is derived beside it.
        const QByteArray tsv = "#separator \\x09\n#fields\tts\thour\n#types\ttime\tstring\n0\tnoon\n";
        const Table t = read(write(QStringLiteral("own.log"), tsv), fmt("zeek"), nullptr);
        QCOMPARE(t.columns.size(), size_t(2));
        QCOMPARE(col(t, "hour").text(0), QStringLiteral("noon"));
        QCOMPARE(t.indexOf(QStringLiteral("weekday")), -1);
    }

    // ---- CSV ----
    void nslkdd()
    {
        ImportReport rep;
        const Table t = read(fixture(QStringLiteral("ids/kddtrain_300.txt")), fmt("auto"), &rep);
        QCOMPARE(rep.format, QStringLiteral("nslkdd"));
        QCOMPARE(t.rowCount(), 300);
        QCOMPARE(t.columns.size(), size_t(43));
        QCOMPARE(t.columns[1].name, QStringLiteral("protocol_type"));
        QCOMPARE(col(t, "service").type, ColumnType::Text);
        QCOMPARE(col(t, "src_bytes").type, ColumnType::Integer);
        QCOMPARE(col(t, "serror_rate").type, ColumnType::Real);
        QCOMPARE(col(t, "src_bytes").number(0), 491.0);
        QCOMPARE(col(t, "label").text(0), QStringLiteral("normal"));
        QCOMPARE(col(t, "difficulty").number(0), 20.0);
    }

    void kdd99StripsLabelDot()
    {
        ImportReport rep;
        const Table t = read(fixture(QStringLiteral("ids/kddcup_300.txt")), fmt("auto"), &rep);
        QCOMPARE(rep.format, QStringLiteral("kdd99"));
        QCOMPARE(t.rowCount(), 300);
        QCOMPARE(t.columns.size(), size_t(42));
        QCOMPARE(col(t, "label").dictionary, (std::vector<QString>{QStringLiteral("normal"), QStringLiteral("smurf")}));
    }

    void genericCsv_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<int>("rows");
        QTest::newRow("bom, header, comma") << QByteArray("\xEF\xBB\xBF" "a,b,c\n1,2.5,x\n2,3,y\n") << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")} << 2;
        QTest::newRow("semicolon, quoted") << QByteArray("name;value\n\"x;1\";4\n\"he said \"\"hi\"\"\";5\n") << QStringList{QStringLiteral("name"), QStringLiteral("value")} << 2;
        QTest::newRow("tab, no header") << QByteArray("1\t2\n3\t4\n") << QStringList{QStringLiteral("column_1"), QStringLiteral("column_2")} << 2;
        QTest::newRow("pipe, crlf") << QByteArray("k|v\r\na|1\r\nb|2\r\n") << QStringList{QStringLiteral("k"), QStringLiteral("v")} << 2;
        QTest::newRow("spaces and duplicates") << QByteArray(" Flow, Label, Flow,\n1,BENIGN,2,\n3,DDoS,4,\n") << QStringList{QStringLiteral("Flow"), QStringLiteral("Label"), QStringLiteral("Flow_2"), QStringLiteral("column_4")} << 2;
        QTest::newRow("multi-line quoted field") << QByteArray("id,text\n1,\"line one\nline two\"\n2,plain\n") << QStringList{QStringLiteral("id"), QStringLiteral("text")} << 2;
    }
    void genericCsv()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, names);
        QFETCH(int, rows);
        ImportReport rep;
        const Table t = read(write(QStringLiteral("g.csv"), bytes), fmt("csv"), &rep);
        QStringList got;
        for (const Column &c : t.columns)
            got << c.name;
        QCOMPARE(got, names);
        QCOMPARE(t.rowCount(), rows);
    }

    void csvManyEscapedFields()
    {
        // Found by fuzz_csv (heap-use-after-free): each field with "" is rewritten into scratch
        // storage; when a row needed more of those than any row before, the storage grew and
        // moved the short strings that earlier fields of the same row still pointed into.
        QByteArray header, row;
        for (int i = 0; i < 12; ++i) {
            header += (i ? "," : "") + QByteArray("c") + QByteArray::number(i);
            row += (i ? "," : "") + QByteArray("\"v\"\"") + QByteArray::number(i) + "\"";
        }
        ImportReport rep;
        const Table t = read(write(QStringLiteral("esc.csv"), header + "\n" + row + "\n" + row + "\n"), fmt("csv"), &rep);
        QCOMPARE(t.rowCount(), 2);
        QCOMPARE(rep.badLines, 0);
        for (int i = 0; i < 12; ++i) {
            const QByteArray name = "c" + QByteArray::number(i);
            for (int r = 0; r < 2; ++r)
                QCOMPARE(col(t, name.constData()).text(r), QStringLiteral("v\"%1").arg(i));
        }
    }

    void csvValues()
    {
        const QByteArray bytes = "n,r,t,e\n1,1.5,a,\n2,Infinity,\"b \"\"q\"\"\",\n3,NaN,c,\n4,-inf,d,\nx,1,e\n";
        ImportReport rep;
        const Table t = read(write(QStringLiteral("v.csv"), bytes), fmt("csv"), &rep);
        QCOMPARE(t.rowCount(), 4);
        QCOMPARE(rep.badLines, 1);
        QCOMPARE(rep.badByReason.value(QStringLiteral("expected 4 fields")), 1);
        QCOMPARE(col(t, "n").type, ColumnType::Integer);
        QCOMPARE(col(t, "r").type, ColumnType::Real);
        QVERIFY(std::isinf(col(t, "r").number(1)));
        QVERIFY(col(t, "r").isMissing(2)); // NaN
        QCOMPARE(col(t, "r").number(3), -std::numeric_limits<double>::infinity());
        QCOMPARE(col(t, "t").text(1), QStringLiteral("b \"q\""));
        QCOMPARE(col(t, "e").type, ColumnType::Text);
        QVERIFY(col(t, "e").isMissing(0));
    }

    void cicAndUnswProfiles()
    {
        const QByteArray cic = " Destination Port, Flow Duration, Flow Bytes/s, Fwd Header Length, Fwd Header Length, Label\n"
                               "80,100,Infinity,20,20,BENIGN\n443,5,NaN,32,32,DDoS\n";
        ImportReport rep;
        const Table t = read(write(QStringLiteral("cic.csv"), cic), fmt("auto"), &rep);
        QCOMPARE(rep.format, QStringLiteral("cic-ids2017"));
        QCOMPARE(t.columns[0].name, QStringLiteral("Destination Port"));
        QCOMPARE(t.columns[4].name, QStringLiteral("Fwd Header Length_2"));
        QCOMPARE(col(t, "Flow Bytes/s").type, ColumnType::Real);
        QCOMPARE(col(t, "Label").text(1), QStringLiteral("DDoS"));

        QByteArray unsw = "59.166.0.0,1390,149.171.126.6,53,udp,CON,0.001055,132,164,31,29,0,0,dns,500473.9375,621800.9375,2,2,0,0,0,0,66,82,0,0,0,0,1421927414,1421927414,0.017,0.013,0,0,0,0,0,0,0,0,3,7,1,3,1,1,1,,0\n";
        unsw += "175.45.176.1,0x000b,149.171.126.16,80,tcp,FIN,1.1,1000,200,62,252,2,1,http,1.0,2.0,10,8,255,255,1,2,100,25,1,0,0.5,0.6,1421927414,1421927415,0.1,0.2,0.01,0.005,0.005,0,1,1,0,0,2,2,1,1,1,1,1,Exploits,1\n";
        ImportReport ur;
        const Table u = read(write(QStringLiteral("unsw.csv"), unsw), fmt("auto"), &ur);
        QCOMPARE(ur.format, QStringLiteral("unsw-nb15"));
        QCOMPARE(u.columns.size(), size_t(49));
        QCOMPARE(u.columns[0].name, QStringLiteral("srcip"));
        QCOMPARE(col(u, "sport").type, ColumnType::Text);
        QCOMPARE(col(u, "sbytes").type, ColumnType::Integer);
        QCOMPARE(col(u, "attack_cat").text(1), QStringLiteral("Exploits"));
        QVERIFY(col(u, "attack_cat").isMissing(0));
        QCOMPARE(col(u, "Label").number(1), 1.0);
    }

    // ---- bad input ----
    void badInput_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("missing file") << QStringLiteral("missing") << QStringLiteral("auto") << int(ErrorCode::NotFound) << QStringLiteral("does not exist");
        QTest::newRow("directory") << QStringLiteral("dir") << QStringLiteral("combined") << int(ErrorCode::InvalidArgument) << QStringLiteral("folder");
        QTest::newRow("empty file, auto") << QStringLiteral("empty") << QStringLiteral("auto") << int(ErrorCode::Unsupported) << QStringLiteral("empty");
        QTest::newRow("binary, auto") << QStringLiteral("random") << QStringLiteral("auto") << int(ErrorCode::Unsupported) << QStringLiteral("could not be recognised");
        QTest::newRow("unknown format") << QStringLiteral("empty") << QStringLiteral("xml") << int(ErrorCode::InvalidArgument) << QStringLiteral("Unknown format");
        // Found by fuzz_zeekjson: these used to open with no columns at all.
        QTest::newRow("binary, zeek-json") << QStringLiteral("random") << QStringLiteral("zeek-json") << int(ErrorCode::Parse) << QStringLiteral("no readable JSON record");
        QTest::newRow("empty file, zeek-json") << QStringLiteral("empty") << QStringLiteral("zeek-json") << int(ErrorCode::Parse) << QStringLiteral("no readable JSON record");
    }
    void badInput()
    {
        QFETCH(QString, kind);
        QFETCH(QString, format);
        QFETCH(int, code);
        QFETCH(QString, fragment);
        QString path;
        if (kind == QLatin1String("missing")) {
            path = m_dir.filePath(QStringLiteral("nope.log"));
        } else if (kind == QLatin1String("dir")) {
            path = m_dir.path();
        } else if (kind == QLatin1String("empty")) {
            path = write(QStringLiteral("empty.log"), {});
        } else {
            std::mt19937 rng(7);
            QByteArray b(200000, '\0');
            for (char &c : b)
                c = char(rng() & 0xff);
            b.replace('\n', 'x');
            b.replace('\r', 'x');
            b.replace(',', 'x');
            b.replace(';', 'x');
            b.replace('\t', 'x');
            b.replace('|', 'x');
            b.replace('\0', 'x');
            b[0] = 'R';
            path = write(QStringLiteral("random.bin"), b);
        }
        auto r = readTable(path, fmt(format.toLatin1().constData()));
        QVERIFY(!r);
        QCOMPARE(int(r.error().code), code);
        QVERIFY2(r.error().message.contains(fragment), qPrintable(r.error().message));
    }

    void randomBytesAsAccessLogAreBadLines()
    {
        std::mt19937 rng(11);
        QByteArray b(1 << 20, '\0');
        for (char &c : b)
            c = char(rng() & 0xff);
        ImportReport rep;
        const Table t = read(write(QStringLiteral("rnd.log"), b), fmt("combined"), &rep);
        QCOMPARE(t.rowCount(), 0);
        QVERIFY(rep.badLines > 0);
        QVERIFY(rep.lines >= rep.badLines);
        for (const char *f : {"csv", "zeek-json", "nslkdd"}) {
            ImportReport r2;
            auto t2 = readTable(write(QStringLiteral("rnd.log"), b), fmt(f), {}, &r2);
            // Either refused with a clear error or read as bad lines: never a crash.
            if (t2)
                QVERIFY(r2.lines > 0);
            else
                QVERIFY(!t2.error().message.isEmpty());
        }
    }

    void mutatedInputNeverCrashes()
    {
        // Attacker-controlled bytes: flip, insert quotes/brackets/NULs/newlines, cut short. Every
        // variant must either read (bad lines counted) or fail with a message.
        const QStringList files = {QStringLiteral("web/elastic_200.log"), QStringLiteral("web/acunetix_100.log"),
                                   QStringLiteral("zeek/conn.log"), QStringLiteral("zeek/conn.json.log"),
                                   QStringLiteral("ids/kddtrain_300.txt")};
        const char inserts[] = {'"', '[', ']', '\\', '\0', '\n', '\r', ',', '\t', '{', '}', char(0xC3), char(0xFF)};
        std::mt19937 rng(5);
        int readOk = 0;
        for (const QString &f : files) {
            QFile in(fixture(f));
            QVERIFY(in.open(QIODevice::ReadOnly));
            const QByteArray orig = in.readAll();
            for (int i = 0; i < 40; ++i) {
                QByteArray b = orig;
                const int edits = 1 + int(rng() % 200);
                for (int e = 0; e < edits && !b.isEmpty(); ++e) {
                    const auto pos = qsizetype(rng() % quint32(b.size()));
                    switch (rng() % 4) {
                    case 0: b[pos] = char(rng() & 0xff); break;
                    case 1: b.insert(pos, inserts[rng() % sizeof inserts]); break;
                    case 2: b.remove(pos, qsizetype(rng() % 40)); break;
                    default: b.truncate(qMax<qsizetype>(pos, b.size() - 100)); break;
                    }
                }
                if (i % 5 == 0)
                    b = gzipBytes(b).left(qsizetype(rng() % 4000) + 10); // truncated gzip
                const QString path = write(QStringLiteral("mut.bin"), b);
                for (const char *format : {"auto", "combined", "zeek", "zeek-json", "csv", "nslkdd"}) {
                    ReadOptions o = fmt(format);
                    o.maxLineBytes = 4096;
                    ImportReport rep;
                    auto t = readTable(path, o, {}, &rep);
                    if (t) {
                        ++readOk;
                        QCOMPARE(t->rowCount(), rep.rows);
                        QVERIFY(rep.lines >= rep.rows + rep.badLines);
                        for (const Column &c : t->columns)
                            QCOMPARE(c.size(), t->rowCount());
                    } else {
                        QVERIFY(!t.error().message.isEmpty());
                    }
                }
            }
        }
        QVERIFY(readOk > 0);
    }

    void maxRowsAndCancel()
    {
        ReadOptions o = fmt("combined");
        o.maxRows = 10;
        ImportReport rep;
        const Table t = read(fixture(QStringLiteral("web/elastic_200.log")), o, &rep);
        QCOMPARE(t.rowCount(), 10);
        auto r = readTable(fixture(QStringLiteral("web/elastic_200.log")), fmt("combined"), [](const Progress &) { return false; });
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
    }

    // ---- the real data sets (counts stated in the issue note) ----
    void realData_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<qint64>("bad");
        QTest::newRow("web/apache_elastic_sample.log") << QStringLiteral("web/apache_elastic_sample.log") << QStringLiteral("combined") << qint64(10000) << qint64(0);
        QTest::newRow("web/scanner_acunetix.log") << QStringLiteral("web/scanner_acunetix.log") << QStringLiteral("combined") << qint64(6539) << qint64(0);
        QTest::newRow("web/scanner_netsparker.log") << QStringLiteral("web/scanner_netsparker.log") << QStringLiteral("combined") << qint64(7314) << qint64(0);
        QTest::newRow("web/scanner_w3af.log") << QStringLiteral("web/scanner_w3af.log") << QStringLiteral("combined") << qint64(3996) << qint64(0);
        const std::pair<const char *, qint64> zeek[] = {{"conn.log", 360}, {"dhcp.log", 2}, {"dns.log", 54}, {"files.log", 113},
                                                         {"ftp.log", 7}, {"http.log", 150}, {"notice.log", 2}, {"smtp.log", 3},
                                                         {"ssl.log", 37}, {"tor_ssl.log", 733}, {"weird.log", 12}, {"x509.log", 13}};
        for (const auto &[f, n] : zeek)
            QTest::newRow(qPrintable(QStringLiteral("zeek/%1").arg(QLatin1String(f)))) << QStringLiteral("zeek/%1").arg(QLatin1String(f)) << QStringLiteral("zeek") << n << qint64(0);
        const std::pair<const char *, qint64> json[] = {{"conn.log", 50}, {"dns.log", 50}, {"http.log", 28}, {"ssl.log", 50}};
        for (const auto &[f, n] : json)
            QTest::newRow(qPrintable(QStringLiteral("zeek/json/%1").arg(QLatin1String(f)))) << QStringLiteral("zeek/json/%1").arg(QLatin1String(f)) << QStringLiteral("zeek-json") << n << qint64(0);
        QTest::newRow("nsl-kdd/KDDTrain+") << QStringLiteral("nsl-kdd/KDDTrain+.txt.gz") << QStringLiteral("nslkdd") << qint64(125973) << qint64(0);
        QTest::newRow("nsl-kdd/KDDTest+") << QStringLiteral("nsl-kdd/KDDTest+.txt.gz") << QStringLiteral("nslkdd") << qint64(22544) << qint64(0);
        QTest::newRow("nsl-kdd/KDDTest-21") << QStringLiteral("nsl-kdd/KDDTest-21.txt.gz") << QStringLiteral("nslkdd") << qint64(11850) << qint64(0);
        QTest::newRow("nsl-kdd/KDDTrain+_20Percent") << QStringLiteral("nsl-kdd/KDDTrain+_20Percent.txt.gz") << QStringLiteral("nslkdd") << qint64(25192) << qint64(0);
        QTest::newRow("kddcup99/10 percent") << QStringLiteral("kddcup99/kddcup.data_10_percent.gz") << QStringLiteral("kdd99") << qint64(494021) << qint64(0);
        QTest::newRow("kddcup99/corrected") << QStringLiteral("kddcup99/corrected.gz") << QStringLiteral("kdd99") << qint64(311029) << qint64(0);
    }
    void realData()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(qint64, rows);
        QFETCH(qint64, bad);
        const QString path = shared(file);
        if (!QFileInfo::exists(path))
            QSKIP(qPrintable(QStringLiteral("%1 is absent (the shared data sets live beside the checkout in ../shared/data)").arg(path)));
        ImportReport rep;
        const Table t = read(path, fmt("auto"), &rep);
        QCOMPARE(rep.format, format);
        QCOMPARE(t.rowCount(), rows);
        QCOMPARE(rep.badLines, bad);
        qInfo("%s: %lld lines, %lld rows, %lld bad, %zu columns", qPrintable(file), qlonglong(rep.lines),
              qlonglong(rep.rows), qlonglong(rep.badLines), t.columns.size());
        if (format == QLatin1String("nslkdd")) {
            std::int64_t normal = 0;
            const Column &label = col(t, "label");
            for (int r = 0; r < t.rowCount(); ++r)
                normal += label.text(r) == QLatin1String("normal") ? 1 : 0;
            if (file.contains(QLatin1String("KDDTrain+.txt")))
                QCOMPARE(normal, 67343);
            if (file.contains(QLatin1String("KDDTest+")))
                QCOMPARE(normal, 9711);
        }
        if (format == QLatin1String("kdd99")) {
            std::int64_t normal = 0;
            const Column &label = col(t, "label");
            for (int r = 0; r < t.rowCount(); ++r)
                normal += label.text(r) == QLatin1String("normal") ? 1 : 0;
            QCOMPARE(normal, file.contains(QLatin1String("corrected")) ? 60593 : 97278);
        }
    }
};

QTEST_APPLESS_MAIN(TestReaders)
#include "tst_readers.moc"
