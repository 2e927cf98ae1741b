#include "tests/support/labelledrun.h"

#include "core/project.h"
#include "core/store/datasetstore.h"

namespace vigil::testing {

namespace {

/// Imports \a file into a new project \a path and trains a model of \a kind on it.
Result<ml::PipelineResult> trainedRun(const QString &path, const QString &file, ml::ModelKind kind, int epochs,
                                      double gapSeconds = kDefaultSessionGapSeconds)
{
    {
        auto project = Project::create(path);
        if (!project)
            return tl::unexpected(project.error());
        auto imported = importFile(**project, file, ReadOptions{});
        if (!imported)
            return tl::unexpected(imported.error());
    }
    ml::TrainRequest request;
    request.projectPath = path;
    request.datasetId = 1;
    request.options.kind = kind;
    request.options.epochs = epochs;
    request.options.batchSize = 32;
    request.sessionGapSeconds = gapSeconds;
    return ml::trainOnDataset(request);
}

} // namespace

Result<ml::PipelineResult> createLabelledRun(const QString &path, int epochs)
{
    return trainedRun(path, QStringLiteral(VIGIL_TEST_DATA_DIR "/ids/kddtrain_300.txt"), ml::ModelKind::Autoencoder, epochs);
}

Result<ml::PipelineResult> createSessionRun(const QString &path, int epochs, double gapSeconds)
{
    return trainedRun(path, QStringLiteral(VIGIL_TEST_DATA_DIR "/web/elastic_200.log"), ml::ModelKind::SessionAutoencoder, epochs, gapSeconds);
}

} // namespace vigil::testing
