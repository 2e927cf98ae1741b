<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import %1 files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Anomaly-detection workbench for security analysts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo project built from the bundled web-server log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute device: auto, cpu or cuda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intra-op threads (0 = all cores).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project file to open (*.vigil).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Vigil will use the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the demo project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a project: open its scoring run &lt;id&gt; (0 = the newest).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::ClusterScatterView</name>
    <message>
        <source>Drag a rectangle to filter on a region; click a point to filter on its cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cluster %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>severity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clusters (2-D projection, %L1 sampled points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cluster map: this run&apos;s records have no 2-D projection (only the autoencoder and the VAE give one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clusters (%L1 points)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::EncodedRowModel</name>
    <message>
        <source>(none: unseen or missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 features; the 1 marks %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::EvaluationView</name>
    <message>
        <source>ROC: detected attacks against false alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision against recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calibrated thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>false-positive rate (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true-positive rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recall (true-positive rate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attack family / class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows flagged at the run&apos;s threshold; families first, then classes with the most missed rows first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score &gt; %1: TPR %2 %, FPR %3 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating run %1 against its data set&apos;s labels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 against its data set&apos;s labels: %L2 rows (%L3 attacks, %L4 normal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUROC %1 · average precision %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the run&apos;s threshold %1: %L2 of %L3 attacks flagged (TPR %4 %), %L5 false alarms (FPR %6 %), precision %7 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibrated for %1 % FPR on held-out clean rows (threshold %2): TPR %3 %, realized FPR %4 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read off the ROC (uses these labels): TPR %1 % at 1 % FPR, %2 % at 5 % FPR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (normal traffic: flagged rows are false alarms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibrated for %1 % FPR on the normal rows of the data set the model was loaded for (threshold %2): TPR %3 %, realized FPR %4 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibrated for %1 % FPR on the records of held-out sessions (threshold %2): TPR %3 %, realized FPR %4 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibrated for %1 % FPR on held-out clean sessions, each counted once (threshold %2): TPR %3 %, realized FPR %4 % of the records</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::ExplorerView</name>
    <message>
        <source>Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dominant values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a cluster to filter the triage table on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from benign labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of all records; label benign rows to refine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading charts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explorer: aggregate scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 scores · %L2 points in the scatter sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explorer: timeline at threshold %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explorer: cluster summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cluster sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole time span again (drag on the timeline to zoom in and filter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the data set&apos;s %L1 normal rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No timeline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, ≈%L1 a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold %1 · ≈%L2 records above (%3%%6) · expected FPR ≈ %4% (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of all sessions; label benign sessions to refine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the data set&apos;s %L1 normal sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 sessions · %L2 points in the scatter sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold %1 · %L2 sessions above (%3%%6) · expected FPR ≈ %4% (%5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::FilterBar</name>
    <message>
        <source>Filter, e.g. score &gt; 80 and status = 404 and ip in 10.0.0.0/8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields with = != &lt; &lt;= &gt; &gt;=, in (a, b) or in 10.0.0.0/8, contains &quot;text&quot;, between a and b; combine with and, or, not and parentheses. Press Enter to apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the current filter under a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ valid filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved filters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::ImportDialog</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect from content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log_format line of the nginx configuration that wrote the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview (first %1 records of the first file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import logs or data sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs and data sets (*.log *.txt *.csv *.json *.gz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a log or data-set file (plain or gzip).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the first records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read this file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format: %1 — %2 columns; %3 of the first %4 lines are bad.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most common: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nginx &amp;log_format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File&amp;s:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::ImportPreviewModel</name>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::ImportReportWidget</name>
    <message>
        <source>Bad lines by reason / example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count / line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No import yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — already imported (same content); nothing stored again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 lines, %3 rows, %4 bad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::JobRunner</name>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::JobsModel</name>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::JobsPanel</name>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the selected job, or the newest running one (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::MainWindow</name>
    <message>
        <source>Vigil projects (*.vigil);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: %1 · %2 threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LibTorch %1
BLAS: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs running: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a record, session or model to inspect it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new investigation file (*.vigil)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an existing investigation file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Logs or Data Sets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access logs, Zeek logs, flow CSVs (NSL-KDD, KDD&apos;99, UNSW-NB15, CIC-IDS), gzip-compressed too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport Case Bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One file with the data, schema, models, thresholds, labels and report, for a colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;mport Case Bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Train Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train an anomaly model on the selected data set (live loss curves, Cancel keeps the best epoch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Score Data Set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score a data set with a trained model (its schema is reused, never refitted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML or PDF report of a scoring run, or CSV/JSON of the labelled items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot replace %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find what is abnormal in web logs, Zeek sensors and IDS data sets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File ▸ New Project (Ctrl+N) starts an investigation file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File ▸ Open Project (Ctrl+O), or drop a .vigil file here, opens one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long work runs in the Jobs panel; Esc cancels it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labelled items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Vigil %1&lt;/h3&gt;&lt;p&gt;Anomaly-detection workbench for security analysts.&lt;/p&gt;&lt;p&gt;LibTorch %2 on %3, %4 threads.&lt;br&gt;Qt %5.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Case Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil case bundles (*.vigilcase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote case bundle %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Case Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil case bundles (*.vigilcase);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Imported Case As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil projects (*.vigil)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs still running: %1. Cancel them and quit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop log files to import them, or a .vigil project to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Project for the Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → dataset #%2: %3 rows (%4), %5 bad lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — already imported, not stored again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import report

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dataset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 s (best epoch %3). Threshold %4: %5 of %6 records flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled, best epoch kept,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score Data Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring %1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language is applied the next time Vigil starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Re-rank from Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the supervised classifier on your malicious/benign labels of this run and re-score every record, so what is left to triage comes first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving the threshold of run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Threshold %1 saved: %n record(s) flagged</source>
        <translation>
            <numerusform>Threshold %1 saved: %n record flagged</numerusform>
            <numerusform>Threshold %1 saved: %n records flagged</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-ranking run %1 from labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-rank from Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 re-ranked from labels of run %2

Trained on %3 malicious and %4 benign labelled records, plus %5 unlabelled records below the old threshold as benign examples.
%6 records have P(malicious) ≥ 0.5, %7 of them not labelled yet: filter with  label = none  and sort by score to triage them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has no scoring run yet: score a data set with Model ▸ Score Data Set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has no scoring run %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Evaluate Run Against Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROC and precision/recall curves, AUROC, detection per attack class of the current run, against the label column of its data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation of run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TorchScript model loaded and calibrated. Threshold %1: %2 of %3 records flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data set %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a data set for its feature schema, a run for its explorer and triage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caution: the threshold rests on %L1 calibration sessions, of which %2 are expected above it at a %3 % target: too few to set it closely, so other data may be flagged at quite another rate (%L4 or more sessions would put %L5 above it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caution: the threshold rests on %L1 calibration rows, of which %2 are expected above it at a %3 % target: too few to set it closely, so other data may be flagged at quite another rate (%L4 or more rows would put %L5 above it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batches of %1 rows instead of %2: the training data is small, and %2-row batches would have made too few optimizer steps to learn it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::ProjectTreeModel</name>
    <message>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Format: %2
%3 rows, %4 bad lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::RecordInspector</name>
    <message>
        <source>Select a record to inspect it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading record %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 · %2 = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entity column: no session to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top contributing feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the record&apos;s anomaly score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The features whose reconstruction loss makes up most of the record&apos;s score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session events: %L1%2 (showing %L3; %5 events in all: %L4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session: events of one %1 with no pause over %L2 minutes, as the triage&apos;s Sessions view groups them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::ReportDialog</name>
    <message>
        <source>&amp;Open the file when it is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 — %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML report (one self-contained file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV of labelled items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON of labelled items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a run and a file to write.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::SchemaColumnsModel</name>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 categories kept%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> + OTHER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 countries kept%2; </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::SchemaPreviewWidget</name>
    <message>
        <source>Save schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-zero features of the chosen record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoded vector of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inferring the schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Infer schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading dataset %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load dataset %1 for the schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Total width %1&lt;/b&gt; — %2 one-hot + %3 numeric features from %4 of %5 columns%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-fitting the schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-fit schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encode record %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 (id %2): %3 non-zero features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save schema of dataset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema saved (#%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Fitted on a uniform sample of %L1 of the %L2 records, as training does; counts are the sample&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample record </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::ScoreDialog</name>
    <message>
        <source>Score Data Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trained on #%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its data set was removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2 (%3, %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2 (%3 rows, %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data set to score:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has no model yet: train one with Model ▸ Train Model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has no data set to score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new run: every record of #%1 scored with the model&apos;s own schema and threshold; the explorer opens on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model was trained on a &apos;%1&apos; data set and this one is &apos;%2&apos;: scoring fails if it lacks a column the model encodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest k (best silhouette)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-means clusters of the model&apos;s latent codes, shown in the cluster map and summary. Suggest tries k = 2…8 on a sample of 2,000 points and keeps the best silhouette.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lusters:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::ScoreHistogramView</name>
    <message>
        <source>Score distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag the red line to move the threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score (last bar also counts scores up to %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records (log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sessions (log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score (last bar: to %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::TimelineView</name>
    <message>
        <source>Events and anomalies over time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anomalies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events / bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anomalies / bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan · Shift+drag: select a time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No timeline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flagged sessions / bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flagged sessions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::TopValuesDelegate</name>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::TrainDialog</name>
    <message>
        <source>Train on rows labelled normal only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train Model — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autoencoder (unsupervised, default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categorical VAE, Gumbel-softmax (unsupervised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervised classifier (uses the data set&apos;s labels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the training rows held out for early stopping and threshold calibration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop when the validation loss has not improved for this many epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert threshold is set so that this share of clean held-out rows would be flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Validation share:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early-stopping &amp;patience:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External TorchScript model (.pt file, not trained here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TorchScript module saved with torch.jit.save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A module mapping an [N, width] batch of this data set&apos;s encoded rows to a score per row or to a reconstruction; its threshold is calibrated on the data set&apos;s normal rows (all rows without labels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TorchScript Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TorchScript modules (*.pt *.pth *.ts);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the TorchScript module file to load.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert threshold is set so that this share of the data set&apos;s normal rows (all rows without labels) would be flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bi&amp;directional (predict each event from both sides)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence model over sessions, GRU or LSTM (events of one entity in time order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the schema&apos;s entity key, else remote_addr, id.orig_h or src_ip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column whose values own the sessions, e.g. the client address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic: method, file type, status (access logs); proto, service, state (Zeek)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated columns whose values, joined, make an event, e.g. method,path_ext,status. Empty: up to three categorical columns of the schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A longer pause between an entity&apos;s events starts a new session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GRU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session e&amp;ntity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event t&amp;okens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session &amp;gap:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recurrent &amp;cell:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies where the data set has a label column; a log without labels trains on every row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False-positive rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the threshold by the share of clean rows it may flag, or by how many alerts a day you can triage (needs a timestamp column: the data set&apos;s records a day turn the budget into a share).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The threshold flags this many records a day at the data set&apos;s rate of records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert t&amp;hreshold by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autoencoder: train this many networks side by side and score with their mean. On a 1M-line web log three networks flagged 43-45 % of the attacks instead of 37 % at the same false-positive rate, and varied less with the seed; training and scoring take that many times longer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net&amp;works in the ensemble:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session autoencoder (each session&apos;s events, rate, distinct paths, errors, bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupervised models learn what normal looks like and need no labels. The sequence model learns which event follows which within a session (one entity&apos;s events with no longer pause than the session gap); a session&apos;s score is its mean per-event loss. The session autoencoder learns what a session does in all (how many events, how fast, how many distinct paths, how many errors): bursts such as password guessing or scanning stand out; its threshold flags a share of sessions, and every record of a session carries the session&apos;s score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert threshold is set so that this share of clean held-out sessions would be flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The threshold flags this many sessions a day at the data set&apos;s rate of sessions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::TrainingView</name>
    <message>
        <source>&amp;Cancel Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch %1 of %2 · training loss %3 · validation loss %4 (best %5) · %6 rows/s · about %7 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::TriageTableModel</name>
    <message>
        <source>Suppressed by a &quot;never flag this value&quot; rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags: %1
Note: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suppressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter field: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Edit tags/note of %n item(s)</source>
        <translation>
            <numerusform>Edit tags/note of %n item</numerusform>
            <numerusform>Edit tags/note of %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Session (%1 · start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>Events per minute between first and last seen (a shorter span counts as one minute): bursts such as password guessing or directory scans sort to the top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most failures in one minute: HTTP 4xx/5xx answers (client_errors_1m) or failed connection attempts (orig_failed_1m), as counted at import; empty for data without them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak failures/min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::TriageView</name>
    <message>
        <source>Hide suppressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity column: groups the Entities view; entity labels apply to its records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide rows matched by &quot;never flag this value&quot; rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malicious (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label the selection malicious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benign (2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label the selection benign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review (3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the selection for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the verdict of the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label every record of the current row&apos;s cluster malicious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never flag this value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suppress rows whose value in the current column equals the current cell&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tags, comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set tags/note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the tags and note on the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 %2 · %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No further anomaly in this direction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n suppression rule(s) active.</source>
        <translation>
            <numerusform>%n suppression rule active.</numerusform>
            <numerusform>%n suppression rules active.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select rows to label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current row has no cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a data cell (e.g. a user agent or path) to suppress its value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the triage table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show single records, one row per entity (e.g. client address), or one row per session (an entity&apos;s events with no pause over 30 minutes); labelling a session labels its records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sessions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::TriageWorker</name>
    <message>
        <source>Cluster %1 has no records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label %1 malicious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label %1 benign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark %1 for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the verdict of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>cluster %1 (%n record(s))</source>
        <translation>
            <numerusform>cluster %1 (%n record)</numerusform>
            <numerusform>cluster %1 (%n records)</numerusform>
        </translation>
    </message>
</context>
</TS>
