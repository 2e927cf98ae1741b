#pragma once

#include <QAbstractTableModel>

namespace vigil::ui {

class JobRunner;

/// Table of the jobs of a JobRunner (newest first): title, progress, state, elapsed time.
class JobsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsModel)

public:
    enum Column { TitleColumn, ProgressColumn, StatusColumn, ElapsedColumn, ColumnCount };
    enum Role { JobIdRole = Qt::UserRole + 1, ProgressFractionRole, IsRunningRole };

    explicit JobsModel(JobRunner *runner, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void onJobAdded(int id);
    void onJobChanged(int id);
    int rowOf(int id) const;

    JobRunner *m_runner;
    int m_rows = 0;
};

} // namespace vigil::ui
