// GeoIP country database: lookups against Debian's geoip-database (skipped when it is not
// installed), the reader on hand-built and damaged files, and the schema's country/region blocks.
#include "core/io/geoip.h"
#include "core/schema/schema.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {

const QString kSystemV4 = QStringLiteral("/usr/share/GeoIP/GeoIP.dat");
const QString kSystemV6 = QStringLiteral("/usr/share/GeoIP/GeoIPv6.dat");

std::uint32_t v4(int a, int b, int c, int d)
{
    return std::uint32_t(a) << 24 | std::uint32_t(b) << 16 | std::uint32_t(c) << 8 | std::uint32_t(d);
}

QByteArray record(std::uint32_t v)
{
    return QByteArray(1, char(v & 0xFF)) + char((v >> 8) & 0xFF) + char((v >> 16) & 0xFF);
}

/// A country database with \a nodes (pairs of records), a build line and a trailer.
QByteArray database(const std::vector<std::pair<std::uint32_t, std::uint32_t>> &nodes, int edition = 1)
{
    QByteArray b;
    for (const auto &[zero, one] : nodes)
        b += record(zero) + record(one);
    b += QByteArray(3, '\0') + QByteArrayLiteral("TEST 20240101 Build 1");
    b += QByteArray(3, char(0xFF)) + char(edition);
    return b;
}

constexpr std::uint32_t kSegment = 16776960;

Column textColumn(const QString &name, const QStringList &values)
{
    Column c;
    c.name = name;
    c.type = ColumnType::Text;
    for (const QString &v : values) {
        auto it = std::find(c.dictionary.begin(), c.dictionary.end(), v);
        if (it == c.dictionary.end()) {
            c.dictionary.push_back(v);
            it = c.dictionary.end() - 1;
        }
        c.codes.push_back(std::int32_t(it - c.dictionary.begin()));
    }
    return c;
}

} // namespace

class TestGeoIp final : public QObject
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

