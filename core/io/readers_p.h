#pragma once

// Private to core/io: the concrete readers behind openReader().

#include "linesource.h"
#include "reader.h"
#include "textutil.h"

namespace vigil::io {

Result<std::unique_ptr<RecordReader>> openAccessLogReader(const QString &path, const ReadOptions &options,
                                                          const QString &format);
Result<std::unique_ptr<RecordReader>> openZeekTsvReader(const QString &path, const ReadOptions &options);
Result<std::unique_ptr<RecordReader>> openZeekJsonReader(const QString &path, const ReadOptions &options);
Result<std::unique_ptr<RecordReader>> openCsvReader(const QString &path, const ReadOptions &options,
                                                    const QString &profile);

/// The log_format strings behind the named access-log formats.
QString accessLogPattern(const QString &format, const QString &userFormat);

inline LineSourceOptions lineOptions(const ReadOptions &o)
{
    LineSourceOptions l;
    l.maxLineBytes = o.maxLineBytes;
    l.maxDecompressedBytes = o.maxDecompressedBytes;
    l.maxInflateRatio = o.maxInflateRatio;
    return l;
}

/// Text as it will be stored: valid UTF-8. Bytes that are not UTF-8 are read as Latin-1 (the
/// usual encoding of such logs) into \a scratch.
inline std::string_view asUtf8(std::string_view v, bool lineIsUtf8, std::string &scratch)
{
    if (lineIsUtf8 || isAscii(v))
        return v;
    if (isValidUtf8(v))
        return v;
    scratch.clear();
    appendLatin1AsUtf8(v, scratch);
    return scratch;
}

/// Adds the end-of-input notes of \a src to \a report.
void noteSourceEnd(const LineSource &src, ImportReport &report);

/// Shared checks on a physical line: blank lines are skipped silently; cut lines and lines
/// with NUL bytes are counted as bad. Returns true when the line should be parsed.
bool acceptLine(const Line &line, std::int64_t maxLineBytes, ImportReport &report);

} // namespace vigil::io
