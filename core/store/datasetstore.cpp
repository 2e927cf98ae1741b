#include "datasetstore.h"

#include "core/io/linesource.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>

namespace vigil {

namespace {

constexpr std::int64_t kBatchRows = 10000;

QString sqlType(ColumnType t)
{
    switch (t) {
    case ColumnType::Text: return QStringLiteral("TEXT");
    case ColumnType::Integer: return QStringLiteral("INTEGER");
    case ColumnType::Real:
    case ColumnType::Timestamp: return QStringLiteral("REAL");
    }
    return QStringLiteral("TEXT");
}

QJsonObject optionsJson(const ReadOptions &o, const QString &format)
{
    return QJsonObject{{QStringLiteral("format"), format},
                       {QStringLiteral("log_format"), o.logFormat},
                       {QStringLiteral("max_rows"), qint64(o.maxRows)},
                       {QStringLiteral("max_line_bytes"), qint64(o.maxLineBytes)},
                       {QStringLiteral("csv_delimiter"), o.csvDelimiter ? QString(QLatin1Char(o.csvDelimiter)) : QString()},
                       {QStringLiteral("csv_header"), o.csvHeader}};
}

QString compactJson(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QString compactJson(const QJsonArray &a) { return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)); }

Error dbError(sql::Database &db, const QString &what)
{
    return Error{ErrorCode::Database, QStringLiteral("%1: %2").arg(what, db.lastError())};
}

/// An earlier import of the same bytes with the same options, if any.
Result<std::int64_t> findExisting(sql::Database &db, const QString &hash, const QJsonObject &options)
{
    auto st = db.prepare("SELECT id, report_json FROM datasets WHERE content_hash = ?1 ORDER BY id");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, hash);
    while (true) {
        auto row = st->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            return 0;
        const QJsonObject report = QJsonDocument::fromJson(st->text(1).toUtf8()).object();
        if (report.value(QStringLiteral("options")).toObject() == options)
            return st->int64(0);
    }
}

} // namespace

QString columnTypeName(ColumnType type)
{
    switch (type) {
    case ColumnType::Text: return QStringLiteral("text");
    case ColumnType::Integer: return QStringLiteral("integer");
    case ColumnType::Real: return QStringLiteral("real");
    case ColumnType::Timestamp: return QStringLiteral("timestamp");
    }
    return QStringLiteral("text");
}

bool columnTypeFromName(const QString &name, ColumnType &type)
{
    for (const ColumnType t : {ColumnType::Text, ColumnType::Integer, ColumnType::Real, ColumnType::Timestamp}) {
        if (name == columnTypeName(t)) {
            type = t;
            return true;
        }
    }
    return false;
}