private Q_SLOTS:
    void systemLookups_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("country");
        QTest::newRow("Google DNS") << QStringLiteral("8.8.8.8") << QStringLiteral("US");
        QTest::newRow("RIPE NCC") << QStringLiteral("193.0.6.139") << QStringLiteral("NL");
        QTest::newRow("University of Tokyo") << QStringLiteral("133.11.0.1") << QStringLiteral("JP");
        QTest::newRow("TU Dresden") << QStringLiteral("141.76.1.1") << QStringLiteral("DE");
        QTest::newRow("NIC.br") << QStringLiteral("200.160.2.3") << QStringLiteral("BR");
        QTest::newRow("private 10/8") << QStringLiteral("10.1.2.3") << QString();
        QTest::newRow("private 192.168/16") << QStringLiteral("192.168.33.10") << QString();
        QTest::newRow("loopback") << QStringLiteral("127.0.0.1") << QString();
    }

    void systemLookups()
    {
        QFETCH(QString, address);
        QFETCH(QString, country);
        if (!QFile::exists(kSystemV4))
            QSKIP("no /usr/share/GeoIP/GeoIP.dat: install Debian's geoip-database to run this test");
        auto db = GeoIpDatabase::open(kSystemV4);
        QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().message));
        QVERIFY(!db->isIpv6());
        const QStringList parts = address.split(QLatin1Char('.'));
        QCOMPARE(db->countryV4(v4(parts[0].toInt(), parts[1].toInt(), parts[2].toInt(), parts[3].toInt())), country);
    }

    void systemIpv6Lookup()
    {
        if (!QFile::exists(kSystemV6))
            QSKIP("no /usr/share/GeoIP/GeoIPv6.dat: install Debian's geoip-database to run this test");
        auto db = GeoIpDatabase::open(kSystemV6);
        QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().message));
        QVERIFY(db->isIpv6());
        // 2001:4860:4860::8888, Google's public DNS over IPv6.
        std::array<std::uint8_t, 16> google{0x20, 0x01, 0x48, 0x60, 0x48, 0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0x88, 0x88};
        QCOMPARE(db->countryV6(google), QStringLiteral("US"));
        std::array<std::uint8_t, 16> linkLocal{0xfe, 0x80};
        QCOMPARE(db->countryV6(linkLocal), QString());
    }

    void handBuiltTree()
    {
        // Root: bit 0 → node 1, bit 1 → US (index 225). Node 1: bit 0 → unknown, bit 1 → DE (56).
        const QString path = write(QStringLiteral("tiny.dat"), database({{1, kSegment + 225}, {kSegment, kSegment + 56}}));
        auto db = GeoIpDatabase::open(path);
        QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().message));
        QCOMPARE(db->info(), QStringLiteral("TEST 20240101 Build 1"));
        QCOMPARE(db->countryV4(v4(200, 1, 1, 1)), QStringLiteral("US"));
        QCOMPARE(db->countryV4(v4(64, 1, 1, 1)), QStringLiteral("DE"));
        QCOMPARE(db->countryV4(v4(1, 1, 1, 1)), QString());
        QCOMPARE(db->countryV6({}), QString()); // the IPv4 edition answers no IPv6 question
    }

    void damagedFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");       // ErrorCode, or Ok when it opens (and then answers "")
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << int(ErrorCode::Corrupt) << QStringLiteral("no GeoIP structure trailer");
        QTest::newRow("text") << QByteArrayLiteral("not a database at all\n") << int(ErrorCode::Corrupt) << QStringLiteral("truncated");
        QTest::newRow("city edition") << database({{kSegment, kSegment}}, 2) << int(ErrorCode::Unsupported) << QStringLiteral("edition 2");
        QTest::newRow("no tree") << QByteArray(3, char(0xFF)) + char(1) << int(ErrorCode::Corrupt) << QStringLiteral("no search tree");
        // Records that point past the end, back to the root (a loop), or at themselves.
        QTest::newRow("points past end") << database({{5000, 9000}}) << int(ErrorCode::Ok) << QString();
        QTest::newRow("loop to root") << database({{1, 1}, {0, 0}}) << int(ErrorCode::Ok) << QString();
        QTest::newRow("self loop") << database({{0, 0}}) << int(ErrorCode::Ok) << QString();
        QTest::newRow("country index out of table") << database({{kSegment + 4000, kSegment + 300}}) << int(ErrorCode::Ok) << QString();
    }

    void damagedFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        QFETCH(QString, message);
        auto db = GeoIpDatabase::open(write(QStringLiteral("bad.dat"), bytes));
        if (code != int(ErrorCode::Ok)) {
            QVERIFY(!db);
            QCOMPARE(int(db.error().code), code);
            QVERIFY2(db.error().message.contains(message), qPrintable(db.error().message));
            return;
        }
        QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().message));
        for (const auto a : {v4(0, 0, 0, 0), v4(255, 255, 255, 255), v4(8, 8, 8, 8), v4(128, 0, 0, 1)})
            QCOMPARE(db->countryV4(a), QString());
    }

    void truncatedSystemFile()
    {
        if (!QFile::exists(kSystemV4))
            QSKIP("no /usr/share/GeoIP/GeoIP.dat: install Debian's geoip-database to run this test");
        QFile f(kSystemV4);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        // Cut in half: the trailer is gone, which is how a cut download looks.
        auto cut = GeoIpDatabase::open(write(QStringLiteral("cut.dat"), all.left(all.size() / 2)));
        QVERIFY(!cut);
        QCOMPARE(cut.error().code, ErrorCode::Corrupt);
        QVERIFY(cut.error().message.contains(QStringLiteral("truncated")));
        // The tree cut to an eighth but the build line and trailer kept: lookups that stay in
        // the kept part answer as before, the others answer "" (never a wrong country, never a
        // read past the data).
        auto full = GeoIpDatabase::open(kSystemV4);
        QVERIFY(full.has_value());
        const qsizetype info = all.lastIndexOf(QByteArray(3, '\0'));
        QVERIFY(info > all.size() - 130);
        auto holed = GeoIpDatabase::open(write(QStringLiteral("holed.dat"), all.left(all.size() / 8 / 6 * 6) + all.mid(info)));
        QVERIFY2(holed.has_value(), holed ? "" : qPrintable(holed.error().message));
        int same = 0, lost = 0;
        for (std::uint32_t a = 0x01000000u; a < 0xE0000000u; a += 0x00F00F0Fu) {
            const QString h = holed->countryV4(a);
            if (h.isEmpty()) {
                ++lost;
                continue;
            }
            QCOMPARE(h, full->countryV4(a));
            ++same;
        }
        QVERIFY(same > 0);
        QVERIFY(lost > 0);
    }

    void missingFile()
    {
        auto db = GeoIpDatabase::open(m_dir.filePath(QStringLiteral("absent.dat")));
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::NotFound);
        QVERIFY(db.error().message.contains(QStringLiteral("geoip-database")));
    }

    void continents_data()
    {
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("continent");
        QTest::newRow("US") << QStringLiteral("US") << QStringLiteral("NA");
        QTest::newRow("DE") << QStringLiteral("DE") << QStringLiteral("EU");
        QTest::newRow("JP") << QStringLiteral("JP") << QStringLiteral("AS");
        QTest::newRow("BR") << QStringLiteral("BR") << QStringLiteral("SA");
        QTest::newRow("AU") << QStringLiteral("AU") << QStringLiteral("OC");
        QTest::newRow("ZA") << QStringLiteral("ZA") << QStringLiteral("AF");
        QTest::newRow("AQ") << QStringLiteral("AQ") << QStringLiteral("AN");
        QTest::newRow("anonymous proxy") << QStringLiteral("A1") << QString();
        QTest::newRow("unknown") << QString() << QString();
    }

    void continents()
    {
        QFETCH(QString, country);
        QFETCH(QString, continent);
        QCOMPARE(GeoIpDatabase::continentOf(country), continent);
    }

    void codeTable()
    {
        QCOMPARE(GeoIpDatabase::countryCode(0), QString());
        QCOMPARE(GeoIpDatabase::countryCode(225), QStringLiteral("US"));
        QCOMPARE(GeoIpDatabase::countryCode(56), QStringLiteral("DE"));
        QCOMPARE(GeoIpDatabase::countryCode(77), QStringLiteral("GB"));
        QCOMPARE(GeoIpDatabase::countryCode(255), QStringLiteral("O1"));
        QCOMPARE(GeoIpDatabase::countryCode(256), QString());
        QCOMPARE(GeoIpDatabase::countryCode(-1), QString());
        // Every real country of the table has a continent.
        int without = 0;
        for (int i = 3; i < 256; ++i) {
            const QString c = GeoIpDatabase::countryCode(i);
            if (c != QLatin1String("A1") && c != QLatin1String("A2") && c != QLatin1String("O1"))
                without += GeoIpDatabase::continentOf(c).isEmpty() ? 1 : 0;
        }
        QCOMPARE(without, 0);
    }

    void schemaCountryAndRegion()
    {
        if (!QFile::exists(kSystemV4))
            QSKIP("no /usr/share/GeoIP/GeoIP.dat: install Debian's geoip-database to run this test");
        Table t;
        t.columns.push_back(textColumn(QStringLiteral("dst_ip"),
                                       {QStringLiteral("8.8.8.8"), QStringLiteral("8.8.4.4"), QStringLiteral("193.0.6.139"),
                                        QStringLiteral("10.0.0.1"), QStringLiteral("8.8.8.8"), QStringLiteral("133.11.0.1")}));
        for (std::int64_t r = 1; r <= 6; ++r)
            t.recordIds.push_back(r);
        auto schema = inferSchema(t);
        QVERIFY2(schema.has_value(), schema ? "" : qPrintable(schema.error().message));
        const ColumnSpec *c = schema->column(QStringLiteral("dst_ip"));
        QVERIFY(c);
        QCOMPARE(c->encoding, Encoding::IpParts);
        QVERIFY2(c->geo, qPrintable(c->geoNote));
        QVERIFY(c->geoNote.contains(QStringLiteral("GeoIP.dat")));
        QCOMPARE(c->countries, (QStringList{QStringLiteral("US"), QStringLiteral("JP"), QStringLiteral("NL")}));
        auto m = encodeTable(*schema, t);
        QVERIFY(m.has_value());
        const QStringList names = m->featureNames();
        const auto value = [&](int row, const char *feature) {
            const int i = int(names.indexOf(QString::fromLatin1(feature)));
            if (i < 0)
                qFatal("no feature %s in %s", feature, qPrintable(names.join(QLatin1Char(' '))));
            return m->at(row, i);
        };
        QCOMPARE(value(0, "dst_ip.country=US"), 1.0f);
        QCOMPARE(value(0, "dst_ip.region=NA"), 1.0f);
        QCOMPARE(value(2, "dst_ip.country=NL"), 1.0f);
        QCOMPARE(value(2, "dst_ip.region=EU"), 1.0f);
        QCOMPARE(value(5, "dst_ip.region=AS"), 1.0f);
        // A private address has no country: both blocks stay zero.
        float geoSum = 0;
        for (int i = 0; i < int(names.size()); ++i) {
            if (names[i].startsWith(QLatin1String("dst_ip.country")) || names[i].startsWith(QLatin1String("dst_ip.region")))
                geoSum += m->at(3, i);
        }
        QCOMPARE(geoSum, 0.0f);
        // The blocks survive the JSON round trip.
        auto back = FeatureSchema::fromJson(schema->toJson());
        QVERIFY(back.has_value());
        QCOMPARE(back->width(), schema->width());
        QCOMPARE(back->column(QStringLiteral("dst_ip"))->countries, c->countries);
    }
};

QTEST_APPLESS_MAIN(TestGeoIp)
#include "tst_geoip.moc"
