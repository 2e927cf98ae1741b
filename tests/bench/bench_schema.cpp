// Schema benchmark: prints figures, never fails on time.
//   bench_schema [NSL-KDD dir]   (default ../shared/data/nsl-kdd beside the checkout)
// 1. NSL-KDD KDDTrain+ + KDDTest+ (148,517 rows): readTable (format nslkdd, gzip), inferSchema
//    (fit on train) and encodeTable of both, width 122; load, fit and encode timed separately and
//    together (compare with nslkdd_ref.py's a_load + b_encode).
// 2. A synthetic 1,000,000-row access-log table (time, client IP, method, status, bytes, path,
//    user agent, referrer): inferSchema, encodeTable, sessionize (30 min gap) + aggregates.

#include "core/io/reader.h"
#include "core/schema/schema.h"
#include "core/sessions/sessions.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QStringList>


#include <cstdio>
#include <ctime>
#include <random>

using namespace vigil;

namespace {

Column textColumn(const QString &name, const std::vector<QString> &cells)
{
    Column c;
    c.name = name;
    c.type = ColumnType::Text;
    QHash<QString, int> dict;
    c.codes.reserve(cells.size());
    for (const auto &v : cells) {
        auto it = dict.find(v);
        if (it == dict.end()) {
            it = dict.insert(v, int(c.dictionary.size()));
            c.dictionary.push_back(v);
        }
        c.codes.push_back(*it);
    }
    return c;
}

Table readKdd(const QString &path)
{
    ReadOptions options;
    options.format = QStringLiteral("nslkdd");
    auto t = readTable(path, options);
    return t ? std::move(*t) : Table{};
}

Table webTable(std::int64_t rows)
{
    std::mt19937_64 rng(42);
    const char *methods[] = {"GET", "GET", "GET", "GET", "POST", "HEAD", "PUT", "OPTIONS"};
    const double statuses[] = {200, 200, 200, 200, 200, 304, 404, 301, 500, 403};
    const auto count = static_cast<size_t>(rows);
    std::vector<QString> ip(count), method(count), path(count), agent(count), ref(count);
    Column time{QStringLiteral("time"), ColumnType::Timestamp, {}, {}, {}};
    Column status{QStringLiteral("status"), ColumnType::Integer, {}, {}, {}};
    Column bytes{QStringLiteral("body_bytes_sent"), ColumnType::Integer, {}, {}, {}};
    std::exponential_distribution<double> size(1.0 / 5000.0);
    double t = 1700000000.0;
    for (std::int64_t r = 0; r < rows; ++r) {
        t += double(rng() % 1000) / 1000.0;
        time.numbers.push_back(t);
        const auto client = rng() % 50000;
        ip[size_t(r)] = QStringLiteral("%1.%2.%3.%4").arg(client % 3 ? 83 : 10).arg((client >> 4) % 256).arg((client >> 8) % 256).arg(client % 256);
        method[size_t(r)] = QString::fromLatin1(methods[rng() % 8]);
        status.numbers.push_back(statuses[rng() % 10]);
        bytes.numbers.push_back(std::floor(size(rng)));
        path[size_t(r)] = QStringLiteral("/shop/item/%1").arg(rng() % 200000);
        agent[size_t(r)] = QStringLiteral("Mozilla/5.0 (agent %1)").arg(rng() % 5000);
        ref[size_t(r)] = rng() % 4 ? QStringLiteral("-") : QStringLiteral("https://example.org/%1").arg(rng() % 100);
    }
    Table tab;
    tab.columns.push_back(std::move(time));
    tab.columns.push_back(textColumn(QStringLiteral("remote_addr"), ip));
    tab.columns.push_back(textColumn(QStringLiteral("method"), method));
    tab.columns.push_back(std::move(status));
    tab.columns.push_back(std::move(bytes));
    tab.columns.push_back(textColumn(QStringLiteral("path"), path));
    tab.columns.push_back(textColumn(QStringLiteral("user_agent"), agent));
    tab.columns.push_back(textColumn(QStringLiteral("referrer"), ref));
    for (std::int64_t r = 0; r < rows; ++r)
        tab.recordIds.push_back(r + 1);
    return tab;
}

/// Wall and process CPU time of a stage: the shared build machine is often oversubscribed,
/// so wall time alone overstates the cost; both are printed.
struct Stage {
    QElapsedTimer wall;
    std::clock_t cpu0 = 0;
    void restart()
    {
        wall.restart();
        cpu0 = std::clock();
    }
    double wallMs() const { return double(wall.nsecsElapsed()) / 1e6; }
    double cpuMs() const { return 1e3 * double(std::clock() - cpu0) / CLOCKS_PER_SEC; }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(VIGIL_SHARED_DATA_DIR "/nsl-kdd");
    std::printf("# bench_schema (figures only; single thread)\n");

