#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <string_view>
#include <type_traits>

struct sqlite3;
struct sqlite3_stmt;

namespace vigil::sql {

/// A prepared statement; finalised on destruction. Columns and parameters are 0- and 1-based
/// as in SQLite. Values are always bound, never spliced into SQL text.
class Statement
{
public:
    Statement() = default;
    Statement(sqlite3 *db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) {}
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, int value) { return bind(index, std::int64_t(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, std::string_view utf8);
    Statement &bindBlob(int index, const QByteArray &value);
    Statement &bindNull(int index);

    /// Advances; true when a row is available, false when done.
    Result<bool> step();
    /// Steps to the one row a lookup expects; fails with NotFound and \a notFound when there is
    /// none (SQL errors pass through).
    Result<void> stepOne(const QString &notFound);
    /// Steps a statement that returns no rows.
    Result<void> run();
    /// Steps through every row, calling \a onRow(*this) for each; an \a onRow that returns bool
    /// stops the walk early by returning false. SQL errors are returned.
    template <typename OnRow>
    Result<void> forEach(OnRow &&onRow);
    void reset();

    int columnCount() const;
    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    std::string_view textView(int column) const;
    QByteArray blob(int column) const;

    sqlite3_stmt *handle() const { return m_stmt; }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

template <typename OnRow>
Result<void> Statement::forEach(OnRow &&onRow)
{
    while (true) {
        auto row = step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            return {};
        if constexpr (std::is_same_v<decltype(onRow(*this)), bool>) {
            if (!onRow(*this))
                return {};
        } else {
            onRow(*this);
        }
    }
}

/// One SQLite connection. Owned by one thread at a time (connections are not shared).
class Database
{
public:
    enum class Mode { ReadOnly, ReadWrite, Create };

    static Result<Database> open(const QString &path, Mode mode);

    Database() = default;
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    bool isOpen() const { return m_db != nullptr; }
    void close();

    /// Runs one or more statements that take no parameters (DDL, pragmas).
    Result<void> exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);
    /// Runs a query and returns the first column of the first row as an integer.
    Result<std::int64_t> scalarInt(std::string_view sql);
    bool tableExists(const QString &name);

    std::int64_t lastInsertId() const;
    QString lastError() const;
    QString path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
};

/// RAII transaction: rolls back on destruction unless commit() succeeded, so a write that
/// fails half-way leaves nothing behind.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// False when BEGIN itself failed; the error is in error().
    bool ok() const { return m_began; }
    const Error &error() const { return m_error; }
    Result<void> commit();

private:
    Database &m_db;
    bool m_began = false;
    bool m_done = false;
    Error m_error;
};

/// Quotes an identifier that Vigil itself generated (table/column names derived from data are
/// sanitised first); user text is never passed here.
QString quoteIdentifier(const QString &name);

/// Reads the first \a bytes of \a path through SQLite's own file layer. A database file must
/// never be opened and closed with plain open()/close() while the process holds SQLite
/// connections to it: closing any descriptor of a file drops every POSIX lock the process holds
/// on it, after which another process may checkpoint and delete the write-ahead log under the
/// open connections (lost writes, "disk I/O error"). SQLite's file layer defers such closes.
Result<QByteArray> readFileHeader(const QString &path, int bytes);

} // namespace vigil::sql
