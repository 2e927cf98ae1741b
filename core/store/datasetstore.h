#pragma once

#include "core/io/reader.h"
#include "core/progress.h"
#include "core/project.h"
#include "core/result.h"
#include "core/sqlite.h"
#include "core/table.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace vigil {

/// The outcome of importFile().
struct ImportResult {
    std::int64_t datasetId = 0;
    bool alreadyImported = false; ///< the same content with the same options was imported before
    ImportReport report;          ///< for an earlier import: the report stored with it
    // Added by the import helper:
    QString name;
    QString tableName;
    QString contentHash;          ///< SHA-256 of the file's bytes, hex
};

/// One stored column of a dataset (an entry of datasets.columns_json).
struct DatasetColumn {
    QString name;  ///< the reader's column name
    QString sql;   ///< its SQL column in the ds_<id> table: c0, c1, …
    ColumnType type = ColumnType::Text;
};

/// "text", "integer", "real", "timestamp" (the columns_json spelling).
QString columnTypeName(ColumnType type);
/// Parses columnTypeName(); false for anything else.
bool columnTypeFromName(const QString &name, ColumnType &type);

/// Imports \a path into \a project as a new dataset: streams the file through the reader for
/// options.format, writes its records in batches into table ds_<id> (rid, line, c0…), and records
/// the dataset in `datasets` with its content hash, columns and import report — all in one
/// transaction, so a failure or cancel leaves nothing behind. Memory stays bounded whatever the
/// file size: no Table is built. A file whose content (SHA-256) was already imported with the
/// same options is not stored twice: the result names the existing dataset with
/// alreadyImported = true.
Result<ImportResult> importFile(Project &project, const QString &path, const ReadOptions &options,
                                ProgressFn progress = {});

/// Reads dataset \a datasetId back into a Table (text columns dictionary-encoded in record
/// order, recordIds = rid).
Result<Table> loadTable(sql::Database &db, std::int64_t datasetId, ProgressFn progress = {});

/// The stored columns of a dataset, from datasets.columns_json.
Result<std::vector<DatasetColumn>> datasetColumns(sql::Database &db, std::int64_t datasetId);

} // namespace vigil
