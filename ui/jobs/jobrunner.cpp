#include "ui/jobs/jobrunner.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace vigil::ui {

bool JobContext::progress(std::int64_t done, std::int64_t total, const QString &stage)
{
    m_done.store(done, std::memory_order_relaxed);
    m_total.store(total, std::memory_order_relaxed);
    if (!stage.isNull()) {
        std::lock_guard lock(m_stageMutex);
        if (m_stage != stage)
            m_stage = stage;
    }
    return !isCancelled();
}

ProgressFn JobContext::progressFn()
{
    return [this](const Progress &p) { return progress(p.done, p.total, p.stage); };
}

struct JobRunner::Running {
    int id = 0;
    QString key;
    JobContext context;
    QElapsedTimer clock;
    Done done;
    QFutureWatcher<Result<QVariant>> watcher;
};

JobRunner::JobRunner(QObject *parent)
    : QObject(parent), m_pool(new QThreadPool(this)), m_timer(new QTimer(this))
{
    // Two workers: one long job (training) must not starve a short one (a table query).
    m_pool->setMaxThreadCount(std::max(2, QThread::idealThreadCount() / 2));
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &JobRunner::onTick);
}

JobRunner::~JobRunner()
{
    cancelAll();
    waitForAll();
}

int JobRunner::start(const QString &title, Work work, Done done, const QString &key)
{
    if (!key.isEmpty()) {
        for (const auto &r : m_running) {
            if (r->key == key)
                cancel(r->id);
        }
    }
    auto running = std::make_shared<Running>();
    running->id = m_nextId++;
    running->key = key;
    running->done = std::move(done);
    running->clock.start();

    JobInfo info;
    info.id = running->id;
    info.title = title;
    info.key = key;
    m_infos.push_back(info);
    m_running.push_back(running);

    const int id = running->id;
    connect(&running->watcher, &QFutureWatcherBase::finished, this, [this, id, raw = running.get()] {
        finish(id, raw->watcher.result());
    });
    JobContext *ctx = &running->context;
    running->watcher.setFuture(QtConcurrent::run(m_pool, [work = std::move(work), ctx]() -> Result<QVariant> {
        // Nothing may throw out of a worker: convert to an Error at this boundary.
        try {
            return work(*ctx);
        } catch (const std::exception &e) {
            return fail(ErrorCode::Internal, QString::fromUtf8(e.what()));
        } catch (...) {
            return fail(ErrorCode::Internal, QStringLiteral("Unknown error in background job."));
        }
    }));
    if (!m_timer->isActive())
        m_timer->start();
    Q_EMIT jobAdded(id);
    Q_EMIT runningCountChanged(runningCount());
    return id;
}

void JobRunner::cancel(int id)
{
    for (const auto &r : m_running) {
        if (r->id == id)
            r->context.m_cancelled.store(true);
    }
}

void JobRunner::cancelAll()
{
    for (const auto &r : m_running)
        r->context.m_cancelled.store(true);
}

void JobRunner::waitForAll()
{
    m_pool->waitForDone();
    // Deliver the finished() signals queued for the watchers so state is consistent.
    while (!m_running.empty()) {
        auto r = m_running.front();
        r->watcher.waitForFinished();
        finish(r->id, r->watcher.result());
    }
}

int JobRunner::runningCount() const { return int(m_running.size()); }

int JobRunner::indexOf(int id) const
{
    for (size_t i = 0; i < m_infos.size(); ++i) {
        if (m_infos[i].id == id)
            return int(i);
    }
    return -1;
}

void JobRunner::onTick()
{
    for (const auto &r : m_running) {
        const int i = indexOf(r->id);
        if (i < 0)
            continue;
        JobInfo &info = m_infos[size_t(i)];
        const auto done = r->context.m_done.load();
        const auto total = r->context.m_total.load();
        QString stage;
        {
            std::lock_guard lock(r->context.m_stageMutex);
            stage = r->context.m_stage;
        }
        info.elapsedMs = r->clock.elapsed();
        if (done != info.done || total != info.total || stage != info.stage) {
            info.done = done;
            info.total = total;
            info.stage = stage;
            Q_EMIT jobChanged(r->id);
        }
    }
    if (m_running.empty())
        m_timer->stop();
}

void JobRunner::finish(int id, const Result<QVariant> &result)
{
    auto it = std::find_if(m_running.begin(), m_running.end(), [id](const auto &r) { return r->id == id; });
    if (it == m_running.end())
        return; // already delivered (waitForAll and the queued signal both land here)
    std::shared_ptr<Running> running = *it;
    m_running.erase(it);

    const int i = indexOf(id);
    JobInfo &info = m_infos[size_t(i)];
    info.elapsedMs = running->clock.elapsed();
    const bool cancelled = running->context.isCancelled()
        || (!result && result.error().code == ErrorCode::Cancelled);
    if (cancelled) {
        info.state = JobInfo::State::Cancelled;
        info.stage = tr("Cancelled");
    } else if (!result) {
        info.state = JobInfo::State::Failed;
        info.error = result.error().message;
        info.stage = tr("Failed");
    } else {
        info.state = JobInfo::State::Finished;
        info.done = info.total = std::max<std::int64_t>(info.total, 1);
        info.stage = tr("Done");
    }
    Q_EMIT jobChanged(id);
    if (!cancelled && running->done)
        running->done(result);
    if (cancelled)
        Q_EMIT jobCancelled(id);
    else if (!result)
        Q_EMIT jobFailed(id, result.error().message);
    else
        Q_EMIT jobFinished(id);
    Q_EMIT runningCountChanged(runningCount());
    // We may be inside the watcher's own finished() emission: release it from the event loop.
    QTimer::singleShot(0, this, [running] {});
}

} // namespace vigil::ui
