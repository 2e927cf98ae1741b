#include "ui/schema/encodedrowmodel.h"

#include <QFont>
#include <QFontDatabase>

namespace vigil::ui {

EncodedRowModel::EncodedRowModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void EncodedRowModel::setExplanation(const RowExplanation &explanation)
{
    beginResetModel();
    m_row = explanation;
    endResetModel();
}

void EncodedRowModel::clear()
{
    setExplanation({});
}

int EncodedRowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_row.blocks.size());
}

int EncodedRowModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EncodedRowModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BlockView &b = m_row.blocks[size_t(index.row())];
    const bool nonZero = b.oneHot ? !b.active.isEmpty() : b.value != 0.0f;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case BlockColumn:
            return b.block;
        case FeatureColumn:
            return b.oneHot && b.active.isEmpty() ? tr("(none: unseen or missing)") : b.active;
        case EncodedColumn:
            return b.oneHot ? b.bits : QString::number(double(b.value), 'g', 6);
        default:
            return {};
        }
    case Qt::FontRole:
        if (index.column() == EncodedColumn) {
            QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
            f.setBold(nonZero);
            return f;
        }
        if (nonZero) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == EncodedColumn && b.oneHot)
            return tr("%1 features; the 1 marks %2").arg(b.bits.size()).arg(b.active.isEmpty() ? tr("nothing") : b.active);
        return {};
    default:
        return {};
    }
}

QVariant EncodedRowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case BlockColumn:
        return tr("Block");
    case FeatureColumn:
        return tr("Feature");
    case EncodedColumn:
        return tr("Encoded");
    default:
        return {};
    }
}

Qt::ItemFlags EncodedRowModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace vigil::ui
