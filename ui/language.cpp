#include "ui/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace vigil::ui {

QLocale uiLocale()
{
    const QString setting = QSettings().value(QLatin1String(kLanguageSettingKey)).toString();
    return setting.isEmpty() ? QLocale::system() : QLocale(setting);
}

QList<QTranslator *> installTranslations(QCoreApplication &app, const QLocale &locale)
{
    QList<QTranslator *> installed;
    auto *vigil = new QTranslator(&app);
    if (vigil->load(locale, QStringLiteral("vigil"), QStringLiteral("_"), QStringLiteral(":/i18n")) && QCoreApplication::installTranslator(vigil))
        installed << vigil;
    else
        delete vigil;
    // Qt's catalogue lives outside the binary (qt6-translations-l10n, a Recommends of the
    // package); without it the standard buttons stay English, which is harmless.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))
        && QCoreApplication::installTranslator(qt))
        installed << qt;
    else
        delete qt;
    return installed;
}

} // namespace vigil::ui
