#include "tests/support/labelledrun.h"

#include "core/project.h"
#include "core/store/datasetstore.h"

namespace vigil::testing {

Result<ml::PipelineResult> createLabelledRun(const QString &path, int epochs)
{
    {
        auto project = Project::create(path);
        if (!project)
            return tl::unexpected(project.error());
        auto imported = importFile(**project, QStringLiteral(VIGIL_TEST_DATA_DIR "/ids/kddtrain_300.txt"), ReadOptions{});
        if (!imported)
            return tl::unexpected(imported.error());
    }
    ml::TrainRequest request;
    request.projectPath = path;
    request.datasetId = 1;
    request.options.epochs = epochs;
    request.options.batchSize = 32;
    return ml::trainOnDataset(request);
}

} // namespace vigil::testing
