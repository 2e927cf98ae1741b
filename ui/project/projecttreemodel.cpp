#include "ui/project/projecttreemodel.h"

#include <QDateTime>
#include <QLocale>

namespace vigil::ui {

// internalId 0 marks a group row; group g's children carry internalId g + 1.

ProjectTreeModel::ProjectTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

void ProjectTreeModel::setContents(const ProjectContents &contents)
{
    beginResetModel();
    m_contents = contents;
    m_hasProject = true;
    endResetModel();
}

void ProjectTreeModel::clear()
{
    beginResetModel();
    m_contents = {};
    m_hasProject = false;
    endResetModel();
}

int ProjectTreeModel::childCount(int group) const
{
    switch (group) {
    case DatasetsGroup: return int(m_contents.datasets.size());
    case ModelsGroup: return int(m_contents.models.size());
    case RunsGroup: return int(m_contents.runs.size());
    default: return 0;
    }
}

QModelIndex ProjectTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    if (parent.internalId() != 0)
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ProjectTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int ProjectTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_hasProject)
        return 0;
    if (!parent.isValid())
        return GroupCount;
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return childCount(parent.row());
}

int ProjectTreeModel::columnCount(const QModelIndex &) const { return 2; }

QVariant ProjectTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QLocale locale;
    if (index.internalId() == 0) {
        const int group = index.row();
        if (role == GroupRole)
            return group;
        if (role != Qt::DisplayRole)
            return {};
        if (index.column() == 1)
            return locale.toString(childCount(group));
        switch (group) {
        case DatasetsGroup: return tr("Datasets");
        case ModelsGroup: return tr("Models");
        case RunsGroup: return tr("Scoring runs");
        default: return {};
        }
    }
    const int group = int(index.internalId() - 1);
    const size_t row = size_t(index.row());
    if (role == GroupRole)
        return group;
    switch (group) {
    case DatasetsGroup: {
        const auto &d = m_contents.datasets[row];
        if (role == ItemIdRole)
            return qlonglong(d.id);
        if (role == Qt::ToolTipRole)
            return tr("%1\nFormat: %2\n%3 rows, %4 bad lines").arg(d.sourcePath, d.format, locale.toString(d.rows), locale.toString(d.badLines));
        if (role == Qt::DisplayRole)
            return index.column() == 0 ? d.name : tr("%1 rows").arg(locale.toString(d.rows));
        break;
    }
    case ModelsGroup: {
        const auto &m = m_contents.models[row];
        if (role == ItemIdRole)
            return qlonglong(m.id);
        if (role == Qt::DisplayRole)
            return index.column() == 0 ? m.name : m.kind;
        break;
    }
    case RunsGroup: {
        const auto &r = m_contents.runs[row];
        if (role == ItemIdRole)
            return qlonglong(r.id);
        if (role == Qt::DisplayRole)
            return index.column() == 0 ? tr("Run %1").arg(r.id)
                                       : QDateTime::fromString(r.createdAt, Qt::ISODateWithMs).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        break;
    }
    default: break;
    }
    return {};
}

QVariant ProjectTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == 0 ? tr("Item") : tr("Details");
}

} // namespace vigil::ui