Result<ImportResult> importFile(Project &project, const QString &path, const ReadOptions &options, ProgressFn progress)
{
    sql::Database &db = project.db();
    const QFileInfo fi(path);
    const QString absPath = fi.absoluteFilePath();
    const QString cancelled = QStringLiteral("Importing %1 was cancelled; nothing was stored.").arg(path);

    // The format first (cheap), so the duplicate check compares like with like.
    ReadOptions opts = options;
    QString format = opts.format.trimmed().toLower();
    if (format.isEmpty() || format == QLatin1String("auto")) {
        if (!opts.logFormat.trimmed().isEmpty()) {
            format = QStringLiteral("nginx");
        } else {
            auto detected = io::detectFormat(path, opts);
            if (!detected)
                return tl::unexpected(detected.error());
            format = *detected;
        }
    }
    opts.format = format;

    const QString hashStage = QStringLiteral("Hashing %1").arg(fi.fileName());
    auto hash = io::sha256File(path, [&](std::int64_t done, std::int64_t total) {
        return report(progress, done, total, hashStage);
    });
    if (!hash) {
        if (hash.error().code == ErrorCode::Cancelled)
            return fail(ErrorCode::Cancelled, cancelled);
        return tl::unexpected(hash.error());
    }
    const QJsonObject optJson = optionsJson(opts, format);
    auto existing = findExisting(db, *hash, optJson);
    if (!existing)
        return tl::unexpected(existing.error());
    if (*existing > 0) {
        ImportResult r;
        r.datasetId = *existing;
        r.alreadyImported = true;
        r.contentHash = *hash;
        auto st = db.prepare("SELECT name, table_name, report_json FROM datasets WHERE id = ?1");
        if (!st)
            return tl::unexpected(st.error());
        st->bind(1, *existing);
        if (auto row = st->step(); row && *row) {
            r.name = st->text(0);
            r.tableName = st->text(1);
            r.report = ImportReport::fromJson(QJsonDocument::fromJson(st->text(2).toUtf8()).object());
        }
        return r;
    }

    auto reader = io::openReader(path, opts);
    if (!reader)
        return tl::unexpected(reader.error());
    io::RecordReader &rd = **reader;
    const auto &fields = rd.fields();
    if (fields.empty())
        return fail(ErrorCode::Parse, QStringLiteral("%1 has no columns to import.").arg(path));

    sql::Transaction tx(db);
    if (!tx.ok())
        return tl::unexpected(tx.error());

    // The id is chosen inside the write transaction (BEGIN IMMEDIATE holds the write lock), so
    // two imports never pick the same one; a stray ds_ table from an older bug is stepped over.
    auto maxId = db.scalarInt("SELECT coalesce(max(id), 0) FROM datasets");
    if (!maxId)
        return tl::unexpected(maxId.error());
    std::int64_t id = *maxId + 1;
    while (db.tableExists(QStringLiteral("ds_%1").arg(id)))
        ++id;
    const QString table = QStringLiteral("ds_%1").arg(id);

    QString ddl = QStringLiteral("CREATE TABLE %1(rid INTEGER PRIMARY KEY, line INTEGER NOT NULL").arg(sql::quoteIdentifier(table));
    QString insert = QStringLiteral("INSERT INTO %1 VALUES(?1, ?2").arg(sql::quoteIdentifier(table));
    QJsonArray columnsJson;
    for (size_t c = 0; c < fields.size(); ++c) {
        const QString col = QStringLiteral("c%1").arg(c);
        ddl += QStringLiteral(", %1 %2").arg(col, sqlType(fields[c].type));
        insert += QStringLiteral(", ?%1").arg(c + 3);
        columnsJson.append(QJsonObject{{QStringLiteral("name"), fields[c].name},
                                       {QStringLiteral("sql"), col},
                                       {QStringLiteral("type"), columnTypeName(fields[c].type)}});
    }
    ddl += QStringLiteral(")");
    insert += QStringLiteral(")");
    if (auto r = db.exec(ddl.toStdString()); !r)
        return tl::unexpected(r.error());
    auto ins = db.prepare(insert.toStdString());
    if (!ins)
        return tl::unexpected(ins.error());
    sqlite3_stmt *st = ins->handle();

    std::vector<int> kinds(fields.size()); // 0 text, 1 integer, 2 real
    for (size_t c = 0; c < fields.size(); ++c)
        kinds[c] = fields[c].type == ColumnType::Text ? 0 : (fields[c].type == ColumnType::Integer ? 1 : 2);

    io::RowBuffer row;
    row.resize(fields.size());
    const QString stage = QStringLiteral("Importing %1").arg(fi.fileName());
    if (!report(progress, 0, rd.totalBytes(), stage))
        return fail(ErrorCode::Cancelled, cancelled);
    std::int64_t rid = 0;
    while (true) {
        if (opts.maxRows > 0 && rid >= opts.maxRows)
            break;
        auto more = rd.next(row);
        if (!more)
            return tl::unexpected(more.error());
        if (!*more)
            break;
        ++rid;
        sqlite3_bind_int64(st, 1, rid);
        sqlite3_bind_int64(st, 2, row.line);
        for (size_t c = 0; c < fields.size(); ++c) {
            const int idx = int(c) + 3;
            if (row.missing[c]) {
                sqlite3_bind_null(st, idx);
                continue;
            }
            switch (kinds[c]) {
            case 0:
                // SQLITE_STATIC: the row's views stay valid until the step below is done.
                sqlite3_bind_text(st, idx, row.texts[c].data(), int(row.texts[c].size()), SQLITE_STATIC);
                break;
            case 1: {
                const double v = row.numbers[c];
                if (std::isnan(v))
                    sqlite3_bind_null(st, idx);
                else if (std::abs(v) < 9.0e15 && v == std::floor(v))
                    sqlite3_bind_int64(st, idx, std::int64_t(v));
                else
                    sqlite3_bind_double(st, idx, v);
                break;
            }
            default:
                if (std::isnan(row.numbers[c]))
                    sqlite3_bind_null(st, idx);
                else
                    sqlite3_bind_double(st, idx, row.numbers[c]);
                break;
            }
        }
        if (sqlite3_step(st) != SQLITE_DONE) {
            const Error e = dbError(db, QStringLiteral("Storing record %1 (line %2) of %3 failed").arg(rid).arg(row.line).arg(path));
            sqlite3_reset(st);
            return tl::unexpected(e);
        }
        sqlite3_reset(st);
        if (rid % kBatchRows == 0 && !report(progress, rd.bytesRead(), rd.totalBytes(), stage))
            return fail(ErrorCode::Cancelled, cancelled);
    }
    if (!report(progress, rd.totalBytes(), rd.totalBytes(), stage))
        return fail(ErrorCode::Cancelled, cancelled);
    *ins = sql::Statement();
    if (rid == 0) {
        // A dataset without records is useless downstream, and it is what a binary file, the
        // wrong format or an empty file gives: say so instead of storing an empty table.
        const ImportReport &rep = rd.report();
        if (rep.lines == 0)
            return fail(ErrorCode::Parse, QStringLiteral("%1 is empty; there is nothing to import.").arg(path));
        QString first;
        if (!rep.examples.empty())
            first = QStringLiteral(" (line %1: %2)").arg(rep.examples.front().line).arg(rep.examples.front().reason);
        return fail(ErrorCode::Parse,
                    QStringLiteral("%1 has no %2 records: none of its %3 lines could be read%4. Is it a binary or compressed "
                                   "file of another kind, or another format? Choose the format explicitly.")
                        .arg(path, format).arg(rep.lines).arg(first));
    }

    ImportResult result;
    result.report = rd.report();
    result.report.rows = rid;
    result.datasetId = id;
    result.tableName = table;
    result.contentHash = *hash;
    result.name = opts.datasetName.trimmed().isEmpty() ? fi.fileName() : opts.datasetName.trimmed();
    QJsonObject reportJson = result.report.toJson();
    reportJson.insert(QStringLiteral("options"), optJson);

    auto meta = db.prepare("INSERT INTO datasets(id, name, source_path, format, content_hash, table_name, row_count, "
                           "bad_lines, columns_json, report_json, imported_at) "
                           "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    if (!meta)
        return tl::unexpected(meta.error());
    meta->bind(1, id)
        .bind(2, result.name)
        .bind(3, absPath)
        .bind(4, format)
        .bind(5, *hash)
        .bind(6, table)
        .bind(7, rid)
        .bind(8, result.report.badLines)
        .bind(9, compactJson(columnsJson))
        .bind(10, compactJson(reportJson))
        .bind(11, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (auto r = meta->run(); !r)
        return tl::unexpected(r.error());
    const QJsonObject audit{{QStringLiteral("dataset_id"), qint64(id)}, {QStringLiteral("name"), result.name},
                            {QStringLiteral("source"), absPath}, {QStringLiteral("format"), format},
                            {QStringLiteral("rows"), qint64(rid)}, {QStringLiteral("bad_lines"), qint64(result.report.badLines)}};
    if (auto r = project.audit(QStringLiteral("dataset.import"), compactJson(audit)); !r)
        return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r)
        return tl::unexpected(r.error());
    return result;
}

Result<std::vector<DatasetColumn>> datasetColumns(sql::Database &db, std::int64_t datasetId)
{
    auto st = db.prepare("SELECT columns_json FROM datasets WHERE id = ?1");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, datasetId);
    if (auto found = st->stepOne(QStringLiteral("There is no dataset %1 in %2.").arg(datasetId).arg(db.path())); !found)
        return tl::unexpected(found.error());
    const QJsonArray arr = QJsonDocument::fromJson(st->text(0).toUtf8()).array();
    std::vector<DatasetColumn> cols;
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QJsonObject o = arr.at(i).toObject();
        DatasetColumn c;
        c.name = o.value(QStringLiteral("name")).toString();
        c.sql = o.value(QStringLiteral("sql")).toString();
        // The SQL name is generated by importFile; anything else means a damaged project.
        if (c.sql != QStringLiteral("c%1").arg(i) || !columnTypeFromName(o.value(QStringLiteral("type")).toString(), c.type))
            return fail(ErrorCode::Corrupt, QStringLiteral("Dataset %1 has a damaged column list (entry %2).").arg(datasetId).arg(i));
        cols.push_back(std::move(c));
    }
    return cols;
}

