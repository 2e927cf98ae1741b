#pragma once

#include "core/labels/labelstore.h"

#include <vector>

namespace vigil {

/// Undo/redo of label edits. The stack lives in memory (one per open view); what it writes is
/// persistent: undo writes each item's previous state back through LabelStore::revert, so a
/// project reopened after an undo shows the undone state. An edit that fails to (re)apply
/// stays where it was.
class LabelHistory
{
public:
    /// Records a done edit; drops any redo entries. Empty edits are ignored.
    void push(LabelEdit edit);
    bool canUndo() const { return m_done > 0; }
    bool canRedo() const { return m_done < m_edits.size(); }
    QString undoText() const { return canUndo() ? m_edits[m_done - 1].description : QString(); }
    QString redoText() const { return canRedo() ? m_edits[m_done].description : QString(); }
    /// Reverts the latest edit through \a store; returns it (e.g. to refresh the affected rows).
    Result<LabelEdit> undo(LabelStore &store);
    Result<LabelEdit> redo(LabelStore &store);
    void clear();
    size_t size() const { return m_edits.size(); }

    /// Edits kept; older ones fall off the bottom.
    static constexpr size_t kLimit = 200;

private:
    std::vector<LabelEdit> m_edits;
    size_t m_done = 0;
};

} // namespace vigil