    Stage load;
    load.restart();
    const Table train = readKdd(dir + QStringLiteral("/KDDTrain+.txt.gz"));
    const Table test = readKdd(dir + QStringLiteral("/KDDTest+.txt.gz"));
    const double loadMs = load.wallMs(), loadCpu = load.cpuMs();
    if (train.rowCount() == 0 || test.rowCount() == 0) {
        std::printf("nslkdd: skipped (no KDDTrain+/KDDTest+ .txt.gz in %s)\n", qPrintable(dir));
    } else {
        Stage t;
        t.restart();
        auto schema = inferSchema(train);
        const double fit = t.wallMs(), fitCpu = t.cpuMs();
        if (!schema) {
            std::printf("nslkdd: %s\n", qPrintable(schema.error().message));
            return 1;
        }
        t.restart();
        auto a = encodeTable(*schema, train);
        auto b = encodeTable(*schema, test);
        const double enc = t.wallMs(), encCpu = t.cpuMs();
        const auto rows = train.rowCount() + test.rowCount();
        std::printf("nslkdd: rows %lld width %d  load %.1f ms (cpu %.1f)  infer+fit %.1f ms (cpu %.1f)  encode %.1f ms (cpu %.1f)\n"
                    "nslkdd: %.0f rows/s encode, %.0f rows/s load+fit+encode (wall); %.0f rows/s load+fit+encode (cpu)\n",
                    (long long)rows, schema->width(), loadMs, loadCpu, fit, fitCpu, enc, encCpu, double(rows) / (enc / 1e3),
                    double(rows) / ((loadMs + fit + enc) / 1e3), double(rows) / ((loadCpu + fitCpu + encCpu) / 1e3));
        if (!a || !b)
            return 1;
    }

    const std::int64_t n = 1000000;
    const Table web = webTable(n);
    Stage t;
    t.restart();
    auto schema = inferSchema(web);
    const double fit = t.wallMs(), fitCpu = t.cpuMs();
    if (!schema) {
        std::printf("web: %s\n", qPrintable(schema.error().message));
        return 1;
    }
    t.restart();
    auto m = encodeTable(*schema, web);
    const double enc = t.wallMs(), encCpu = t.cpuMs();
    if (!m)
        return 1;
    std::printf("web 1M: width %d  infer+fit %.1f ms (cpu %.1f)  encode %.1f ms (cpu %.1f)  %.0f rows/s encode (wall)  matrix %.0f MB\n",
                schema->width(), fit, fitCpu, enc, encCpu, double(n) / (enc / 1e3), double(m->values.size()) * 4 / 1e6);
    t.restart();
    auto s = sessionize(web, QStringLiteral("remote_addr"), QStringLiteral("time"), 1800);
    const double sess = t.wallMs();
    if (!s)
        return 1;
    t.restart();
    auto agg = sessionAggregates(web, *s, defaultAggregateOptions(web));
    const double aggMs = t.wallMs();
    if (!agg)
        return 1;
    std::printf("web 1M: sessionize %.1f ms (%zu sessions)  aggregates %.1f ms\n", sess, s->sessions.size(), aggMs);
    return 0;
}
