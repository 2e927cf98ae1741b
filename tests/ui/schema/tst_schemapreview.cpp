#include "core/io/reader.h"
#include "core/project.h"
#include "core/schema/schema.h"
#include "core/store/datasetstore.h"
#include "ui/jobs/jobrunner.h"
#include "ui/schema/encodedrowmodel.h"
#include "ui/schema/schemacolumnsmodel.h"
#include "ui/schema/schemapreviewwidget.h"
#include "../../core/schema/tablebuilder.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::ui;
using vigil::test::makeColumn;

namespace {

/// method (3 values), browser (3 values), bytes, path (free text → ignored)
std::shared_ptr<const Table> browserTable()
{
    auto t = std::make_shared<Table>();
    QStringList method, browser, bytes, path;
    const char *browsers[] = {"IE", "Chrome", "Firefox"};
    for (int i = 0; i < 400; ++i) {
        method << (i % 5 == 0 ? QStringLiteral("POST") : i % 7 == 0 ? QStringLiteral("HEAD") : QStringLiteral("GET"));
        browser << QString::fromLatin1(browsers[i % 3 == 0 ? 0 : i % 3 == 1 ? 1 : 2]);
        bytes << QString::number(i * 13);
        path << QStringLiteral("/item/%1").arg(i);
    }
    t->columns.push_back(makeColumn(QStringLiteral("method"), method));
    t->columns.push_back(makeColumn(QStringLiteral("browser"), browser));
    t->columns.push_back(makeColumn(QStringLiteral("bytes"), bytes));
    t->columns.push_back(makeColumn(QStringLiteral("path"), path));
    for (int i = 0; i < 400; ++i)
        t->recordIds.push_back(i + 1);
    return t;
}

} // namespace

class TestSchemaPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void columnsModelUnderTester()
    {
        SchemaColumnsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto table = browserTable();
        auto schema = inferSchema(*table);
        QVERIFY(schema);
        model.setSchema(*schema);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(SchemaColumnsModel::ColumnCount));
        const QModelIndex browserRow = model.index(1, SchemaColumnsModel::NameColumn);
        QCOMPARE(browserRow.data().toString(), QStringLiteral("browser"));
        QCOMPARE(model.index(1, SchemaColumnsModel::WidthColumn).data().toInt(), 3);
        QCOMPARE(model.index(1, SchemaColumnsModel::EncodingColumn).data().toString(), QStringLiteral("one-hot"));
        QCOMPARE(model.index(3, SchemaColumnsModel::RoleColumn).data().toString(), QStringLiteral("ignore"));
        const QVariantList top = model.index(1, SchemaColumnsModel::TopValuesColumn).data(SchemaColumnsModel::TopValuesRole).toList();
        QCOMPARE(top.size(), 3);
        QVERIFY(model.index(1, SchemaColumnsModel::RoleColumn).flags() & Qt::ItemIsEditable);
        QVERIFY(!(model.index(1, SchemaColumnsModel::NameColumn).flags() & Qt::ItemIsEditable));
        QCOMPARE(model.index(1, SchemaColumnsModel::RoleColumn).data(SchemaColumnsModel::ChoicesRole).toStringList().size(), 5);

        QSignalSpy edited(&model, &SchemaColumnsModel::specsEdited);
        QVERIFY(!model.setData(model.index(1, SchemaColumnsModel::NameColumn), QStringLiteral("x")));
        QVERIFY(!model.setData(model.index(1, SchemaColumnsModel::RoleColumn), QStringLiteral("boss")));
        QCOMPARE(edited.count(), 0);
        QVERIFY(model.setData(model.index(1, SchemaColumnsModel::RoleColumn), QStringLiteral("ignore")));
        QCOMPARE(edited.count(), 1);
        QCOMPARE(model.index(1, SchemaColumnsModel::EncodingColumn).data().toString(), QStringLiteral("none"));
        // Giving an ignored column an encoding makes it a feature again.
        QVERIFY(model.setData(model.index(3, SchemaColumnsModel::EncodingColumn), QStringLiteral("one-hot")));
        QCOMPARE(model.index(3, SchemaColumnsModel::RoleColumn).data().toString(), QStringLiteral("feature"));

        // Same columns: updated in place; other columns: reset. Both under the tester.
        model.setSchema(*schema);
        Table other = *table;
        other.columns.pop_back();
        auto smaller = inferSchema(other);
        QVERIFY(smaller);
        model.setSchema(*smaller);
        QCOMPARE(model.rowCount(), 3);
        model.setSchema(FeatureSchema{});
        QCOMPARE(model.rowCount(), 0);
    }

    void rowModelUnderTester()
    {
        EncodedRowModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto table = browserTable();
        auto schema = inferSchema(*table);
        QVERIFY(schema);
        auto m = encodeRows(*schema, *table, 1, 1);
        QVERIFY(m);
        auto e = explain(*schema, *m, 0);
        QVERIFY(e);
        model.setExplanation(*e);
        QCOMPARE(model.rowCount(), 3); // method, browser, bytes
        // Record 2 (row 1) has browser Chrome; categories by frequency: IE (134), then the tie
        // Chrome/Firefox (133 each) by name — the `browser=Chrome → 010` view.
        QCOMPARE(model.index(1, EncodedRowModel::FeatureColumn).data().toString(), QStringLiteral("browser=Chrome"));
        QCOMPARE(model.index(1, EncodedRowModel::EncodedColumn).data().toString(), QStringLiteral("010"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void widgetInfersEncodesAndRefits()
    {
        JobRunner jobs;
        SchemaPreviewWidget w(&jobs);
        QSignalSpy fitted(&w, &SchemaPreviewWidget::schemaFitted);
        QSignalSpy encoded(&w, &SchemaPreviewWidget::recordEncoded);
        QSignalSpy failed(&w, &SchemaPreviewWidget::failed);
        w.show();
        w.setTable(browserTable());
        QTRY_COMPARE_WITH_TIMEOUT(fitted.count(), 1, 10000);
        const int width = fitted.at(0).at(0).toInt();
        QCOMPARE(width, w.schema().width());
        QTRY_COMPARE_WITH_TIMEOUT(encoded.count(), 1, 10000);
        QCOMPARE(w.rowModel()->rowCount(), 3);
        QCOMPARE(w.rowModel()->explanation().recordId, 1);

        w.setCurrentRecordRow(3); // record 4: i = 3 → IE
        QTRY_COMPARE_WITH_TIMEOUT(encoded.count(), 2, 10000);
        QCOMPARE(encoded.at(1).at(0).toLongLong(), 3);
        QCOMPARE(w.rowModel()->index(1, EncodedRowModel::FeatureColumn).data().toString(), QStringLiteral("browser=IE"));

        // An edit re-fits in the background: ignoring the browser drops its 3 features.
        auto *model = w.columnsModel();
        QVERIFY(model->setData(model->index(1, SchemaColumnsModel::RoleColumn), QStringLiteral("ignore")));
        QTRY_COMPARE_WITH_TIMEOUT(fitted.count(), 2, 10000);
        QCOMPARE(fitted.at(1).at(0).toInt(), width - 3);
        QTRY_COMPARE_WITH_TIMEOUT(encoded.count(), 3, 10000);
        QCOMPARE(w.rowModel()->rowCount(), 2);

        // Two quick edits: the newest wins, the final schema has both.
        QVERIFY(model->setData(model->index(0, SchemaColumnsModel::TopKColumn), 1));
        QVERIFY(model->setData(model->index(2, SchemaColumnsModel::TransformColumn), QStringLiteral("standardize")));
        QTRY_VERIFY_WITH_TIMEOUT(w.schema().column(QStringLiteral("bytes"))->fitted
                                     && w.schema().column(QStringLiteral("method"))->fitted, 10000);
        jobs.waitForAll();
        QCOMPARE(w.schema().column(QStringLiteral("method"))->categories, QStringList{QStringLiteral("GET")});
        QVERIFY(w.schema().column(QStringLiteral("method"))->hasOther);
        QCOMPARE(w.schema().column(QStringLiteral("bytes"))->transform, NumericTransform::Standardize);
        QCOMPARE(failed.count(), 0);
    }

    void widgetOpensAndSavesADataset()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.vigil"));
        std::int64_t datasetId = 0;
        {
            auto project = Project::create(path);
            QVERIFY(project);
            ReadOptions options;
            options.format = QStringLiteral("nslkdd");
            auto imported = importFile(**project, QStringLiteral(VIGIL_TEST_DATA_DIR "/schema_nslkdd_train.csv"), options);
            QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message));
            datasetId = imported->datasetId;
        }
        JobRunner jobs;
        SchemaPreviewWidget w(&jobs);
        QSignalSpy fitted(&w, &SchemaPreviewWidget::schemaFitted);
        QSignalSpy encoded(&w, &SchemaPreviewWidget::recordEncoded);
        QSignalSpy saved(&w, &SchemaPreviewWidget::schemaSaved);
        w.openDataset(path, datasetId);
        QTRY_COMPARE_WITH_TIMEOUT(fitted.count(), 1, 20000);
        QCOMPARE(fitted.at(0).at(0).toInt(), 89); // the reference width on this 300-row cut
        QTRY_COMPARE_WITH_TIMEOUT(encoded.count(), 1, 20000);
        QCOMPARE(w.rowModel()->rowCount(), 3 + 38);
        QCOMPARE(w.rowModel()->index(1, EncodedRowModel::FeatureColumn).data().toString(), QStringLiteral("service=ftp_data"));

        auto *save = w.findChild<QPushButton *>();
        QVERIFY(save);
        QVERIFY(save->isEnabled());
        save->click();
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 20000);
        jobs.waitForAll();
        auto project = Project::open(path);
        QVERIFY(project);
        auto stored = loadSchema((*project)->db(), datasetId);
        QVERIFY(stored);
        QCOMPARE(stored->width(), 89);
        QCOMPARE(saved.at(0).at(0).toLongLong(), 1);
    }

    void widgetFitsUnfittedSpecs()
    {
        JobRunner jobs;
        SchemaPreviewWidget w(&jobs);
        QSignalSpy fitted(&w, &SchemaPreviewWidget::schemaFitted);
        QSignalSpy encoded(&w, &SchemaPreviewWidget::recordEncoded);
        auto table = browserTable();
        auto specs = inferColumns(*table);
        QVERIFY(specs);
        FeatureSchema unfitted;
        unfitted.columns = *specs;
        w.setTable(table, unfitted);
        QTRY_COMPARE_WITH_TIMEOUT(fitted.count(), 2, 10000); // shown as given, then fitted
        QCOMPARE(fitted.at(1).at(0).toInt(), 3 + 3 + 1);
        QTRY_COMPARE_WITH_TIMEOUT(encoded.count(), 1, 10000);
        jobs.waitForAll();
    }

    void widgetReportsFitErrors()
    {
        JobRunner jobs;
        SchemaPreviewWidget w(&jobs);
        QSignalSpy failed(&w, &SchemaPreviewWidget::failed);
        auto table = browserTable();
        auto schema = inferSchema(*table);
        QVERIFY(schema);
        w.setTable(table, *schema);
        // Hour/weekday on a text column cannot be fitted: the error is shown, nothing crashes.
        auto *model = w.columnsModel();
        QVERIFY(model->setData(model->index(1, SchemaColumnsModel::EncodingColumn), QStringLiteral("hour-weekday")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QVERIFY2(failed.at(0).at(0).toString().contains(QLatin1String("'browser'")), qPrintable(failed.at(0).at(0).toString()));
        jobs.waitForAll();
    }
};

QTEST_MAIN(TestSchemaPreview)
#include "tst_schemapreview.moc"
