// End to end with attacker-controlled log content: real access-log lines carrying script tags
// and spreadsheet formulas go through the real reader, the real training and scoring pipeline
// and the label store, then out through every report format.

#include "core/labels/labelstore.h"
#include "core/project.h"
#include "core/report/render.h"
#include "core/report/reportdata.h"
#include "core/store/datasetstore.h"
#include "ml/pipeline.h"
#include "ml/runtime.h"
#include "ui/report/pdfreport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

#include <algorithm>
#include <map>
#include <set>

using namespace vigil;

namespace {

const QString kScript = QStringLiteral("<script>alert(1)</script>");
const QString kFormula = QStringLiteral("=cmd|' /C calc'!A0");
/// Markup and a QString::arg() placeholder in the data set's name (it heads every report).
const QString kDatasetName = QStringLiteral("access %2 <i>log</i>");
const QString kCrTags = QStringLiteral("\r=cmd|' /C calc'!A0");

/// A hostile line: which field carries the payload, and the payload as it must come out.
struct Hostile {
    QString field;
    QString value;
};

/// The hostile lines of the fixture, keyed by their position among the log's lines. A raw carriage
/// return ends a line for the reader (nginx itself writes it as \x0D), so the CR-prefixed cell
/// arrives through an analyst's tags instead (kCrTags).
const std::map<int, Hostile> &hostileLines()
{
    static const std::map<int, Hostile> lines{
        {40, {QStringLiteral("path"), QStringLiteral("/") + kScript}},
        {41, {QStringLiteral("http_user_agent"), kScript}},
        {42, {QStringLiteral("http_referer"), kScript}},
        {43, {QStringLiteral("http_user_agent"), kFormula}},
        {44, {QStringLiteral("http_user_agent"), QStringLiteral("+cmd|' /C calc'!A0")}},
        {45, {QStringLiteral("http_user_agent"), QStringLiteral("-2+3+cmd|' /C calc'!A0")}},
        {46, {QStringLiteral("http_user_agent"), QStringLiteral("@SUM(1+1)*cmd|' /C calc'!A0")}},
        {47, {QStringLiteral("http_referer"), QStringLiteral("\t=cmd|' /C calc'!A0")}},
    };
    return lines;
}

/// 60 lines of an nginx "combined" log: ordinary traffic, with the hostile lines at 40-48.
QByteArray fixtureLog()
{
    QByteArray out;
    const char *pages[] = {"/", "/index.html", "/about", "/css/site.css", "/js/app.js", "/img/logo.png", "/contact", "/blog/2024/05/post"};
    for (int i = 0; i < 60; ++i) {
        QString path = QString::fromLatin1(pages[i % 8]);
        QString referer = QStringLiteral("https://example.org/");
        QString agent = QStringLiteral("Mozilla/5.0 (X11; Linux x86_64) Firefox/%1.0").arg(100 + i % 5);
        auto hostile = hostileLines().find(i);
        if (hostile != hostileLines().end()) {
            const Hostile &h = hostile->second;
            if (h.field == QLatin1String("path"))
                path = h.value;
            else if (h.field == QLatin1String("http_referer"))
                referer = h.value;
            else
                agent = h.value;
        }
        out += QStringLiteral("10.0.%1.%2 - - [12/May/2024:10:%3:%4 +0000] \"GET %5 HTTP/1.1\" %6 %7 \"%8\" \"%9\"\n")
                   .arg(i % 3)
                   .arg(10 + i % 7)
                   .arg(10 + i / 6, 2, 10, QLatin1Char('0'))
                   .arg(i % 60, 2, 10, QLatin1Char('0'))
                   .arg(path, i % 9 == 0 ? QStringLiteral("404") : QStringLiteral("200"))
                   .arg(512 + 37 * i)
                   .arg(referer, agent)
                   .toUtf8();
    }
    return out;
}

/// Splits RFC 4180 CSV (quoted cells, doubled quotes, CRLF rows) into rows of cells.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << cell;
            cell.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty())
        rows << (row << cell);
    return rows;
}

