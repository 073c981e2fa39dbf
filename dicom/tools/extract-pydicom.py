#!/usr/bin/env python3
"""One-time extraction of the PS3.6 data dictionary facts into plain TSV files.

Reads the *data* tables of pydicom's generated dictionary modules (Debian package
python3-pydicom: _dicom_dict.py and _uid_dict.py, DICOM edition noted in _version.py) with
ast.literal_eval -- nothing is imported or executed -- and writes

  dicom/tools/data/elements.tsv   tag-pattern  VR  VM  retired  keyword  name
  dicom/tools/data/uids.tsv       uid  name  type  info  retired  keyword

These TSV files are the committed input of gen-dictionary.py. Re-run this script only to move
to a newer edition of the standard:

  python3 dicom/tools/extract-pydicom.py [/usr/lib/python3/dist-packages/pydicom]
"""
import ast
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")


def literal_tables(path):
    """Return {name: value} for every top-level `name = <literal>` in a Python source file."""
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    tables = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign):
            tables[node.target.id] = ast.literal_eval(node.value)
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            try:
                tables[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    return tables


def edition(src):
    with open(os.path.join(src, "_version.py"), encoding="utf-8") as f:
        m = re.search(r"__dicom_version__[^=]*=\s*'([^']+)'", f.read())
    return m.group(1) if m else "unknown"


def clean(text):
    if "\t" in text or "\n" in text:
        raise ValueError("field contains a tab or newline: %r" % text)
    return text


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "/usr/lib/python3/dist-packages/pydicom"
    ed = edition(src)
    el = literal_tables(os.path.join(src, "_dicom_dict.py"))
    rows = []
    for tag, (vr, vm, name, retired, keyword) in el["DicomDictionary"].items():
        rows.append(("%08X" % tag, vr, vm, retired, keyword, name))
    for pattern, (vr, vm, name, retired, keyword) in el["RepeatersDictionary"].items():
        rows.append((pattern.upper().replace("X", "x"), vr, vm, retired, keyword, name))
    rows.sort(key=lambda r: r[0].replace("x", "0"))
    with open(os.path.join(DATA, "elements.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# PS3.6 (and PS3.7 Annex E command) data elements, DICOM edition %s.\n" % ed)
        f.write("# Extracted from pydicom's dictionary data by tools/extract-pydicom.py.\n")
        f.write("# tag: 8 hex digits, 'x' = any digit (repeating groups); retired: 'Retired' or empty.\n")
        f.write("# tag\tvr\tvm\tretired\tkeyword\tname\n")
        for r in rows:
            f.write("\t".join(clean(c) for c in r) + "\n")

    uid = literal_tables(os.path.join(src, "_uid_dict.py"))["UID_dictionary"]
    with open(os.path.join(DATA, "uids.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# PS3.6 Annex A registry of DICOM unique identifiers, DICOM edition %s.\n" % ed)
        f.write("# Extracted from pydicom's dictionary data by tools/extract-pydicom.py.\n")
        f.write("# uid\tname\ttype\tinfo\tretired\tkeyword\n")
        for u in sorted(uid, key=lambda s: [int(c) for c in s.split(".")]):
            name, typ, info, retired, keyword = uid[u]
            f.write("\t".join(clean(c) for c in (u, name, typ, info, retired, keyword)) + "\n")


if __name__ == "__main__":
    main()
