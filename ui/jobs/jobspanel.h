#pragma once

#include <QWidget>

class QTreeView;
class QPushButton;

namespace vigil::ui {

class JobRunner;
class JobsModel;

/// The Jobs dock: every background job with a progress bar, and Cancel for the selected or
/// most recent running one.
class JobsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsPanel)

public:
    explicit JobsPanel(JobRunner *runner, QWidget *parent = nullptr);
    JobsModel *model() const { return m_model; }

private:
    void onCancel();
    void updateButtons();

    JobRunner *m_runner;
    JobsModel *m_model;
    QTreeView *m_view;
    QPushButton *m_cancel;
};

} // namespace vigil::ui
