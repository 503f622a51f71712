#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target, fuzz/corpus/<target>/, from
the crate's test data:

- tests/data/<vendor>/**/*.json: the vectors' `body` (its JSON text as
  written, whitespace outside strings removed; a string body, such as an HTML
  page, as its text) and the files that are bodies themselves, as they are;
- tests/common/mod.rs: the byte-string literals of `SEED_ANSWERS`;
- tests/data/zenlogin/seed_table.txt and
  tests/data/merchant/seed_description_templates.txt for the template
  targets.

Reply, AnyReply and problem inputs start with two bytes naming the HTTP
status (0xE000 + status, big endian: see `split_status` in src/lib.rs).
Template inputs are fields separated by 0xFF bytes (see `fields`).

Usage: python3 fuzz/make_corpus.py   (replaces fuzz/corpus/<target>/seed-*)
"""

import hashlib
import json
import pathlib
import re

FUZZ = pathlib.Path(__file__).resolve().parent
REPO = FUZZ.parent
DATA = REPO / "tests" / "data"
VENDORS = ["zato", "zenlogin", "openam", "merchant"]


def compact(text):
    """Removes the whitespace outside strings, keeping everything else."""
    out, in_string, escaped = [], False, False
    for c in text:
        if in_string:
            out.append(c)
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
            out.append(c)
        elif not c.isspace():
            out.append(c)
    return "".join(out)


def raw_member(text, name):
    """The JSON text of top-level member `name` of the compact object `text`."""
    decoder = json.JSONDecoder()
    at = 1
    while at < len(text) and text[at] != "}":
        key, at = decoder.raw_decode(text, at)
        assert text[at] == ":"
        value, end = decoder.raw_decode(text, at + 1)
        if key == name:
            return text[at + 1 : end], value
        at = end + 1 if text[end] == "," else end
    raise KeyError(name)


def vectors(vendor):
    """(name, status, body bytes) of every vector and body file of a vendor."""
    out = []
    for path in sorted((DATA / vendor).rglob("*.json")):
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(DATA / vendor).with_suffix("")).replace("/", "-")
        try:
            document = json.loads(text)
        except ValueError:
            out.append((name, 400, text.encode()))
            continue
        if isinstance(document, dict) and {"source", "body"} <= document.keys():
            raw, body = raw_member(compact(text), "body")
            data = body.encode() if isinstance(body, str) else raw.encode()
            out.append((name, document.get("http_status") or 400, data))
        elif isinstance(document, dict):
            status = int(path.stem) if path.stem.isdigit() else 400
            out.append((name, status, text.encode()))
    return out


def seed_answers():
    """The (status, bytes) of `SEED_ANSWERS` in tests/common/mod.rs."""
    source = (REPO / "tests" / "common" / "mod.rs").read_text(encoding="utf-8")
    block = source[source.index("SEED_ANSWERS") :]
    block = block[: block.index("];")]
    out = []
    for status, raw, plain in re.findall(r'\((\d+),\s*(?:br#"(.*?)"#|b"(.*?)")\)', block):
        text = raw if raw else plain.encode().decode("unicode_escape")
        out.append((int(status), text.encode()))
    return out


def prefix(status):
    return (0xE000 + (status & 0x1FFF)).to_bytes(2, "big")


def write(target, seeds):
    directory = FUZZ / "corpus" / target
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("seed-*"):
        old.unlink()
    seen = set()
    for name, data in seeds:
        if data in seen:
            continue
        seen.add(data)
        digest = hashlib.sha1(data).hexdigest()[:8]
        safe = re.sub(r"[^A-Za-z0-9_.-]", "_", name)[:60]
        (directory / f"seed-{safe}-{digest}").write_bytes(data)
    print(f"{target}: {len(seen)} seeds")


def main():
    by_vendor = {vendor: vectors(vendor) for vendor in VENDORS}
    answers = seed_answers()
    answer_vendor = ["zato", "zato", "zato", "zenlogin", "openam", "openam", "merchant", "merchant"]
    seeds_of = {vendor: [] for vendor in VENDORS}
    for (status, data), vendor in zip(answers, answer_vendor):
        seeds_of[vendor].append((status, data))

    def bodies(vendor, others=True):
        out = [(f"{vendor}-{name}", data) for name, _, data in by_vendor[vendor]]
        out += [(f"{vendor}-seed{at}", data) for at, (_, data) in enumerate(seeds_of[vendor])]
        if others:
            # One body of each other vendor: the wrong-vendor paths.
            for other in VENDORS:
                if other != vendor and by_vendor[other]:
                    name, _, data = by_vendor[other][0]
                    out.append((f"{other}-{name}", data))
        return out

    def replies(vendor):
        out = [(f"{vendor}-{status}-{name}", prefix(status) + data) for name, status, data in by_vendor[vendor]]
        out += [
            (f"{vendor}-seed{at}-{status}", prefix(status) + data)
            for at, (status, data) in enumerate(seeds_of[vendor])
        ]
        return out

    write("body_zato_response", bodies("zato"))
    write("body_zato_bad_request", bodies("zato"))
    write("body_zenlogin_document", bodies("zenlogin"))
    write("body_openam", bodies("openam"))
    write("body_merchant", bodies("merchant"))
    for vendor in VENDORS:
        write(f"reply_{vendor}", replies(vendor))
    every = [seed for vendor in VENDORS for seed in replies(vendor)]
    write("any_reply", every)
    write("problem", every)

    # Zenlogin templates: each code of the table with sample values, and
    # each detail the vectors carry.
    samples = {0: [], 1: ["appl01234567891"], 2: ["owner@example.com", "someone@example.com"]}
    zenlogin = []
    for line in (DATA / "zenlogin" / "seed_table.txt").read_text(encoding="utf-8").splitlines():
        parts = [part.strip() for part in line.split("|")]
        if len(parts) < 2 or not parts[0]:
            continue
        code, text = parts[0], parts[1]
        arity = len(re.findall(r"\$[A-Za-z][A-Za-z0-9_]*|\{\{.*?\}\}", text))
        values = samples.get(arity, [])
        zenlogin.append((f"table-{code}", b"\xff".join([code.encode(), *[v.encode() for v in values], text.encode()])))
    for name, _, data in by_vendor["zenlogin"]:
        try:
            document = json.loads(data)
        except ValueError:
            continue
        errors = document.get("errors") if isinstance(document, dict) else None
        for error in errors if isinstance(errors, list) else []:
            if isinstance(error, dict) and isinstance(error.get("code"), str) and isinstance(error.get("detail"), str):
                zenlogin.append((f"detail-{name}", b"\xff".join([error["code"].encode(), error["detail"].encode()])))
    write("templates_zenlogin", zenlogin)

    # Merchant descriptions: each template with the values the vectors show,
    # and each description the vectors carry, with its code and errorName.
    templates = ["Invalid username: ", "Invalid first name ", "Invalid last name ", "Invalid email ",
                 "Invalid password", "Exceeded limit of SSO token generations per minute",
                 "Insufficient Privileges: not allowed to call this API"]
    merchant = []
    for at, line in enumerate((DATA / "merchant" / "seed_description_templates.txt").read_text(encoding="utf-8").splitlines()):
        if line.strip():
            pick = next((index for index, start in enumerate(templates) if line.startswith(start.rstrip())), 0)
            merchant.append((f"template-{at}", b"\xff".join([str(pick).encode(), b"", line.encode(), b"10001", b"VALIDATION_GENERAL_FAILURE"])))
    for name, _, data in by_vendor["merchant"]:
        try:
            document = json.loads(data)
        except ValueError:
            continue
        entries = document.get("message") if isinstance(document, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict):
                continue
            description = str(entry.get("description", ""))
            pick, value = 0, ""
            for index, start in enumerate(templates):
                if description.startswith(start):
                    pick, value = index, description[len(start):].removesuffix(" already exists")
            fields = [str(pick), value, description, str(entry.get("code", "")), str(entry.get("errorName", ""))]
            merchant.append((f"entry-{name}", b"\xff".join(field.encode() for field in fields)))
    write("templates_merchant", merchant)


if __name__ == "__main__":
    main()
