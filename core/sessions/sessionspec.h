#pragma once

#include <QString>

namespace vigil {

/// How sessions are cut: \a entityField's events (a client address, a user) with no pause
/// longer than \a gapSeconds. A model of sessions (session autoencoder, sequence model) reads
/// its data so, and the views that show its runs count and list the same sessions. Empty (no
/// column or no positive gap): not a model of sessions, so records; where a view falls back to
/// its own defaults, it says so.
struct SessionSpec {
    QString entityField;
    double gapSeconds = 0.0;

    bool isEmpty() const { return entityField.isEmpty() || !(gapSeconds > 0.0); }
    friend bool operator==(const SessionSpec &, const SessionSpec &) = default;
};

} // namespace vigil
