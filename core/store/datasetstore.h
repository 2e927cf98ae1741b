#pragma once

#include "core/io/reader.h"
#include "core/progress.h"
#include "core/project.h"
#include "core/result.h"
#include "core/sqlite.h"
#include "core/table.h"

#include <QString>
#include <QStringList>

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

/// Which records and columns of a dataset loadTableSlice() reads: a chunk (keyset paging on the
/// record id, so chunk k+1 starts where chunk k ended without an OFFSET scan), or a uniform seeded
/// sample, optionally of a few columns only. Lets train and score work on data sets of any size
/// in bounded memory.
struct TableSlice {
    std::int64_t afterRecordId = 0; ///< only records with rid > this (the last rid of the previous chunk)
    std::int64_t limit = -1;        ///< at most this many records, < 0 = no limit
    /// >= 0: exactly min(sample, records) records drawn uniformly without replacement (selection
    /// sampling, seeded by \a seed), kept in record order. Cannot be combined with \a limit.
    std::int64_t sample = -1;
    std::uint64_t seed = 0;
    QStringList columns;            ///< reader column names to load (in dataset order); empty = all
    /// Non-empty: only these records, in record order (ids must be ascending; ids the dataset
    /// lacks are skipped). Cannot be combined with \a sample, \a limit or \a afterRecordId.
    std::vector<std::int64_t> recordIds;
};

/// How many records of a large data set a model trains on and its schema is fitted on: a seeded
/// uniform sample of this many (see TableSlice::sample), so memory does not grow with the data.
inline constexpr std::int64_t kDefaultSampleRows = 500000;

/// The records a schema is fitted on when none is stored: all of them when the dataset has at
/// most \a maxRows, else a uniform sample of \a maxRows seeded by \a seed (what training does).
/// \a datasetRows, when given, receives the dataset's record count.
Result<Table> loadSchemaRows(sql::Database &db, std::int64_t datasetId, std::int64_t maxRows = kDefaultSampleRows,
                             std::uint64_t seed = 0, ProgressFn progress = {}, std::int64_t *datasetRows = nullptr);

/// loadTable() restricted to \a slice. A column of slice.columns that the dataset lacks is
/// ErrorCode::Mismatch; limit together with sample is InvalidArgument.
Result<Table> loadTableSlice(sql::Database &db, std::int64_t datasetId, const TableSlice &slice, ProgressFn progress = {});

/// The number of records of dataset \a datasetId (datasets.row_count); NotFound when there is no such dataset.
Result<std::int64_t> datasetRowCount(sql::Database &db, std::int64_t datasetId);

/// The stored columns of a dataset, from datasets.columns_json.
Result<std::vector<DatasetColumn>> datasetColumns(sql::Database &db, std::int64_t datasetId);

} // namespace vigil
