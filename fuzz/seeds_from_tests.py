#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, taken from the tests: every string literal in
tests/ (adjacent literals joined, escapes decoded) that looks like an inbox file, a
config file or a date, plus the example config. Usage: seeds_from_tests.py ROOT OUT
writes OUT/<target>/<hash> files. Seeds only start the search; libFuzzer mutates on."""
import hashlib
import pathlib
import re
import sys

KINDS = ["schools", "terms", "lift_groups", "staff", "lift_schedule", "surgeries", "pupils",
         "events", "bookings"]
# Each kind's first column (shared/formats/INBOX.md); lift_groups is told from schools
# by its academic_year column.
FIRST_COLUMN = {"urn": ["schools", "lift_groups"], "academic_year": ["terms"],
                "staff_id": ["staff"], "district": ["lift_schedule", "surgeries"],
                "pupil_ref": ["pupils", "events", "bookings"]}

LITERAL = re.compile(r'R"([^(\s]*)\((.*?)\)\1"|"((?:[^"\\\n]|\\.)*)"', re.S)
CONFIG = re.compile(rb"^\s*\[[a-z]+\]\s*$", re.M)  # a TOML [section] line
BETWEEN = re.compile(r'^(\s|//[^\n]*\n)*$')
CONTROL_VERBS = [b"status", b"board", b"next", b"blank", b"unblank", b"reload", b"screenshot"]
HTTP_REQUEST = re.compile(rb"^(GET|POST|PUT|DELETE|HEAD|OPTIONS) /")
HTTP_TOKEN = b"fuzz-token"  # fuzz/fuzz_http_request.cpp's token


def decode(body):
    out = bytearray()
    i = 0
    simple = {"n": 10, "t": 9, "r": 13, "0": 0, '"': 34, "'": 39, "\\": 92, "a": 7, "b": 8,
              "f": 12, "v": 11, "?": 63}
    raw = body.encode("utf-8")
    while i < len(raw):
        c = raw[i]
        if c != 92 or i + 1 == len(raw):
            out.append(c)
            i += 1
            continue
        e = chr(raw[i + 1])
        if e == "x":
            m = re.match(rb"[0-9a-fA-F]+", raw[i + 2:])
            out.append(int(m.group(0), 16) & 0xFF)
            i += 2 + len(m.group(0))
        elif e in "01234567":
            m = re.match(rb"[0-7]{1,3}", raw[i + 1:])
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        else:
            out.append(simple.get(e, ord(e)))
            i += 2
    return bytes(out)


def literals(text):
    """Adjacent literals joined, as the compiler would."""
    joined, end = None, None
    for m in LITERAL.finditer(text):
        value = m.group(2).encode("utf-8") if m.group(2) is not None else decode(m.group(3))
        if joined is not None and BETWEEN.match(text[end:m.start()]):
            joined += value
        else:
            if joined is not None:
                yield joined
            joined = value
        end = m.end()
    if joined is not None:
        yield joined


def csv_kinds(data):
    first = data.split(b"\n", 1)[0].lstrip(b"\xef\xbb\xbf").decode("utf-8", "replace")
    if "," not in first:
        return []
    columns = [c.strip().lower() for c in first.split(",")]
    kinds = FIRST_COLUMN.get(columns[0], [])
    if "urn" == columns[0]:
        kinds = ["lift_groups"] if "academic_year" in columns else ["schools"]
    return kinds


def json_kinds(data):
    m = re.search(rb'"kind"\s*:\s*"([a-z_]+)"', data)
    if m and m.group(1).decode() in KINDS:
        return [m.group(1).decode()]
    return KINDS


def main():
    root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    seeds = {t: set() for t in ["fuzz_csv_reader", "fuzz_json_reader", "fuzz_inbox_check",
                                "fuzz_config", "fuzz_date", "fuzz_control_request",
                                "fuzz_http_request"]}
    for verb in CONTROL_VERBS:
        seeds["fuzz_control_request"].add(verb + b"\n")
    sources = sorted(root.glob("tests/**/*.cpp")) + sorted(root.glob("tests/**/*.hpp"))
    for source in sources:
        for data in literals(source.read_text(encoding="utf-8", errors="replace")):
            stripped = data.lstrip()
            if b"\n" in data and b"," in data.split(b"\n", 1)[0]:
                seeds["fuzz_csv_reader"].add(data)
                for kind in csv_kinds(data):
                    seeds["fuzz_inbox_check"].add(bytes([KINDS.index(kind) << 1]) + data)
            elif stripped[:1] in (b"[", b"{") and b'"' in data and not CONFIG.search(data):
                for kind in json_kinds(data):
                    index = KINDS.index(kind)
                    seeds["fuzz_json_reader"].add(bytes([index]) + data)
                    seeds["fuzz_inbox_check"].add(bytes([index << 1 | 1]) + data)
            if CONFIG.search(data):
                seeds["fuzz_config"].add(data)
            if len(data) <= 24 and re.search(rb"\d", data):
                seeds["fuzz_date"].add(data)
            if b"\n" not in data.rstrip(b"\r\n") and data.split(b" ", 1)[0] in CONTROL_VERBS:
                seeds["fuzz_control_request"].add(data)
            if HTTP_REQUEST.match(data):
                # A test's first line; the seed adds what reaches the verbs: the token.
                head = data if b"\r\n\r\n" in data else data.split(b"\r\n")[0] + (
                    b"\r\nHost: kiosk\r\nAuthorization: Bearer " + HTTP_TOKEN + b"\r\n\r\n")
                seeds["fuzz_http_request"].add(head)
                seeds["fuzz_http_request"].add(data)
    seeds["fuzz_config"].add((root / "assets/liftboard.example.toml").read_bytes())
    for target, items in seeds.items():
        folder = out / target
        folder.mkdir(parents=True, exist_ok=True)
        for data in items:
            (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
        print(f"seeds {target}: {len(items)}")


main()
