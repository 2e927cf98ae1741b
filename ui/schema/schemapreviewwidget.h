#pragma once

#include "core/schema/schema.h"
#include "core/table.h"

#include <QWidget>

#include <cstdint>
#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace vigil::ui {

class EncodedRowModel;
class JobRunner;
class SchemaColumnsModel;

/// The schema preview: every column with its type, role, encoding, cardinality, block width,
/// missing share and top values (as bars); the total width; and one chosen record's encoded
/// vector, block by block (`browser=Chrome → 010`) with every non-zero feature named.
/// Role/encoding/transform/top-K edits re-fit the schema and re-encode the record on the
/// JobRunner (newest request wins); the GUI thread never touches the whole table.
class SchemaPreviewWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaPreviewWidget)

public:
    explicit SchemaPreviewWidget(JobRunner *jobs, QWidget *parent = nullptr);
    ~SchemaPreviewWidget() override;

    /// Shows \a table with \a schema; an empty schema (no columns) is inferred, an unfitted one
    /// fitted, in the background.
    void setTable(std::shared_ptr<const Table> table, const FeatureSchema &schema = {});
    /// Loads dataset \a datasetId of the project at \a projectPath in the background: its stored
    /// schema (loadSchema) or, when none, an inferred one. Enables "Save schema".
    void openDataset(const QString &projectPath, std::int64_t datasetId);

    const FeatureSchema &schema() const;
    std::int64_t currentRecordRow() const;
    /// Shows the encoded vector of table row \a row (0-based).
    void setCurrentRecordRow(std::int64_t row);

    SchemaColumnsModel *columnsModel() const { return m_columns; }
    EncodedRowModel *rowModel() const { return m_row; }

Q_SIGNALS:
    /// A (re-)fitted schema is shown; \a width is its number of features.
    void schemaFitted(int width);
    /// The encoded vector of \a row is shown.
    void recordEncoded(std::int64_t row);
    /// The schema was stored in the project as schemas.id \a schemaId.
    void schemaSaved(std::int64_t schemaId);
    /// Loading, fitting, encoding or saving failed.
    void failed(const QString &message);

private:
    void refit();
    void encodeCurrentRecord();
    void saveSchema();
    void applySchema(const FeatureSchema &schema);
    void showError(const QString &message);
    QString jobKey(const char *what) const;

    JobRunner *m_jobs;
    std::shared_ptr<const Table> m_table;
    QString m_projectPath;
    std::int64_t m_datasetId = 0;
    std::int64_t m_datasetRows = 0; ///< records of the opened data set (0: a table handed in)
    SchemaColumnsModel *m_columns;
    EncodedRowModel *m_row;
    QTableView *m_columnsView;
    QTableView *m_rowView;
    QLabel *m_summary;
    QLabel *m_status;
    QSpinBox *m_record;
    QPlainTextEdit *m_nonZero;
    QPushButton *m_save;
};

} // namespace vigil::ui
