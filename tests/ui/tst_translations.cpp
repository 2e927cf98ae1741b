#include "ml/runtime.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace vigil;

/// The compiled translations are embedded (:/i18n) and reach the widgets.
class TestTranslations : public QObject
{
    Q_OBJECT

private:
    static QStringList menuTitles(const QString &language)
    {
        QTranslator translator;
        if (!language.isEmpty() && !translator.load(QStringLiteral(":/i18n/vigil_%1.qm").arg(language)))
            return {QStringLiteral("missing translation file for ") + language};
        if (!language.isEmpty())
            QCoreApplication::installTranslator(&translator);
        QStringList titles;
        {
            ui::MainWindow w(ml::ComputeInfo{});
            for (QAction *a : w.menuBar()->actions())
                titles << a->text();
        }
        QCoreApplication::removeTranslator(&translator);
        return titles;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void menus_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("titles");
        QTest::newRow("source") << QString()
                                << QStringList{QStringLiteral("&File"), QStringLiteral("&Model"), QStringLiteral("&Report"),
                                               QStringLiteral("&View"), QStringLiteral("&Help")};
        QTest::newRow("de") << QStringLiteral("de")
                            << QStringList{QStringLiteral("&Datei"), QStringLiteral("&Modell"), QStringLiteral("&Bericht"),
                                           QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe")};
        QTest::newRow("es") << QStringLiteral("es")
                            << QStringList{QStringLiteral("&Archivo"), QStringLiteral("&Modelo"), QStringLiteral("&Informe"),
                                           QStringLiteral("&Ver"), QStringLiteral("A&yuda")};
    }

    void menus()
    {
        QFETCH(QString, language);
        QFETCH(QStringList, titles);
        QCOMPARE(menuTitles(language), titles);
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
