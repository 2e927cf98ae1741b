#pragma once

#include "core/query/ast.h"
#include "core/result.h"

#include <vector>

namespace vigil::query {

/// A syntax problem with its place in the text, for messages and for highlighting in the UI.
struct QueryError {
    SourceSpan span;
    QString message; ///< already prefixed with "line L, column C: "
};

struct Token {
    enum class Type { Word, String, LParen, RParen, Comma, Op, End };
    Type type = Type::End;
    QString text; ///< unescaped for strings, as written otherwise
    SourceSpan span;
};

/// Longest filter text accepted; longer input is refused before it is tokenised.
inline constexpr int kMaxQueryLength = 16384;

/// Formats "line L, column C: message".
QString positioned(const SourceSpan &span, const QString &message);

/// Splits a filter into tokens. Strings take "…" or '…' with backslash escapes (\" \' \\ \n \t
/// \uXXXX); words are maximal runs of anything that is not blank, quote, bracket, comma or
/// operator character, so addresses, CIDR blocks and IPv6 stay one token.
Result<std::vector<Token>> tokenize(const QString &text, QueryError *error = nullptr);

} // namespace vigil::query
