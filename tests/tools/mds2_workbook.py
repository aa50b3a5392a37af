#!/usr/bin/python3
"""Writes an MDS2 statement in the layout of the official HN 1-2019 workbook, with openpyxl, for the
tests: a cover sheet, then a sheet whose rows carry the question ID in column B, the question in C,
the answer (Yes / No / N/A) in D and the note in E, with a heading row per section and the
standards' cross-reference columns after them.

    mds2_workbook.py OUT.xlsx LINES.json    (LINES: [[id, question, answer, note], …])
"""
import json
import sys

from openpyxl import Workbook


def write(path, lines):
    workbook = Workbook()
    cover = workbook.active
    cover.title = "Cover"
    cover["A1"] = "Manufacturer Disclosure Statement for Medical Device Security -- MDS2"
    cover["A3"] = "Form HN 1-2019"
    sheet = workbook.create_sheet("MDS2")
    sheet.append(["", "Question ID", "Question", "Answer", "Note #", "IEC TR 80001-2-2:2012", "NIST SP 800-53 Rev. 4"])
    section = None
    for identifier, question, answer, note in lines:
        prefix = identifier.split("-")[0]
        if prefix != section:
            section = prefix
            sheet.append(["", "", section + " heading", "", "", "", ""])
        sheet.append(["", identifier, question, answer, note, "AUTH", "IA-2"])
    workbook.save(path)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[2], encoding="utf-8") as source:
        write(sys.argv[1], json.load(source))
