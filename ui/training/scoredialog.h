#pragma once

#include "core/project.h"

#include <QDialog>

#include <cstdint>

class QComboBox;
class QLabel;

namespace vigil::ui {

/// Model ▸ Score Data Set…: one dialog that picks the model and the data set it scores, says
/// what the run will be, and warns when the data set is of another format than the model's
/// training data (its columns may not be there).
class ScoreDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScoreDialog)

public:
    /// Offers \a contents' models (newest first) and data sets; \a datasetId is preselected
    /// when it exists (else the newest data set).
    ScoreDialog(const ProjectContents &contents, std::int64_t datasetId, QWidget *parent = nullptr);

    std::int64_t modelId() const;
    std::int64_t datasetId() const;
    /// k-means clusters of the run's latent codes: 0 = suggest k by the silhouette, -1 = none
    /// (ml::RunOptions::clusters). Remembered when the dialog is accepted.
    int clusters() const;

    void accept() override;

private:
    void updateNote();

    ProjectContents m_contents;
    QComboBox *m_model;
    QComboBox *m_dataset;
    QComboBox *m_clusters;
    QLabel *m_note;
};

} // namespace vigil::ui
