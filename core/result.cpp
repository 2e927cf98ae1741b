#include "result.h"

namespace vigil {

const char *errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Ok: return "ok";
    case ErrorCode::NotFound: return "not-found";
    case ErrorCode::AccessDenied: return "access-denied";
    case ErrorCode::NotAProject: return "not-a-project";
    case ErrorCode::TooNew: return "too-new";
    case ErrorCode::Corrupt: return "corrupt";
    case ErrorCode::Database: return "database";
    case ErrorCode::InvalidArgument: return "invalid-argument";
    case ErrorCode::Parse: return "parse";
    case ErrorCode::Io: return "io";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::Mismatch: return "mismatch";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::Internal: return "internal";
    }
    return "internal";
}

} // namespace vigil