QString fieldOf(const Finding &f, const QString &name)
{
    for (const auto &kv : f.fields) {
        if (kv.first == name)
            return kv.second;
    }
    return QStringLiteral("<no field %1>").arg(name);
}

} // namespace

class TestHostileReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_projectPath;
    std::int64_t m_runId = 0;
    std::map<std::int64_t, Hostile> m_hostileByRid;  ///< record id → payload
    std::int64_t m_benignRid = 0;                     ///< an ordinary record, labelled benign

private Q_SLOTS:
    /// Import through the real reader, train and score with the real pipeline, label the hostile
    /// records malicious (with hostile tags and notes) and one ordinary record benign.
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        (void)ml::initRuntime(ml::DevicePreference::Cpu, 1);
        const QString logPath = m_dir.filePath(QStringLiteral("hostile-access.log"));
        {
            QFile f(logPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(fixtureLog());
        }
        m_projectPath = m_dir.filePath(QStringLiteral("hostile.vigil"));
        auto project = Project::create(m_projectPath);
        QVERIFY2(project, qPrintable(project ? QString() : project.error().message));
        ReadOptions read;
        read.datasetName = kDatasetName;
        auto imported = importFile(**project, logPath, read);
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message));
        QCOMPARE(imported->report.format, QStringLiteral("combined"));
        QCOMPARE(imported->report.rows, qint64(60));
        QCOMPARE(imported->report.badLines, qint64(0));

        // Records keep the file's order; find each hostile line's record id by its stored value.
        auto columns = datasetColumns((*project)->db(), imported->datasetId);
        QVERIFY(columns);
        for (const auto &[line, h] : hostileLines()) {
            auto col = std::find_if(columns->begin(), columns->end(), [&](const DatasetColumn &c) { return c.name == h.field; });
            QVERIFY2(col != columns->end(), qPrintable(h.field));
            // Identifiers are Vigil's own (c0, c1…), never data: no SQL built from the payload.
            auto st = (*project)->db().prepare(QStringLiteral("SELECT rid FROM ds_%1 WHERE %2 = ?1 ORDER BY rid")
                                                   .arg(imported->datasetId).arg(col->sql).toStdString());
            QVERIFY(st);
            st->bind(1, h.value);
            QList<std::int64_t> rids;
            while (true) {
                auto row = st->step();
                QVERIFY(row);
                if (!*row)
                    break;
                rids << st->int64(0);
            }
            QVERIFY2(rids.size() == 1, qPrintable(QStringLiteral("line %1: %2 records hold %3").arg(line).arg(rids.size()).arg(h.value)));
            m_hostileByRid[rids.front()] = h;
        }
        QCOMPARE(m_hostileByRid.size(), hostileLines().size());
        m_benignRid = m_hostileByRid.begin()->first - 5;
        project->reset();

        ml::TrainRequest request;
        request.projectPath = m_projectPath;
        request.datasetId = imported->datasetId;
        request.options.epochs = 3;
        request.options.seed = 7;
        auto trained = ml::trainOnDataset(request);
        QVERIFY2(trained, qPrintable(trained ? QString() : trained.error().message));
        QVERIFY(trained->runId > 0);
        QCOMPARE(trained->scored, qint64(60));
        m_runId = trained->runId;

        project = Project::open(m_projectPath);
        QVERIFY(project);
        LabelStore labels(**project);
        QStringList keys;
        for (const auto &entry : m_hostileByRid)
            keys << QString::number(entry.first);
        auto edit = labels.apply(imported->datasetId, LabelScope::Record, keys,
                                 LabelUpdate{LabelValue::Malicious, QStringLiteral("xss,<b>injected</b>"), kFormula + QStringLiteral(" ") + kScript},
                                 QStringLiteral("label hostile"));
        QVERIFY2(edit, qPrintable(edit ? QString() : edit.error().message));
        auto benign = labels.apply(imported->datasetId, LabelScope::Record, {QString::number(m_benignRid)},
                                   LabelUpdate{LabelValue::Benign, kCrTags, QStringLiteral("@ordinary")}, QStringLiteral("label benign"));
        QVERIFY(benign);
    }

    void htmlHasNoLiveMarkup_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("inline svg") << int(ChartMode::InlineSvg);
        QTest::newRow("image references (PDF)") << int(ChartMode::ImageReferences);
    }

    void htmlHasNoLiveMarkup()
    {
        QFETCH(int, mode);
        auto project = Project::open(m_projectPath);
        QVERIFY(project);
        ReportOptions options;
        options.topAnomalies = 60; // every record, so every payload is in the report
        auto data = collectReport((*project)->db(), m_runId, options);
        QVERIFY2(data, qPrintable(data ? QString() : data.error().message));
        QCOMPARE(data->topAnomalies.size(), size_t(60));
        const QString html = renderHtml(*data, ChartMode(mode));

        QVERIFY(!html.contains(QLatin1String("<script"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QLatin1String("<b>injected"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QRegularExpression(QStringLiteral("\\son\\w+\\s*="), QRegularExpression::CaseInsensitiveOption)));
        QVERIFY(html.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt;")));
        QVERIFY(html.contains(QLatin1String("&lt;b&gt;injected&lt;/b&gt;")));
        QVERIFY(html.contains(QStringLiteral("<h1>Vigil report — access %2 &lt;i&gt;log&lt;/i&gt;</h1>")));
        // The schema table shows each column's type (the schema JSON calls it "kind").
        QVERIFY(html.contains(QLatin1String("<tr><td>remote_addr</td><td>ip</td><td>entity-key</td>")));

        // Rendered as a document (what the PDF writer and an HTML viewer do), the payloads show as
        // text the analyst can read, in the top anomalies and the labelled items.
        QTextDocument doc;
        doc.setHtml(html);
        const QString text = doc.toPlainText();
        QVERIFY(text.count(kScript) >= 3 + int(m_hostileByRid.size())); // path/agent/referer, and every note
        QVERIFY(text.contains(kFormula));
        QVERIFY(text.contains(QLatin1String("xss,<b>injected</b>")));
    }

    void csvNeutralisesEveryFormula()
    {
        auto project = Project::open(m_projectPath);
        QVERIFY(project);
        auto items = collectItems((*project)->db(), m_runId, {});
        QVERIFY(items);
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(itemsToCsv(*items)));
        QCOMPARE(rows.size(), qsizetype(1 + m_hostileByRid.size() + 1));
        const QStringList head = rows.front();
        QCOMPARE(head.mid(0, 7), (QStringList{QStringLiteral("record_id"), QStringLiteral("score"), QStringLiteral("severity"),
                                             QStringLiteral("cluster"), QStringLiteral("label"), QStringLiteral("tags"), QStringLiteral("note")}));
        static const QRegularExpression dangerous(QStringLiteral("^[=+\\-@\\t\\r]"));
        std::set<std::int64_t> seen;
        for (const QStringList &row : rows.mid(1)) {
            QCOMPARE(row.size(), head.size());
            for (const QString &cell : row)
                QVERIFY2(!dangerous.match(cell).hasMatch(), qPrintable(QStringLiteral("live formula cell: ") + cell));
            const std::int64_t rid = row.at(0).toLongLong();
            seen.insert(rid);
            auto h = m_hostileByRid.find(rid);
            if (h == m_hostileByRid.end()) {
                QCOMPARE(rid, m_benignRid);
                QCOMPARE(row.at(4), QStringLiteral("benign"));
                QCOMPARE(row.at(5), QStringLiteral("'") + kCrTags);
                QCOMPARE(row.at(6), QStringLiteral("'@ordinary"));
                continue;
            }
            QCOMPARE(row.at(4), QStringLiteral("malicious"));
            QCOMPARE(row.at(6), QStringLiteral("'") + kFormula + QStringLiteral(" ") + kScript);
            const QString payload = row.at(head.indexOf(h->second.field));
            const bool formula = dangerous.match(h->second.value).hasMatch();
            QCOMPARE(payload, formula ? QStringLiteral("'") + h->second.value : h->second.value);
        }
        std::set<std::int64_t> expected{m_benignRid};
        for (const auto &entry : m_hostileByRid)
            expected.insert(entry.first);
        QVERIFY(seen == expected);
    }

    void jsonRoundTripsExactStrings()
    {
        auto project = Project::open(m_projectPath);
        QVERIFY(project);
        auto items = collectItems((*project)->db(), m_runId, {});
        QVERIFY(items);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(itemsToJson(*items), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(doc.isArray());
        const QJsonArray arr = doc.array();
        QCOMPARE(arr.size(), qsizetype(m_hostileByRid.size() + 1));
        std::set<std::int64_t> seen;
        for (const QJsonValue &v : arr) {
            const QJsonObject o = v.toObject();
            const std::int64_t rid = o.value(QLatin1String("record_id")).toInteger();
            seen.insert(rid);
            auto h = m_hostileByRid.find(rid);
            if (h == m_hostileByRid.end()) {
                QCOMPARE(rid, m_benignRid);
                QCOMPARE(o.value(QLatin1String("note")).toString(), QStringLiteral("@ordinary"));
                QCOMPARE(o.value(QLatin1String("tags")).toString(), kCrTags);
                continue;
            }
            QCOMPARE(o.value(QLatin1String("label")).toString(), QStringLiteral("malicious"));
            QCOMPARE(o.value(QLatin1String("tags")).toString(), QStringLiteral("xss,<b>injected</b>"));
            QCOMPARE(o.value(QLatin1String("note")).toString(), kFormula + QStringLiteral(" ") + kScript);
            QCOMPARE(o.value(QLatin1String("fields")).toObject().value(h->second.field).toString(), h->second.value);
        }
        QCOMPARE(seen.size(), m_hostileByRid.size() + 1);

        // The report's own JSON is valid and carries the payloads byte for byte as well.
        auto data = collectReport((*project)->db(), m_runId, ReportOptions{60, 40, 60, 4000});
        QVERIFY(data);
        const QJsonDocument report = QJsonDocument::fromJson(reportToJson(*data), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        int payloads = 0;
        for (const QJsonValue &v : report.object().value(QLatin1String("top_anomalies")).toArray()) {
            const QJsonObject fields = v.toObject().value(QLatin1String("fields")).toObject();
            for (const auto &entry : m_hostileByRid)
                payloads += fields.value(entry.second.field).toString() == entry.second.value ? 1 : 0;
        }
        QVERIFY(payloads >= int(m_hostileByRid.size()));
    }

    /// A selection exports exactly the chosen records, labelled or not, once each, in id order.
    void selectionIsExact()
    {
        auto project = Project::open(m_projectPath);
        QVERIFY(project);
        const std::int64_t hostile = m_hostileByRid.rbegin()->first;
        const std::int64_t unlabelled = 1;
        auto items = collectItems((*project)->db(), m_runId, {hostile, unlabelled, hostile});
        QVERIFY(items);
        QCOMPARE(items->size(), size_t(2));
        QCOMPARE(items->at(0).recordId, unlabelled);
        QCOMPARE(items->at(0).label, QString());
        QCOMPARE(items->at(1).recordId, hostile);
        QCOMPARE(fieldOf(items->at(1), m_hostileByRid.at(hostile).field), m_hostileByRid.at(hostile).value);
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(itemsToCsv(*items)));
        QCOMPARE(rows.size(), qsizetype(3));
        QCOMPARE(QJsonDocument::fromJson(itemsToJson(*items)).array().size(), qsizetype(2));
    }

    void pdfIsWritten()
    {
        auto project = Project::open(m_projectPath);
        QVERIFY(project);
        auto data = collectReport((*project)->db(), m_runId);
        QVERIFY(data);
        const QString out = m_dir.filePath(QStringLiteral("hostile.pdf"));
        auto r = writePdfReport(*data, out);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        // Qt writes no JavaScript or actions into a report, whatever the data says.
        QVERIFY(!bytes.contains("/JavaScript"));
        QVERIFY(!bytes.contains("/JS"));
        QVERIFY(!bytes.contains("/OpenAction"));
    }
};

QTEST_MAIN(TestHostileReport)
#include "tst_hostilereport.moc"
