#include "ui/jobs/jobsmodel.h"

#include "ui/jobs/jobrunner.h"

#include <QLocale>

namespace vigil::ui {

JobsModel::JobsModel(JobRunner *runner, QObject *parent)
    : QAbstractTableModel(parent), m_runner(runner), m_rows(int(runner->jobs().size()))
{
    connect(runner, &JobRunner::jobAdded, this, &JobsModel::onJobAdded);
    connect(runner, &JobRunner::jobChanged, this, &JobsModel::onJobChanged);
}

int JobsModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_rows; }
int JobsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

int JobsModel::rowOf(int id) const
{
    const int i = m_runner->indexOf(id);
    return i < 0 ? -1 : m_rows - 1 - i; // newest first
}

void JobsModel::onJobAdded(int)
{
    beginInsertRows({}, 0, 0);
    ++m_rows;
    endInsertRows();
}

void JobsModel::onJobChanged(int id)
{
    const int row = rowOf(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

static QString stateText(const JobInfo &job)
{
    switch (job.state) {
    case JobInfo::State::Running: return job.stage.isEmpty() ? JobsModel::tr("Running") : job.stage;
    case JobInfo::State::Finished: return JobsModel::tr("Done");
    case JobInfo::State::Failed: return JobsModel::tr("Failed: %1").arg(job.error);
    case JobInfo::State::Cancelled: return JobsModel::tr("Cancelled");
    }
    return {};
}

QVariant JobsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &jobs = m_runner->jobs();
    const JobInfo &job = jobs[jobs.size() - 1 - size_t(index.row())];
    const double fraction = job.total > 0 ? double(job.done) / double(job.total) : -1.0;
    switch (role) {
    case JobIdRole: return job.id;
    case ProgressFractionRole: return fraction;
    case IsRunningRole: return job.state == JobInfo::State::Running;
    case Qt::ToolTipRole:
        if (job.state == JobInfo::State::Failed)
            return job.error;
        return job.title;
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn: return job.title;
        case ProgressColumn:
            return fraction < 0 ? QString() : QStringLiteral("%1 %").arg(int(fraction * 100.0));
        case StatusColumn: return stateText(job);
        case ElapsedColumn: return QString(QLocale().toString(double(job.elapsedMs) / 1000.0, 'f', 1) + QStringLiteral(" s"));
        default: break;
        }
        break;
    default: break;
    }
    return {};
}

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn: return tr("Job");
    case ProgressColumn: return tr("Progress");
    case StatusColumn: return tr("Status");
    case ElapsedColumn: return tr("Time");
    default: return {};
    }
}

} // namespace vigil::ui
