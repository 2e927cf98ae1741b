#include "ml/runtime.h"
#include "ui/import/importdialog.h"
#include "ui/jobs/jobrunner.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/report/reportdialog.h"
#include "ui/schema/schemacolumnsmodel.h"
#include "ui/training/scoredialog.h"
#include "ui/training/traindialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace vigil;

namespace {

/// Installs the embedded translation for `language` (none for an empty one) while it lives.
class ScopedLanguage
{
public:
    explicit ScopedLanguage(const QString &language)
    {
        if (language.isEmpty())
            return;
        m_loaded = m_translator.load(QStringLiteral(":/i18n/vigil_%1.qm").arg(language));
        if (m_loaded)
            QCoreApplication::installTranslator(&m_translator);
    }
    ~ScopedLanguage() { QCoreApplication::removeTranslator(&m_translator); }
    Q_DISABLE_COPY_MOVE(ScopedLanguage)
    bool loaded() const { return m_loaded; }

private:
    QTranslator m_translator;
    bool m_loaded = false;
};

/// The source texts of `tsPath` whose translation is missing, empty or marked unfinished.
QStringList unfinishedEntries(const QString &tsPath, QString *error)
{
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QStringList unfinished;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const bool markedUnfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            // A numerus translation holds <numerusform> children; every one must be filled in.
            QString text;
            bool emptyForm = false;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text().trimmed();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                    const QString form = xml.readElementText().trimmed();
                    emptyForm = emptyForm || form.isEmpty();
                    text += form;
                }
            }
            if (markedUnfinished || text.isEmpty() || emptyForm)
                unfinished << source;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(tsPath).arg(xml.lineNumber()).arg(xml.errorString());
    return unfinished;
}

/// The mnemonic letters (lower case) of the labels and buttons of \a dialog that are visible,
/// each with the texts that use it: two texts on one letter make Alt+letter reach only one.
QMap<QChar, QStringList> visibleMnemonics(QWidget &dialog)
{
    QMap<QChar, QStringList> keys;
    auto note = [&](const QString &text) {
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text[i] != QLatin1Char('&'))
                continue;
            if (text[i + 1] == QLatin1Char('&')) {
                ++i;
                continue;
            }
            keys[text[i + 1].toLower()] << text;
            return;
        }
    };
    for (QLabel *l : dialog.findChildren<QLabel *>())
        if (l->isVisibleTo(&dialog) && l->buddy())
            note(l->text());
    for (QAbstractButton *b : dialog.findChildren<QAbstractButton *>())
        if (b->isVisibleTo(&dialog))
            note(b->text());
    return keys;
}

} // namespace

/// The compiled translations are embedded (:/i18n) and reach the widgets; the German and Spanish
/// catalogues are complete; the language follows the setting chosen in View ▸ Language.
class TestTranslations : public QObject
{
    Q_OBJECT

private:
    static QStringList menuTitles(const QString &language)
    {
        ScopedLanguage scoped(language);
        if (!language.isEmpty() && !scoped.loaded())
            return {QStringLiteral("missing translation file for ") + language};
        QStringList titles;
        ui::MainWindow w(ml::ComputeInfo{});
        for (QAction *a : w.menuBar()->actions())
            titles << a->text();
        return titles;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
        QSettings().clear();
    }
    void cleanupTestCase() { QSettings().clear(); }

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

