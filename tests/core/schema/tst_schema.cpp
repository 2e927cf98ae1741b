#include "core/io/reader.h"
#include "core/project.h"
#include "core/store/datasetstore.h"
#include "core/schema/schema.h"
#include "core/sqlite.h"
#include "tablebuilder.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>


#include <cmath>

using namespace vigil;
using vigil::test::makeColumn;
using vigil::test::makeTable;

namespace {

QString dataPath(const char *name)
{
    return QDir(QStringLiteral(VIGIL_TEST_DATA_DIR)).filePath(QString::fromLatin1(name));
}

/// A small access-log-like table: timestamps, client IPs, method, status, bytes, path, agent.
Table webTable(int rows)
{
    Table t;
    Column ts{QStringLiteral("time"), ColumnType::Timestamp, {}, {}, {}};
    QStringList ip, method, status, bytes, path, agent;
    for (int i = 0; i < rows; ++i) {
        ts.numbers.push_back(1431856800.0 + 37.0 * i); // 2015-05-17 10:00 UTC onwards
        ip << (i % 3 == 0 ? QStringLiteral("10.0.0.%1").arg(i % 7) : QStringLiteral("83.149.9.%1").arg(i % 5));
        method << (i % 10 == 0 ? QStringLiteral("POST") : QStringLiteral("GET"));
        status << (i % 13 == 0 ? QStringLiteral("404") : QStringLiteral("200"));
        bytes << QString::number((i * 7919) % 50000);
        path << QStringLiteral("/page/%1?id=%2").arg(i).arg(i * 31);
        agent << QStringLiteral("Mozilla/5.0 (build %1)").arg(i * 17);
    }
    t.columns.push_back(ts);
    t.columns.push_back(makeColumn(QStringLiteral("remote_addr"), ip));
    t.columns.push_back(makeColumn(QStringLiteral("method"), method));
    t.columns.push_back(makeColumn(QStringLiteral("status"), status));
    t.columns.push_back(makeColumn(QStringLiteral("body_bytes_sent"), bytes));
    t.columns.push_back(makeColumn(QStringLiteral("path"), path));
    t.columns.push_back(makeColumn(QStringLiteral("user_agent"), agent));
    t.columns.push_back(makeColumn(QStringLiteral("vhost"), QStringList(rows, QStringLiteral("example.org"))));
    for (int i = 0; i < rows; ++i)
        t.recordIds.push_back(i + 1);
    return t;
}

QStringList sl(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *s : items)
        out << QString::fromUtf8(s);
    return out;
}

QString errorText(const Error &e)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(errorCodeName(e.code)), e.message);
}

#define REQUIRE_OK(expr) \
    do { \
        if (!(expr)) \
            QFAIL(qPrintable(errorText((expr).error()))); \
    } while (false)

std::vector<std::vector<double>> readMatrix(const QString &path)
{
    std::vector<std::vector<double>> out;
    for (const auto &line : vigil::test::readLines(path)) {
        std::vector<double> row;
        for (const auto &cell : line.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            row.push_back(cell.toDouble());
        out.push_back(std::move(row));
    }
    return out;
}

ColumnSpec categorical(const QString &name, int topK, std::int64_t minFrequency)
{
    ColumnSpec s;
    s.name = name;
    s.kind = ValueKind::Categorical;
    s.role = Role::Feature;
    s.encoding = Encoding::OneHot;
    s.topK = topK;
    s.minFrequency = minFrequency;
    return s;
}

ColumnSpec numeric(const QString &name, NumericTransform t)
{
    ColumnSpec s;
    s.name = name;
    s.kind = ValueKind::Numeric;
    s.role = Role::Feature;
    s.encoding = Encoding::Numeric;
    s.transform = t;
    return s;
}

} // namespace

class TestSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inferWebColumns_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("encoding");
        QTest::newRow("timestamp") << "time" << "timestamp" << "timestamp" << "hour-weekday";
        QTest::newRow("client ip") << "remote_addr" << "ip" << "entity-key" << "ip-scope-prefix";
        QTest::newRow("method") << "method" << "categorical" << "feature" << "one-hot";
        QTest::newRow("status") << "status" << "categorical" << "feature" << "one-hot";
        QTest::newRow("bytes") << "body_bytes_sent" << "numeric" << "feature" << "numeric";
        QTest::newRow("path") << "path" << "text" << "ignore" << "none";
        QTest::newRow("user agent") << "user_agent" << "text" << "ignore" << "none";
        QTest::newRow("constant") << "vhost" << "constant" << "ignore" << "none";
    }

    void inferWebColumns()
    {
        QFETCH(QString, column);
        QFETCH(QString, kind);
        QFETCH(QString, role);
        QFETCH(QString, encoding);
        const Table t = webTable(600);
        auto schema = inferSchema(t);
        REQUIRE_OK(schema);
        const ColumnSpec *c = schema->column(column);
        QVERIFY(c);
        QCOMPARE(kindName(c->kind), kind);
        QCOMPARE(roleName(c->role), role);
        QCOMPARE(encodingName(c->encoding), encoding);
        QCOMPARE(schema->columnWithRole(Role::EntityKey), QStringLiteral("remote_addr"));
        QCOMPARE(schema->columnWithRole(Role::Timestamp), QStringLiteral("time"));
        if (column == QLatin1String("body_bytes_sent"))
            QCOMPARE(c->transform, NumericTransform::Log1pMinMax);
    }

    void inferWithImportDerivedColumns()
    {
        // The access-log reader derives ip_scope/ip_prefix and hour/weekday at import: the schema
        // encodes those instead of deriving the same blocks again from the raw columns.
        Table t = webTable(200);
        QStringList scope, prefix, hour, weekday, port, rate;
        for (int i = 0; i < 200; ++i) {
            scope << (i % 3 == 0 ? QStringLiteral("private") : QStringLiteral("public"));
            prefix << (i % 3 == 0 ? QStringLiteral("10.0.0.0/24") : QStringLiteral("83.149.9.0/24"));
            hour << QString::number((10 + i / 97) % 24);
            weekday << QStringLiteral("6");
            port << QString::number(40000 + i);
            rate << QString::number(1 + i % 40);
        }
        t.columns.push_back(makeColumn(QStringLiteral("ip_scope"), scope));
        t.columns.push_back(makeColumn(QStringLiteral("ip_prefix"), prefix));
        t.columns.push_back(makeColumn(QStringLiteral("hour"), hour));
        t.columns.push_back(makeColumn(QStringLiteral("weekday"), weekday));
        t.columns.push_back(makeColumn(QStringLiteral("remote_port"), port));
        t.columns.push_back(makeColumn(QStringLiteral("client_requests_1m"), rate));
        auto schema = inferSchema(t);
        REQUIRE_OK(schema);
        QCOMPARE(schema->column(QStringLiteral("time"))->role, Role::Timestamp);
        QCOMPARE(schema->column(QStringLiteral("time"))->encoding, Encoding::None);
        QCOMPARE(schema->column(QStringLiteral("remote_addr"))->role, Role::EntityKey);
        QCOMPARE(schema->column(QStringLiteral("remote_addr"))->encoding, Encoding::None);
        QCOMPARE(schema->column(QStringLiteral("ip_scope"))->encoding, Encoding::OneHot);
        QCOMPARE(schema->column(QStringLiteral("hour"))->encoding, Encoding::OneHot);
        QCOMPARE(schema->column(QStringLiteral("hour"))->width(), 3);
        QCOMPARE(schema->column(QStringLiteral("weekday"))->role, Role::Ignore); // constant here
        QCOMPARE(schema->column(QStringLiteral("remote_port"))->role, Role::Ignore);
        // Per-client rates are for triage; a model sees them only when the analyst turns them on.
        const ColumnSpec *rates = schema->column(QStringLiteral("client_requests_1m"));
        QCOMPARE(rates->kind, ValueKind::Numeric);
        QCOMPARE(rates->role, Role::Ignore);
        QCOMPARE(rates->width(), 0);
        QCOMPARE(rates->transform, NumericTransform::Log1pMinMax);
    }

    void inferLabelsAndKeys_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("role");
        QTest::newRow("label") << "label" << "label";
        QTest::newRow("attack_cat") << "attack_cat" << "label";
        QTest::newRow("Label (CIC)") << " Label" << "label";
        QTest::newRow("class") << "class" << "label";
        QTest::newRow("zeek orig_h") << "id.orig_h" << "entity-key";
        QTest::newRow("src_ip") << "src_ip" << "entity-key";
        QTest::newRow("row id") << "id" << "ignore";
    }

    void inferLabelsAndKeys()
    {
        QFETCH(QString, column);
        QFETCH(QString, role);
        QStringList lines;
        for (int i = 0; i < 50; ++i)
            lines << QStringLiteral("%1,%2,%3").arg(i % 4 ? QStringLiteral("normal") : QStringLiteral("attack")).arg(i).arg(i % 2);
        QStringList values;
        for (int i = 0; i < 50; ++i)
            values << (role == QLatin1String("entity-key") ? QStringLiteral("192.168.1.%1").arg(i % 9)
                       : column == QLatin1String("id")     ? QString::number(i + 1)
                                                            : (i % 4 ? QStringLiteral("normal") : QStringLiteral("attack")));
        Table t = makeTable({QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")}, lines);
        t.columns.push_back(makeColumn(column, values));
        auto schema = inferSchema(t);
        REQUIRE_OK(schema);
        QCOMPARE(roleName(schema->column(column)->role), role);
        QCOMPARE(schema->column(column)->encoding == Encoding::None, role != QLatin1String("entity-key"));
    }

    void oneHotTopKAndMinFrequency_data()
    {
        QTest::addColumn<int>("topK");
        QTest::addColumn<int>("minFrequency");
        QTest::addColumn<QStringList>("features");
        QTest::addColumn<QString>("unseen"); // where an unseen test value lands
        // counts: a 5, b 4, c 3, d 2, e 2 (d/e tie → lexicographic), f 1
        QTest::newRow("all") << 0 << 1 << sl({"x=a", "x=b", "x=c", "x=d", "x=e", "x=f"}) << "";
        QTest::newRow("top-3 + OTHER") << 3 << 1 << sl({"x=a", "x=b", "x=c", "x=OTHER"}) << "x=OTHER";
        QTest::newRow("min-frequency 2") << 0 << 2 << sl({"x=a", "x=b", "x=c", "x=d", "x=e", "x=OTHER"}) << "x=OTHER";
        QTest::newRow("top-4 ties by name") << 4 << 1 << sl({"x=a", "x=b", "x=c", "x=d", "x=OTHER"}) << "x=OTHER";
        QTest::newRow("k larger than distinct") << 50 << 1 << sl({"x=a", "x=b", "x=c", "x=d", "x=e", "x=f"}) << "";
    }

    void oneHotTopKAndMinFrequency()
    {
        QFETCH(int, topK);
        QFETCH(int, minFrequency);
        QFETCH(QStringList, features);
        QFETCH(QString, unseen);
        QStringList cells;
        const std::pair<const char *, int> counts[] = {{"e", 2}, {"a", 5}, {"f", 1}, {"b", 4}, {"d", 2}, {"c", 3}};
        for (const auto &[v, n] : counts) {
            for (int i = 0; i < n; ++i)
                cells << QString::fromLatin1(v);
        }
        Table train = makeTable({QStringLiteral("x")}, cells);
        auto schema = fitSchema(train, {categorical(QStringLiteral("x"), topK, minFrequency)});
        REQUIRE_OK(schema);
        QCOMPARE(schema->width(), int(features.size()));
        QCOMPARE(schema->blocks().at(0).featureNames, features);

        // Encoding a table with a value never seen in training: OTHER when it exists, else zeros.
        Table test = makeTable({QStringLiteral("x")}, {QStringLiteral("zzz"), QStringLiteral("a"), QStringLiteral("f")});
        auto m = encodeTable(*schema, test);
        REQUIRE_OK(m);
        QCOMPARE(m->rows, 3);
        QCOMPARE(m->cols, int(features.size()));
        auto row0 = explain(*schema, *m, 0);
        REQUIRE_OK(row0);
        QCOMPARE(row0->nonZero.size(), size_t(unseen.isEmpty() ? 0 : 1));
        if (!unseen.isEmpty())
            QCOMPARE(row0->nonZero[0].name, unseen);
        QCOMPARE(m->at(1, 0), 1.0f); // "a" is the most frequent → first
        auto row2 = explain(*schema, *m, 2);
        REQUIRE_OK(row2);
        QCOMPARE(row2->nonZero.size(), size_t(1));
        QCOMPARE(row2->nonZero[0].name, features.contains(QStringLiteral("x=f")) ? QStringLiteral("x=f") : QStringLiteral("x=OTHER"));
    }

    void numericEncoders_data()
    {
        QTest::addColumn<QString>("transform");
        QTest::addColumn<QString>("featureName");
        QTest::addColumn<QList<double>>("expected"); // for train values 0, 1, 3, 9 and test values
        const double l1 = std::log1p(1.0), l3 = std::log1p(3.0), l9 = std::log1p(9.0);
        // train: 0 1 3 9; test: 4, NaN, +Inf, -Inf, 19
        QTest::newRow("minmax") << "minmax" << "v"
                                << QList<double>{0, 1 / 9.0, 3 / 9.0, 1, 4 / 9.0, 0, 1, 0, 19 / 9.0};
        QTest::newRow("log1p-minmax") << "log1p-minmax" << "log1p(v)"
                                      << QList<double>{0, l1 / l9, l3 / l9, 1, std::log1p(4.0) / l9, 0, 1, 0, std::log1p(19.0) / l9};
        const double mean = 13.0 / 4, sd = std::sqrt(((mean * mean) + (1 - mean) * (1 - mean) + (3 - mean) * (3 - mean) + (9 - mean) * (9 - mean)) / 4);
        QTest::newRow("standardize") << "standardize" << "v"
                                     << QList<double>{-mean / sd, (1 - mean) / sd, (3 - mean) / sd, (9 - mean) / sd, (4 - mean) / sd,
                                                      0, (9 - mean) / sd, -mean / sd, (19 - mean) / sd};
    }

    void numericEncoders()
    {
        QFETCH(QString, transform);
        QFETCH(QString, featureName);
        QFETCH(QList<double>, expected);
        Table train = makeTable({QStringLiteral("v")}, {QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("9")});
        auto schema = fitSchema(train, {numeric(QStringLiteral("v"), transformFromName(transform).value())});
        REQUIRE_OK(schema);
        QCOMPARE(schema->blocks().at(0).featureNames, QStringList{featureName});
        Table test = makeTable({QStringLiteral("v")}, {QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("9"),
                                                       QStringLiteral("4"), QStringLiteral("nan"), QStringLiteral("inf"),
                                                       QStringLiteral("-inf"), QStringLiteral("19")});
        auto m = encodeTable(*schema, test);
        REQUIRE_OK(m);
        QCOMPARE(m->rows, std::int64_t(expected.size()));
        for (int r = 0; r < expected.size(); ++r) {
            QVERIFY2(std::isfinite(m->at(r, 0)), qPrintable(QStringLiteral("row %1 is not finite").arg(r)));
            QVERIFY2(std::abs(m->at(r, 0) - expected[r]) < 1e-6,
                     qPrintable(QStringLiteral("row %1: %2 != %3").arg(r).arg(m->at(r, 0)).arg(expected[r])));
        }
    }

    void nonFiniteAndConstantColumns()
    {
        Table t = makeTable({QStringLiteral("flat"), QStringLiteral("v"), QStringLiteral("cat")},
                            {QStringLiteral("7,1,a"), QStringLiteral("7,inf,b"), QStringLiteral("7,,a"), QStringLiteral("7,5,")});
        auto schema = inferSchema(t);
        REQUIRE_OK(schema);
        QCOMPARE(schema->column(QStringLiteral("flat"))->kind, ValueKind::Constant);
        QCOMPARE(schema->column(QStringLiteral("flat"))->role, Role::Ignore);
        const ColumnSpec *v = schema->column(QStringLiteral("v"));
        QCOMPARE(v->missing, 1);
        QCOMPARE(v->nonFinite, 1);
        QCOMPARE(schema->column(QStringLiteral("cat"))->missing, 1);
        // A constant numeric column forced to be a feature scales by 1 and encodes to 0.
        auto forced = fitSchema(t, {numeric(QStringLiteral("flat"), NumericTransform::MinMax)});
        REQUIRE_OK(forced);
        auto m = encodeTable(*forced, t);
        REQUIRE_OK(m);
        for (std::int64_t r = 0; r < m->rows; ++r)
            QCOMPARE(m->at(r, 0), 0.0f);
    }

    void timestampAndIpParts()
    {
        // 2015-05-17 10:05:03 UTC was a Sunday; 1969-12-31 23:00 a Wednesday.
        Table t;
        t.columns.push_back(Column{QStringLiteral("ts"), ColumnType::Timestamp, {1431857103.0, -3600.0}, {}, {}});
        t.columns.push_back(makeColumn(QStringLiteral("client"), {QStringLiteral("10.1.2.3"), QStringLiteral("2001:db8:5::1")}));
        t.recordIds = {1, 2};
        ColumnSpec ts;
        ts.name = QStringLiteral("ts");
        ts.role = Role::Timestamp;
        ts.encoding = Encoding::TimeParts;
        ColumnSpec ip;
        ip.name = QStringLiteral("client");
        ip.role = Role::EntityKey;
        ip.encoding = Encoding::IpParts;
        auto schema = fitSchema(t, {ts, ip});
        REQUIRE_OK(schema);
        // Private and documentation addresses have no country; with the GeoIP database the
        // column still gets its (empty) country block and the 7 continents.
        const ColumnSpec *ipSpec = schema->column(QStringLiteral("client"));
        QVERIFY(ipSpec->countries.isEmpty());
        QCOMPARE(schema->width(), 31 + 6 + 2 + (ipSpec->geo ? 7 : 0));
        auto m = encodeTable(*schema, t);
        REQUIRE_OK(m);
        auto e0 = explain(*schema, *m, 0);
        REQUIRE_OK(e0);
        QStringList names;
        for (const auto &f : e0->nonZero)
            names << f.name;
        QCOMPARE(names, (sl({"ts.hour=10", "ts.weekday=Sun", "client.scope=private", "client.prefix=10.1.2.0/24"})));
        auto e1 = explain(*schema, *m, 1);
        REQUIRE_OK(e1);
        names.clear();
        for (const auto &f : e1->nonZero)
            names << f.name;
        QCOMPARE(names, (sl({"ts.hour=23", "ts.weekday=Wed", "client.scope=public", "client.prefix=2001:db8:5::/48"})));
        QCOMPARE(e0->blocks.at(2).bits, QStringLiteral("100000"));
        QCOMPARE(e0->blocks.at(2).active, QStringLiteral("client.scope=private"));
    }

    void jsonRoundTripGivesIdenticalMatrices()
    {
        const Table t = webTable(300);
        auto schema = inferSchema(t);
        REQUIRE_OK(schema);
        auto m1 = encodeTable(*schema, t);
        REQUIRE_OK(m1);
        const QByteArray json = QJsonDocument(schema->toJson()).toJson();
        auto back = FeatureSchema::fromJson(QJsonDocument::fromJson(json).object());
        REQUIRE_OK(back);
        QCOMPARE(back->width(), schema->width());
        QCOMPARE(QJsonDocument(back->toJson()).toJson(), json);
        auto m2 = encodeTable(*back, t);
        REQUIRE_OK(m2);
        QCOMPARE(m2->featureNames(), m1->featureNames());
        QVERIFY(m2->values == m1->values);
    }

    void fromJsonRejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("version") << QByteArray(R"({"version":99,"columns":[]})") << int(ErrorCode::Unsupported) << "version 99";
        QTest::newRow("no columns") << QByteArray(R"({"version":1})") << int(ErrorCode::Parse) << "columns";
        QTest::newRow("bad role") << QByteArray(R"({"version":1,"columns":[{"name":"a","kind":"numeric","role":"boss","encoding":"none","transform":"minmax"}]})")
                                  << int(ErrorCode::Parse) << "unknown role 'boss'";
        QTest::newRow("width") << QByteArray(R"({"version":1,"width":5,"columns":[{"name":"a","kind":"numeric","role":"feature","encoding":"numeric","transform":"minmax","scale":1}]})")
                               << int(ErrorCode::Corrupt) << "width 5";
    }

    void fromJsonRejectsBadInput()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, code);
        QFETCH(QString, fragment);
        auto s = FeatureSchema::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!s);
        QCOMPARE(int(s.error().code), code);
        QVERIFY2(s.error().message.contains(fragment), qPrintable(s.error().message));
    }

    void encodeNeverRefits()
    {
        Table train = makeTable({QStringLiteral("proto"), QStringLiteral("bytes")},
                                {QStringLiteral("tcp,10"), QStringLiteral("udp,20"), QStringLiteral("tcp,30")});
        auto schema = fitSchema(train, {categorical(QStringLiteral("proto"), 0, 1), numeric(QStringLiteral("bytes"), NumericTransform::MinMax)});
        REQUIRE_OK(schema);
        const QJsonObject before = schema->toJson();
        Table test = makeTable({QStringLiteral("bytes"), QStringLiteral("proto")}, // other column order, too
                               {QStringLiteral("50,icmp"), QStringLiteral("0,udp")});
        auto m = encodeTable(*schema, test);
        REQUIRE_OK(m);
        QCOMPARE(schema->toJson(), before);
        QCOMPARE(m->cols, 3);
        // icmp is unknown and proto has no OTHER → all zeros; bytes scaled with train's 10..30.
        QCOMPARE(m->at(0, 0), 0.0f);
        QCOMPARE(m->at(0, 1), 0.0f);
        QCOMPARE(m->at(0, 2), 2.0f);
        QCOMPARE(m->at(1, 1), 1.0f);
        QCOMPARE(m->at(1, 2), -0.5f);
        QCOMPARE(m->recordIds, (std::vector<std::int64_t>{1, 2}));
    }

    void errors()
    {
        Table empty = makeTable({QStringLiteral("a")}, {});
        auto e = inferSchema(empty);
        QVERIFY(!e);
        QCOMPARE(e.error().code, ErrorCode::InvalidArgument);
        QVERIFY(e.error().message.contains(QLatin1String("empty table")));

        auto noCols = inferSchema(Table{});
        QVERIFY(!noCols);
        QCOMPARE(noCols.error().code, ErrorCode::InvalidArgument);

        Table train = makeTable({QStringLiteral("proto"), QStringLiteral("bytes")}, {QStringLiteral("tcp,10"), QStringLiteral("udp,20")});
        auto schema = fitSchema(train, {categorical(QStringLiteral("proto"), 0, 1), numeric(QStringLiteral("bytes"), NumericTransform::MinMax)});
        REQUIRE_OK(schema);
        Table other = makeTable({QStringLiteral("proto")}, {QStringLiteral("tcp")});
        auto m = encodeTable(*schema, other);
        QVERIFY(!m);
        QCOMPARE(m.error().code, ErrorCode::Mismatch);
        QVERIFY2(m.error().message.contains(QLatin1String("'bytes'")), qPrintable(m.error().message));

        auto missingCol = fitSchema(other, {numeric(QStringLiteral("bytes"), NumericTransform::MinMax)});
        QVERIFY(!missingCol);
        QCOMPARE(missingCol.error().code, ErrorCode::Mismatch);
        QVERIFY(missingCol.error().message.contains(QLatin1String("'bytes'")));

        ColumnSpec ts;
        ts.name = QStringLiteral("proto");
        ts.role = Role::Feature;
        ts.encoding = Encoding::TimeParts;
        auto badEnc = fitSchema(train, {ts});
        QVERIFY(!badEnc);
        QCOMPARE(badEnc.error().code, ErrorCode::Mismatch);
        QVERIFY(badEnc.error().message.contains(QLatin1String("'proto'")));

        auto full = encodeTable(*schema, train);
        REQUIRE_OK(full);
        auto out = explain(*schema, *full, 5);
        QVERIFY(!out);
        QCOMPARE(out.error().code, ErrorCode::InvalidArgument);

        auto noLabel = extractLabels(*schema, train);
        QVERIFY(!noLabel);
        QCOMPARE(noLabel.error().code, ErrorCode::NotFound);

        int calls = 0;
        auto cancelled = encodeTable(*schema, train, [&](const Progress &) { return ++calls < 1; });
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    }

    void labels()
    {
        Table t = makeTable({QStringLiteral("x"), QStringLiteral("label")},
                            {QStringLiteral("1,normal"), QStringLiteral("2,neptune"), QStringLiteral("3,normal"), QStringLiteral("4,")});
        auto schema = inferSchema(t);
        REQUIRE_OK(schema);
        QCOMPARE(schema->columnWithRole(Role::Label), QStringLiteral("label"));
        QCOMPARE(schema->width(), 1);
        auto l = extractLabels(*schema, t);
        REQUIRE_OK(l);
        QCOMPARE(l->names, (sl({"neptune", "normal"})));
        QCOMPARE(l->normalId, 1);
        QCOMPARE(l->ids, (std::vector<std::int32_t>{1, 0, 1, -1}));
        QCOMPARE(l->isAttack(1), 1);
        QCOMPARE(l->isAttack(0), 0);
        QCOMPARE(l->isAttack(3), -1);

        // UNSW-NB15: attack_cat (empty for benign rows) comes first, the 0/1 Label names the
        // benign class, so it is the one extracted.
        Table unsw = makeTable({QStringLiteral("sbytes"), QStringLiteral("attack_cat"), QStringLiteral("Label")},
                               {QStringLiteral("1,,0"), QStringLiteral("2,Exploits,1"), QStringLiteral("3,,0")});
        auto us = inferSchema(unsw);
        REQUIRE_OK(us);
        QCOMPARE(us->columnWithRole(Role::Label), QStringLiteral("attack_cat"));
        auto ul = extractLabels(*us, unsw);
        REQUIRE_OK(ul);
        QCOMPARE(ul->names, sl({"0", "1"}));
        QCOMPARE(ul->isAttack(0), 0);
        QCOMPARE(ul->isAttack(1), 1);
    }

    void nslKddMatchesReference_data()
    {
        QTest::addColumn<bool>("reader");
        QTest::newRow("readTable nslkdd") << true;
        QTest::newRow("plain split") << false;
    }

    void nslKddMatchesReference()
    {
        QFETCH(bool, reader);
        const QStringList names = nslKddColumnNames();
        Table train, test;
        if (reader) {
            ReadOptions options;
            options.format = QStringLiteral("nslkdd");
            auto a = readTable(dataPath("schema_nslkdd_train.csv"), options);
            auto b = readTable(dataPath("schema_nslkdd_test.csv"), options);
            REQUIRE_OK(a);
            REQUIRE_OK(b);
            train = std::move(*a);
            test = std::move(*b);
        } else {
            train = makeTable(names, vigil::test::readLines(dataPath("schema_nslkdd_train.csv")));
            test = makeTable(names, vigil::test::readLines(dataPath("schema_nslkdd_test.csv")));
        }
        QCOMPARE(train.rowCount(), 300);
        QCOMPARE(test.rowCount(), 200);
        for (const QString &profile : {QString(), QStringLiteral("nslkdd")}) {
            SchemaOptions options;
            options.profile = profile;
            auto schema = inferSchema(train, options);
            REQUIRE_OK(schema);
            QCOMPARE(schema->profile, QStringLiteral("nslkdd"));
            QCOMPARE(schema->column(QStringLiteral("label"))->role, Role::Label);
            QCOMPARE(schema->column(QStringLiteral("difficulty"))->role, Role::Ignore);
            const QStringList expectedNames = vigil::test::readLines(dataPath("schema_nslkdd_columns.txt"));
            QCOMPARE(schema->width(), int(expectedNames.size()));
            for (const auto &[table, file] : {std::pair{&train, "schema_nslkdd_train_expected.txt"}, std::pair{&test, "schema_nslkdd_test_expected.txt"}}) {
                auto m = encodeTable(*schema, *table);
                REQUIRE_OK(m);
                // Reference names are "service=http" for one-hot and the bare column for numbers.
                QStringList ours = m->featureNames();
                for (auto &n : ours) {
                    if (n.startsWith(QLatin1String("log1p(")))
                        n = n.mid(6).chopped(1);
                }
                QCOMPARE(ours, expectedNames);
                const auto expected = readMatrix(dataPath(file));
                QCOMPARE(std::int64_t(expected.size()), m->rows);
                double worst = 0.0;
                for (std::int64_t r = 0; r < m->rows; ++r) {
                    QCOMPARE(int(expected[size_t(r)].size()), m->cols);
                    for (int c = 0; c < m->cols; ++c)
                        worst = std::max(worst, std::abs(double(m->at(r, c)) - expected[size_t(r)][size_t(c)]));
                }
                QVERIFY2(worst < 1e-6, qPrintable(QStringLiteral("%1: max abs difference %2").arg(QLatin1String(file)).arg(worst)));
            }
        }
    }

    void kdd99ProfileWithoutDifficulty()
    {
        // KDD'99 has the same 41 features and a label, no difficulty column.
        QStringList names = nslKddColumnNames();
        names.removeLast();
        QStringList lines;
        for (const auto &line : vigil::test::readLines(dataPath("schema_nslkdd_train.csv")))
            lines << line.section(QLatin1Char(','), 0, 41);
        const Table train = makeTable(names, lines);
        auto schema = inferSchema(train);
        REQUIRE_OK(schema);
        QCOMPARE(schema->profile, QStringLiteral("kdd99"));
        QCOMPARE(schema->width(), int(vigil::test::readLines(dataPath("schema_nslkdd_columns.txt")).size()));
        QCOMPARE(schema->columnWithRole(Role::Label), QStringLiteral("label"));

        // Asking for the profile on a table that lacks its columns names the missing one.
        Table partial = makeTable({QStringLiteral("duration"), QStringLiteral("label")}, {QStringLiteral("0,normal")});
        SchemaOptions options;
        options.profile = QStringLiteral("nslkdd");
        auto bad = inferSchema(partial, options);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::Mismatch);
        QVERIFY2(bad.error().message.contains(QLatin1String("'protocol_type'")), qPrintable(bad.error().message));
    }

    void nslKddFullTrainWidth()
    {
        const QString path = QStringLiteral(VIGIL_SHARED_DATA_DIR) + QStringLiteral("/nsl-kdd/KDDTrain+.txt.gz");
        if (!QFile::exists(path))
            QSKIP("../shared/data/nsl-kdd/KDDTrain+.txt.gz is absent; the full-width check needs the real data set");
        ReadOptions options;
        options.format = QStringLiteral("nslkdd");
        auto read = readTable(path, options);
        REQUIRE_OK(read);
        const Table &train = *read;
        QCOMPARE(train.rowCount(), 125973);
        auto schema = inferSchema(train);
        REQUIRE_OK(schema);
        QCOMPARE(schema->width(), 122);
        QCOMPARE(schema->column(QStringLiteral("protocol_type"))->width(), 3);
        QCOMPARE(schema->column(QStringLiteral("service"))->width(), 70);
        QCOMPARE(schema->column(QStringLiteral("flag"))->width(), 11);
        auto m = encodeTable(*schema, train);
        REQUIRE_OK(m);
        QCOMPARE(m->cols, 122);
        // min-max fitted on train: every value lies in [0, 1]
        const auto [lo, hi] = std::minmax_element(m->values.begin(), m->values.end());
        QCOMPARE(*lo, 0.0f);
        QCOMPARE(*hi, 1.0f);
    }

    void importedDatasetRoundTrip()
    {
        // The whole path the CLI takes: import (core/store), loadTable, infer, save, load, encode.
        QTemporaryDir dir;
        auto project = Project::create(dir.filePath(QStringLiteral("p.vigil")));
        REQUIRE_OK(project);
        ReadOptions options;
        options.format = QStringLiteral("nslkdd");
        auto imported = importFile(**project, dataPath("schema_nslkdd_train.csv"), options);
        REQUIRE_OK(imported);
        auto table = loadTable((*project)->db(), imported->datasetId);
        REQUIRE_OK(table);
        QCOMPARE(table->rowCount(), 300);
        auto schema = inferSchema(*table);
        REQUIRE_OK(schema);
        QCOMPARE(schema->profile, QStringLiteral("nslkdd"));
        auto id = saveSchema(**project, imported->datasetId, *schema);
        REQUIRE_OK(id);
        auto loaded = loadSchema((*project)->db(), imported->datasetId);
        REQUIRE_OK(loaded);
        auto a = encodeTable(*schema, *table);
        auto b = encodeTable(*loaded, *table);
        REQUIRE_OK(a);
        REQUIRE_OK(b);
        QVERIFY(a->values == b->values);
        const auto expected = readMatrix(dataPath("schema_nslkdd_train_expected.txt"));
        double worst = 0.0;
        for (std::int64_t r = 0; r < b->rows; ++r) {
            for (int c = 0; c < b->cols; ++c)
                worst = std::max(worst, std::abs(double(b->at(r, c)) - expected[size_t(r)][size_t(c)]));
        }
        QVERIFY2(worst < 1e-6, qPrintable(QString::number(worst)));
        QCOMPARE(b->recordIds.front(), 1);
    }

    void saveAndLoad()
    {
        QTemporaryDir dir;
        auto project = Project::create(dir.filePath(QStringLiteral("p.vigil")));
        REQUIRE_OK(project);
        auto &db = (*project)->db();
        QVERIFY(db.exec("INSERT INTO datasets(id, name, source_path, format, content_hash, table_name, imported_at) "
                        "VALUES(1, 'web', '/x', 'combined', 'h', 'ds_1', '2026-01-01')"));
        auto none = loadSchema(db, 1);
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::NotFound);
        const Table t = webTable(100);
        auto schema = inferSchema(t);
        REQUIRE_OK(schema);
        auto id = saveSchema(**project, 1, *schema);
        REQUIRE_OK(id);
        auto missing = saveSchema(**project, 42, *schema);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        auto loaded = loadSchema(db, 1);
        REQUIRE_OK(loaded);
        QCOMPARE(loaded->toJson(), schema->toJson());
        QCOMPARE(encodeTable(*loaded, t)->values, encodeTable(*schema, t)->values);
        QVERIFY(db.exec("UPDATE schemas SET schema_json = '{not json'"));
        auto corrupt = loadSchema(db, 1);
        QVERIFY(!corrupt);
        QCOMPARE(corrupt.error().code, ErrorCode::Corrupt);
    }
};

QTEST_APPLESS_MAIN(TestSchema)
#include "tst_schema.moc"
