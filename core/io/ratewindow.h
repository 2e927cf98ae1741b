#pragma once

// Per-entity event rates derived at import: how many events (and failed ones) the same client
// sent in the minute up to each event. A brute-force login or a directory scan is a burst of
// ordinary-looking requests; no column of the single line shows it, the rate does.

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace vigil::io {

class EntityRateWindow
{
public:
    static constexpr double kWindowSeconds = 60.0;
    /// Events remembered per entity at most: a flood (the log is attacker-controlled) keeps
    /// memory bounded, and its counts saturate here.
    static constexpr std::size_t kMaxEventsPerEntity = 100000;

    struct Counts {
        std::int64_t events = 0;    ///< events of the entity in (t - 60 s, t], this one included
        std::int64_t failures = 0;  ///< of those, failed ones (HTTP status ≥ 400, a refused connection)
    };

    /// Records an event of \a entity at \a t (seconds) and returns the entity's counts in the
    /// window ending at \a t, over the events read so far. Logs are close to time order but not
    /// exactly (nginx writes a line when the request ends, Zeek when the connection ends): events
    /// are kept sorted per entity for two minutes behind the entity's newest, so an event up to a
    /// minute late still finds its whole minute, and one over two minutes late counts alone. An
    /// empty entity or a non-finite \a t is a lone event too.
    Counts add(std::string_view entity, double t, bool failure);

    /// Entities currently remembered (for tests and memory checks).
    std::size_t entities() const { return m_entities.size(); }

private:
    struct Window {
        std::deque<double> all;     ///< event times, sorted
        std::deque<double> failed;  ///< failed events' times, sorted
        double newest = 0.0;
    };
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    void sweep();

    std::unordered_map<std::string, Window, Hash, std::equal_to<>> m_entities;
    double m_newest = -1e300;
    std::int64_t m_sinceSweep = 0;
};

/// Zeek conn_state values of connection attempts that were never established: refused (REJ),
/// unanswered (S0), half-open or reset before the handshake completed. Port and host scans
/// are made of these.
bool isFailedConnState(std::string_view state);

} // namespace vigil::io
