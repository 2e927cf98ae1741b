#pragma once

#include "core/query/ast.h"
#include "core/query/lexer.h"

namespace vigil::query {

/// Deepest nesting of parentheses / `not` accepted; deeper input is a parse error, so a hostile
/// filter cannot exhaust the stack of the parser or of SQLite's expression tree.
inline constexpr int kMaxDepth = 64;
/// Most literals one filter may carry (each becomes a bound parameter).
inline constexpr int kMaxValues = 500;

/// Parses a filter into a syntax tree. An empty (blank) filter yields a null pointer: it matches
/// everything. Grammar (keywords case-insensitive):
///   expr := and ('or' and)* ;  and := unary ('and' unary)* ;  unary := 'not' unary | primary
///   primary := '(' expr ')' | FIELD op value | FIELD ['not'] 'in' ( '(' value {, value} ')' | value )
///            | FIELD ['not'] 'contains' value | FIELD ['not'] 'between' value 'and' value
///   op := = == != <> < <= > >=
Result<std::unique_ptr<Node>> parse(const QString &text, QueryError *error = nullptr);

/// True for the reserved words (and, or, not, in, contains, between).
bool isKeyword(const QString &word);

} // namespace vigil::query
