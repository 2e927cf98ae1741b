#pragma once

#include "core/schema/schema.h"

#include <QAbstractTableModel>

namespace vigil::ui {

/// One encoded record, block by block: `service` | `service=http` | `0100…` for one-hot blocks,
/// `src_bytes` | `log1p(src_bytes)` | `0.5213` for numeric ones. Non-zero rows are bold.
class EncodedRowModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EncodedRowModel)

public:
    enum Column { BlockColumn, FeatureColumn, EncodedColumn, ColumnCount };

    explicit EncodedRowModel(QObject *parent = nullptr);

    void setExplanation(const RowExplanation &explanation);
    void clear();
    const RowExplanation &explanation() const { return m_row; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    RowExplanation m_row;
};

} // namespace vigil::ui
