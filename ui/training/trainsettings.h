#pragma once

#include "core/sessions/sessions.h"

#include <QString>
#include <QStringList>

namespace vigil::ui {

/// What the analyst chose in the Train dialog; mapped onto the ml options by the job.
struct TrainSettings {
    QString modelKind = QStringLiteral("autoencoder"); ///< autoencoder | vae | classifier | sequence | torchscript
    QString torchScriptPath;     ///< torchscript: the module file to load instead of training
    int epochs = 20;
    int batchSize = 256;
    double learningRate = 1e-3;
    double validationFraction = 0.1;
    int patience = 5;            ///< early stopping: epochs without validation improvement
    bool normalOnly = true;      ///< train on rows labelled normal when the data carries labels
    double targetFpr = 0.01;     ///< threshold calibrated to this false-positive rate
    int alertsPerDay = 0;        ///< instead of targetFpr when > 0: an alert budget (ml::TrainRequest::alertsPerDay)
    int seed = 0;
    int members = 1;             ///< autoencoder: networks in the ensemble (ml::AutoencoderOptions::members)
    // Sequence models: how sessions and their events are read (ml::TrainRequest).
    QString sessionEntity;       ///< empty: the schema's entity key (not remembered: one data set's column)
    QStringList eventTokens;     ///< empty: ml::defaultTokenColumns() (not remembered either)
    int sessionGapMinutes = int(kDefaultSessionGapSeconds / 60); ///< a longer pause starts a new session
    bool lstm = false;           ///< LSTM cells instead of GRU
    bool bidirectional = false;  ///< predict each event from both sides
};

} // namespace vigil::ui
