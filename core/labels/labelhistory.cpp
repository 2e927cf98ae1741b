#include "core/labels/labelhistory.h"

namespace vigil {

void LabelHistory::push(LabelEdit edit)
{
    if (edit.items.empty())
        return;
    m_edits.resize(m_done);
    m_edits.push_back(std::move(edit));
    if (m_edits.size() > kLimit)
        m_edits.erase(m_edits.begin());
    m_done = m_edits.size();
}

Result<LabelEdit> LabelHistory::undo(LabelStore &store)
{
    if (!canUndo())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Nothing to undo."));
    const LabelEdit &edit = m_edits[m_done - 1];
    if (auto r = store.revert(edit); !r)
        return tl::unexpected(r.error());
    --m_done;
    return edit;
}

Result<LabelEdit> LabelHistory::redo(LabelStore &store)
{
    if (!canRedo())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Nothing to redo."));
    const LabelEdit &edit = m_edits[m_done];
    if (auto r = store.reapply(edit); !r)
        return tl::unexpected(r.error());
    ++m_done;
    return edit;
}

void LabelHistory::clear()
{
    m_edits.clear();
    m_done = 0;
}

} // namespace vigil
