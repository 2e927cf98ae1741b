#pragma once

#include "core/io/reader.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace vigil::ui {

/// Shows what an import read: format, lines, rows stored, and bad lines grouped by reason with
/// the first examples (line number + excerpt). Excerpts are file content: shown as plain text
/// with control bytes neutralised.
class ImportReportWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportReportWidget)

public:
    explicit ImportReportWidget(QWidget *parent = nullptr);

    /// Shows \a report; \a title names the file or dataset, \a alreadyImported adds a remark.
    void setReport(const ImportReport &report, const QString &title = {}, bool alreadyImported = false);
    void clear();

    /// The summary line ("combined — 10,000 lines, 9,998 rows, 2 bad").
    QString summaryText() const;
    /// Top-level entries of the reasons tree (one per reason).
    int reasonCount() const;

private:
    QLabel *m_title;
    QLabel *m_summary;
    QTreeWidget *m_reasons;
    QLabel *m_notes;
};

} // namespace vigil::ui
