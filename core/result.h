#pragma once

#include <QString>

#include <tl/expected.hpp>

namespace vigil {

/// What went wrong, coarse enough for callers to branch on; the message carries the detail.
enum class ErrorCode {
    Ok = 0,
    NotFound,          ///< a file, dataset, model or record does not exist
    AccessDenied,      ///< no permission to read or write a path
    NotAProject,       ///< the file is not a Vigil project (not SQLite, or no Vigil meta table)
    TooNew,            ///< the project was written by a newer Vigil than this build
    Corrupt,           ///< the file is damaged or truncated
    Database,          ///< SQLite reported an error
    InvalidArgument,   ///< a caller or user passed something unusable
    Parse,             ///< input text could not be parsed
    Io,                ///< reading or writing failed
    Cancelled,         ///< the user cancelled the job
    Mismatch,          ///< e.g. a model trained on another schema
    Unsupported,       ///< a format or feature this build does not handle
    Internal,          ///< a bug or an exception caught at a module boundary
};

/// Returns a stable, untranslated identifier for \a code ("not-a-project"), for --json output.
const char *errorCodeName(ErrorCode code);

/// An error with a code and a message that says what failed, where, and what to do.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
};

/// Every core/ml function that can fail returns Result<T>: a value or an Error.
template<typename T>
using Result = tl::expected<T, Error>;

/// Shorthand for the failing branch: `return fail(ErrorCode::Io, msg);`.
inline tl::unexpected<Error> fail(ErrorCode code, QString message)
{
    return tl::unexpected<Error>(Error{code, std::move(message)});
}

} // namespace vigil
