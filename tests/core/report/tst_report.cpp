#include "core/project.h"
#include "core/report/casebundle.h"
#include "core/report/escape.h"
#include "core/report/render.h"
#include "core/report/reportdata.h"
#include "tests/support/syntheticproject.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

using vigil::test::kFormula;
using vigil::test::kScript;

static std::unique_ptr<Project> makeProject(const QString &path) { return vigil::test::makeSyntheticProject(path); }

class TestReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void htmlEscape_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << QStringLiteral("GET /") << QStringLiteral("GET /");
        QTest::newRow("script") << kScript << QStringLiteral("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        QTest::newRow("attr") << QStringLiteral("\" onload=\"x") << QStringLiteral("&quot; onload=&quot;x");
        QTest::newRow("amp") << QStringLiteral("a&b") << QStringLiteral("a&amp;b");
        QTest::newRow("control") << QStringLiteral("a\x1b[31mb") << QStringLiteral("a&#9243;[31mb");
    }
    void htmlEscape()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(vigil::htmlEscape(in), out);
    }

    void csvNeutralises_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << QStringLiteral("abc") << QStringLiteral("abc");
        QTest::newRow("equals") << kFormula << QStringLiteral("'=cmd|' /C calc'!A0");
        QTest::newRow("plus") << QStringLiteral("+1+2") << QStringLiteral("'+1+2");
        QTest::newRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("cr") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
        QTest::newRow("comma quoted") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote doubled") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("formula with comma") << QStringLiteral("=A1,B1") << QStringLiteral("\"'=A1,B1\"");
    }
    void csvNeutralises()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(csvCell(in), out);
    }

    void collectsFigures()
    {
        auto p = makeProject(m_dir.filePath(QStringLiteral("fig.vigil")));
        QVERIFY(p);
        auto d = collectReport(p->db(), 1);
        QVERIFY2(d, qPrintable(d ? QString() : d.error().message));
        QCOMPARE(d->scored, 100);
        QCOMPARE(d->alerts, 11); // scores 0.90 … 1.00
        std::int64_t histTotal = 0;
        for (const auto &b : d->histogram)
            histTotal += b.count;
        QCOMPARE(histTotal, 100);
        std::int64_t events = 0, alerts = 0;
        for (const auto &b : d->timeline) {
            events += b.events;
            alerts += b.alerts;
        }
        QCOMPARE(events, 100);
        QCOMPARE(alerts, 11);
        QCOMPARE(d->clusters.size(), size_t(3));
        QCOMPARE(d->topAnomalies.size(), size_t(25));
        QCOMPARE(d->topAnomalies.front().recordId, 100);
        QCOMPARE(d->topAnomalies.front().topFeatures.front().first, QStringLiteral("path"));
        QCOMPARE(d->labelled.size(), size_t(4)); // 'none' is not a label
        QCOMPARE(d->metrics.value(QStringLiteral("auroc")).toDouble(), 0.97);
        QCOMPARE(d->contentHash, QStringLiteral("abc123"));
    }

    void scoredOnlyDataSetShowsTheModelsSchema()
    {
        auto p = makeProject(m_dir.filePath(QStringLiteral("modelschema.vigil")));
        QVERIFY(p);
        // Data set 1 has no schema of its own (it was only scored); before, the report said
        // "No schema stored" although the model's schema encoded it.
        auto d = collectReport(p->db(), 1);
        QVERIFY(d);
        QVERIFY(!d->schemaFromModel);
        QVERIFY(renderHtml(*d).contains(QLatin1String("No schema stored")));
        QVERIFY(p->db().exec("UPDATE models SET schema_json = '{\"width\":3,\"columns\":[{\"name\":\"status<b>\",\"kind\":\"integer\","
                             "\"role\":\"feature\",\"encoding\":\"one-hot\",\"width\":3},"
                             "{\"name\":\"bytes\",\"kind\":\"numeric\",\"role\":\"feature\",\"encoding\":\"numeric\","
                             "\"transform\":\"log1p-minmax\",\"width\":1}]}' WHERE id = 1"));
        d = collectReport(p->db(), 1);
        QVERIFY(d);
        QVERIFY(d->schemaFromModel);
        const QString html = renderHtml(*d);
        QVERIFY(!html.contains(QLatin1String("No schema stored")));
        QVERIFY(html.contains(QLatin1String("The model's schema (model 1)")));
        QVERIFY(html.contains(QLatin1String("<td>status&lt;b&gt;</td>")));
        QVERIFY(html.contains(QLatin1String("Encoded width: <b>3</b>")));
        QVERIFY(html.contains(QLatin1String("<td>numeric, log1p-minmax</td>")));
        // A schema stored for the data set itself wins over the model's.
        QVERIFY(p->db().exec("INSERT INTO schemas(dataset_id, name, schema_json, created_at) VALUES(1, 's', '{\"width\":7,\"columns\":[]}', 'now')"));
        d = collectReport(p->db(), 1);
        QVERIFY(d);
        QVERIFY(!d->schemaFromModel);
        QCOMPARE(d->schema.value(QStringLiteral("width")).toInt(), 7);
    }

    void missingRunIsNotFound()
    {
        auto p = makeProject(m_dir.filePath(QStringLiteral("missing.vigil")));
        QVERIFY(p);
        auto d = collectReport(p->db(), 42);
        QVERIFY(!d);
        QCOMPARE(d.error().code, ErrorCode::NotFound);
        QVERIFY(d.error().message.contains(QLatin1String("run 42")));
    }

    void htmlEscapesHostileContent()
    {
        auto p = makeProject(m_dir.filePath(QStringLiteral("html.vigil")));
        QVERIFY(p);
        ReportOptions o;
        o.topAnomalies = 100; // include records 7 and 9
        auto d = collectReport(p->db(), 1, o);
        QVERIFY(d);
        const QString html = renderHtml(*d);
        QVERIFY(!html.contains(kScript));
        QVERIFY(!html.contains(QLatin1String("<b>payload")));
        QVERIFY(html.contains(QLatin1String("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")));
        QVERIFY(html.contains(QLatin1String("&lt;b&gt;payload&lt;/b&gt;")));
        QCOMPARE(html.count(QLatin1String("<script")), 0);
        QVERIFY(html.contains(QLatin1String("Content-Security-Policy")));
        QVERIFY(html.contains(QLatin1String("<svg")));
    }

    void evaluationSection()
    {
        // Figures as evaluateScores() stores them, with a hostile class name.
        ReportData d;
        d.threshold = 9.5;
        const QString hostile = QStringLiteral("<img src=x onerror=alert(1)>%1");
        const auto json = [](const char *text) { return QJsonDocument::fromJson(text).object(); };
        d.metrics = json(R"({"alerts": 30, "rows": 200, "auroc": 0.9, "ap": 0.8, "oracleTprAt1pctFpr": 0.5, "oracleTprAt5pctFpr": 0.7,
            "atThreshold": {"tp": 25, "fn": 75, "fp": 5, "tn": 95, "tpr": 0.25, "fpr": 0.05, "precision": 0.8333},
            "calibrated": [{"targetFpr": 0.01, "threshold": 12.0, "tp": 10, "fp": 1, "tpr": 0.1, "fpr": 0.01, "precision": 0.909}],
            "roc": {"fpr": [0, 0.01, 0.05, 1], "tpr": [0, 0.1, 0.25, 1]},
            "perFamily": [{"family": "normal", "rows": 100, "flagged": 5}, {"family": "dos", "rows": 60, "flagged": 20},
                          {"family": "unknown", "rows": 40, "flagged": 5}],
            "perClass": [{"class": "normal", "normal": true, "rows": 100, "flagged": 5}, {"class": "neptune", "rows": 60, "flagged": 20},
                         {"class": "HOSTILE", "rows": 40, "flagged": 5}]})");
        QJsonArray classes = d.metrics[QLatin1String("perClass")].toArray();
        QJsonObject c = classes[2].toObject();
        c.insert(QStringLiteral("class"), hostile);
        classes[2] = c;
        d.metrics.insert(QStringLiteral("perClass"), classes);
        QVERIFY(!reportEvaluation(d).isEmpty());
        const QString html = renderHtml(d);
        QVERIFY(html.contains(QLatin1String("<h2>Evaluation against the data set's labels</h2>")));
        // The run's threshold and the calibrated one, with their counts.
        QVERIFY2(html.contains(QLatin1String("25.0 % (25 of 100)")), qPrintable(html));
        QVERIFY(html.contains(QLatin1String("5.00 % (5 of 100)")));
        QVERIFY(html.contains(QLatin1String("calibrated for 1 % FPR on held-out clean rows, 12")));
        QVERIFY(html.contains(QLatin1String("AUROC <b>0.9000</b>")));
        // The ROC chart: the curve's four points on the log axis (from 0.01, the decade of one
        // false alarm in 100 normal rows), FPR 0 at its left edge.
        QVERIFY(html.contains(QStringLiteral("ROC — AUROC 0.9000")));
        const auto curve = QRegularExpression(QStringLiteral("<polyline points=\"([^\"]*)\" fill=\"none\" stroke=\"#4e79a7\" stroke-width=\"2\"/>"))
                               .match(html);
        QVERIFY(curve.hasMatch());
        const QStringList points = curve.captured(1).split(QLatin1Char(' '));
        QCOMPARE(points.size(), 4);
        QCOMPARE(points[0].section(QLatin1Char(','), 0, 0), points[1].section(QLatin1Char(','), 0, 0)); // FPR 0 drawn at 0.01
        QVERIFY(points[2].section(QLatin1Char(','), 0, 0).toDouble() > points[1].section(QLatin1Char(','), 0, 0).toDouble());
        // Families, the normal class, then classes by missed rows: HOSTILE (35) after neptune (40).
        const qsizetype dos = html.indexOf(QLatin1String("<b>family: dos</b>")), normal = html.indexOf(QLatin1String("normal traffic")),
                        neptune = html.indexOf(QLatin1String(">neptune<")), bad = html.indexOf(QLatin1String("&lt;img src=x"));
        QVERIFY(dos > 0 && normal > dos && neptune > normal && bad > neptune);
        QVERIFY(!html.contains(QLatin1String("<img src=x")));
        QVERIFY(html.contains(QLatin1String("onerror=alert(1)&gt;%1")));
        // Evaluation keys are not repeated as raw key/values among the run figures.
        QVERIFY(!html.contains(QLatin1String("<th>atThreshold</th>")));
        QVERIFY(!html.contains(QLatin1String("<th>perClass</th>")));
        QVERIFY(html.contains(QLatin1String("<th>alerts</th>")));

        // A later `evaluate` (metrics' "evaluation") wins over the figures stored at scoring.
        QJsonObject later = d.metrics;
        later.insert(QStringLiteral("auroc"), 0.95);
        d.metrics.insert(QStringLiteral("evaluation"), later);
        QCOMPARE(reportEvaluation(d).value(QStringLiteral("auroc")).toDouble(), 0.95);
        QVERIFY(renderHtml(d).contains(QLatin1String("AUROC <b>0.9500</b>")));

        // No labels: no evaluation section.
        ReportData plain;
        plain.metrics = json(R"({"alerts": 3, "rows": 10})");
        QVERIFY(reportEvaluation(plain).isEmpty());
        QVERIFY(!renderHtml(plain).contains(QLatin1String("Evaluation against")));
        QVERIFY(renderHtml(plain).contains(QLatin1String("The data set has no labels")));
        QVERIFY(svgRoc(plain).contains(QLatin1String("No ROC curve")));
    }

    void exportsExactlyTheSelection()
    {
        auto p = makeProject(m_dir.filePath(QStringLiteral("sel.vigil")));
        QVERIFY(p);
        auto items = collectItems(p->db(), 1, {9, 2, 9});
        QVERIFY(items);
        QCOMPARE(items->size(), size_t(2));
        QCOMPARE(items->at(0).recordId, 2);
        QCOMPARE(items->at(1).recordId, 9);
        const QByteArray csv = itemsToCsv(*items);
        QCOMPARE(csv.count("\r\n"), 3); // header + 2 rows
        QVERIFY(csv.contains("'=cmd|' /C calc'!A0"));
        QVERIFY(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""));
        const QJsonArray arr = QJsonDocument::fromJson(itemsToJson(*items)).array();
        QCOMPARE(arr.size(), 2);
        QCOMPARE(arr.at(1).toObject().value(QStringLiteral("fields")).toObject().value(QStringLiteral("path")).toString(), kFormula);

        auto none = collectItems(p->db(), 1, {1000});
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::NotFound);
    }

    void exportsExactlyTheLabelledRecords()
    {
        auto p = makeProject(m_dir.filePath(QStringLiteral("lab.vigil")));
        QVERIFY(p);
        auto items = collectItems(p->db(), 1, {});
        QVERIFY(items);
        QList<qint64> ids;
        for (const auto &f : *items)
            ids << f.recordId;
        QCOMPARE(ids, (QList<qint64>{7, 9, 50})); // not 60 ('none'), not the entity label
        QCOMPARE(items->at(0).label, QStringLiteral("malicious"));
        QCOMPARE(items->at(0).tags, QStringLiteral("xss"));
    }

    void caseBundleRoundTrip()
    {
        const QString bundle = m_dir.filePath(QStringLiteral("case.vigilcase"));
        const QString copy = m_dir.filePath(QStringLiteral("colleague.vigil"));
        {
            auto p = makeProject(m_dir.filePath(QStringLiteral("case-src.vigil")));
            QVERIFY(p);
            auto d = collectReport(p->db(), 1);
            QVERIFY(d);
            QVERIFY(exportCase(*p, bundle, renderHtml(*d)));
            auto again = exportCase(*p, bundle);
            QVERIFY(!again);
            QCOMPARE(again.error().code, ErrorCode::InvalidArgument);
        }
        QVERIFY(importCase(bundle, copy));
        auto p = Project::open(copy);
        QVERIFY(p);
        QCOMPARE((*p)->db().scalarInt("SELECT count(*) FROM labels WHERE label <> 'none'").value(), 4);
        QCOMPARE((*p)->db().scalarInt("SELECT count(*) FROM scores").value(), 100);
        QCOMPARE((*p)->db().scalarInt("SELECT count(*) FROM ds_1").value(), 100);
        auto html = caseReportHtml(**p);
        QVERIFY(html);
        QVERIFY(html->contains(QLatin1String("Vigil report")));
        auto d = collectReport((*p)->db(), 1);
        QVERIFY(d);
        QCOMPARE(d->threshold, 0.9);

        const QString junk = m_dir.filePath(QStringLiteral("junk.vigilcase"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a case");
        f.close();
        auto bad = importCase(junk, m_dir.filePath(QStringLiteral("junk.vigil")));
        QVERIFY(!bad);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("junk.vigil"))));
    }

    void atomicWriteReplacesWhole()
    {
        const QString path = m_dir.filePath(QStringLiteral("out.html"));
        QVERIFY(writeFileAtomically(path, "first"));
        QVERIFY(writeFileAtomically(path, "second"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("second"));
        auto bad = writeFileAtomically(m_dir.filePath(QStringLiteral("no/such/dir/x.html")), "x");
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::Io);
    }
};

QTEST_APPLESS_MAIN(TestReport)
#include "tst_report.moc"
