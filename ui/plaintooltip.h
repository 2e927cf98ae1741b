#pragma once

// Tooltips of log content. QToolTip renders a string that Qt::mightBeRichText() takes for HTML
// as rich text, so an attacker's "<img src=…>" or "<b>" in a logged path would be interpreted.
// This wraps the text, escaped as reports escape it (vigil::htmlEscape), in HTML of Vigil's own:
// it always shows as the literal characters.

#include "core/report/escape.h"

#include <QString>

namespace vigil::ui {

inline QString plainToolTip(const QString &text)
{
    return QStringLiteral("<p style=\"white-space:pre-wrap\">") + htmlEscape(text) + QStringLiteral("</p>");
}

} // namespace vigil::ui