Result<Table> loadTable(sql::Database &db, std::int64_t datasetId, ProgressFn progress)
{
    return loadTableSlice(db, datasetId, TableSlice{}, std::move(progress));
}

Result<Table> loadSchemaRows(sql::Database &db, std::int64_t datasetId, std::int64_t maxRows, std::uint64_t seed, ProgressFn progress,
                             std::int64_t *datasetRows)
{
    auto rows = datasetRowCount(db, datasetId);
    if (!rows)
        return tl::unexpected(rows.error());
    if (datasetRows)
        *datasetRows = *rows;
    TableSlice slice;
    if (maxRows > 0 && *rows > maxRows) {
        slice.sample = maxRows;
        slice.seed = seed;
    }
    return loadTableSlice(db, datasetId, slice, std::move(progress));
}

Result<std::int64_t> datasetRowCount(sql::Database &db, std::int64_t datasetId)
{
    auto st = db.prepare("SELECT row_count FROM datasets WHERE id = ?1");
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, datasetId);
    if (auto found = st->stepOne(QStringLiteral("There is no dataset %1.").arg(datasetId)); !found)
        return tl::unexpected(found.error());
    return st->int64(0);
}

Result<Table> loadTableSlice(sql::Database &db, std::int64_t datasetId, const TableSlice &slice, ProgressFn progress)
{
    if (slice.sample >= 0 && slice.limit >= 0)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Dataset %1: a slice is either a sample or a chunk with a limit, not both.").arg(datasetId));
    const bool byId = !slice.recordIds.empty();
    if (byId && (slice.sample >= 0 || slice.limit >= 0 || slice.afterRecordId > 0))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Dataset %1: a slice of given records cannot also be a sample or a chunk.").arg(datasetId));
    if (byId && !std::is_sorted(slice.recordIds.begin(), slice.recordIds.end()))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Dataset %1: the records of a slice must be in ascending order.").arg(datasetId));
    auto cols = datasetColumns(db, datasetId);
    if (!cols)
        return tl::unexpected(cols.error());
    auto meta = db.prepare("SELECT table_name, row_count, name FROM datasets WHERE id = ?1");
    if (!meta)
        return tl::unexpected(meta.error());
    meta->bind(1, datasetId);
    auto mrow = meta->step();
    if (!mrow)
        return tl::unexpected(mrow.error());
    if (!*mrow)
        return fail(ErrorCode::NotFound, QStringLiteral("There is no dataset %1.").arg(datasetId));
    const QString table = meta->text(0);
    std::int64_t rows = meta->int64(1);
    const QString name = meta->text(2);
    static const QRegularExpression kTableName(QStringLiteral("^ds_[0-9]+$"));
    if (!kTableName.match(table).hasMatch() || !db.tableExists(table))
        return fail(ErrorCode::Corrupt, QStringLiteral("Dataset %1 (%2) has no record table '%3'; the project is damaged.")
                                            .arg(datasetId).arg(name, table));
    for (const QString &wanted : slice.columns)
        if (std::none_of(cols->begin(), cols->end(), [&](const DatasetColumn &c) { return c.name == wanted; }))
            return fail(ErrorCode::Mismatch, QStringLiteral("Dataset %1 (%2) has no column '%3'.").arg(datasetId).arg(name, wanted));

    std::vector<io::FieldSpec> fields;
    QString select = QStringLiteral("SELECT rid");
    for (const DatasetColumn &c : *cols) {
        if (!slice.columns.isEmpty() && !slice.columns.contains(c.name))
            continue;
        fields.push_back({c.name, c.type});
        select += QStringLiteral(", ") + c.sql;
    }
    select += QStringLiteral(" FROM %1 WHERE ").arg(sql::quoteIdentifier(table));
    select += byId ? QStringLiteral("rid = ?1") : QStringLiteral("rid > ?1 ORDER BY rid");
    if (slice.limit >= 0)
        select += QStringLiteral(" LIMIT ?2");
    auto st = db.prepare(select.toStdString());
    if (!st)
        return tl::unexpected(st.error());
    st->bind(1, byId ? slice.recordIds.front() : slice.afterRecordId);
    if (slice.limit >= 0)
        st->bind(2, slice.limit);
    if (slice.afterRecordId > 0 && (slice.sample >= 0 || slice.limit < 0)) {
        // The records after a given one: row_count counts them all.
        auto count = db.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE rid > ?1").arg(sql::quoteIdentifier(table)).toStdString());
        if (!count)
            return tl::unexpected(count.error());
        count->bind(1, slice.afterRecordId);
        auto c = count->step();
        if (!c)
            return tl::unexpected(c.error());
        rows = *c ? count->int64(0) : 0;
    }
    // Selection sampling (Knuth's algorithm S): record t of N is kept with probability
    // (still needed) / (still left), which keeps exactly `wanted` records, each with the same
    // chance, in one pass and in record order. A skipped record's columns are never decoded.
    const bool sampling = slice.sample >= 0;
    const std::int64_t wanted = sampling ? std::min(slice.sample, rows) : 0;
    std::uint64_t state = slice.seed ^ 0x9e3779b97f4a7c15ULL;
    const auto uniform = [&state] {
        // splitmix64: the same sequence on every platform (std:: distributions are not).
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        z ^= z >> 31;
        return double(z >> 11) * 0x1.0p-53;
    };
    std::int64_t seen = 0, kept = 0;

    io::TableBuilder builder(fields);
    builder.reserve(byId ? std::int64_t(slice.recordIds.size()) : sampling ? wanted : slice.limit >= 0 ? std::min(rows, slice.limit) : rows);
    sqlite3_stmt *h = st->handle();
    const QString stage = QStringLiteral("Loading %1").arg(name);
    const std::int64_t total = byId ? std::int64_t(slice.recordIds.size()) : slice.limit >= 0 ? std::min(rows, slice.limit) : rows;
    size_t nextId = 0; // byId: the index of the id the statement is bound to
    while (true) {
        if (sampling && kept >= wanted)
            break;
        int rc = sqlite3_step(h);
        if (byId) {
            // One indexed lookup per id; an id the dataset lacks gives no row.
            while (rc == SQLITE_DONE && ++nextId < slice.recordIds.size()) {
                if (nextId > 0 && slice.recordIds[nextId] == slice.recordIds[nextId - 1])
                    continue;
                sqlite3_reset(h);
                sqlite3_bind_int64(h, 1, slice.recordIds[nextId]);
                rc = sqlite3_step(h);
            }
        }
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_ROW)
            return tl::unexpected(dbError(db, QStringLiteral("Reading dataset %1 failed").arg(datasetId)));
        ++seen;
        if ((seen & 0x3fff) == 0 && !report(progress, seen, total, stage))
            return fail(ErrorCode::Cancelled, QStringLiteral("Loading dataset %1 was cancelled.").arg(datasetId));
        if (sampling) {
            const std::int64_t left = std::max<std::int64_t>(1, rows - (seen - 1));
            if (uniform() * double(left) >= double(wanted - kept))
                continue;
        }
        ++kept;
        builder.appendRecordId(sqlite3_column_int64(h, 0));
        for (size_t c = 0; c < fields.size(); ++c) {
            const int i = int(c) + 1;
            if (sqlite3_column_type(h, i) == SQLITE_NULL) {
                builder.appendMissing(c);
            } else if (fields[c].type == ColumnType::Text) {
                const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(h, i));
                builder.appendText(c, std::string_view(p, size_t(sqlite3_column_bytes(h, i))));
            } else {
                builder.appendNumber(c, sqlite3_column_double(h, i));
            }
        }
    }
    report(progress, sampling ? total : seen, total, stage);
    return builder.take();
}

} // namespace vigil
