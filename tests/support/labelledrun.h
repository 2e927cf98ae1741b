#pragma once

// Test helper: a project with a real labelled run, built through the import and ml pipeline.

#include "ml/pipeline.h"

#include <QString>

namespace vigil::testing {

/// Creates the project \a path from tests/data/ids/kddtrain_300.txt (300 NSL-KDD rows with
/// their labels), trains a small autoencoder on it for \a epochs and scores the data set: the
/// result's runId can be evaluated. Call ml::initRuntime() first.
Result<ml::PipelineResult> createLabelledRun(const QString &path, int epochs);

/// Creates the project \a path from tests/data/web/elastic_200.log (200 Apache lines, 71
/// sessions of remote_addr at the default gap), trains a session autoencoder on it for \a epochs
/// with sessions split at pauses over \a gapSeconds and scores it.
Result<ml::PipelineResult> createSessionRun(const QString &path, int epochs, double gapSeconds = kDefaultSessionGapSeconds);

} // namespace vigil::testing
