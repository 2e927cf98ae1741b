#pragma once

#include "core/project.h"

#include <QAbstractItemModel>

namespace vigil::ui {

/// The Project dock's tree: Datasets, Models and Runs groups with one row per item, built from
/// an immutable ProjectContents snapshot (loaded off the GUI thread).
class ProjectTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectTreeModel)

public:
    enum Group { DatasetsGroup, ModelsGroup, RunsGroup, GroupCount };
    enum Role { ItemIdRole = Qt::UserRole + 1, GroupRole };

    explicit ProjectTreeModel(QObject *parent = nullptr);

    void setContents(const ProjectContents &contents);
    void clear();
    bool hasProject() const { return m_hasProject; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int childCount(int group) const;

    ProjectContents m_contents;
    bool m_hasProject = false;
};

} // namespace vigil::ui
