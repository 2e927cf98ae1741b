#!/usr/bin/env python3
"""Fills translations/vigil_{de,es}.ts from the glossary below (after `update_translations`).

Strings not in the glossary stay unfinished and show in English. Run from the repository root:
    cmake --build --preset dev --target update_translations && python3 translations/translate.py
"""
import xml.etree.ElementTree as ET

GLOSSARY = {
    # source: (German, Spanish)
    "&File": ("&Datei", "&Archivo"),
    "&Model": ("&Modell", "&Modelo"),
    "&Report": ("&Bericht", "&Informe"),
    "&View": ("&Ansicht", "&Ver"),
    "&Help": ("&Hilfe", "A&yuda"),
    "&New Project…": ("&Neues Projekt…", "&Nuevo proyecto…"),
    "&Open Project…": ("Projekt ö&ffnen…", "&Abrir proyecto…"),
    "Open &Recent": ("&Zuletzt geöffnet", "Abrir &reciente"),
    "&Import Logs or Data Sets…": ("Logs oder Datensätze &importieren…", "&Importar registros o conjuntos de datos…"),
    "&Close Project": ("Projekt &schließen", "&Cerrar proyecto"),
    "E&xport Case Bundle…": ("Fallpaket e&xportieren…", "E&xportar paquete del caso…"),
    "I&mport Case Bundle…": ("Fallpaket i&mportieren…", "I&mportar paquete del caso…"),
    "&Quit": ("&Beenden", "&Salir"),
    "&Train Model…": ("Modell &trainieren…", "&Entrenar modelo…"),
    "&Score Data Set…": ("Datensatz &bewerten…", "&Puntuar conjunto de datos…"),
    "&Export Report…": ("Bericht &exportieren…", "&Exportar informe…"),
    "&About Vigil": ("&Über Vigil", "&Acerca de Vigil"),
    "Clear List": ("Liste leeren", "Vaciar lista"),
    "Overview": ("Übersicht", "Resumen"),
    "Project": ("Projekt", "Proyecto"),
    "Inspector": ("Inspektor", "Inspector"),
    "Jobs": ("Aufgaben", "Tareas"),
    "Device: %1 · %2 threads": ("Gerät: %1 · %2 Threads", "Dispositivo: %1 · %2 hilos"),
    "Jobs running: %1": ("Laufende Aufgaben: %1", "Tareas en curso: %1"),
    "No project open": ("Kein Projekt geöffnet", "Ningún proyecto abierto"),
    "Welcome to Vigil": ("Willkommen bei Vigil", "Bienvenido a Vigil"),
    "Find what is abnormal in web logs, Zeek sensors and IDS data sets.":
        ("Finden Sie Auffälliges in Web-Logs, Zeek-Sensoren und IDS-Datensätzen.",
         "Encuentre lo anómalo en registros web, sensores Zeek y conjuntos de datos IDS."),
    "Long work runs in the Jobs panel; Esc cancels it.":
        ("Lange Arbeiten laufen im Aufgabenbereich; Esc bricht sie ab.",
         "Los trabajos largos se ejecutan en el panel de tareas; Esc los cancela."),
    "Select a record, session or model to inspect it here.":
        ("Wählen Sie einen Datensatz, eine Sitzung oder ein Modell, um es hier zu prüfen.",
         "Seleccione un registro, una sesión o un modelo para inspeccionarlo aquí."),
    "Datasets": ("Datensätze", "Conjuntos de datos"),
    "Models": ("Modelle", "Modelos"),
    "Scoring runs": ("Bewertungsläufe", "Ejecuciones de puntuación"),
    "Labelled items": ("Markierte Einträge", "Elementos etiquetados"),
    "Created": ("Erstellt", "Creado"),
    "Created by": ("Erstellt von", "Creado por"),
    "Project schema": ("Projektschema", "Esquema del proyecto"),
    "File": ("Datei", "Archivo"),
    "Name": ("Name", "Nombre"),
    "Format": ("Format", "Formato"),
    "Rows": ("Zeilen", "Filas"),
    "Bad lines": ("Fehlerhafte Zeilen", "Líneas erróneas"),
    "unknown": ("unbekannt", "desconocido"),
    "New Project": ("Neues Projekt", "Nuevo proyecto"),
    "Open Project": ("Projekt öffnen", "Abrir proyecto"),
    "Import": ("Importieren", "Importar"),
    "Export Report": ("Bericht exportieren", "Exportar informe"),
    "Train Model": ("Modell trainieren", "Entrenar modelo"),
    "Score Data Set": ("Datensatz bewerten", "Puntuar conjunto de datos"),
    "Model:": ("Modell:", "Modelo:"),
    "Quit Vigil": ("Vigil beenden", "Salir de Vigil"),
    "Jobs still running: %1. Cancel them and quit?":
        ("Noch laufende Aufgaben: %1. Abbrechen und beenden?", "Tareas aún en curso: %1. ¿Cancelarlas y salir?"),
    "Run %1": ("Lauf %1", "Ejecución %1"),
    "Item": ("Eintrag", "Elemento"),
    "Details": ("Details", "Detalles"),
    "%1 rows": ("%1 Zeilen", "%1 filas"),
    "Running": ("Läuft", "En curso"),
    "Done": ("Fertig", "Hecho"),
    "Failed: %1": ("Fehlgeschlagen: %1", "Error: %1"),
    "Cancelled": ("Abgebrochen", "Cancelado"),
    "Job": ("Aufgabe", "Tarea"),
    "Progress": ("Fortschritt", "Progreso"),
    "Status": ("Status", "Estado"),
    "Time": ("Zeit", "Tiempo"),
    "&Cancel": ("&Abbrechen", "&Cancelar"),
}

for lang, col in (("de", 0), ("es", 1)):
    path = f"translations/vigil_{lang}.ts"
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        if source in GLOSSARY:
            tr = message.find("translation")
            tr.text = GLOSSARY[source][col]
            tr.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
