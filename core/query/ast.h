#pragma once

#include <QString>

#include <memory>
#include <vector>

namespace vigil::query {

/// Where a piece of the filter text sits: 0-based character offset and length, 1-based line and
/// column (what error messages print).
struct SourceSpan {
    int offset = 0;
    int length = 0;
    int line = 1;
    int column = 1;
};

/// A literal as the user wrote it. Words are unquoted runs (`404`, `Chrome`, `10.0.0.0/8`);
/// whether a word is a number, an address or a name is decided by the field it is compared with.
struct Literal {
    enum class Kind { Word, String };
    Kind kind = Kind::Word;
    QString text;       ///< unescaped text
    SourceSpan span;
};

enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge };

/// One node of the filter's syntax tree. Predicates name a field and carry literals; boolean
/// nodes carry children.
struct Node {
    enum class Kind { And, Or, Not, Compare, In, Contains, Between };
    Kind kind = Kind::Compare;
    SourceSpan span;
    std::vector<std::unique_ptr<Node>> children; ///< And/Or: ≥ 2, Not: 1
    QString field;                               ///< predicates only
    SourceSpan fieldSpan;
    CompareOp op = CompareOp::Eq;                ///< Compare only
    bool negated = false;                        ///< `not in`, `not contains`, `not between`
    std::vector<Literal> values;                 ///< Compare/Contains: 1, Between: 2, In: ≥ 1
};

} // namespace vigil::query
