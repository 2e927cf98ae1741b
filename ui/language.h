#pragma once

#include <QList>
#include <QLocale>

class QCoreApplication;
class QTranslator;

namespace vigil::ui {

/// The QSettings key holding the chosen UI language ("de", "es", "en"); empty or absent follows the system.
inline constexpr char kLanguageSettingKey[] = "language";

/// The locale the UI speaks: the language setting when it is set, else the system locale.
QLocale uiLocale();

/// Installs Vigil's embedded translation (:/i18n/vigil_<lang>.qm) and Qt's own (qtbase, for
/// standard dialog buttons) for `locale`. The translators are children of `app`; the returned
/// list holds those that were found and installed (Vigil's first), so a caller can remove them.
QList<QTranslator *> installTranslations(QCoreApplication &app, const QLocale &locale);

} // namespace vigil::ui
