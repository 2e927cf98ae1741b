// Without a GeoIP database the IP columns simply have no country/region blocks, and the schema
// says why; nothing fails. The database directory is pointed at an empty folder before anything
// looks it up.
#include "core/schema/schema.h"

#include <QTest>

using namespace vigil;

namespace {

// Runs before main(): GeoIpSystem reads VIGIL_GEOIP_DIR once, on first use.
const bool kNoDatabase = qputenv("VIGIL_GEOIP_DIR", QByteArrayLiteral("/nonexistent-vigil-geoip"));

} // namespace

class TestGeoIpAbsent final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ipColumnWithoutDatabase()
    {
        QVERIFY(kNoDatabase);
        Table t;
        Column c;
        c.name = QStringLiteral("src_ip");
        c.type = ColumnType::Text;
        c.dictionary = {QStringLiteral("8.8.8.8"), QStringLiteral("10.0.0.1")};
        c.codes = {0, 1, 0, 0};
        t.columns.push_back(std::move(c));
        t.recordIds = {1, 2, 3, 4};
        auto schema = inferSchema(t);
        QVERIFY2(schema.has_value(), schema ? "" : qPrintable(schema.error().message));
        const ColumnSpec *s = schema->column(QStringLiteral("src_ip"));
        QVERIFY(s);
        QCOMPARE(s->encoding, Encoding::IpParts);
        QVERIFY(!s->geo);
        QVERIFY(s->countries.isEmpty());
        QVERIFY2(s->geoNote.contains(QStringLiteral("no country/region")), qPrintable(s->geoNote));
        QVERIFY2(s->geoNote.contains(QStringLiteral("geoip-database")), qPrintable(s->geoNote));
        for (const auto &b : schema->blocks())
            QVERIFY2(!b.name.endsWith(QLatin1String(".country")) && !b.name.endsWith(QLatin1String(".region")), qPrintable(b.name));
        auto m = encodeTable(*schema, t);
        QVERIFY(m.has_value());
        QCOMPARE(m->cols, schema->width());
    }
};

QTEST_APPLESS_MAIN(TestGeoIpAbsent)
#include "tst_geoipabsent.moc"
