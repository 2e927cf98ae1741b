<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>Import %1 files</source>
        <translation>%1 Dateien importieren</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Anomaly-detection workbench for security analysts.</source>
        <translation>Werkbank zur Anomalieerkennung für Sicherheitsanalysten.</translation>
    </message>
    <message>
        <source>Open the demo project built from the bundled web-server log.</source>
        <translation>Das Demoprojekt öffnen, das aus dem mitgelieferten Webserver-Log erstellt wird.</translation>
    </message>
    <message>
        <source>Compute device: auto, cpu or cuda.</source>
        <translation>Rechengerät: auto, cpu oder cuda.</translation>
    </message>
    <message>
        <source>Intra-op threads (0 = all cores).</source>
        <translation>Intra-op-Threads (0 = alle Kerne).</translation>
    </message>
    <message>
        <source>Project file to open (*.vigil).</source>
        <translation>Zu öffnende Projektdatei (*.vigil).</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>%1
Vigil will use the CPU.</source>
        <translation>%1
Vigil verwendet die CPU.</translation>
    </message>
    <message>
        <source>Preparing the demo project</source>
        <translation>Demoprojekt wird vorbereitet</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>With a project: open its scoring run &lt;id&gt; (0 = the newest).</source>
        <translation>Mit einem Projekt: dessen Bewertungslauf &lt;id&gt; öffnen (0 = der neueste).</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ClusterScatterView</name>
    <message>
        <source>Drag a rectangle to filter on a region; click a point to filter on its cluster</source>
        <translation>Ein Rechteck ziehen, um nach einem Bereich zu filtern; einen Punkt anklicken, um nach seinem Cluster zu filtern</translation>
    </message>
    <message>
        <source>no cluster</source>
        <translation>kein Cluster</translation>
    </message>
    <message>
        <source>cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
    <message>
        <source>severity %1</source>
        <translation>Schweregrad %1</translation>
    </message>
    <message>
        <source>other</source>
        <translation>sonstige</translation>
    </message>
    <message>
        <source>Clusters (2-D projection, %L1 sampled points)</source>
        <translation>Cluster (2-D-Projektion, %L1 Stichprobenpunkte)</translation>
    </message>
    <message>
        <source>No cluster map: this run&apos;s records have no 2-D projection (only the autoencoder and the VAE give one).</source>
        <translation>Keine Cluster-Karte: Die Einträge dieses Laufs haben keine 2-D-Projektion (nur der Autoencoder und der VAE liefern eine).</translation>
    </message>
    <message>
        <source>Clusters (%L1 points)</source>
        <translation>Cluster (%L1 Punkte)</translation>
    </message>
</context>
<context>
    <name>vigil::ui::EncodedRowModel</name>
    <message>
        <source>(none: unseen or missing)</source>
        <translation>(keine: unbekannt oder fehlend)</translation>
    </message>
    <message>
        <source>%1 features; the 1 marks %2</source>
        <translation>%1 Merkmale; die 1 markiert %2</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>Encoded</source>
        <translation>Kodiert</translation>
    </message>
</context>
<context>
    <name>vigil::ui::EvaluationView</name>
    <message>
        <source>ROC: detected attacks against false alarms</source>
        <translation>ROC: erkannte Angriffe gegen Fehlalarme</translation>
    </message>
    <message>
        <source>Precision against recall</source>
        <translation>Präzision gegen Trefferquote</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>Zufall</translation>
    </message>
    <message>
        <source>calibrated thresholds</source>
        <translation>kalibrierte Schwellen</translation>
    </message>
    <message>
        <source>run threshold</source>
        <translation>Schwelle des Laufs</translation>
    </message>
    <message>
        <source>false-positive rate (log scale)</source>
        <translation>Falsch-positiv-Rate (logarithmisch)</translation>
    </message>
    <message>
        <source>true-positive rate</source>
        <translation>Richtig-positiv-Rate</translation>
    </message>
    <message>
        <source>recall (true-positive rate)</source>
        <translation>Trefferquote (Richtig-positiv-Rate)</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>Attack family / class</source>
        <translation>Angriffsfamilie / Klasse</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>Erkannt</translation>
    </message>
    <message>
        <source>Rows flagged at the run&apos;s threshold; families first, then classes with the most missed rows first</source>
        <translation>An der Schwelle des Laufs markierte Zeilen; zuerst Familien, dann Klassen mit den meisten verpassten Zeilen zuerst</translation>
    </message>
    <message>
        <source>score &gt; %1: TPR %2 %, FPR %3 %</source>
        <translation>Bewertung &gt; %1: TPR %2 %, FPR %3 %</translation>
    </message>
    <message>
        <source>Evaluating run %1 against its data set&apos;s labels…</source>
        <translation>Lauf %1 wird gegen die Labels seines Datensatzes ausgewertet…</translation>
    </message>
    <message>
        <source>Evaluating run %1</source>
        <translation>Lauf %1 wird ausgewertet</translation>
    </message>
    <message>
        <source>Run %1 against its data set&apos;s labels: %L2 rows (%L3 attacks, %L4 normal)</source>
        <translation>Lauf %1 gegen die Labels seines Datensatzes: %L2 Zeilen (%L3 Angriffe, %L4 normal)</translation>
    </message>
    <message>
        <source>AUROC %1 · average precision %2</source>
        <translation>AUROC %1 · mittlere Präzision %2</translation>
    </message>
    <message>
        <source>At the run&apos;s threshold %1: %L2 of %L3 attacks flagged (TPR %4 %), %L5 false alarms (FPR %6 %), precision %7 %</source>
        <translation>An der Schwelle des Laufs %1: %L2 von %L3 Angriffen markiert (TPR %4 %), %L5 Fehlalarme (FPR %6 %), Präzision %7 %</translation>
    </message>
    <message>
        <source>Calibrated for %1 % FPR on held-out clean rows (threshold %2): TPR %3 %, realized FPR %4 %</source>
        <translation>Kalibriert auf %1 % FPR an zurückgehaltenen sauberen Zeilen (Schwelle %2): TPR %3 %, erreichte FPR %4 %</translation>
    </message>
    <message>
        <source>Read off the ROC (uses these labels): TPR %1 % at 1 % FPR, %2 % at 5 % FPR</source>
        <translation>An der ROC abgelesen (nutzt diese Labels): TPR %1 % bei 1 % FPR, %2 % bei 5 % FPR</translation>
    </message>
    <message>
        <source>family: %1</source>
        <translation>Familie: %1</translation>
    </message>
    <message>
        <source>%1 (normal traffic: flagged rows are false alarms)</source>
        <translation>%1 (normaler Verkehr: markierte Zeilen sind Fehlalarme)</translation>
    </message>
    <message>
        <source>Calibrated for %1 % FPR on the normal rows of the data set the model was loaded for (threshold %2): TPR %3 %, realized FPR %4 %</source>
        <translation>Kalibriert auf %1 % FPR an den normalen Zeilen des Datensatzes, für den das Modell geladen wurde (Schwelle %2): TPR %3 %, erreichte FPR %4 %</translation>
    </message>
    <message>
        <source>Calibrated for %1 % FPR on the records of held-out sessions (threshold %2): TPR %3 %, realized FPR %4 %</source>
        <translation>Kalibriert auf %1 % FPR an den Einträgen zurückgehaltener Sitzungen (Schwelle %2): TPR %3 %, erreichte FPR %4 %</translation>
    </message>
    <message>
        <source>Calibrated for %1 % FPR on held-out clean sessions, each counted once (threshold %2): TPR %3 %, realized FPR %4 % of the records</source>
        <translation>Kalibriert auf %1 % FPR an zurückgehaltenen sauberen Sitzungen, jede einmal gezählt (Schwelle %2): TPR %3 %, erreichte FPR %4 % der Einträge</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ExplorerView</name>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>Färben nach:</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <source>Min score</source>
        <translation>Min. Bewertung</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Max score</source>
        <translation>Max. Bewertung</translation>
    </message>
    <message>
        <source>Dominant values</source>
        <translation>Vorherrschende Werte</translation>
    </message>
    <message>
        <source>Double-click a cluster to filter the triage table on it</source>
        <translation>Doppelklick auf einen Cluster filtert die Triage-Tabelle danach</translation>
    </message>
    <message>
        <source>from benign labels</source>
        <translation>aus harmlosen Einstufungen</translation>
    </message>
    <message>
        <source>share of all records; label benign rows to refine</source>
        <translation>Anteil aller Einträge; harmlose Zeilen einstufen, um ihn zu verfeinern</translation>
    </message>
    <message>
        <source>Loading charts…</source>
        <translation>Diagramme werden geladen…</translation>
    </message>
    <message>
        <source>Explorer: aggregate scores</source>
        <translation>Explorer: Bewertungen zusammenfassen</translation>
    </message>
    <message>
        <source>%L1 scores · %L2 points in the scatter sample</source>
        <translation>%L1 Bewertungen · %L2 Punkte in der Streudiagramm-Stichprobe</translation>
    </message>
    <message>
        <source>Explorer: timeline at threshold %1</source>
        <translation>Explorer: Zeitverlauf bei Schwellenwert %1</translation>
    </message>
    <message>
        <source>Explorer: cluster summary</source>
        <translation>Explorer: Cluster-Übersicht</translation>
    </message>
    <message>
        <source>score histogram</source>
        <translation>Bewertungshistogramm</translation>
    </message>
    <message>
        <source>timeline</source>
        <translation>Zeitverlauf</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>cluster sample</source>
        <translation>Cluster-Stichprobe</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>Show the whole time span again (drag on the timeline to zoom in and filter)</source>
        <translation>Wieder den ganzen Zeitraum zeigen (auf der Zeitleiste ziehen, um zu zoomen und zu filtern)</translation>
    </message>
    <message>
        <source>Cluster map</source>
        <translation>Cluster-Karte</translation>
    </message>
    <message>
        <source>Cluster summary</source>
        <translation>Cluster-Übersicht</translation>
    </message>
    <message>
        <source>from the data set&apos;s %L1 normal rows</source>
        <translation>aus den %L1 normalen Zeilen des Datensatzes</translation>
    </message>
    <message>
        <source>No timeline: %1</source>
        <translation>Keine Zeitleiste: %1</translation>
    </message>
    <message>
        <source>, ≈%L1 a day</source>
        <translation>, ≈%L1 pro Tag</translation>
    </message>
    <message>
        <source>Threshold %1 · ≈%L2 records above (%3%%6) · expected FPR ≈ %4% (%5)</source>
        <translation>Schwellenwert %1 · ≈%L2 Einträge darüber (%3 %%6) · erwartete FPR ≈ %4 % (%5)</translation>
    </message>
    <message>
        <source>share of all sessions; label benign sessions to refine</source>
        <translation>Anteil aller Sitzungen; harmlose Sitzungen einstufen, um ihn zu verfeinern</translation>
    </message>
    <message>
        <source>from the data set&apos;s %L1 normal sessions</source>
        <translation>aus den %L1 normalen Sitzungen des Datensatzes</translation>
    </message>
    <message>
        <source>%L1 sessions · %L2 points in the scatter sample</source>
        <translation>%L1 Sitzungen · %L2 Punkte in der Streudiagramm-Stichprobe</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Flagged sessions</source>
        <translation>Gemeldete Sitzungen</translation>
    </message>
    <message>
        <source>Threshold %1 · %L2 sessions above (%3%%6) · expected FPR ≈ %4% (%5)</source>
        <translation>Schwellenwert %1 · %L2 Sitzungen darüber (%3 %%6) · erwartete FPR ≈ %4 % (%5)</translation>
    </message>
