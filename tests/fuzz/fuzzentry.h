#pragma once

// What every fuzz target runs on one input, shared by the libFuzzer targets (tests/fuzz/fuzz_*.cpp,
// clang) and by tst_fuzzregressions (gcc, ctest), so that a kept crasher is replayed through exactly
// the code that found it.

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <vector>

namespace vigil::fuzz {

/// The code under fuzz; each has a libFuzzer target fuzz_<name> and a corpus folder of that name.
enum class Target {
    AccessLog, ///< combined, common, a user nginx log_format, and detection
    ZeekTsv,   ///< Zeek's TSV logs (#separator / #fields headers)
    ZeekJson,  ///< Zeek's JSON lines
    Csv,       ///< generic CSV with detection, and the nslkdd/kdd99/unsw-nb15/cic-ids2017 profiles
    Query,     ///< the filter language: parse, compile to SQL, completion
    Bundle,    ///< the model-bundle format: framing, checksum, JSON header, feature blocks
    Gzip,      ///< LineSource over gzip: real .gz input, and plain text compared with its own gzip
};

/// Every target, in declaration order.
std::vector<Target> allTargets();
/// The target's name as used for fuzz_<name>, corpus/<name> and fuzz-regressions/<name>.
QString targetName(Target target);

/// What one variant of a target did with an input (a target may run several: one per format).
struct Outcome {
    QString variant;         ///< e.g. "combined", "nslkdd", "parse", "unpack"
    bool ok = false;         ///< the call returned a value rather than an Error
    Error error;             ///< when !ok
    QString format;          ///< readers: the format used (after detection)
    std::int64_t lines = 0;  ///< readers: physical lines; gzip: lines produced
    std::int64_t rows = 0;   ///< readers: records; query: bound parameters; bundle: feature blocks
    std::int64_t badLines = 0;
    std::int64_t columns = 0;
};

/// Runs \a data through \a target. Never throws; a crash, hang or sanitizer report is the bug.
/// Broken invariants that are not crashes (a gzip and a plain read that disagree, more records
/// than lines, placeholders that do not match parameters) abort with a message, so that libFuzzer
/// keeps the input like any other crasher.
std::vector<Outcome> run(Target target, const QByteArray &data);

/// The nginx log_format used for the "nginx" variant when the input does not bring its own (a
/// first line "log_format <format>" replaces it, so the fuzzer also reaches the pattern compiler).
QString defaultNginxFormat();

} // namespace vigil::fuzz
