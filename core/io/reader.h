#pragma once

#include "core/progress.h"
#include "core/result.h"
#include "core/table.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

/// How to read a file. `format` is one of formatNames(); "auto" detects it from the content.
struct ReadOptions {
    QString format = QStringLiteral("auto");
    QString logFormat;                 ///< nginx `log_format` string for format "nginx"
    std::int64_t maxLineBytes = 1 << 20; ///< longer lines are cut and counted as bad
    std::int64_t maxRows = 0;          ///< stop after this many records (0 = all; for previews)
    // Members below were added by the import helper (the contract allows additions).
    /// gzip input that inflates beyond this is refused (decompression bombs).
    std::int64_t maxDecompressedBytes = std::int64_t(64) << 30;
    /// gzip input whose text grows beyond this many times its compressed size (after the first
    /// 256 MiB) is refused too: see LineSourceOptions::maxInflateRatio.
    double maxInflateRatio = 250.0;
    /// CSV: the delimiter, or 0 to detect it (',' ';' '\t' '|').
    char csvDelimiter = 0;
    /// CSV: -1 detect, 0 no header row, 1 the first row names the columns.
    int csvHeader = -1;
    /// importFile: the dataset's name (default: the file name).
    QString datasetName;
};

/// What a read produced: counts, and every bad line's reason (with the first examples).
struct ImportReport {
    QString format;                    ///< the format actually used (after detection)
    std::int64_t lines = 0;            ///< physical lines read (incl. headers, comments, blanks)
    std::int64_t rows = 0;             ///< records produced
    std::int64_t badLines = 0;         ///< lines skipped as malformed (never fatal)
    QMap<QString, std::int64_t> badByReason;
    struct Bad {
        std::int64_t line;
        QString reason;
        QByteArray excerpt;            ///< the first bytes of the line, raw
    };
    std::vector<Bad> examples;         ///< the first few per reason
    // Added by the import helper:
    QStringList notes;                 ///< non-fatal remarks (truncated gzip, accepted quirks…)
    std::int64_t sourceBytes = 0;      ///< size of the file read

    QJsonObject toJson() const;
    static ImportReport fromJson(const QJsonObject &json);

    /// Counts a bad line; keeps the first kExamplesPerReason examples of each reason.
    void addBad(std::int64_t line, const QString &reason, std::string_view text);
    static constexpr int kExamplesPerReason = 5;
    static constexpr int kExcerptBytes = 200;
};

/// Every format name readTable() accepts.
QStringList formatNames();

/// Reads a whole file into a Table (text columns dictionary-encoded). Bad lines are counted in
/// \a report and skipped; only I/O errors, unusable options and cancellation fail.
Result<Table> readTable(const QString &path, const ReadOptions &options, ProgressFn progress = {},
                        ImportReport *report = nullptr);

namespace io {

/// A column as a reader produces it.
struct FieldSpec {
    QString name;
    ColumnType type = ColumnType::Text;
};

/// One record from a RecordReader. Numeric columns use `numbers` (NaN = missing), text columns
/// use `texts` (valid UTF-8; `missing[c]` marks a missing value). Views stay valid until the
/// reader's next call to next().
struct RowBuffer {
    std::int64_t line = 0;
    std::vector<double> numbers;
    std::vector<std::string_view> texts;
    std::vector<unsigned char> missing;
    std::vector<std::string> scratch; ///< per-column storage for values that had to be rewritten

    void resize(size_t columns)
    {
        numbers.assign(columns, std::nan(""));
        texts.assign(columns, {});
        missing.assign(columns, 1);
        scratch.resize(columns);
    }
    void setText(size_t c, std::string_view v) { texts[c] = v; missing[c] = 0; }
    /// Copies \a v into the column's scratch (for values built from pieces).
    void setOwnedText(size_t c, std::string_view v)
    {
        scratch[c].assign(v.data(), v.size());
        texts[c] = scratch[c];
        missing[c] = 0;
    }
    void setMissing(size_t c) { missing[c] = 1; numbers[c] = std::nan(""); }
    void setNumber(size_t c, double v) { numbers[c] = v; }
};

/// Streaming access to a file's records: what importFile stores batch by batch without ever
/// holding the whole data set. Created by openReader().
class RecordReader
{
public:
    virtual ~RecordReader();
    RecordReader(const RecordReader &) = delete;
    RecordReader &operator=(const RecordReader &) = delete;

    /// The columns, fixed once the reader is open.
    const std::vector<FieldSpec> &fields() const { return m_fields; }
    /// Reads the next record into \a row (sized to fields()); false at the end. Bad lines are
    /// counted in report() and skipped.
    virtual Result<bool> next(RowBuffer &row) = 0;
    /// Counts so far; complete once next() returned false.
    const ImportReport &report() const { return m_report; }
    ImportReport &report() { return m_report; }
    /// File bytes consumed so far and the file size (progress).
    virtual std::int64_t bytesRead() const = 0;
    std::int64_t totalBytes() const { return m_report.sourceBytes; }

protected:
    RecordReader() = default;
    std::vector<FieldSpec> m_fields;
    ImportReport m_report;
};

/// Opens \a path for streaming with the reader for options.format (detected when "auto").
Result<std::unique_ptr<RecordReader>> openReader(const QString &path, const ReadOptions &options);

/// Detects the format of \a path from its first lines (decompressed). Returns one of
/// formatNames() other than "auto"; an unrecognisable file gives an Unsupported error.
Result<QString> detectFormat(const QString &path, const ReadOptions &options = {});

/// Builds a Table column by column; text is dictionary-encoded with a hash map per column so
/// QStrings are only made for new distinct values.
class TableBuilder
{
public:
    explicit TableBuilder(const std::vector<FieldSpec> &fields);
    ~TableBuilder();
    TableBuilder(const TableBuilder &) = delete;
    TableBuilder &operator=(const TableBuilder &) = delete;

    void reserve(std::int64_t rows);
    void append(const RowBuffer &row, std::int64_t recordId);
    /// Column-wise appends for loaders that do not go through RowBuffer.
    void appendText(size_t column, std::string_view utf8);
    void appendMissing(size_t column);
    void appendNumber(size_t column, double value);
    void appendRecordId(std::int64_t id);
    Table take();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace io
} // namespace vigil
