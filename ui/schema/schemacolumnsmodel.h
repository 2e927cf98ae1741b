#pragma once

#include "core/schema/schema.h"

#include <QAbstractTableModel>

namespace vigil::ui {

/// The columns of a FeatureSchema, one row each: name, type, role, encoding, transform, top-K,
/// cardinality, width, missing %, top values. Role, encoding, transform and top-K are editable;
/// an edit changes the specs (the width shows the old fit until the owner re-fits) and emits
/// specsEdited().
class SchemaColumnsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaColumnsModel)

public:
    enum Column { NameColumn, TypeColumn, RoleColumn, EncodingColumn, TransformColumn, TopKColumn,
                  CardinalityColumn, WidthColumn, MissingColumn, TopValuesColumn, ColumnCount };
    enum DataRole {
        /// TopValuesColumn: QVariantList of QVariantList{value (QString), count (qint64)}.
        TopValuesRole = Qt::UserRole + 1,
        /// RowsRole: the number of rows the statistics were taken on (qint64).
        RowsRole,
        /// Editable columns: the QStringList of allowed values (for combo box editors).
        ChoicesRole,
    };

    explicit SchemaColumnsModel(QObject *parent = nullptr);

    /// Shows \a schema. When only the fit changed (same column names), rows are updated in
    /// place so views keep selection and scroll position.
    void setSchema(const FeatureSchema &schema);
    const FeatureSchema &schema() const { return m_schema; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    /// The user changed a role, encoding, transform or top-K: the schema needs a re-fit.
    void specsEdited();

private:
    FeatureSchema m_schema;
};

} // namespace vigil::ui
