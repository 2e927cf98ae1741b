#include "ratewindow.h"

#include <algorithm>
#include <cmath>

namespace vigil::io {

namespace {

constexpr std::int64_t kSweepEvery = 65536;

// Inserts \a t into the sorted \a times; a log's next event is nearly always the newest, so the
// search starts from the back.
void insertSorted(std::deque<double> &times, double t)
{
    if (times.empty() || t >= times.back()) {
        times.push_back(t);
        return;
    }
    times.insert(std::upper_bound(times.begin(), times.end(), t), t);
}

std::int64_t countIn(const std::deque<double> &times, double from, double to)
{
    const auto lo = std::upper_bound(times.begin(), times.end(), from);
    const auto hi = std::upper_bound(lo, times.end(), to);
    return std::int64_t(hi - lo);
}

void forgetBefore(std::deque<double> &times, double limit)
{
    while (!times.empty() && times.front() <= limit)
        times.pop_front();
    while (times.size() > EntityRateWindow::kMaxEventsPerEntity)
        times.pop_front();
}

} // namespace

EntityRateWindow::Counts EntityRateWindow::add(std::string_view entity, double t, bool failure)
{
    if (entity.empty() || !std::isfinite(t))
        return {1, failure ? 1 : 0};
    auto it = m_entities.find(entity);
    if (it == m_entities.end())
        it = m_entities.emplace(std::string(entity), Window{{}, {}, t}).first;
    Window &w = it->second;
    // Keep two windows: an event up to one window late still finds its whole window. One later
    // than that (a long Zeek connection, logged when it ends with the time it began) counts alone.
    if (t <= w.newest - 2 * kWindowSeconds)
        return {1, failure ? 1 : 0};
    insertSorted(w.all, t);
    if (failure)
        insertSorted(w.failed, t);
    w.newest = std::max(w.newest, t);
    const double limit = w.newest - 2 * kWindowSeconds;
    forgetBefore(w.all, limit);
    forgetBefore(w.failed, limit);

    Counts counts{countIn(w.all, t - kWindowSeconds, t), countIn(w.failed, t - kWindowSeconds, t)};
    m_newest = std::max(m_newest, t);
    if (++m_sinceSweep >= kSweepEvery)
        sweep();
    return counts;
}

void EntityRateWindow::sweep()
{
    m_sinceSweep = 0;
    const double limit = m_newest - 2 * kWindowSeconds;
    for (auto it = m_entities.begin(); it != m_entities.end();) {
        if (it->second.newest <= limit)
            it = m_entities.erase(it);
        else
            ++it;
    }
}

bool isFailedConnState(std::string_view state)
{
    return state == "S0" || state == "REJ" || state == "RSTOS0" || state == "RSTRH" || state == "SH" || state == "SHR";
}

} // namespace vigil::io