    void dialogsAndHeaders_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("dialogTitle");
        QTest::addColumn<QString>("firstModel");
        QTest::addColumn<QString>("columnHeader");
        QTest::addColumn<QString>("plural");
        QTest::newRow("source") << QString() << QStringLiteral("Train Model — web.log") << QStringLiteral("Autoencoder (unsupervised, default)")
                                << QStringLiteral("Column") << QStringLiteral("3 suppression rule(s) active.");
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("Modell trainieren — web.log")
                            << QStringLiteral("Autoencoder (unüberwacht, Standard)") << QStringLiteral("Spalte")
                            << QStringLiteral("3 Unterdrückungsregeln aktiv.");
        QTest::newRow("es") << QStringLiteral("es") << QStringLiteral("Entrenar modelo — web.log")
                            << QStringLiteral("Autocodificador (no supervisado, predeterminado)") << QStringLiteral("Columna")
                            << QStringLiteral("3 reglas de supresión activas.");
    }

    void dialogsAndHeaders()
    {
        QFETCH(QString, language);
        QFETCH(QString, dialogTitle);
        QFETCH(QString, firstModel);
        QFETCH(QString, columnHeader);
        QFETCH(QString, plural);
        ScopedLanguage scoped(language);
        QVERIFY(language.isEmpty() || scoped.loaded());

        ui::TrainDialog dialog(QStringLiteral("web.log"), false);
        QCOMPARE(dialog.windowTitle(), dialogTitle);
        auto *kind = dialog.findChild<QComboBox *>();
        QVERIFY(kind);
        QCOMPARE(kind->itemText(0), firstModel);

        ui::SchemaColumnsModel model;
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), columnHeader);

        QCOMPARE(QCoreApplication::translate("vigil::ui::TriageView", "%n suppression rule(s) active.", nullptr, 3), plural);
    }

    void dialogMnemonicsAreUnique_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("source") << QString();
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("es") << QStringLiteral("es");
    }

    /// In every language, the Train dialog (for each model kind: rows come and go), the Score,
    /// Report and Import dialogs give each visible label and button its own Alt+letter.
    void dialogMnemonicsAreUnique()
    {
        QFETCH(QString, language);
        ScopedLanguage scoped(language);
        QVERIFY(language.isEmpty() || scoped.loaded());
        auto check = [](QWidget &dialog, const QString &what) {
            const auto keys = visibleMnemonics(dialog);
            QVERIFY2(keys.size() >= 3, qPrintable(what));
            for (auto it = keys.begin(); it != keys.end(); ++it)
                QVERIFY2(it.value().size() == 1, qPrintable(QStringLiteral("%1: Alt+%2 is %3").arg(what, it.key(), it.value().join(QStringLiteral(" / ")))));
        };
        ui::TrainDialog train(QStringLiteral("web.log"), true);
        auto *kind = train.findChild<QComboBox *>(QStringLiteral("modelKind"));
        QVERIFY(kind);
        for (int i = 0; i < kind->count(); ++i) {
            kind->setCurrentIndex(i);
            check(train, QStringLiteral("Train dialog, %1").arg(kind->currentData().toString()));
        }
        ProjectContents c;
        c.datasets.push_back({1, QStringLiteral("access.log"), QStringLiteral("combined"), QStringLiteral("/a"), 10, 0});
        c.models.push_back({1, QStringLiteral("autoencoder"), QStringLiteral("autoencoder"), 1, {}});
        ui::ScoreDialog score(c, 1);
        check(score, QStringLiteral("Score dialog"));
        c.runs.push_back(RunEntry{1, 1, 1, 0.5, QString()});
        ui::ReportDialog report(c, 1);
        check(report, QStringLiteral("Report dialog"));
        ui::JobRunner runner;
        ui::ImportDialog import(&runner);
        check(import, QStringLiteral("Import dialog"));
    }

    /// Every German and Spanish entry is translated: a new tr() string fails here until
    /// translations/translate.py has an entry for it.
    void catalogueComplete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("es") << QStringLiteral("es");
    }

    void catalogueComplete()
    {
        QFETCH(QString, language);
        const QString path = QStringLiteral(VIGIL_TEST_DATA_DIR "/../../translations/vigil_%1.ts").arg(language);
        QString error;
        const QStringList unfinished = unfinishedEntries(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(unfinished.isEmpty(), qPrintable(QStringLiteral("%1 untranslated in %2:\n  %3")
                                                      .arg(unfinished.size()).arg(path, unfinished.join(QStringLiteral("\n  ")))));
        // The parser itself must see entries, or an empty file would pass.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().count("<message") > 300);
    }

    void unfinishedEntriesAreFound()
    {
        const QString path = QDir::temp().filePath(QStringLiteral("tst_translations_%1.ts").arg(QCoreApplication::applicationPid()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("<?xml version=\"1.0\" encoding=\"utf-8\"?><TS version=\"2.1\" language=\"de\"><context><name>C</name>"
                   "<message><source>done</source><translation>fertig</translation></message>"
                   "<message><source>open</source><translation type=\"unfinished\"></translation></message>"
                   "<message><source>empty</source><translation></translation></message>"
                   "<message numerus=\"yes\"><source>%n rows</source><translation><numerusform>%n Zeile</numerusform>"
                   "<numerusform></numerusform></translation></message></context></TS>");
        file.close();
        QString error;
        const QStringList unfinished = unfinishedEntries(path, &error);
        QFile::remove(path);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(unfinished, (QStringList{QStringLiteral("open"), QStringLiteral("empty"), QStringLiteral("%n rows")}));
    }

    void languageSetting_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("menuText");
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("&Datei");
        QTest::newRow("es") << QStringLiteral("es") << QStringLiteral("&Archivo");
    }

    /// The setting picks the locale, and installTranslations makes the widgets speak it.
    void languageSetting()
    {
        QFETCH(QString, setting);
        QFETCH(QString, menuText);
        QSettings().setValue(QLatin1String(ui::kLanguageSettingKey), setting);
        const QLocale locale = ui::uiLocale();
        QCOMPARE(QLocale::languageToCode(locale.language()), setting);
        const QList<QTranslator *> installed = ui::installTranslations(*QCoreApplication::instance(), locale);
        QVERIFY(!installed.isEmpty());
        {
            ui::MainWindow w(ml::ComputeInfo{});
            QCOMPARE(w.menuBar()->actions().constFirst()->text(), menuText);
        }
        for (QTranslator *t : installed) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QSettings().remove(QLatin1String(ui::kLanguageSettingKey));
        QCOMPARE(ui::uiLocale(), QLocale::system());
    }

    /// View ▸ Language lists the system default and the three catalogues, checks the stored
    /// choice, and stores a new one.
    void languageMenu()
    {
        QSettings().setValue(QLatin1String(ui::kLanguageSettingKey), QStringLiteral("es"));
        ui::MainWindow w(ml::ComputeInfo{});
        auto *menu = w.findChild<QMenu *>(QStringLiteral("languageMenu"));
        QVERIFY(menu);
        QStringList codes;
        QString checked = QStringLiteral("<none>");
        for (QAction *a : menu->actions()) {
            codes << a->data().toString();
            if (a->isChecked())
                checked = a->data().toString();
        }
        QCOMPARE(codes, (QStringList{QString(), QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("es")}));
        QCOMPARE(checked, QStringLiteral("es"));
        menu->actions().at(2)->trigger();
        QCOMPARE(QSettings().value(QLatin1String(ui::kLanguageSettingKey)).toString(), QStringLiteral("de"));
        QVERIFY(menu->actions().at(2)->isChecked());
        QVERIFY(!menu->actions().at(3)->isChecked());
        menu->actions().at(0)->trigger();
        QCOMPARE(QSettings().value(QLatin1String(ui::kLanguageSettingKey)).toString(), QString());
        QSettings().remove(QLatin1String(ui::kLanguageSettingKey));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
