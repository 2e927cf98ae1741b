#include "core/query/compiler.h"
#include "core/query/fields.h"
#include "core/query/ipaddress.h"
#include "core/query/parser.h"

#include <QTest>

using namespace vigil;
using namespace vigil::query;

namespace {

FieldSet testFields()
{
    FieldSet f;
    f.add({QStringLiteral("score"), FieldType::Real, QStringLiteral("s.score"), {}, {}});
    f.add({QStringLiteral("status"), FieldType::Integer, QStringLiteral("d.\"c4\""), {}, {}});
    f.add({QStringLiteral("ip"), FieldType::Ip, QStringLiteral("d.\"c0\""), {}, {}});
    f.add({QStringLiteral("path"), FieldType::Text, QStringLiteral("d.\"c3\""), {}, {}});
    f.add({QStringLiteral("method"), FieldType::Text, QStringLiteral("d.\"c2\""), {}, {}});
    f.add({QStringLiteral("ua_browser"), FieldType::Text, QStringLiteral("d.\"c6\""), {}, {}});
    f.add({QStringLiteral("label"), FieldType::Text, QStringLiteral("coalesce(lr.label, 'none')"),
           {QStringLiteral("malicious"), QStringLiteral("benign"), QStringLiteral("review"), QStringLiteral("none")}, {}});
    f.add({QStringLiteral("cluster"), FieldType::Integer, QStringLiteral("s.cluster"), {}, {}});
    f.add({QStringLiteral("time"), FieldType::Timestamp, QStringLiteral("d.\"c1\""), {}, {}});
    f.add({QStringLiteral("id.orig_h"), FieldType::Ip, QStringLiteral("d.\"c9\""), {}, {}});
    return f;
}

QString hex16(const Ip16 &ip)
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(ip.data()), 16).toHex());
}

/// Parameters rendered for comparison: i:404, r:80, t:text, b:<hex>.
QString renderParams(const std::vector<QVariant> &params)
{
    QStringList out;
    for (const QVariant &v : params) {
        switch (v.typeId()) {
        case QMetaType::LongLong: out << QStringLiteral("i:") + QString::number(v.toLongLong()); break;
        case QMetaType::Double: out << QStringLiteral("r:") + QString::number(v.toDouble(), 'g', 12); break;
        case QMetaType::QByteArray: out << QStringLiteral("b:") + QString::fromLatin1(v.toByteArray().toHex()); break;
        default: out << QStringLiteral("t:") + v.toString(); break;
        }
    }
    return out.join(QStringLiteral(" | "));
}

} // namespace

class TestQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compiles_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("params");

        const QString v4_10_lo = QStringLiteral("00000000000000000000ffff0a000000");
        const QString v4_10_hi = QStringLiteral("00000000000000000000ffff0affffff");
        QTest::newRow("blank") << QStringLiteral("  \n ") << QString() << QString();
        QTest::newRow("brief example")
            << QStringLiteral("score > 80 and status = 404 and ip in 10.0.0.0/8")
            << QStringLiteral("((s.score > ?) AND (d.\"c4\" = ?) AND (vigil_ip_in(d.\"c0\", ?, ?)))")
            << (QStringLiteral("r:80 | i:404 | b:") + v4_10_lo + QStringLiteral(" | b:") + v4_10_hi);
        QTest::newRow("contains") << QStringLiteral("path contains \"wp-login\"")
                                  << QStringLiteral("(instr(d.\"c3\", ?) > 0)") << QStringLiteral("t:wp-login");
        QTest::newRow("not equal word") << QStringLiteral("ua_browser != Chrome")
                                        << QStringLiteral("(d.\"c6\" IS NOT ?)") << QStringLiteral("t:Chrome");
        QTest::newRow("not or") << QStringLiteral("not (status = 200 or method = GET)")
                                << QStringLiteral("(NOT coalesce(((d.\"c4\" = ?) OR (d.\"c2\" = ?)), 0))")
                                << QStringLiteral("i:200 | t:GET");
        QTest::newRow("in list") << QStringLiteral("method in (GET, POST)") << QStringLiteral("(d.\"c2\" IN (?, ?))")
                                 << QStringLiteral("t:GET | t:POST");
        QTest::newRow("not in") << QStringLiteral("status not in (200, 304)")
                                << QStringLiteral("(NOT coalesce((d.\"c4\" IN (?, ?)), 0))") << QStringLiteral("i:200 | i:304");
        QTest::newRow("label canonical case") << QStringLiteral("label = Malicious")
                                              << QStringLiteral("(coalesce(lr.label, 'none') = ?)") << QStringLiteral("t:malicious");
        QTest::newRow("cluster") << QStringLiteral("cluster = 3") << QStringLiteral("(s.cluster = ?)") << QStringLiteral("i:3");
        QTest::newRow("time between") << QStringLiteral("time between \"2024-03-04 10:00\" and \"2024-03-04 12:00\"")
                                      << QStringLiteral("(d.\"c1\" BETWEEN ? AND ?)") << QStringLiteral("r:1709546400 | r:1709553600");
        QTest::newRow("time iso and epoch") << QStringLiteral("time >= 2024-03-04T10:00:00Z and time < 1709553600.5")
                                            << QStringLiteral("((d.\"c1\" >= ?) AND (d.\"c1\" < ?))")
                                            << QStringLiteral("r:1709546400 | r:1709553600.5");
        QTest::newRow("real number forms") << QStringLiteral("score >= -1.5e1") << QStringLiteral("(s.score >= ?)")
                                           << QStringLiteral("r:-15");
        QTest::newRow("integer given fraction") << QStringLiteral("status < 404.5") << QStringLiteral("(d.\"c4\" < ?)")
                                                << QStringLiteral("r:404.5");
        QTest::newRow("escapes") << QStringLiteral("path = \"a\\\"b\\\\c\\n\\u00e9\"") << QStringLiteral("(d.\"c3\" = ?)")
                                 << QStringLiteral("t:a\"b\\c\n\u00e9");
        QTest::newRow("single quotes") << QStringLiteral("path = 'it\\'s'") << QStringLiteral("(d.\"c3\" = ?)")
                                       << QStringLiteral("t:it's");
        QTest::newRow("ipv6 cidr") << QStringLiteral("ip in 2001:db8::/32") << QStringLiteral("(vigil_ip_in(d.\"c0\", ?, ?))")
                                   << QStringLiteral("b:20010db8000000000000000000000000 | b:20010db8ffffffffffffffffffffffff");
        QTest::newRow("ip list mixed") << QStringLiteral("ip in (192.168.1.7, 10.0.0.0/8)")
                                       << QStringLiteral("(vigil_ip_in(d.\"c0\", ?, ?) OR vigil_ip_in(d.\"c0\", ?, ?))")
                                       << (QStringLiteral("b:00000000000000000000ffffc0a80107 | b:00000000000000000000ffffc0a80107 | b:")
                                           + v4_10_lo + QStringLiteral(" | b:") + v4_10_hi);
        QTest::newRow("ip equality") << QStringLiteral("ip = 10.1.2.3") << QStringLiteral("(d.\"c0\" = ?)") << QStringLiteral("t:10.1.2.3");
        QTest::newRow("text field with cidr and value") << QStringLiteral("path in (\"/x\", 10.0.0.0/8)")
                                                        << QStringLiteral("(d.\"c3\" IN (?) OR vigil_ip_in(d.\"c3\", ?, ?))")
                                                        << (QStringLiteral("t:/x | b:") + v4_10_lo + QStringLiteral(" | b:") + v4_10_hi);
        QTest::newRow("dotted field, case-insensitive keywords")
            << QStringLiteral("ID.ORIG_H IN 10.0.0.0/8 AND Score > 1 OR NOT status = 1")
            << (QStringLiteral("(((vigil_ip_in(d.\"c9\", ?, ?)) AND (s.score > ?)) OR (NOT coalesce((d.\"c4\" = ?), 0)))"))
            << (QStringLiteral("b:") + v4_10_lo + QStringLiteral(" | b:") + v4_10_hi + QStringLiteral(" | r:1 | i:1"));
        QTest::newRow("precedence and over or") << QStringLiteral("status = 1 or status = 2 and score > 3")
                                                << QStringLiteral("((d.\"c4\" = ?) OR ((d.\"c4\" = ?) AND (s.score > ?)))")
                                                << QStringLiteral("i:1 | i:2 | r:3");
        QTest::newRow("operators") << QStringLiteral("status == 1 and status <> 2 and status <= 3")
                                   << QStringLiteral("((d.\"c4\" = ?) AND (d.\"c4\" IS NOT ?) AND (d.\"c4\" <= ?))")
                                   << QStringLiteral("i:1 | i:2 | i:3");
        QTest::newRow("unicode value") << QStringLiteral("path contains \"日本語/ü\"") << QStringLiteral("(instr(d.\"c3\", ?) > 0)")
                                       << QStringLiteral("t:日本語/ü");
        QTest::newRow("multi-line") << QStringLiteral("status = 404\n  and\n  score > 1") << QStringLiteral("((d.\"c4\" = ?) AND (s.score > ?))")
                                    << QStringLiteral("i:404 | r:1");
    }

    void compiles()
    {
        QFETCH(QString, filter);
        QFETCH(QString, where);
        QFETCH(QString, params);
        QueryError err;
        auto c = compileFilter(filter, testFields(), &err);
        QVERIFY2(c, qPrintable(c ? QString() : c.error().message));
        QCOMPARE(c->where, where);
        QCOMPARE(renderParams(c->params), params);
        QCOMPARE(int(c->where.count(u'?')), int(c->params.size()));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");

        QTest::newRow("typo suggests")
            << QStringLiteral("score > 80 and stauts = 404")
            << QStringLiteral("line 1, column 16: unknown field 'stauts' — did you mean 'status'?") << 1 << 16;
        QTest::newRow("unknown no hint") << QStringLiteral("zzzzzz = 1") << QStringLiteral("unknown field 'zzzzzz' (known fields: score, status")
                                         << 1 << 1;
        QTest::newRow("number expected") << QStringLiteral("status = abc")
                                         << QStringLiteral("line 1, column 10: 'status' is integer; expected a number") << 1 << 10;
        QTest::newRow("unterminated") << QStringLiteral("path = \"abc") << QStringLiteral("line 1, column 8: unterminated string") << 1 << 8;
        QTest::newRow("bad escape") << QStringLiteral("path = \"a\\qb\"") << QStringLiteral("column 10: unknown escape '\\q'") << 1 << 10;
        QTest::newRow("missing value") << QStringLiteral("status =") << QStringLiteral("column 9: expected a value, found the end of the filter")
                                       << 1 << 9;
        QTest::newRow("missing operator") << QStringLiteral("status 404") << QStringLiteral("column 8: expected an operator") << 1 << 8;
        QTest::newRow("unbalanced open") << QStringLiteral("(status = 1") << QStringLiteral("expected ')' to close the '(' at column 1")
                                         << 1 << 12;
        QTest::newRow("unbalanced close") << QStringLiteral("status = 1)") << QStringLiteral("column 11: unmatched ')'") << 1 << 11;
        QTest::newRow("bang alone") << QStringLiteral("status ! 1") << QStringLiteral("column 8: '!' must be followed by '='") << 1 << 8;
        QTest::newRow("bad cidr on ip") << QStringLiteral("ip in 10.0.0.0/33") << QStringLiteral("'10.0.0.0/33' is not an IP address or CIDR block")
                                        << 1 << 7;
        QTest::newRow("cidr needs in") << QStringLiteral("ip = 10.0.0.0/8") << QStringLiteral("a CIDR block needs 'in'") << 1 << 6;
        QTest::newRow("ip ordering") << QStringLiteral("ip > 1.2.3.4") << QStringLiteral("use =, != or 'in 10.0.0.0/8'") << 1 << 1;
        QTest::newRow("contains on number") << QStringLiteral("status contains 4") << QStringLiteral("'contains' needs a text field") << 1 << 1;
        QTest::newRow("bad label") << QStringLiteral("label = evil") << QStringLiteral("'label' must be one of malicious, benign, review, none")
                                   << 1 << 9;
        QTest::newRow("bad time") << QStringLiteral("time > \"yesterday\"") << QStringLiteral("expected a date like") << 1 << 8;
        QTest::newRow("second line position") << QStringLiteral("status = 1 and\n   bogus = 2") << QStringLiteral("line 2, column 4: unknown field 'bogus'")
                                               << 2 << 4;
        QTest::newRow("quoted field") << QStringLiteral("\"status\" = 1") << QStringLiteral("found a quoted string (field names are not quoted)")
                                      << 1 << 1;
        QTest::newRow("field with quote char") << QStringLiteral("sta'tus = 1") << QStringLiteral("column 4: unterminated string") << 1 << 4;
        QTest::newRow("keyword as field") << QStringLiteral("and = 1") << QStringLiteral("expected a field name, found 'and'") << 1 << 1;
        QTest::newRow("between needs and") << QStringLiteral("score between 1 or 2") << QStringLiteral("expected 'and' between the two bounds")
                                           << 1 << 17;
        QTest::newRow("not without in") << QStringLiteral("status not = 1") << QStringLiteral("expected 'in', 'contains' or 'between' after 'not'")
                                        << 1 << 12;
        QTest::newRow("trailing junk") << QStringLiteral("status = 1 status = 2") << QStringLiteral("expected 'and', 'or' or the end")
                                       << 1 << 12;
        QTest::newRow("unicode field") << QStringLiteral("stätus = 1") << QStringLiteral("'stätus' is not a field name") << 1 << 1;
        QTest::newRow("empty list") << QStringLiteral("method in ()") << QStringLiteral("expected a value, found ')'") << 1 << 12;
        QTest::newRow("infinite number") << QStringLiteral("score > inf") << QStringLiteral("expected a number") << 1 << 9;
    }

    void errors()
    {
        QFETCH(QString, filter);
        QFETCH(QString, message);
        QFETCH(int, line);
        QFETCH(int, column);
        QueryError err;
        auto c = compileFilter(filter, testFields(), &err);
        QVERIFY(!c);
        QCOMPARE(c.error().code, ErrorCode::Parse);
        QVERIFY2(c.error().message.contains(message), qPrintable(c.error().message));
        QCOMPARE(err.message, c.error().message);
        QCOMPARE(err.span.line, line);
        QCOMPARE(err.span.column, column);
        QVERIFY(err.span.length >= 1);
    }

    void limits()
    {
        // Nesting beyond the bound is a parse error, not a stack overflow.
        const QString deep = QString(200, u'(') + QStringLiteral("status = 1") + QString(200, u')');
        auto d = compileFilter(deep, testFields());
        QVERIFY(!d);
        QVERIFY2(d.error().message.contains(QStringLiteral("nests deeper than 64")), qPrintable(d.error().message));
        const QString nots = QStringLiteral("not ").repeated(100) + QStringLiteral("status = 1");
        QVERIFY(!compileFilter(nots, testFields()));
        const QString ok = QString(60, u'(') + QStringLiteral("status = 1") + QString(60, u')');
        QVERIFY(compileFilter(ok, testFields()));
        // Too long.
        const QString huge = QStringLiteral("path = \"") + QString(20000, u'a') + QStringLiteral("\"");
        auto h = compileFilter(huge, testFields());
        QVERIFY(!h);
        QVERIFY(h.error().message.contains(QStringLiteral("at most 16384")));
        // Many values.
        QStringList items;
        for (int i = 0; i < 600; ++i)
            items << QString::number(i);
        auto many = compileFilter(QStringLiteral("status in (") + items.join(u',') + u')', testFields());
        QVERIFY(!many);
        QVERIFY(many.error().message.contains(QStringLiteral("more than 500 values")));
    }

    void ipParsing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("hex"); // empty = invalid
        QTest::newRow("v4") << QStringLiteral("10.1.2.3") << QStringLiteral("00000000000000000000ffff0a010203");
        QTest::newRow("v4 leading zero ok") << QStringLiteral("010.1.2.3") << QStringLiteral("00000000000000000000ffff0a010203");
        QTest::newRow("v4 256") << QStringLiteral("10.1.2.256") << QString();
        QTest::newRow("v4 short") << QStringLiteral("10.1.2") << QString();
        QTest::newRow("v4 trailing") << QStringLiteral("10.1.2.3.") << QString();
        QTest::newRow("v6 full") << QStringLiteral("2001:0db8:0000:0000:0000:0000:0000:0001") << QStringLiteral("20010db8000000000000000000000001");
        QTest::newRow("v6 compressed") << QStringLiteral("2001:db8::1") << QStringLiteral("20010db8000000000000000000000001");
        QTest::newRow("v6 loopback") << QStringLiteral("::1") << QStringLiteral("00000000000000000000000000000001");
        QTest::newRow("v6 any") << QStringLiteral("::") << QStringLiteral("00000000000000000000000000000000");
        QTest::newRow("v6 trailing gap") << QStringLiteral("fe80::") << QStringLiteral("fe800000000000000000000000000000");
        QTest::newRow("v6 mapped") << QStringLiteral("::ffff:1.2.3.4") << QStringLiteral("00000000000000000000ffff01020304");
        QTest::newRow("v6 bracket zone") << QStringLiteral("[fe80::1%eth0]") << QStringLiteral("fe800000000000000000000000000001");
        QTest::newRow("v6 two gaps") << QStringLiteral("1::2::3") << QString();
        QTest::newRow("v6 too many") << QStringLiteral("1:2:3:4:5:6:7:8:9") << QString();
        QTest::newRow("v6 gap with 8 groups") << QStringLiteral("1:2:3:4::5:6:7:8") << QString();
        QTest::newRow("v6 bad hex") << QStringLiteral("2001:db8::g") << QString();
        QTest::newRow("v6 long group") << QStringLiteral("12345::") << QString();
        QTest::newRow("junk") << QStringLiteral("hello") << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void ipParsing()
    {
        QFETCH(QString, text);
        QFETCH(QString, hex);
        const auto ip = parseIp(text);
        if (hex.isEmpty()) {
            QVERIFY(!ip);
        } else {
            QVERIFY(ip);
            QCOMPARE(hex16(*ip), hex);
        }
    }

    void cidr()
    {
        auto r = parseCidr(QStringLiteral("192.168.1.77/24"));
        QVERIFY(r);
        QCOMPARE(hex16(r->low), QStringLiteral("00000000000000000000ffffc0a80100"));
        QCOMPARE(hex16(r->high), QStringLiteral("00000000000000000000ffffc0a801ff"));
        auto all = parseCidr(QStringLiteral("0.0.0.0/0"));
        QVERIFY(all);
        QCOMPARE(hex16(all->high), QStringLiteral("00000000000000000000ffffffffffff"));
        QVERIFY(!parseCidr(QStringLiteral("10.0.0.0/-1")));
        QVERIFY(!parseCidr(QStringLiteral("10.0.0.0/")));
        QVERIFY(!parseCidr(QStringLiteral("::/129")));
        QVERIFY(parseCidr(QStringLiteral("::/0")));
    }

    void completion_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("cursor");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QStringList>("candidates");
        QTest::newRow("start") << QStringLiteral("st") << 2 << QStringLiteral("st") << QStringList{QStringLiteral("status")};
        QTest::newRow("after and") << QStringLiteral("status = 1 and me") << 17 << QStringLiteral("me") << QStringList{QStringLiteral("method")};
        QTest::newRow("after paren") << QStringLiteral("(cl") << 3 << QStringLiteral("cl") << QStringList{QStringLiteral("cluster")};
        QTest::newRow("operator position") << QStringLiteral("path con") << 8 << QStringLiteral("con") << QStringList{QStringLiteral("contains")};
        QTest::newRow("after value") << QStringLiteral("status = 404 a") << 14 << QStringLiteral("a") << QStringList{QStringLiteral("and")};
        QTest::newRow("value position") << QStringLiteral("status = 4") << 10 << QStringLiteral("4") << QStringList{};
        QTest::newRow("mid-word caret") << QStringLiteral("scxx > 1") << 2 << QStringLiteral("sc") << QStringList{QStringLiteral("score")};
    }

    void completion()
    {
        QFETCH(QString, text);
        QFETCH(int, cursor);
        QFETCH(QString, prefix);
        QFETCH(QStringList, candidates);
        const Completion c = completeAt(text, cursor, testFields());
        QCOMPARE(c.prefix, prefix);
        QCOMPARE(c.candidates, candidates);
        QCOMPARE(c.replaceStart, cursor - int(prefix.size()));
    }

    void fieldHelpers()
    {
        QCOMPARE(testFields().complete(QStringLiteral("S")), (QStringList{QStringLiteral("score"), QStringLiteral("status")}));
        QCOMPARE(FieldSet::sanitizeName(QStringLiteral("user agent")), QStringLiteral("user_agent"));
        QCOMPARE(FieldSet::sanitizeName(QStringLiteral("1st")), QStringLiteral("_1st"));
        QCOMPARE(FieldSet::sanitizeName(QStringLiteral("a\"b;--")), QStringLiteral("a_b___"));
        QCOMPARE(FieldSet::sanitizeName(QString()), QStringLiteral("column"));
        QCOMPARE(editDistance(QStringLiteral("stauts"), QStringLiteral("status")), 1);
        QCOMPARE(editDistance(QStringLiteral("kitten"), QStringLiteral("sitting")), 3);
    }
};

QTEST_APPLESS_MAIN(TestQuery)
#include "tst_query.moc"
