#include "ui/training/scoredialog.h"
#include "ui/training/traindialog.h"
#include "ui/training/trainingview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QSpinBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <limits>

using namespace vigil::ui;

class TestTrainingView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_trainingview"));
        QSettings().clear();
    }

    void epochsExtendTheCurves()
    {
        TrainingView view(QStringLiteral("Autoencoder on demo"));
        view.addEpoch({1, 3, 0.9, 1.0, 50000, 4});
        view.addEpoch({2, 3, 0.5, 0.6, 52000, 2});
        view.addEpoch({3, 3, 0.3, std::numeric_limits<double>::quiet_NaN(), 51000, 0});
        QCOMPARE(view.epochCount(), 3);
        QCOMPARE(view.trainingSeries()->count(), 3);
        QCOMPARE(view.validationSeries()->count(), 2); // a missing validation loss adds no point
        QCOMPARE(view.trainingSeries()->at(2).y(), 0.3);
        auto *status = view.findChild<QLabel *>(QStringLiteral("trainingStatus"));
        QVERIFY(status->text().contains(QLatin1String("Epoch 3 of 3")));
        QVERIFY(status->text().contains(QLatin1String("best 0.6")));
        QSignalSpy cancel(&view, &TrainingView::cancelRequested);
        QTest::mouseClick(view.findChild<QPushButton *>(), Qt::LeftButton);
        QCOMPARE(cancel.count(), 1);
        view.setFinished(QStringLiteral("done"), true);
        QCOMPARE(status->text(), QStringLiteral("done"));
    }

    void dialogRemembersSettings()
    {
        {
            TrainDialog d(QStringLiteral("kdd"), true);
            TrainSettings defaults = d.settings();
            QCOMPARE(defaults.modelKind, QStringLiteral("autoencoder"));
            QCOMPARE(defaults.epochs, 20);
            QVERIFY(defaults.normalOnly);
            auto *spin = d.findChildren<QSpinBox *>().first();
            spin->setValue(7);
            d.accept();
        }
        TrainDialog again(QStringLiteral("kdd"), false);
        QCOMPARE(again.settings().epochs, 7);
        QVERIFY(!again.settings().normalOnly); // no labels: the option is off and disabled
        QCOMPARE(again.settings().alertsPerDay, 0); // a false-positive rate by default

        // An alert budget instead: its field replaces the rate's, and it is remembered.
        auto *mode = again.findChild<QComboBox *>(QStringLiteral("thresholdMode"));
        auto *budget = again.findChild<QSpinBox *>(QStringLiteral("alertsPerDay"));
        QVERIFY(mode && budget);
        again.show();
        QVERIFY(!budget->isVisible());
        mode->setCurrentIndex(mode->findData(QStringLiteral("budget")));
        QVERIFY(budget->isVisible());
        budget->setValue(25);
        QCOMPARE(again.settings().alertsPerDay, 25);
        again.accept();
        TrainDialog third(QStringLiteral("kdd"), false);
        QCOMPARE(third.settings().alertsPerDay, 25);
        // Ensemble size: the autoencoder's option only; remembered.
        auto *members = third.findChild<QSpinBox *>(QStringLiteral("ensembleMembers"));
        QVERIFY(members);
        QCOMPARE(third.settings().members, 1);
        QVERIFY(members->isVisibleTo(&third));
        auto *kind = third.findChild<QComboBox *>(QStringLiteral("modelKind"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("vae")));
        QVERIFY(!members->isVisibleTo(&third));
        kind->setCurrentIndex(kind->findData(QStringLiteral("autoencoder")));
        QVERIFY(members->isVisibleTo(&third));
        members->setValue(3);
        QCOMPARE(third.settings().members, 3);
        third.findChild<QComboBox *>(QStringLiteral("thresholdMode"))->setCurrentIndex(0);
        QCOMPARE(third.settings().alertsPerDay, 0);
        third.accept();
        QCOMPARE(TrainDialog(QStringLiteral("kdd"), false).settings().members, 3);
    }

    void dialogLoadsATorchScriptFile()
    {
        TrainDialog d(QStringLiteral("kdd"), true);
        auto *kind = d.findChild<QComboBox *>();
        auto *file = d.findChild<QLineEdit *>(QStringLiteral("torchScriptFile"));
        auto *epochs = d.findChildren<QSpinBox *>().first();
        QPushButton *ok = d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!file->isVisibleTo(&d)); // the file row shows for TorchScript only
        QVERIFY(epochs->isVisibleTo(&d));
        kind->setCurrentIndex(kind->findData(QStringLiteral("torchscript")));
        QVERIFY(file->isVisibleTo(&d));
        QVERIFY(!epochs->isVisibleTo(&d)); // nothing is trained: no epochs, batch, rate…
        bool buddy = false; // Alt+F reaches the file field itself, not its row's container
        for (auto *label : d.findChildren<QLabel *>())
            buddy = buddy || label->buddy() == file;
        QVERIFY(buddy);
        for (auto *b : d.findChildren<QPushButton *>()) // Enter after the file dialog loads, not browses again
            if (b->text().contains(QLatin1String("Browse")))
                QVERIFY(!b->autoDefault());
        QCOMPARE(ok->text(), QStringLiteral("&Load"));
        QVERIFY(!ok->isEnabled()); // no file chosen yet
        file->setText(QStringLiteral("/nonexistent/model.pt"));
        QVERIFY(!ok->isEnabled());
        file->setText(QStringLiteral(VIGIL_TEST_DATA_DIR "/ml_recon6.pt"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(d.settings().modelKind, QStringLiteral("torchscript"));
        QCOMPARE(d.settings().torchScriptPath, QStringLiteral(VIGIL_TEST_DATA_DIR "/ml_recon6.pt"));
        d.accept();
        TrainDialog again(QStringLiteral("kdd"), true); // the choice and the file are remembered
        QCOMPARE(again.settings().torchScriptPath, QStringLiteral(VIGIL_TEST_DATA_DIR "/ml_recon6.pt"));
        kind = again.findChild<QComboBox *>();
        kind->setCurrentIndex(kind->findData(QStringLiteral("autoencoder")));
        QVERIFY(again.settings().torchScriptPath.isEmpty());
        QCOMPARE(again.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->text(), QStringLiteral("&Train"));
    }

    void dialogReadsSessionsForSequenceModels()
    {
        QSettings().clear();
        TrainDialog d(QStringLiteral("access.log"), false);
        auto *kind = d.findChild<QComboBox *>(QStringLiteral("modelKind"));
        auto *entity = d.findChild<QLineEdit *>(QStringLiteral("sessionEntity"));
        auto *tokens = d.findChild<QLineEdit *>(QStringLiteral("eventTokens"));
        QVERIFY(entity && tokens);
        kind->setCurrentIndex(kind->findData(QStringLiteral("autoencoder")));
        QVERIFY(!entity->isVisibleTo(&d)); // the session rows show for the sequence model only
        QVERIFY(!tokens->isVisibleTo(&d));
        const TrainSettings defaults = d.settings();
        QVERIFY(defaults.sessionEntity.isEmpty());
        QVERIFY(defaults.eventTokens.isEmpty());
        QCOMPARE(defaults.sessionGapMinutes, 30);
        QVERIFY(!defaults.lstm);
        QVERIFY(!defaults.bidirectional);

        kind->setCurrentIndex(kind->findData(QStringLiteral("sequence")));
        QVERIFY(entity->isVisibleTo(&d));
        QVERIFY(tokens->isVisibleTo(&d));
        entity->setText(QStringLiteral(" remote_addr "));
        tokens->setText(QStringLiteral("method, status,,path_ext "));
        QSpinBox *gap = nullptr;
        for (auto *spin : d.findChildren<QSpinBox *>())
            if (spin->suffix().contains(QLatin1String("min")))
                gap = spin;
        QVERIFY(gap && gap->isVisibleTo(&d));
        gap->setValue(10);
        auto *cell = d.findChild<QComboBox *>(QStringLiteral("recurrentCell"));
        QVERIFY(cell != kind);
        cell->setCurrentIndex(cell->findData(QStringLiteral("lstm")));
        d.findChildren<QCheckBox *>().last()->setChecked(true);

        const TrainSettings t = d.settings();
        QCOMPARE(t.modelKind, QStringLiteral("sequence"));
        QCOMPARE(t.sessionEntity, QStringLiteral("remote_addr"));
        QCOMPARE(t.eventTokens, (QStringList{QStringLiteral("method"), QStringLiteral("status"), QStringLiteral("path_ext")}));
        QCOMPARE(t.sessionGapMinutes, 10);
        QVERIFY(t.lstm);
        QVERIFY(t.bidirectional);
        d.accept();

        // The session autoencoder reads sessions too (entity, gap) but has no event tokens or cell.
        kind->setCurrentIndex(kind->findData(QStringLiteral("session-autoencoder")));
        QVERIFY(entity->isVisibleTo(&d));
        QVERIFY(gap->isVisibleTo(&d));
        QVERIFY(!tokens->isVisibleTo(&d));
        QVERIFY(!cell->isVisibleTo(&d));
        QCOMPARE(d.settings().modelKind, QStringLiteral("session-autoencoder"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("sequence")));

        TrainDialog again(QStringLiteral("conn.log"), false); // remembered, except one data set's column names
        const TrainSettings r = again.settings();
        QCOMPARE(r.modelKind, QStringLiteral("sequence"));
        QVERIFY(r.sessionEntity.isEmpty());
        QVERIFY(r.eventTokens.isEmpty());
        QCOMPARE(r.sessionGapMinutes, 10);
        QVERIFY(r.lstm);
        QVERIFY(r.bidirectional);
    }

    void scoreDialogPicksModelAndDataSetInOne()
    {
        vigil::ProjectContents c;
        c.datasets.push_back({1, QStringLiteral("access.log"), QStringLiteral("combined"), QStringLiteral("/a"), 1200, 0});
        c.datasets.push_back({2, QStringLiteral("conn.log"), QStringLiteral("zeek"), QStringLiteral("/b"), 360, 0});
        c.datasets.push_back({3, QStringLiteral("scanner.log"), QStringLiteral("combined"), QStringLiteral("/c"), 100, 0});
        c.models.push_back({1, QStringLiteral("autoencoder"), QStringLiteral("autoencoder"), 1, {}});
        c.models.push_back({2, QStringLiteral("gru"), QStringLiteral("sequence"), 1, {QStringLiteral("remote_addr"), 1800.0}});
        vigil::ui::ScoreDialog dialog(c, 3);
        auto *model = dialog.findChild<QComboBox *>(QStringLiteral("scoreModel"));
        auto *dataset = dialog.findChild<QComboBox *>(QStringLiteral("scoreDataset"));
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("scoreNote"));
        QVERIFY(model && dataset && note);
        QCOMPARE(dialog.modelId(), std::int64_t(2));   // newest model first
        QCOMPARE(dialog.datasetId(), std::int64_t(3)); // the one asked for
        QVERIFY(model->currentText().contains(QLatin1String("trained on #1 access.log")));
        QVERIFY(!note->text().contains(QLatin1String("'zeek'")));
        dataset->setCurrentIndex(1); // a Zeek log for a web-log model: warned
        QCOMPARE(dialog.datasetId(), std::int64_t(2));
        QVERIFY2(note->text().contains(QLatin1String("'combined' data set and this one is 'zeek'")), qPrintable(note->text()));
        model->setCurrentIndex(1);
        QCOMPARE(dialog.modelId(), std::int64_t(1));

        // Clusters: suggested by default, a chosen k or none, remembered.
        auto *clusters = dialog.findChild<QComboBox *>(QStringLiteral("scoreClusters"));
        QVERIFY(clusters);
        QCOMPARE(dialog.clusters(), 0);
        clusters->setCurrentIndex(clusters->findData(5));
        QCOMPARE(dialog.clusters(), 5);
        dialog.accept();
        vigil::ui::ScoreDialog none(c, 1);
        QCOMPARE(none.clusters(), 5);
        auto *noneClusters = none.findChild<QComboBox *>(QStringLiteral("scoreClusters"));
        noneClusters->setCurrentIndex(noneClusters->findData(-1));
        QCOMPARE(none.clusters(), -1);
        none.accept();
        QCOMPARE(vigil::ui::ScoreDialog(c, 1).clusters(), -1);

        vigil::ui::ScoreDialog missing(c, 42); // a data set that is not there: the newest
        QCOMPARE(missing.datasetId(), std::int64_t(3));

        vigil::ui::ScoreDialog empty(vigil::ProjectContents{}, 1);
        auto *buttons = empty.findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        for (QAbstractButton *b : buttons->buttons())
            if (buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
                QVERIFY(!b->isEnabled());
        QVERIFY(empty.findChild<QLabel *>(QStringLiteral("scoreNote"))->text().contains(QLatin1String("no model")));
    }
};

QTEST_MAIN(TestTrainingView)
#include "tst_trainingview.moc"
