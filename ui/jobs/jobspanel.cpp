#include "ui/jobs/jobspanel.h"

#include "ui/jobs/jobrunner.h"
#include "ui/jobs/jobsmodel.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

/// Draws the progress column as a native progress bar (busy bar when the total is unknown).
class ProgressDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (index.column() != JobsModel::ProgressColumn) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        const double fraction = index.data(JobsModel::ProgressFractionRole).toDouble();
        const bool running = index.data(JobsModel::IsRunningRole).toBool();
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 2, -2, -2);
        bar.minimum = 0;
        bar.maximum = (fraction < 0 && running) ? 0 : 1000;
        bar.progress = fraction < 0 ? (running ? 0 : 1000) : int(fraction * 1000.0);
        bar.text = index.data(Qt::DisplayRole).toString();
        bar.textVisible = true;
        bar.state = option.state | QStyle::State_Horizontal;
        QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter);
    }
};

} // namespace

JobsPanel::JobsPanel(JobRunner *runner, QWidget *parent)
    : QWidget(parent), m_runner(runner), m_model(new JobsModel(runner, this)), m_view(new QTreeView(this)),
      m_cancel(new QPushButton(tr("&Cancel"), this))
{
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setItemDelegate(new ProgressDelegate(m_view));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(JobsModel::TitleColumn, QHeaderView::Stretch);
    m_view->header()->resizeSection(JobsModel::ProgressColumn, 160);
    m_view->header()->resizeSection(JobsModel::StatusColumn, 200);
    m_cancel->setToolTip(tr("Cancel the selected job, or the newest running one (Esc)"));
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancel->setEnabled(false);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_view);
    layout->addLayout(buttons);

    connect(m_cancel, &QPushButton::clicked, this, &JobsPanel::onCancel);
    connect(m_runner, &JobRunner::runningCountChanged, this, &JobsPanel::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &JobsPanel::updateButtons);
}

void JobsPanel::onCancel()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && current.data(JobsModel::IsRunningRole).toBool()) {
        m_runner->cancel(current.data(JobsModel::JobIdRole).toInt());
        return;
    }
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex idx = m_model->index(row, 0);
        if (idx.data(JobsModel::IsRunningRole).toBool()) {
            m_runner->cancel(idx.data(JobsModel::JobIdRole).toInt());
            return;
        }
    }
}

void JobsPanel::updateButtons() { m_cancel->setEnabled(m_runner->runningCount() > 0); }

} // namespace vigil::ui
