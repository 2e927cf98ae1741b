#pragma once

#include "core/progress.h"
#include "core/result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QVariant>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

class QThreadPool;
class QTimer;

namespace vigil::ui {

/// What a job's work function sees: a cancellable progress sink. Thread-safe; the work calls
/// it from its worker thread, the runner reads it from the GUI thread.
class JobContext
{
public:
    /// Records progress; returns false once the job was cancelled (the work should stop).
    bool progress(std::int64_t done, std::int64_t total, const QString &stage = {});
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }
    /// A core/ml progress callback bound to this context.
    ProgressFn progressFn();

private:
    friend class JobRunner;
    std::atomic<bool> m_cancelled{false};
    std::atomic<std::int64_t> m_done{0};
    std::atomic<std::int64_t> m_total{0};
    mutable std::mutex m_stageMutex;
    QString m_stage;
};

/// Snapshot of one job for views.
struct JobInfo {
    enum class State { Running, Finished, Failed, Cancelled };
    int id = 0;
    QString title;
    QString key;
    State state = State::Running;
    std::int64_t done = 0;
    std::int64_t total = 0;
    QString stage;
    QString error;
    qint64 elapsedMs = 0;
};

/// Runs long work (import, training, scoring, bulk SQL) on worker threads so the GUI thread
/// never blocks. Progress is sampled by a timer, so however often a worker reports, views are
/// updated at most ~10 times a second. Jobs started with the same non-empty key supersede each
/// other: the older one is cancelled and its result dropped ("newest request wins").
class JobRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobRunner)

public:
    using Work = std::function<Result<QVariant>(JobContext &)>;
    using Done = std::function<void(const Result<QVariant> &)>;

    explicit JobRunner(QObject *parent = nullptr);
    ~JobRunner() override;

    /// Starts \a work; \a done runs on the GUI thread with the result unless the job was
    /// cancelled or superseded. Returns the job id.
    int start(const QString &title, Work work, Done done = {}, const QString &key = {});
    void cancel(int id);
    void cancelAll();
    /// Blocks until every running job has ended (used on shutdown and in tests).
    void waitForAll();

    int runningCount() const;
    const std::vector<JobInfo> &jobs() const { return m_infos; }
    int indexOf(int id) const;

Q_SIGNALS:
    void jobAdded(int id);
    void jobChanged(int id);
    void jobFinished(int id);
    void jobFailed(int id, const QString &message);
    void jobCancelled(int id);
    void runningCountChanged(int count);

private:
    struct Running;
    void onTick();
    void finish(int id, const Result<QVariant> &result);

    QThreadPool *m_pool;
    QTimer *m_timer;
    int m_nextId = 1;
    std::vector<JobInfo> m_infos;
    std::vector<std::shared_ptr<Running>> m_running;
};

} // namespace vigil::ui