</context>
<context>
    <name>vigil::ui::FilterBar</name>
    <message>
        <source>Filter, e.g. score &gt; 80 and status = 404 and ip in 10.0.0.0/8</source>
        <translation>Filter, z. B. score &gt; 80 and status = 404 and ip in 10.0.0.0/8</translation>
    </message>
    <message>
        <source>Fields with = != &lt; &lt;= &gt; &gt;=, in (a, b) or in 10.0.0.0/8, contains &quot;text&quot;, between a and b; combine with and, or, not and parentheses. Press Enter to apply.</source>
        <translation>Felder mit = != &lt; &lt;= &gt; &gt;=, in (a, b) oder in 10.0.0.0/8, contains &quot;Text&quot;, between a and b; verknüpfen mit and, or, not und Klammern. Eingabetaste wendet den Filter an.</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Gespeicherte Filter</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save the current filter under a name</source>
        <translation>Den aktuellen Filter unter einem Namen speichern</translation>
    </message>
    <message>
        <source>✓ valid filter</source>
        <translation>✓ gültiger Filter</translation>
    </message>
    <message>
        <source>Saved filters…</source>
        <translation>Gespeicherte Filter…</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>Filter speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Detect from content</source>
        <translation>Aus dem Inhalt erkennen</translation>
    </message>
    <message>
        <source>The log_format line of the nginx configuration that wrote the log.</source>
        <translation>Die log_format-Zeile der nginx-Konfiguration, die das Log geschrieben hat.</translation>
    </message>
    <message>
        <source>the file name</source>
        <translation>der Dateiname</translation>
    </message>
    <message>
        <source>Preview (first %1 records of the first file)</source>
        <translation>Vorschau (erste %1 Einträge der ersten Datei)</translation>
    </message>
    <message>
        <source>Import logs or data sets</source>
        <translation>Logs oder Datensätze importieren</translation>
    </message>
    <message>
        <source>Logs and data sets (*.log *.txt *.csv *.json *.gz);;All files (*)</source>
        <translation>Logs und Datensätze (*.log *.txt *.csv *.json *.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add a log or data-set file (plain or gzip).</source>
        <translation>Eine Log- oder Datensatzdatei hinzufügen (unkomprimiert oder gzip).</translation>
    </message>
    <message>
        <source>Reading the first records…</source>
        <translation>Die ersten Einträge werden gelesen…</translation>
    </message>
    <message>
        <source>Preview %1</source>
        <translation>Vorschau %1</translation>
    </message>
    <message>
        <source>Cannot read this file: %1</source>
        <translation>Diese Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Format: %1 — %2 columns; %3 of the first %4 lines are bad.</source>
        <translation>Format: %1 — %2 Spalten; %3 der ersten %4 Zeilen sind fehlerhaft.</translation>
    </message>
    <message>
        <source>Most common: %1.</source>
        <translation>Am häufigsten: %1.</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>Dateien &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>nginx &amp;log_format:</source>
        <translation>nginx-&amp;log_format:</translation>
    </message>
    <message>
        <source>Dataset &amp;name:</source>
        <translation>&amp;Name des Datensatzes:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>File&amp;s:</source>
        <translation>&amp;Dateien:</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ImportPreviewModel</name>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ImportReportWidget</name>
    <message>
        <source>Bad lines by reason / example</source>
        <translation>Fehlerhafte Zeilen nach Grund / Beispiel</translation>
    </message>
    <message>
        <source>Count / line</source>
        <translation>Anzahl / Zeile</translation>
    </message>
    <message>
        <source>No import yet.</source>
        <translation>Noch kein Import.</translation>
    </message>
    <message>
        <source>%1 — already imported (same content); nothing stored again</source>
        <translation>%1 — bereits importiert (gleicher Inhalt); nichts erneut gespeichert</translation>
    </message>
    <message>
        <source>%1 — %2 lines, %3 rows, %4 bad</source>
        <translation>%1 — %2 Zeilen gelesen, %3 übernommen, %4 fehlerhaft</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::JobRunner</name>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>vigil::ui::JobsModel</name>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
</context>
<context>
    <name>vigil::ui::JobsPanel</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the selected job, or the newest running one (Esc)</source>
        <translation>Die gewählte Aufgabe abbrechen oder die neueste laufende (Esc)</translation>
    </message>
</context>
<context>
    <name>vigil::ui::MainWindow</name>
    <message>
        <source>Vigil projects (*.vigil);;All files (*)</source>
        <translation>Vigil-Projekte (*.vigil);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Device: %1 · %2 threads</source>
        <translation>Gerät: %1 · %2 Threads</translation>
    </message>
    <message>
        <source>LibTorch %1
BLAS: %2</source>
        <translation>LibTorch %1
BLAS: %2</translation>
    </message>
    <message>
        <source>Jobs running: %1</source>
        <translation>Laufende Aufgaben: %1</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Select a record, session or model to inspect it here.</source>
        <translation>Wählen Sie einen Eintrag, eine Sitzung oder ein Modell, um die Details hier zu sehen.</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <source>Create a new investigation file (*.vigil)</source>
        <translation>Eine neue Untersuchungsdatei anlegen (*.vigil)</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open an existing investigation file</source>
        <translation>Eine vorhandene Untersuchungsdatei öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Import Logs or Data Sets…</source>
        <translation>Logs oder Datensätze &amp;importieren…</translation>
    </message>
    <message>
        <source>Access logs, Zeek logs, flow CSVs (NSL-KDD, KDD&apos;99, UNSW-NB15, CIC-IDS), gzip-compressed too</source>
        <translation>Access-Logs, Zeek-Logs, Flow-CSVs (NSL-KDD, KDD&apos;99, UNSW-NB15, CIC-IDS), auch gzip-komprimiert</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>Projekt &amp;schließen</translation>
    </message>
    <message>
        <source>E&amp;xport Case Bundle…</source>
        <translation>Fallpaket e&amp;xportieren…</translation>
    </message>
    <message>
        <source>One file with the data, schema, models, thresholds, labels and report, for a colleague</source>
        <translation>Eine Datei mit Daten, Schema, Modellen, Schwellenwerten, Einstufungen und Bericht für Kolleginnen und Kollegen</translation>
    </message>
    <message>
        <source>I&amp;mport Case Bundle…</source>
        <translation>Fallpaket i&amp;mportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <source>&amp;Train Model…</source>
        <translation>Modell &amp;trainieren…</translation>
    </message>
    <message>
        <source>Train an anomaly model on the selected data set (live loss curves, Cancel keeps the best epoch)</source>
        <translation>Ein Anomaliemodell auf dem gewählten Datensatz trainieren (Verlustkurven live, Abbrechen behält die beste Epoche)</translation>
    </message>
    <message>
        <source>&amp;Score Data Set…</source>
        <translation>Datensatz &amp;bewerten…</translation>
    </message>
    <message>
        <source>Score a data set with a trained model (its schema is reused, never refitted)</source>
        <translation>Einen Datensatz mit einem trainierten Modell bewerten (sein Schema wird wiederverwendet, nie neu angepasst)</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Bericht</translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>Bericht &amp;exportieren…</translation>
    </message>
    <message>
        <source>HTML or PDF report of a scoring run, or CSV/JSON of the labelled items</source>
        <translation>HTML- oder PDF-Bericht eines Bewertungslaufs oder CSV/JSON der eingestuften Einträge</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Vigil</source>
        <translation>&amp;Über Vigil</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>Cannot replace %1.</source>
        <translation>%1 kann nicht ersetzt werden.</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>%1 wird angelegt</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>%1 wird geöffnet</translation>
    </message>
    <message>
        <source>Creating</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>%1 — Vigil</source>
        <translation>%1 — Vigil</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>Welcome to Vigil</source>
        <translation>Willkommen bei Vigil</translation>
    </message>
    <message>
        <source>Find what is abnormal in web logs, Zeek sensors and IDS data sets.</source>
        <translation>Finden Sie Auffälliges in Web-Logs, Zeek-Sensoren und IDS-Datensätzen.</translation>
    </message>
    <message>
        <source>File ▸ New Project (Ctrl+N) starts an investigation file.</source>
        <translation>Datei ▸ Neues Projekt (Strg+N) legt eine Untersuchungsdatei an.</translation>
    </message>
    <message>
        <source>File ▸ Open Project (Ctrl+O), or drop a .vigil file here, opens one.</source>
        <translation>Datei ▸ Projekt öffnen (Strg+O) oder eine hierher gezogene .vigil-Datei öffnet eine.</translation>
    </message>
    <message>
        <source>Long work runs in the Jobs panel; Esc cancels it.</source>
        <translation>Lange Arbeiten laufen im Aufgabenbereich; Esc bricht sie ab.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Vigil %1</source>
        <translation>Vigil %1</translation>
    </message>
    <message>
        <source>Project schema</source>
        <translation>Projektschema</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Scoring runs</source>
        <translation>Bewertungsläufe</translation>
    </message>
    <message>
        <source>Labelled items</source>
        <translation>Markierte Einträge</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Bad lines</source>
        <translation>Fehlerhafte Zeilen</translation>
    </message>
    <message>
        <source>About Vigil</source>
        <translation>Über Vigil</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Vigil %1&lt;/h3&gt;&lt;p&gt;Anomaly-detection workbench for security analysts.&lt;/p&gt;&lt;p&gt;LibTorch %2 on %3, %4 threads.&lt;br&gt;Qt %5.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Vigil %1&lt;/h3&gt;&lt;p&gt;Werkbank zur Anomalieerkennung für Sicherheitsanalysten.&lt;/p&gt;&lt;p&gt;LibTorch %2 auf %3, %4 Threads.&lt;br&gt;Qt %5.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>%1 wird exportiert</translation>
    </message>
    <message>
        <source>Collecting</source>
        <translation>Sammeln</translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation>Ausgeben</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Export Case Bundle</source>
        <translation>Fallpaket exportieren</translation>
    </message>
    <message>
        <source>Vigil case bundles (*.vigilcase)</source>
        <translation>Vigil-Fallpakete (*.vigilcase)</translation>
    </message>
    <message>
        <source>Exporting case %1</source>
        <translation>Fall %1 wird exportiert</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Momentaufnahme</translation>
    </message>
    <message>
        <source>Wrote case bundle %1</source>
        <translation>Fallpaket %1 geschrieben</translation>
    </message>
    <message>
        <source>Import Case Bundle</source>
        <translation>Fallpaket importieren</translation>
    </message>
    <message>
        <source>Vigil case bundles (*.vigilcase);;All files (*)</source>
        <translation>Vigil-Fallpakete (*.vigilcase);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save Imported Case As</source>
        <translation>Importierten Fall speichern unter</translation>
    </message>
    <message>
        <source>Vigil projects (*.vigil)</source>
        <translation>Vigil-Projekte (*.vigil)</translation>
    </message>
    <message>
        <source>Importing case %1</source>
        <translation>Fall %1 wird importiert</translation>
    </message>
    <message>
        <source>Quit Vigil</source>
        <translation>Vigil beenden</translation>
    </message>
    <message>
        <source>Jobs still running: %1. Cancel them and quit?</source>
        <translation>Noch laufende Aufgaben: %1. Abbrechen und beenden?</translation>
    </message>
    <message>
        <source>Drop log files to import them, or a .vigil project to open it.</source>
        <translation>Log-Dateien hier ablegen, um sie zu importieren, oder ein .vigil-Projekt, um es zu öffnen.</translation>
    </message>
    <message>
        <source>New Project for the Import</source>
        <translation>Neues Projekt für den Import</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>%1 wird importiert</translation>
    </message>
    <message>
        <source>Importing %1 files</source>
        <translation>%1 Dateien werden importiert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>lesen</translation>
    </message>
    <message>
        <source>%1 → dataset #%2: %3 rows (%4), %5 bad lines</source>
        <translation>%1 → Datensatz #%2: %3 Zeilen (%4), %5 fehlerhafte Zeilen</translation>
    </message>
    <message>
        <source> — already imported, not stored again</source>
        <translation> — bereits importiert, nicht erneut gespeichert</translation>
    </message>
    <message>
        <source>Import report

</source>
        <translation>Importbericht

</translation>
    </message>
    <message>
        <source>dataset %1</source>
        <translation>Datensatz %1</translation>
    </message>
    <message>
        <source>Schema saved</source>
        <translation>Schema gespeichert</translation>
    </message>
    <message>
        <source>Schema — %1</source>
        <translation>Schema — %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Training — %1</source>
        <translation>Training — %1</translation>
    </message>
    <message>
        <source>Training %1 on %2</source>
        <translation>%1 wird auf %2 trainiert</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Train Model</source>
        <translation>Modell trainieren</translation>
    </message>
    <message>
        <source>%1 in %2 s (best epoch %3). Threshold %4: %5 of %6 records flagged.</source>
        <translation>%1 in %2 s (beste Epoche %3). Schwellenwert %4: %5 von %6 Einträgen markiert.</translation>
    </message>
    <message>
        <source>Cancelled, best epoch kept,</source>
        <translation>Abgebrochen, beste Epoche behalten,</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>Trainiert</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>Score Data Set</source>
        <translation>Datensatz bewerten</translation>
    </message>
    <message>
        <source>Scoring %1 with %2</source>
        <translation>%1 wird mit %2 bewertet</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>The language is applied the next time Vigil starts.</source>
        <translation>Die Sprache wird beim nächsten Start von Vigil übernommen.</translation>
    </message>
    <message>
        <source>&amp;Re-rank from Labels</source>
        <translation>Nach &amp;Labels neu ordnen</translation>
    </message>
    <message>
        <source>Train the supervised classifier on your malicious/benign labels of this run and re-score every record, so what is left to triage comes first</source>
        <translation>Den überwachten Klassifikator mit Ihren Einstufungen (bösartig/harmlos) dieses Laufs trainieren und alle Einträge neu bewerten, damit das noch zu Prüfende zuerst kommt</translation>
    </message>
    <message>
        <source>Moving the threshold of run %1</source>
        <translation>Schwelle von Lauf %1 wird verschoben</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message numerus="yes">
        <source>Threshold %1 saved: %n record(s) flagged</source>
        <translation>
            <numerusform>Schwelle %1 gespeichert: %n Eintrag markiert</numerusform>
            <numerusform>Schwelle %1 gespeichert: %n Einträge markiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-ranking run %1 from labels</source>
        <translation>Lauf %1 wird nach Labels neu geordnet</translation>
    </message>
    <message>
        <source>Re-rank from Labels</source>
        <translation>Nach Labels neu ordnen</translation>
    </message>
    <message>
        <source>Run %1 re-ranked from labels of run %2

Trained on %3 malicious and %4 benign labelled records, plus %5 unlabelled records below the old threshold as benign examples.
%6 records have P(malicious) ≥ 0.5, %7 of them not labelled yet: filter with  label = none  and sort by score to triage them first.</source>
        <translation>Lauf %1 nach den Labels von Lauf %2 neu geordnet

Trainiert mit %3 als bösartig und %4 als harmlos eingestuften Einträgen sowie %5 nicht eingestuften Einträgen unter der alten Schwelle als harmlose Beispiele.
%6 Einträge haben P(bösartig) ≥ 0,5, davon %7 noch nicht eingestuft: mit  label = none  filtern und nach Bewertung sortieren, um sie zuerst zu prüfen.</translation>
    </message>
    <message>
        <source>This project has no scoring run yet: score a data set with Model ▸ Score Data Set…</source>
        <translation>Dieses Projekt hat noch keinen Bewertungslauf: bewerten Sie einen Datensatz mit Modell ▸ Datensatz bewerten…</translation>
    </message>
    <message>
        <source>This project has no scoring run %1.</source>
        <translation>Dieses Projekt hat keinen Bewertungslauf %1.</translation>
    </message>
    <message>
        <source>&amp;Evaluate Run Against Labels</source>
        <translation>Lauf gegen Labels &amp;auswerten</translation>
    </message>
    <message>
        <source>ROC and precision/recall curves, AUROC, detection per attack class of the current run, against the label column of its data set</source>
        <translation>ROC- und Präzision/Trefferquote-Kurven, AUROC, Erkennung je Angriffsklasse des aktuellen Laufs, gegen die Label-Spalte seines Datensatzes</translation>
    </message>
    <message>
        <source>Evaluation of run %1</source>
        <translation>Auswertung von Lauf %1</translation>
    </message>
    <message>
        <source>TorchScript model loaded and calibrated. Threshold %1: %2 of %3 records flagged.</source>
        <translation>TorchScript-Modell geladen und kalibriert. Schwellenwert %1: %2 von %3 Einträgen markiert.</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (nicht gefunden)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>Modell %1</translation>
    </message>
    <message>
        <source>data set %1</source>
        <translation>Datensatz %1</translation>
    </message>
    <message>
        <source>Click a data set for its feature schema, a run for its explorer and triage.</source>
        <translation>Einen Datensatz anklicken für sein Merkmalsschema, einen Lauf für Explorer und Sichtung.</translation>
    </message>
    <message>
        <source>Caution: the threshold rests on %L1 calibration sessions, of which %2 are expected above it at a %3 % target: too few to set it closely, so other data may be flagged at quite another rate (%L4 or more sessions would put %L5 above it).</source>
        <translation>Vorsicht: Die Schwelle beruht auf %L1 Kalibrierungssitzungen, von denen bei einem Ziel von %3 % nur %2 darüber erwartet werden: zu wenige, um sie genau festzulegen; andere Daten können mit ganz anderer Rate markiert werden (ab %L4 Sitzungen lägen %L5 darüber).</translation>
    </message>
    <message>
        <source>Caution: the threshold rests on %L1 calibration rows, of which %2 are expected above it at a %3 % target: too few to set it closely, so other data may be flagged at quite another rate (%L4 or more rows would put %L5 above it).</source>
        <translation>Vorsicht: Die Schwelle beruht auf %L1 Kalibrierungszeilen, von denen bei einem Ziel von %3 % nur %2 darüber erwartet werden: zu wenige, um sie genau festzulegen; andere Daten können mit ganz anderer Rate markiert werden (ab %L4 Zeilen lägen %L5 darüber).</translation>
    </message>
    <message>
        <source>Batches of %1 rows instead of %2: the training data is small, and %2-row batches would have made too few optimizer steps to learn it.</source>
        <translation>Stapel von %1 statt %2 Zeilen: Die Trainingsdaten sind klein, und Stapel von %2 Zeilen hätten zu wenige Optimierungsschritte ergeben, um sie zu lernen.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ProjectTreeModel</name>
    <message>
        <source>Datasets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Scoring runs</source>
        <translation>Bewertungsläufe</translation>
    </message>
    <message>
        <source>%1
Format: %2
%3 rows, %4 bad lines</source>
        <translation>%1
Format: %2
%3 Zeilen, %4 fehlerhafte Zeilen</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>vigil::ui::RecordInspector</name>
    <message>
        <source>Select a record to inspect it.</source>
        <translation>Wählen Sie einen Eintrag, um ihn zu untersuchen.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Loading record %1…</source>
        <translation>Eintrag %1 wird geladen…</translation>
    </message>
    <message>
        <source>Record %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <source>Record %1 · %2 = %3</source>
        <translation>Eintrag %1 · %2 = %3</translation>
    </message>
    <message>
        <source>No entity column: no session to show.</source>
        <translation>Keine Entitätsspalte: keine Sitzung anzuzeigen.</translation>
    </message>
    <message>
        <source>, %1 – %2</source>
        <translation>, %1 – %2</translation>
    </message>
    <message>
        <source>Top contributing feature</source>
        <translation>Stärkstes Merkmal</translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Share of the record&apos;s anomaly score</source>
        <translation>Anteil am Anomaliewert des Eintrags</translation>
    </message>
    <message>
        <source>The features whose reconstruction loss makes up most of the record&apos;s score</source>
        <translation>Die Merkmale, deren Rekonstruktionsfehler den größten Teil des Werts ausmacht</translation>
    </message>
    <message>
        <source>Session events: %L1%2 (showing %L3; %5 events in all: %L4)</source>
        <translation>Ereignisse der Sitzung: %L1%2 (%L3 angezeigt; Ereignisse dieser %5 insgesamt: %L4)</translation>
    </message>
    <message>
        <source>Top feature</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>A session: events of one %1 with no pause over %L2 minutes, as the triage&apos;s Sessions view groups them</source>
        <translation>Eine Sitzung: Ereignisse eines %1 ohne Pause über %L2 Minuten, wie die Sitzungsansicht der Sichtung sie gruppiert</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ReportDialog</name>
    <message>
        <source>&amp;Open the file when it is written</source>
        <translation>Datei nach dem Schreiben &amp;öffnen</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Run %1 — %2 on %3</source>
        <translation>Lauf %1 — %2 auf %3</translation>
    </message>
    <message>
        <source>HTML report (one self-contained file)</source>
        <translation>HTML-Bericht (eine eigenständige Datei)</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>PDF-Bericht</translation>
    </message>
    <message>
        <source>CSV of labelled items</source>
        <translation>CSV der eingestuften Einträge</translation>
    </message>
    <message>
        <source>JSON of labelled items</source>
        <translation>JSON der eingestuften Einträge</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Run:</source>
        <translation>&amp;Lauf:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>&amp;Speichern unter:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
    <message>
        <source>Choose a run and a file to write.</source>
        <translation>Wählen Sie einen Lauf und eine Zieldatei.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::SchemaColumnsModel</name>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>%1 categories kept%2</source>
        <translation>%1 Kategorien behalten%2</translation>
    </message>
    <message>
        <source> + OTHER</source>
        <translation> + SONSTIGE</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Kodierung</translation>
    </message>
    <message>
        <source>Transform</source>
        <translation>Transformation</translation>
    </message>
    <message>
        <source>Top-K</source>
        <translation>Top-K</translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation>Verschieden</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlend</translation>
    </message>
    <message>
        <source>Top values</source>
        <translation>Häufigste Werte</translation>
    </message>
    <message>
        <source>%1 countries kept%2; </source>
        <translation>%1 Länder behalten%2; </translation>
    </message>
</context>
<context>
    <name>vigil::ui::SchemaPreviewWidget</name>
    <message>
        <source>Save schema</source>
        <translation>Schema speichern</translation>
    </message>
    <message>
        <source>record </source>
        <translation>Eintrag </translation>
    </message>
    <message>
        <source>Non-zero features of the chosen record</source>
        <translation>Von null verschiedene Merkmale des gewählten Eintrags</translation>
    </message>
    <message>
        <source>Encoded vector of</source>
        <translation>Kodierter Vektor von</translation>
    </message>
    <message>
        <source>Inferring the schema…</source>
        <translation>Schema wird abgeleitet…</translation>
    </message>
    <message>
        <source>Infer schema</source>
        <translation>Schema ableiten</translation>
    </message>
    <message>
        <source>Loading dataset %1…</source>
        <translation>Datensatz %1 wird geladen…</translation>
    </message>
    <message>
        <source>Load dataset %1 for the schema</source>
        <translation>Datensatz %1 für das Schema laden</translation>
    </message>
    <message>
        <source>&lt;b&gt;Total width %1&lt;/b&gt; — %2 one-hot + %3 numeric features from %4 of %5 columns%6</source>
        <translation>&lt;b&gt;Gesamtbreite %1&lt;/b&gt; — %2 One-Hot- + %3 numerische Merkmale aus %4 von %5 Spalten%6</translation>
    </message>
    <message>
        <source>, profile %1</source>
        <translation>, Profil %1</translation>
    </message>
    <message>
        <source>Re-fitting the schema…</source>
        <translation>Schema wird neu angepasst…</translation>
    </message>
    <message>
        <source>Re-fit schema</source>
        <translation>Schema neu anpassen</translation>
    </message>
    <message>
        <source>Encode record %1</source>
        <translation>Eintrag %1 kodieren</translation>
    </message>
    <message>
        <source>Record %1 (id %2): %3 non-zero features</source>
        <translation>Eintrag %1 (ID %2): %3 von null verschiedene Merkmale</translation>
    </message>
    <message>
        <source>Save schema of dataset %1</source>
        <translation>Schema von Datensatz %1 speichern</translation>
    </message>
    <message>
        <source>Schema saved (#%1).</source>
        <translation>Schema gespeichert (#%1).</translation>
    </message>
    <message>
        <source>&lt;br&gt;Fitted on a uniform sample of %L1 of the %L2 records, as training does; counts are the sample&apos;s.</source>
        <translation>&lt;br&gt;Angepasst an eine gleichverteilte Stichprobe von %L1 der %L2 Einträge, wie beim Training; die Zählungen sind die der Stichprobe.</translation>
    </message>
    <message>
        <source>sample record </source>
        <translation>Stichprobeneintrag </translation>
    </message>
</context>
<context>
    <name>vigil::ui::ScoreDialog</name>
    <message>
        <source>Score Data Set</source>
        <translation>Datensatz bewerten</translation>
    </message>
    <message>
        <source>trained on #%1 %2</source>
        <translation>trainiert mit #%1 %2</translation>
    </message>
    <message>
        <source>its data set was removed</source>
        <translation>sein Datensatz wurde entfernt</translation>
    </message>
    <message>
        <source>#%1 %2 (%3, %4)</source>
        <translation>#%1 %2 (%3, %4)</translation>
    </message>
    <message>
        <source>#%1 %2 (%3 rows, %4)</source>
        <translation>#%1 %2 (%3 Zeilen, %4)</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>&amp;Data set to score:</source>
        <translation>Zu bewertender &amp;Datensatz:</translation>
    </message>
    <message>
        <source>&amp;Score</source>
        <translation>&amp;Bewerten</translation>
    </message>
    <message>
        <source>This project has no model yet: train one with Model ▸ Train Model.</source>
        <translation>Dieses Projekt hat noch kein Modell: trainieren Sie eines mit Modell ▸ Modell trainieren.</translation>
    </message>
    <message>
        <source>This project has no data set to score.</source>
        <translation>Dieses Projekt hat keinen Datensatz zum Bewerten.</translation>
    </message>
    <message>
        <source>A new run: every record of #%1 scored with the model&apos;s own schema and threshold; the explorer opens on it.</source>
        <translation>Ein neuer Lauf: jeder Datensatz von #%1 wird mit dem Schema und dem Schwellenwert des Modells bewertet; der Explorer öffnet ihn.</translation>
    </message>
    <message>
        <source>The model was trained on a &apos;%1&apos; data set and this one is &apos;%2&apos;: scoring fails if it lacks a column the model encodes.</source>
        <translation>Das Modell wurde mit einem &apos;%1&apos;-Datensatz trainiert, dieser ist &apos;%2&apos;: die Bewertung schlägt fehl, wenn ihm eine Spalte fehlt, die das Modell kodiert.</translation>
    </message>
    <message>
        <source>Suggest k (best silhouette)</source>
        <translation>k vorschlagen (beste Silhouette)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>k-means clusters of the model&apos;s latent codes, shown in the cluster map and summary. Suggest tries k = 2…8 on a sample of 2,000 points and keeps the best silhouette.</source>
        <translation>k-Means-Cluster der latenten Codes des Modells, gezeigt in Clusterkarte und -übersicht. Vorschlagen probiert k = 2…8 an einer Stichprobe von 2.000 Punkten und behält die beste Silhouette.</translation>
    </message>
    <message>
        <source>C&amp;lusters:</source>
        <translation>C&amp;luster:</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ScoreHistogramView</name>
    <message>
        <source>Score distribution</source>
        <translation>Verteilung der Bewertungen</translation>
    </message>
    <message>
        <source>records</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>Schwellenwert</translation>
    </message>
    <message>
        <source>score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Drag the red line to move the threshold</source>
        <translation>Die rote Linie ziehen, um den Schwellenwert zu verschieben</translation>
    </message>
    <message>
        <source>score (last bar also counts scores up to %1)</source>
        <translation>Bewertung (der letzte Balken zählt auch Werte bis %1)</translation>
    </message>
    <message>
        <source>records (log)</source>
        <translation>Einträge (log.)</translation>
    </message>
    <message>
        <source>sessions (log)</source>
        <translation>Sitzungen (log.)</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>score (last bar: to %1)</source>
        <translation>Bewertung (letzter Balken: bis %1)</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TimelineView</name>
    <message>
        <source>Events and anomalies over time (UTC)</source>
        <translation>Ereignisse und Anomalien im Zeitverlauf (UTC)</translation>
    </message>
    <message>
        <source>events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <source>events / bin</source>
        <translation>Ereignisse / Intervall</translation>
    </message>
    <message>
        <source>anomalies / bin</source>
        <translation>Anomalien / Intervall</translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan · Shift+drag: select a time range</source>
        <translation>Mausrad: Zoom · Ziehen: Verschieben · Umschalt+Ziehen: Zeitraum auswählen</translation>
    </message>
    <message>
        <source>No timeline: %1</source>
        <translation>Keine Zeitleiste: %1</translation>
    </message>
    <message>
        <source>flagged sessions / bin</source>
        <translation>gemeldete Sitzungen / Intervall</translation>
    </message>
    <message>
        <source>flagged sessions</source>
        <translation>gemeldete Sitzungen</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TopValuesDelegate</name>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TrainDialog</name>
    <message>
        <source>Train on rows labelled normal only</source>
        <translation>Nur auf als normal eingestuften Zeilen trainieren</translation>
    </message>
    <message>
        <source>Train Model — %1</source>
        <translation>Modell trainieren — %1</translation>
    </message>
    <message>
        <source>Autoencoder (unsupervised, default)</source>
        <translation>Autoencoder (unüberwacht, Standard)</translation>
    </message>
    <message>
        <source>Categorical VAE, Gumbel-softmax (unsupervised)</source>
        <translation>Kategorialer VAE, Gumbel-Softmax (unüberwacht)</translation>
    </message>
    <message>
        <source>Supervised classifier (uses the data set&apos;s labels)</source>
        <translation>Überwachter Klassifikator (nutzt die Labels des Datensatzes)</translation>
    </message>
    <message>
        <source>Share of the training rows held out for early stopping and threshold calibration.</source>
        <translation>Anteil der Trainingszeilen, der für frühes Stoppen und die Kalibrierung des Schwellenwerts zurückgehalten wird.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Stop when the validation loss has not improved for this many epochs.</source>
        <translation>Anhalten, wenn sich der Validierungsverlust so viele Epochen lang nicht verbessert hat.</translation>
    </message>
    <message>
        <source>The alert threshold is set so that this share of clean held-out rows would be flagged.</source>
        <translation>Der Alarmschwellenwert wird so gesetzt, dass dieser Anteil sauberer zurückgehaltener Zeilen markiert würde.</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation>&amp;Epochen:</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>&amp;Batchgröße:</translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation>&amp;Lernrate:</translation>
    </message>
    <message>
        <source>&amp;Validation share:</source>
        <translation>&amp;Validierungsanteil:</translation>
    </message>
    <message>
        <source>Early-stopping &amp;patience:</source>
        <translation>&amp;Geduld für frühes Stoppen:</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>&amp;Startwert:</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <source>External TorchScript model (.pt file, not trained here)</source>
        <translation>Externes TorchScript-Modell (.pt-Datei, hier nicht trainiert)</translation>
    </message>
    <message>
        <source>TorchScript module saved with torch.jit.save</source>
        <translation>Mit torch.jit.save gespeichertes TorchScript-Modul</translation>
    </message>
    <message>
        <source>A module mapping an [N, width] batch of this data set&apos;s encoded rows to a score per row or to a reconstruction; its threshold is calibrated on the data set&apos;s normal rows (all rows without labels).</source>
        <translation>Ein Modul, das einen [N, Breite]-Stapel kodierter Zeilen dieses Datensatzes auf eine Bewertung je Zeile oder eine Rekonstruktion abbildet; sein Schwellenwert wird an den normalen Zeilen des Datensatzes kalibriert (ohne Labels an allen Zeilen).</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>TorchScript Model</source>
        <translation>TorchScript-Modell</translation>
    </message>
    <message>
        <source>TorchScript modules (*.pt *.pth *.ts);;All files (*)</source>
        <translation>TorchScript-Module (*.pt *.pth *.ts);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Module &amp;file:</source>
        <translation>Modulda&amp;tei:</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Laden</translation>
    </message>
    <message>
        <source>Choose the TorchScript module file to load.</source>
        <translation>Wählen Sie die zu ladende TorchScript-Moduldatei.</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Die Datei %1 gibt es nicht.</translation>
    </message>
    <message>
        <source>The alert threshold is set so that this share of the data set&apos;s normal rows (all rows without labels) would be flagged.</source>
        <translation>Der Alarmschwellenwert wird so gesetzt, dass dieser Anteil der normalen Zeilen des Datensatzes (ohne Labels aller Zeilen) markiert würde.</translation>
    </message>
    <message>
        <source>Bi&amp;directional (predict each event from both sides)</source>
        <translation>Bi&amp;direktional (jedes Ereignis von beiden Seiten vorhersagen)</translation>
    </message>
    <message>
        <source>Sequence model over sessions, GRU or LSTM (events of one entity in time order)</source>
        <translation>Sequenzmodell über Sitzungen, GRU oder LSTM (Ereignisse einer Entität in zeitlicher Folge)</translation>
    </message>
    <message>
        <source>the schema&apos;s entity key, else remote_addr, id.orig_h or src_ip</source>
        <translation>der Entitätsschlüssel des Schemas, sonst remote_addr, id.orig_h oder src_ip</translation>
    </message>
    <message>
        <source>The column whose values own the sessions, e.g. the client address.</source>
        <translation>Die Spalte, zu deren Werten die Sitzungen gehören, z. B. die Client-Adresse.</translation>
    </message>
    <message>
        <source>automatic: method, file type, status (access logs); proto, service, state (Zeek)</source>
        <translation>automatisch: Methode, Dateityp, Status (Zugriffslogs); Protokoll, Dienst, Zustand (Zeek)</translation>
    </message>
    <message>
        <source>Comma-separated columns whose values, joined, make an event, e.g. method,path_ext,status. Empty: up to three categorical columns of the schema.</source>
        <translation>Durch Kommas getrennte Spalten, deren Werte zusammen ein Ereignis bilden, z. B. method,path_ext,status. Leer: bis zu drei kategoriale Spalten des Schemas.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>A longer pause between an entity&apos;s events starts a new session.</source>
        <translation>Eine längere Pause zwischen den Ereignissen einer Entität beginnt eine neue Sitzung.</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>Session e&amp;ntity:</source>
        <translation>Sitzungs-E&amp;ntität:</translation>
    </message>
    <message>
        <source>Event t&amp;okens:</source>
        <translation>Ereignis-T&amp;okens:</translation>
    </message>
    <message>
        <source>Session &amp;gap:</source>
        <translation>Sitzungslüc&amp;ke:</translation>
    </message>
    <message>
        <source>Recurrent &amp;cell:</source>
        <translation>Rekurrente &amp;Zelle:</translation>
    </message>
    <message>
        <source>Applies where the data set has a label column; a log without labels trains on every row.</source>
        <translation>Gilt, wo der Datensatz eine Label-Spalte hat; ein Log ohne Labels trainiert auf allen Zeilen.</translation>
    </message>
    <message>
        <source>False-positive rate</source>
        <translation>Falsch-Positiv-Rate</translation>
    </message>
    <message>
        <source>Alerts per day</source>
        <translation>Alarme pro Tag</translation>
    </message>
    <message>
        <source>Set the threshold by the share of clean rows it may flag, or by how many alerts a day you can triage (needs a timestamp column: the data set&apos;s records a day turn the budget into a share).</source>
        <translation>Den Schwellenwert über den Anteil sauberer Zeilen festlegen, die er markieren darf, oder darüber, wie viele Alarme pro Tag Sie sichten können (braucht eine Zeitstempelspalte: die Einträge pro Tag des Datensatzes machen aus dem Budget einen Anteil).</translation>
    </message>
    <message>
        <source> a day</source>
        <translation> pro Tag</translation>
    </message>
    <message>
        <source>The threshold flags this many records a day at the data set&apos;s rate of records.</source>
        <translation>Der Schwellenwert markiert so viele Einträge pro Tag, gemessen an der Einträgerate des Datensatzes.</translation>
    </message>
    <message>
        <source>Alert t&amp;hreshold by:</source>
        <translation>Alarm-Sc&amp;hwellenwert nach:</translation>
    </message>
    <message>
        <source>Autoencoder: train this many networks side by side and score with their mean. On a 1M-line web log three networks flagged 43-45 % of the attacks instead of 37 % at the same false-positive rate, and varied less with the seed; training and scoring take that many times longer.</source>
        <translation>Autoencoder: so viele Netze nebeneinander trainieren und mit ihrem Mittelwert bewerten. Auf einem Weblog mit 1 Mio. Zeilen markierten drei Netze 43-45 % der Angriffe statt 37 % bei gleicher Falsch-Positiv-Rate und schwankten weniger mit dem Startwert; Training und Bewertung dauern entsprechend länger.</translation>
    </message>
    <message>
        <source>Net&amp;works in the ensemble:</source>
        <translation>&amp;Anzahl Netze (Ensemble):</translation>
    </message>
    <message>
        <source>Session autoencoder (each session&apos;s events, rate, distinct paths, errors, bytes)</source>
        <translation>Sitzungs-Autoencoder (Ereignisse, Rate, verschiedene Pfade, Fehler, Bytes jeder Sitzung)</translation>
    </message>
    <message>
        <source>Unsupervised models learn what normal looks like and need no labels. The sequence model learns which event follows which within a session (one entity&apos;s events with no longer pause than the session gap); a session&apos;s score is its mean per-event loss. The session autoencoder learns what a session does in all (how many events, how fast, how many distinct paths, how many errors): bursts such as password guessing or scanning stand out; its threshold flags a share of sessions, and every record of a session carries the session&apos;s score.</source>
        <translation>Unüberwachte Modelle lernen, wie Normalverhalten aussieht, und brauchen keine Labels. Das Sequenzmodell lernt, welches Ereignis innerhalb einer Sitzung auf welches folgt (die Ereignisse einer Entität ohne längere Pause als die Sitzungslücke); die Bewertung einer Sitzung ist ihr mittlerer Verlust je Ereignis. Der Sitzungs-Autoencoder lernt, was eine Sitzung insgesamt tut (wie viele Ereignisse, wie schnell, wie viele verschiedene Pfade, wie viele Fehler): Schübe wie Passwortraten oder Scans fallen auf; seine Schwelle markiert einen Anteil der Sitzungen, und jeder Eintrag einer Sitzung trägt deren Bewertung.</translation>
    </message>
    <message>
        <source>The alert threshold is set so that this share of clean held-out sessions would be flagged.</source>
        <translation>Die Alarmschwelle wird so gesetzt, dass dieser Anteil sauberer zurückgehaltener Sitzungen markiert würde.</translation>
    </message>
    <message>
        <source>The threshold flags this many sessions a day at the data set&apos;s rate of sessions.</source>
        <translation>Die Schwelle markiert so viele Sitzungen pro Tag bei der Sitzungsrate des Datensatzes.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TrainingView</name>
    <message>
        <source>&amp;Cancel Training</source>
        <translation>Training &amp;abbrechen</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Preparing data…</source>
        <translation>Daten werden vorbereitet…</translation>
    </message>
    <message>
        <source>epoch %v of %m</source>
        <translation>Epoche %v von %m</translation>
    </message>
    <message>
        <source>Epoch %1 of %2 · training loss %3 · validation loss %4 (best %5) · %6 rows/s · about %7 s left</source>
        <translation>Epoche %1 von %2 · Trainingsverlust %3 · Validierungsverlust %4 (bester %5) · %6 Zeilen/s · noch etwa %7 s</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TriageTableModel</name>
    <message>
        <source>Suppressed by a &quot;never flag this value&quot; rule</source>
        <translation>Unterdrückt durch eine Regel „diesen Wert nie markieren“</translation>
    </message>
    <message>
        <source>Tags: %1
Note: %2</source>
        <translation>Tags: %1
Notiz: %2</translation>
    </message>
    <message>
        <source>suppressed</source>
        <translation>unterdrückt</translation>
    </message>
    <message>
        <source>Filter field: %1</source>
        <translation>Filterfeld: %1</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Max score</source>
        <translation>Max. Bewertung</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n Entität</numerusform>
            <numerusform>%n Entitäten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Edit tags/note of %n item(s)</source>
        <translation>
            <numerusform>Tags/Notiz von %n Eintrag bearbeiten</numerusform>
            <numerusform>Tags/Notiz von %n Einträgen bearbeiten</numerusform>
        </translation>
    </message>
    <message>
        <source>Session (%1 · start)</source>
        <translation>Sitzung (%1 · Beginn)</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Events per minute between first and last seen (a shorter span counts as one minute): bursts such as password guessing or directory scans sort to the top</source>
        <translation>Ereignisse pro Minute zwischen erstem und letztem Auftreten (eine kürzere Spanne zählt als eine Minute): Schübe wie Passwortraten oder Verzeichnis-Scans stehen oben</translation>
    </message>
    <message>
        <source>Events/min</source>
        <translation>Ereignisse/min</translation>
    </message>
    <message>
        <source>The most failures in one minute: HTTP 4xx/5xx answers (client_errors_1m) or failed connection attempts (orig_failed_1m), as counted at import; empty for data without them</source>
        <translation>Die meisten Fehlschläge in einer Minute: HTTP-Antworten 4xx/5xx (client_errors_1m) oder fehlgeschlagene Verbindungsversuche (orig_failed_1m), beim Import gezählt; leer für Daten ohne sie</translation>
    </message>
    <message>
        <source>Peak failures/min</source>
        <translation>Spitze Fehler/min</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TriageView</name>
    <message>
        <source>Hide suppressed</source>
        <translation>Unterdrückte ausblenden</translation>
    </message>
    <message>
        <source>Undo label</source>
        <translation>Einstufung rückgängig</translation>
    </message>
    <message>
        <source>Redo label</source>
        <translation>Einstufung wiederholen</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entitäten</translation>
    </message>
    <message>
        <source>Entity column: groups the Entities view; entity labels apply to its records</source>
        <translation>Entitätsspalte: gruppiert die Entitätenansicht; Einstufungen einer Entität gelten für ihre Einträge</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Hide rows matched by &quot;never flag this value&quot; rules</source>
        <translation>Zeilen ausblenden, die von Regeln „diesen Wert nie markieren“ erfasst werden</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>Ansicht:</translation>
    </message>
    <message>
        <source>Entity:</source>
        <translation>Entität:</translation>
    </message>
    <message>
        <source>Malicious (1)</source>
        <translation>Bösartig (1)</translation>
    </message>
    <message>
        <source>Label the selection malicious</source>
        <translation>Auswahl als bösartig einstufen</translation>
    </message>
    <message>
        <source>Benign (2)</source>
        <translation>Harmlos (2)</translation>
    </message>
    <message>
        <source>Label the selection benign</source>
        <translation>Auswahl als harmlos einstufen</translation>
    </message>
    <message>
        <source>Review (3)</source>
        <translation>Prüfen (3)</translation>
    </message>
    <message>
        <source>Mark the selection for review</source>
        <translation>Auswahl zur Prüfung vormerken</translation>
    </message>
    <message>
        <source>Clear (0)</source>
        <translation>Löschen (0)</translation>
    </message>
    <message>
        <source>Remove the verdict of the selection</source>
        <translation>Einstufung der Auswahl entfernen</translation>
    </message>
    <message>
        <source>Label cluster…</source>
        <translation>Cluster einstufen…</translation>
    </message>
    <message>
        <source>Label every record of the current row&apos;s cluster malicious</source>
        <translation>Alle Einträge des Clusters der aktuellen Zeile als bösartig einstufen</translation>
    </message>
    <message>
        <source>Never flag this value</source>
        <translation>Diesen Wert nie markieren</translation>
    </message>
    <message>
        <source>Suppress rows whose value in the current column equals the current cell&apos;s</source>
        <translation>Zeilen unterdrücken, deren Wert in der aktuellen Spalte dem der aktuellen Zelle entspricht</translation>
    </message>
    <message>
        <source>tags, comma-separated</source>
        <translation>Tags, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Set tags/note</source>
        <translation>Tags/Notiz setzen</translation>
    </message>
    <message>
        <source>Store the tags and note on the selection</source>
        <translation>Tags und Notiz an der Auswahl speichern</translation>
    </message>
    <message>
        <source>%L1 %2 · %3 ms</source>
        <translation>%L1 %2 · %3 ms</translation>
    </message>
    <message>
        <source>entities</source>
        <translation>Entitäten</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>%1 rückgängig machen</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>%1 wiederholen</translation>
    </message>
    <message>
        <source>No further anomaly in this direction.</source>
        <translation>Keine weitere Anomalie in dieser Richtung.</translation>
    </message>
    <message numerus="yes">
        <source>%n suppression rule(s) active.</source>
        <translation>
            <numerusform>%n Unterdrückungsregel aktiv.</numerusform>
            <numerusform>%n Unterdrückungsregeln aktiv.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select rows to label.</source>
        <translation>Wählen Sie Zeilen zum Einstufen.</translation>
    </message>
    <message>
        <source>The current row has no cluster.</source>
        <translation>Die aktuelle Zeile hat keinen Cluster.</translation>
    </message>
    <message>
        <source>Pick a data cell (e.g. a user agent or path) to suppress its value.</source>
        <translation>Wählen Sie eine Datenzelle (z. B. einen User-Agent oder Pfad), um ihren Wert zu unterdrücken.</translation>
    </message>
    <message>
        <source>from the triage table</source>
        <translation>aus der Triage-Tabelle</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Show single records, one row per entity (e.g. client address), or one row per session (an entity&apos;s events with no pause over 30 minutes); labelling a session labels its records</source>
        <translation>Einzelne Einträge, eine Zeile je Entität (z. B. Client-Adresse) oder eine Zeile je Sitzung (Ereignisse einer Entität ohne Pause über 30 Minuten) anzeigen; eine Sitzung einzustufen stuft ihre Einträge ein</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>Sitzungen</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TriageWorker</name>
    <message>
        <source>Cluster %1 has no records.</source>
        <translation>Cluster %1 hat keine Einträge.</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Rückgängig gemacht: %1</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>Wiederholt: %1</translation>
    </message>
    <message>
        <source>Label %1 malicious</source>
        <translation>%1 als bösartig einstufen</translation>
    </message>
    <message>
        <source>Label %1 benign</source>
        <translation>%1 als harmlos einstufen</translation>
    </message>
    <message>
        <source>Mark %1 for review</source>
        <translation>%1 zur Prüfung vormerken</translation>
    </message>
    <message>
        <source>Clear the verdict of %1</source>
        <translation>Einstufung von %1 entfernen</translation>
    </message>
    <message numerus="yes">
        <source>cluster %1 (%n record(s))</source>
        <translation>
            <numerusform>Cluster %1 (%n Eintrag)</numerusform>
            <numerusform>Cluster %1 (%n Einträge)</numerusform>
        </translation>
    </message>
</context>
</TS>
