#!/usr/bin/python3
"""Reads and fills Cyberachat questionnaire workbooks with openpyxl, for the tests.

Run with Debian's /usr/bin/python3 (python3-openpyxl):
  xlsx_tool.py ids FILE                 → JSON {"meta": {key: value}, "sheets": [...], "ids": [...]}
  xlsx_tool.py cells FILE               → JSON {id: {"answer", "comment", "applies", "answer_fill",
                                          "answer_italic", "answer_locked", "question_colour"}} for
                                          each row with an ID: columns F, G and H as openpyxl reads
                                          them, the answer cell's fill colour ("FFRRGGBB"), italics
                                          and protection, the question cell's font colour
  xlsx_tool.py fill IN OUT ANSWERS.json → writes OUT: for each row whose ID (column A) is a key of
                                          ANSWERS, sets the answer (column F) and, when given, the
                                          comment (column G). ANSWERS: {id: value | {"value": v,
                                          "comment": c, "date": "YYYY-MM-DD"}}; numbers stay numbers,
                                          "date" becomes a real date cell.
"""
import datetime
import json
import sys

import openpyxl

META_SHEET = "_cyberachat"
ID_COLUMN, QUESTION_COLUMN, ANSWER_COLUMN, COMMENT_COLUMN, APPLIES_COLUMN = 1, 3, 6, 7, 8


def part_sheets(workbook):
    for sheet in workbook.worksheets:
        if sheet.title != META_SHEET and sheet.cell(row=1, column=ID_COLUMN).value == "ID":
            yield sheet


def read_ids(path):
    workbook = openpyxl.load_workbook(path)
    meta = {}
    if META_SHEET in workbook.sheetnames:
        for row in workbook[META_SHEET].iter_rows(min_col=1, max_col=2, values_only=True):
            if row[0] is not None:
                meta[str(row[0])] = "" if row[1] is None else str(row[1])
    ids = []
    for sheet in part_sheets(workbook):
        for (value,) in sheet.iter_rows(min_row=2, min_col=ID_COLUMN, max_col=ID_COLUMN, values_only=True):
            if value:
                ids.append(str(value))
    return {"meta": meta, "sheets": workbook.sheetnames, "ids": ids}


def colour(value):
    return value.rgb if value is not None and isinstance(value.rgb, str) else None


def read_cells(path):
    workbook = openpyxl.load_workbook(path)
    cells = {}
    for sheet in part_sheets(workbook):
        for row in range(2, sheet.max_row + 1):
            row_id = sheet.cell(row=row, column=ID_COLUMN).value
            if not row_id:
                continue
            answer = sheet.cell(row=row, column=ANSWER_COLUMN)
            value = answer.value
            if isinstance(value, (datetime.date, datetime.datetime)):
                value = value.isoformat()
            cells[str(row_id)] = {
                "answer": value,
                "comment": sheet.cell(row=row, column=COMMENT_COLUMN).value,
                "applies": sheet.cell(row=row, column=APPLIES_COLUMN).value,
                "answer_fill": colour(answer.fill.fgColor) if answer.fill.fill_type else None,
                "answer_italic": bool(answer.font.i),
                "answer_locked": bool(answer.protection.locked),
                "question_colour": colour(sheet.cell(row=row, column=QUESTION_COLUMN).font.color),
            }
    return cells


def fill(source, target, answers):
    workbook = openpyxl.load_workbook(source)
    found = set()
    for sheet in part_sheets(workbook):
        for row in range(2, sheet.max_row + 1):
            row_id = sheet.cell(row=row, column=ID_COLUMN).value
            if row_id not in answers:
                continue
            found.add(row_id)
            answer = answers[row_id]
            if not isinstance(answer, dict):
                answer = {"value": answer}
            if "date" in answer:
                cell = sheet.cell(row=row, column=ANSWER_COLUMN)
                cell.value = datetime.date.fromisoformat(answer["date"])
                cell.number_format = "DD/MM/YYYY"
            elif "value" in answer:
                sheet.cell(row=row, column=ANSWER_COLUMN).value = answer["value"]
            if "comment" in answer:
                sheet.cell(row=row, column=COMMENT_COLUMN).value = answer["comment"]
    missing = sorted(set(answers) - found)
    if missing:
        sys.exit("ids not found in the workbook: " + ", ".join(missing))
    workbook.save(target)


def read_validations(path):
    """Each part sheet's data validations: [{sheet, cells, type, formula}] (dropdown lists included)."""
    workbook = openpyxl.load_workbook(path)
    out = []
    for sheet in part_sheets(workbook):
        for validation in sheet.data_validations.dataValidation:
            out.append({"sheet": sheet.title, "cells": str(validation.sqref), "type": validation.type,
                        "formula": validation.formula1})
    return out


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "validations":
        print(json.dumps(read_validations(sys.argv[2]), ensure_ascii=False))
    elif len(sys.argv) >= 3 and sys.argv[1] == "ids":
        print(json.dumps(read_ids(sys.argv[2]), ensure_ascii=False))
    elif len(sys.argv) == 3 and sys.argv[1] == "cells":
        print(json.dumps(read_cells(sys.argv[2]), ensure_ascii=False))
    elif len(sys.argv) == 5 and sys.argv[1] == "fill":
        with open(sys.argv[4], encoding="utf-8") as f:
            fill(sys.argv[2], sys.argv[3], json.load(f))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
