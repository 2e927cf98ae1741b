#pragma once

#include "core/project.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QCheckBox;

namespace vigil::ui {

/// Report ▸ Export…: which run, which format, where. The export itself runs as a job.
class ReportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportDialog)

public:
    ReportDialog(const ProjectContents &contents, std::int64_t preferredRun, QWidget *parent = nullptr);

    std::int64_t runId() const;
    /// html | pdf | csv | json
    QString format() const;
    QString outputPath() const;
    bool openWhenDone() const;

    void accept() override;

private:
    void onFormatChanged();
    void onBrowse();

    QComboBox *m_run;
    QComboBox *m_format;
    QLineEdit *m_path;
    QCheckBox *m_open;
};

} // namespace vigil::ui
