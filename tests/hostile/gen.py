"""Generators of hostile inputs for natverk (SPEC §9), Python standard library only.

Each function returns the bytes of one input: an inventory (JSON) or a sheet
(CSV). They are built to be small for the work they ask for (a few KB that
ask for a million report lines), or large in one dimension (many networks,
long strings, deep nesting, many errors), so that every class of the
issue's table, and more, is covered. `run.py` writes them to a temporary
directory and runs the real binary on them.
"""

import json

ORG = {"name": "Hostile kommun", "currency": "SEK"}


def doc(**parts):
    """An inventory document with the given top-level parts."""
    d = {"format": "natverk/1", "organisation": dict(ORG)}
    d.update(parts)
    return d


def dumps(d):
    return json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# ---------------------------------------------------------------------------
# Row 1: a small file that asks for many report lines


def one_network_many_subjects(subjects=1000, start="0001-01-01"):
    """One network from year 1 with many subjects: `--by subject,year` over
    many years asks for subjects x years lines from ~8 KB."""
    return dumps(
        doc(
            networks=[
                {
                    "id": "n",
                    "name": "N",
                    "start": start,
                    "subjects": [f"s{i}" for i in range(subjects)],
                    "costs": [{"kind": "fee", "amount": "1000"}],
                }
            ]
        )
    )


def many_networks(n, years=1, subjects=1, participants=0, start="2024-01-01",
                  name_len=0, with_people=True):
    """n networks, each with subjects, participants and a fee: a national-
    scale inventory, or a big one for every output format."""
    people = []
    if participants and with_people:
        for i in range(participants):
            p = {"id": f"p{i}", "role": "official", "gender": ["woman", "man", "other"][i % 3],
                 "hourly_cost": "500"}
            people.append(p)
    nets = []
    for i in range(n):
        net = {
            "id": f"n{i}",
            "name": (f"Nätverk {i} " + "x" * name_len) if name_len else f"Nätverk {i}",
            "organiser": f"org{i % 50}",
            "start": start,
            "subjects": [f"s{(i + k) % 97}" for k in range(subjects)],
            "costs": [{"kind": "fee", "amount": "1000.50"}],
        }
        if years:
            y = int(start[:4]) + years - 1
            net["end"] = f"{y:04d}-12-31"
        if participants:
            net["participants"] = [
                {"person": f"p{(i + k) % participants}", "hours_per_year": "10"}
                for k in range(min(participants, 5))
            ]
        nets.append(net)
    return dumps(doc(people=people, networks=nets))


# ---------------------------------------------------------------------------
# Row 2: leave scenarios over long notice periods


def leave_notice(networks=5000):
    nets = [
        {
            "id": f"n{i}",
            "name": f"N{i}",
            "start": "0001-01-01",
            "notice_months": 1200,
            "assessment": {"recommendation": "leave"},
            "costs": [{"kind": "fee", "amount": "1"}],
        }
        for i in range(networks)
    ]
    return dumps(doc(networks=nets))


# ---------------------------------------------------------------------------
# Row 3: the overfinanced check over every year of a long series


def overfinanced_series(costs=20000):
    org = dict(ORG)
    org["population"] = {f"{y:04d}": 1000 + y for y in range(1, 10000)}
    return dumps(
        {
            "format": "natverk/1",
            "organisation": org,
            "fee_schedules": [{"id": "s", "tiers": [{"max_population": 5000, "amount": "1"},
                                                    {"amount": "2"}]}],
            "networks": [
                {
                    "id": "n",
                    "name": "N",
                    "start": "0001-01-01",
                    "end": "9999-12-31",
                    "costs": [{"kind": "fee", "schedule": "s"} for _ in range(costs)],
                    "financing": [{"funder": "F", "status": "granted"}],
                }
            ],
        }
    )


# ---------------------------------------------------------------------------
# Row 4 and sheets in general


def sheet_distinct_units(rows, delimiter=";"):
    """One distinct unit per row: quadratic in a naive importer."""
    out = [delimiter.join(["id", "name", "start", "unit"])]
    for i in range(rows):
        out.append(delimiter.join([f"n{i}", f"N{i}", "2024-01-01", f"u{i}"]))
    return ("\n".join(out) + "\n").encode("utf-8")


def sheet_wide_rows(rows, cell_len):
    """Few rows with long cells (within the row limit): bytes, not rows."""
    out = ["id;name;start;notes;unit;enhetsnamn"]
    pad = "å" * (cell_len // 2)
    for i in range(rows):
        out.append(f'n{i};"Nätverk ""{i}"" {pad}";2024-01-01;"{pad}\n{pad}";u{i % 100};Enhet {i % 100}')
    return ("\r\n".join(out) + "\r\n").encode("utf-8")


def sheet_many_quotes(rows):
    out = ['"id";"name";"start";"subjects";"avgift"']
    for i in range(rows):
        out.append(f'"n{i}";"A ""quoted"" name; with; delimiters";"2024-01-01";"a; b | c";"65 000,50"')
    return ("\r\n".join(out) + "\r\n").encode("utf-8")


def sheet_bad_rows(rows):
    """Every row bad in several cells: many problems."""
    out = ["id;name;start;avgift;central"]
    for i in range(rows):
        out.append(f"x;;2024-13-01;1,2,3;kanske")
    return ("\n".join(out) + "\n").encode("utf-8")


def sheet_many_columns(cols):
    return (";".join(f"c{i}" for i in range(cols)) + "\nx\n").encode("utf-8")


def sheet_extra_cells(cells):
    return ("id;name;start\na;A;2024-01-01" + ";" * cells + "x\n").encode("utf-8")


def sheet_blank_rows(rows):
    return ("id;name;start\n" + ";;\n" * rows + "a;A;2024-01-01\n").encode("utf-8")


# ---------------------------------------------------------------------------
# Row 5: files full of errors


def units_of_ones(size):
    n = max(1, size // 2)
    return b'{"format":"natverk/1","organisation":{"name":"X","currency":"SEK"},"units":[' + \
        b",".join([b"1"] * n) + b"]}"


def many_unknown_keys(n):
    body = ",".join(f'"k{i}":1' for i in range(n))
    return ('{"format":"natverk/1","organisation":{"name":"X","currency":"SEK"},' + body + "}").encode()


# ---------------------------------------------------------------------------
# Row 9: lone surrogates


def lone_surrogate():
    return (
        b'{"format":"natverk/1","organisation":{"name":"X","currency":"SEK"},'
        b'"networks":[{"id":"a","name":"A","start":"2024-01-01","organiser":"SKR \\ud83d Sveriges"}]}'
    )


# ---------------------------------------------------------------------------
# Row 10, 11: text from the file in outputs


def formula_file():
    return (
        b'{"format":"natverk/1","organisation":{"name":"=1+1","currency":"SEK"},'
        b'"=HYPERLINK(\\"http://evil\\",\\"x\\")":1,'
        b'"networks":[{"id":"-2+3","name":"@SUM(A1)","start":"2024-01-01","organiser":"+cmd",'
        b'"subjects":["=x"," =y","\\t=z"],"nmae":"x","costs":[{"kind":"fee","amount":"1"}]}]}'
    )


def formula_valid():
    return (
        b'{"format":"natverk/1","organisation":{"name":"=1+1","currency":"SEK"},'
        b'"people":[{"id":"=p","role":"official","gender":"woman"},{"id":"@q","role":"official","gender":"man"}],'
        b'"networks":[{"id":"-2+3","name":"@SUM(A1)","start":"2024-01-01","organiser":"+cmd","unit":"=u",'
        b'"participants":[{"person":"=p"},{"person":"@q"}],'
        b'"subjects":["=x"," =y","\\t=z"],"costs":[{"kind":"fee","amount":"1"}]}],'
        b'"units":[{"id":"=u","name":"=unit"}]}'
    )


CONTROL = "\x1b[31m\x07\r\x00\x08\x7f\x9b\u202e"


def control_file(valid=True):
    c = CONTROL
    d = doc(
        people=[{"id": f"p{c}", "role": "official", "gender": "woman"},
                {"id": "q", "role": "official", "gender": "man"}],
        units=[{"id": f"u{c}", "name": f"Unit{c}\nsecond line", "central": True}],
        networks=[
            {
                "id": f"n{c}1",
                "name": f"Name{c}\nsecond line",
                "organiser": f"Org{c}",
                "start": "2024-01-01",
                "deadline": "2020-01-01",
                "status": "proposed",
                "unit": f"u{c}",
                "subjects": [f"s{c}", "\nnewline"],
                "participants": [{"person": f"p{c}"}, {"person": "q"}],
                "costs": [{"kind": "fee", "amount": "1"}],
            }
        ],
    )
    d["organisation"]["name"] = f"Org{c}\nname"
    if not valid:
        d["networks"][0][f"bad{c}key"] = 1
        d["networks"][0]["kind"] = f"kind{c}"
    return dumps(d)


def control_sheet():
    c = "\x1b[2J\x07\x00"
    return (f"id;name;start;avgift;central;unknown{c}\n"
            f"a{c};Name{c};2024-01-01;12{c};kanske{c};x\n").encode("utf-8")


# ---------------------------------------------------------------------------
# Row 12: encodings of sheets


GOOD_ROWS = [["id", "namn", "start", "enhet"], ["a", "Göteborgs nätverk", "2024-01-01", "Stadsledningskontoret"],
             ["b", "Malmö", "2024-02-01", "Förvaltning"]]


def sheet_utf8_stray_byte():
    text = "\n".join(";".join(r) for r in GOOD_ROWS) + "\n"
    b = text.encode("utf-8")
    # a stray 0xA0 (a Windows no-break space) in row 3, column `namn`
    i = b.index("Malmö".encode())
    return b[:i] + b"\xa0" + b[i:]


def sheet_utf16(big_endian=False):
    text = "\n".join("\t".join(r) for r in GOOD_ROWS) + "\n"
    if big_endian:
        return b"\xfe\xff" + text.encode("utf-16-be")
    return b"\xff\xfe" + text.encode("utf-16-le")


def sheet_cp1252(bad=False):
    rows = [list(r) for r in GOOD_ROWS]
    if bad:
        rows[2][2] = "2024-13-01"
    text = "\n".join(";".join(r) for r in rows) + "\n"
    return text.encode("cp1252")


def sheet_unbalanced_quote():
    return b'id;name;start\na;"Open quote;2024-01-01\nb;B;2024-01-01\nc;C;2024-01-01\n'


# ---------------------------------------------------------------------------
# Row 13: very long values


def sheet_long_header(size):
    return ("id;name;start;" + "x" * size + "\na;A;2024-01-01;1\n").encode()


def sheet_long_cells(size):
    v = "9" * size
    return (f"id;name;start;avgift;central;unit\na;A;2024-01-01;1,2,{v};{v};u\n"
            f"b;B;2024-01-01;1;ja;u\nc;C;2024-01-01;1;nej;u\n").encode()


def long_kind(size):
    return dumps(doc(networks=[{"id": "a", "name": "A", "start": "2024-01-01", "kind": "k" * size}]))


def long_unknown_key(size):
    return ('{"format":"natverk/1","organisation":{"name":"X","currency":"SEK"},"' + "k" * size + '":1}').encode()


def long_strings(size):
    """Long text in every position a report shows."""
    s = "ö" * (size // 2)
    return dumps(doc(
        units=[{"id": "u" + s, "name": "U" + s, "central": True}],
        people=[{"id": "p", "role": "official", "gender": "woman", "name": s}],
        networks=[{"id": "n" + s, "name": "N" + s, "organiser": "O" + s, "subjects": ["s" + s],
                   "unit": "u" + s, "start": "2024-01-01", "notes": s, "purpose": s,
                   "participants": [{"person": "p", "role": s}],
                   "costs": [{"kind": "fee", "amount": "1", "note": s}]}]))


def long_name(chars=40000):
    return dumps(doc(networks=[{"id": "a", "name": "N" * chars, "start": "2024-01-01",
                                "costs": [{"kind": "fee", "amount": "1"}]}]))


# ---------------------------------------------------------------------------
# Row 14: amounts near the top of the decimal type


def huge_amounts():
    return dumps(doc(networks=[{"id": "a", "name": "A", "start": "2024-01-01",
                                "costs": [{"kind": "fee", "amount": "39228162514264337593543950335"},
                                          {"kind": "travel", "amount": "39228162514264337593543950335"}]},
                               {"id": "b", "name": "B", "start": "2024-01-01",
                                "costs": [{"kind": "fee", "amount": "1"}]}]))


def overflowing_amounts():
    return dumps(doc(networks=[{"id": "a", "name": "A", "start": "2024-01-01",
                                "costs": [{"kind": "fee", "amount": "79228162514264337593543950335"},
                                          {"kind": "travel", "amount": "79228162514264337593543950335"}]}]))


# ---------------------------------------------------------------------------
# Classes of our own


def deep_nesting(depth, key="networks"):
    return b'{"format":"natverk/1","organisation":{"name":"X","currency":"SEK"},"' + key.encode() + b'":' + \
        b"[" * depth + b"]" * depth + b"}"


def huge_numbers(digits):
    n = "9" * digits
    return ('{"format":"natverk/1","organisation":{"name":"X","currency":"SEK","population":' + n +
            '},"networks":[{"id":"a","name":"A","start":"2024-01-01","notice_months":' + n +
            ',"costs":[{"kind":"fee","amount":' + n + ',"from":' + n + '}]}]}').encode()


def many_years_rates(years=9999, networks=200):
    """Rates for every year and networks charged in EUR over all of them."""
    return dumps(doc(
        exchange_rates=[{"currency": "EUR", "year": y, "rate": "11.5"} for y in range(1, years + 1)],
        networks=[{"id": f"n{i}", "name": f"N{i}", "start": "0001-01-01",
                   "costs": [{"kind": "fee", "amount": "10", "currency": "EUR"}]} for i in range(networks)]))


def many_participants(people, networks):
    """Many networks, each with many participants: equality over all."""
    ps = [{"id": f"p{i}", "role": "politician" if i % 2 else "official",
           "side": "majority" if i % 4 == 1 else ("opposition" if i % 4 == 3 else None),
           "gender": ["woman", "man", "other"][i % 3], "hourly_cost": "700"} for i in range(people)]
    for p in ps:
        if p["side"] is None:
            del p["side"]
    nets = [{"id": f"n{j}", "name": f"N{j}", "start": "2020-01-01", "status": "active",
             "participants": [{"person": f"p{(j * 7 + k) % people}", "hours_per_year": "3"}
                              for k in range(min(people, 40))],
             "costs": [{"kind": "fee", "amount": "100"}]} for j in range(networks)]
    return dumps(doc(people=ps, networks=nets))


def many_warnings(networks):
    """Every network earns several warnings: check in every format."""
    nets = [{"id": f"n{i}", "name": f"N{i}", "start": "2020-01-01", "end": "2021-01-01",
             "status": "proposed", "deadline": "2020-01-01", "kind": "programme"}
            for i in range(networks)]
    return dumps(doc(networks=nets))


def many_tiers(tiers):
    org = dict(ORG)
    org["population"] = 500000
    return dumps({"format": "natverk/1", "organisation": org,
                  "fee_schedules": [{"id": "s", "tiers": [{"max_population": i * 10, "amount": str(i)}
                                                          for i in range(1, tiers)] + [{"amount": "1"}]}],
                  "networks": [{"id": f"n{i}", "name": "N", "start": "2000-01-01",
                                "costs": [{"kind": "fee", "schedule": "s"}]} for i in range(1000)]})


def duplicate_keys(n):
    body = ",".join('"name":"X"' for _ in range(n))
    return ('{"format":"natverk/1","organisation":{' + body + ',"currency":"SEK"}}').encode()


def truncated(size):
    full = many_networks(max(1, size // 150))
    return full[: len(full) // 2]


def invalid_utf8_json(size):
    return b'{"format":"natverk/1","organisation":{"name":"' + b"\xff" * size + b'","currency":"SEK"}}'


def goteborg_like():
    return dumps(doc(networks=[{"id": "a", "name": "A", "start": "2024-01-01",
                                "costs": [{"kind": "fee", "amount": "1"}]}]))


# ---------------------------------------------------------------------------
# Workbooks (issue 20): .xlsx and .ods built with zipfile, each generalising
# one cause of the issue. Every workbook is an inventory of §10 (an
# organisation and networks) unless the cause is the file itself.

import io  # noqa: E402
import zipfile  # noqa: E402

XLSX_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WS_TYPE = REL_NS + "/worksheet"


def col_letters(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def xml_text(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def xcell(ref, v):
    """One cell: str → inline string, int/float → number, ("s", i) → shared
    string i, ("raw", xml) → as given, ("date", serial) → a date cell."""
    if isinstance(v, tuple):
        kind, x = v
        if kind == "s":
            return f'<c r="{ref}" t="s"><v>{x}</v></c>'
        if kind == "date":
            return f'<c r="{ref}" s="1"><v>{x}</v></c>'
        return x.replace("{ref}", ref)
    if isinstance(v, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{xml_text(v)}</t></is></c>'
    return f'<c r="{ref}"><v>{v}</v></c>'


def xsheet_rows(rows):
    """The XML of a sheet's rows, streamed (rows: an iterable of lists)."""
    for r, row in enumerate(rows, 1):
        cells = "".join(xcell(f"{col_letters(c)}{r}", v) for c, v in enumerate(row) if v is not None)
        yield f'<row r="{r}">{cells}</row>'


def xsheet(rows):
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{XLSX_NS}"><sheetData>'
            + "".join(xsheet_rows(rows)) + "</sheetData></worksheet>").encode()


DEFAULT_STYLES = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{XLSX_NS}">'
                  '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>'
                  '</styleSheet>')


def xlsx(sheets, shared=None, styles=DEFAULT_STYLES, workbook_sheets=None, extra=(), sst_attrs=None):
    """An .xlsx of `sheets` [(name, rows or bytes of a worksheet part)];
    `shared`: the shared strings (a list, or the bytes of the part);
    `workbook_sheets`: [(name, part number)] to name parts as the caller
    wants (default: each sheet its own part); `extra`: more (name, bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        names = workbook_sheets or [(name, i + 1) for i, (name, _) in enumerate(sheets)]
        z.writestr("xl/workbook.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{XLSX_NS}" xmlns:r="{REL_NS}"><sheets>'
                   + "".join(f'<sheet name="{xml_text(n)}" sheetId="{k + 1}" r:id="rId{p}"/>'
                             for k, (n, p) in enumerate(names))
                   + "</sheets></workbook>")
        rels = "".join(f'<Relationship Id="rId{i + 1}" Type="{WS_TYPE}" Target="worksheets/sheet{i + 1}.xml"/>'
                       for i in range(len(sheets)))
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   + rels + "</Relationships>")
        for i, (_, rows) in enumerate(sheets):
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", rows if isinstance(rows, bytes) else xsheet(rows))
        if shared is not None:
            if isinstance(shared, bytes):
                z.writestr("xl/sharedStrings.xml", shared)
            else:
                attrs = sst_attrs if sst_attrs is not None else f'count="{len(shared)}" uniqueCount="{len(shared)}"'
                z.writestr("xl/sharedStrings.xml",
                           f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{XLSX_NS}" {attrs}>'
                           + "".join(f"<si><t>{xml_text(s)}</t></si>" for s in shared) + "</sst>")
        if styles is not None:
            z.writestr("xl/styles.xml", styles)
        for name, data in extra:
            z.writestr(name, data)
    return buf.getvalue()


ORGANISATION = ("organisation", [["name", "currency"], ["Kommunen", "SEK"]])
NETWORK_HEAD = ["id", "name", "start"]


def wb_valid(networks=3, start=None):
    """A valid inventory of `networks` networks (start: a value for every
    start cell, default a date serial of 2024-03-01)."""
    start = ("date", 45352) if start is None else start
    rows = [NETWORK_HEAD] + [[f"n{i}", f"Nätverk {i}", start] for i in range(networks)]
    return xlsx([ORGANISATION, ("networks", rows)])


def wb_network_value(value):
    """One network whose start is `value` (a cell as xcell takes it)."""
    return xlsx([ORGANISATION, ("networks", [NETWORK_HEAD, ["n1", "Ett", value]])])


def wb_shared_reuse(chars, cells):
    """One shared string of `chars` characters used by `cells` cells."""
    rows = ([NETWORK_HEAD, ["n1", "Ett", ("date", 45352)]]
            + [[("s", 0)] for _ in range(cells)])
    return xlsx([ORGANISATION, ("notes", rows)], shared=["x" * chars])


def wb_unique_count(claim, strings=1):
    return xlsx([ORGANISATION, ("networks", [NETWORK_HEAD, ["n1", ("s", 0), ("date", 45352)]])],
                shared=["Ett"] * strings, sst_attrs=f'count="1" uniqueCount="{claim}"')


def wb_empty_shared(n):
    """`n` empty shared strings (`<si/>`), the table alone."""
    body = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{XLSX_NS}">'.encode()
            + b"<si/>" * n + b"</sst>")
    return xlsx([ORGANISATION, ("networks", [NETWORK_HEAD, ["n1", "Ett", ("date", 45352)]])], shared=body)


def wb_bad_index(index):
    return xlsx([ORGANISATION, ("networks", [NETWORK_HEAD, ["n1", ("s", index), ("date", 45352)]])],
                shared=["Ett", "Två"])


def wb_styles(format_chars, xfs, font_chars=0):
    """A number format of `format_chars` characters (and a font name of
    `font_chars`) used by `xfs` cell formats."""
    fmt = "0" * format_chars
    fonts = (f'<fonts count="1"><font><name val="{"F" * font_chars}"/></font></fonts>' if font_chars else "")
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{XLSX_NS}">'
              f'<numFmts count="1"><numFmt numFmtId="200" formatCode="{fmt}"/></numFmts>{fonts}'
              f'<cellXfs count="{xfs + 2}"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
              + '<xf numFmtId="200" fontId="0"/>' * xfs + "</cellXfs></styleSheet>")
    return xlsx([ORGANISATION, ("networks", [NETWORK_HEAD, ["n1", "Ett", ("date", 45352)]])], styles=styles)


def wb_same_part(times, rows):
    """The workbook names one worksheet part of `rows` rows `times` times."""
    sheet = [NETWORK_HEAD] + [[f"n{i}", f"N {i}", ("date", 45352)] for i in range(rows)]
    names = [("organisation", 1), ("networks", 2)] + [(f"copy{k}", 2) for k in range(times - 1)]
    return xlsx([ORGANISATION, ("networks", sheet)], workbook_sheets=names)


def wb_duplicate_entry(case_only=False):
    """Two zip entries for one worksheet part (or two differing in case)."""
    base = wb_valid(1)
    buf = io.BytesIO(base)
    out = io.BytesIO()
    import warnings
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in zin.infolist():
            z.writestr(item.filename, zin.read(item.filename))
        other = xsheet([NETWORK_HEAD, ["evil", "Ond", ("date", 45352)]])
        name = "xl/worksheets/SHEET2.xml" if case_only else "xl/worksheets/sheet2.xml"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            z.writestr(name, other)
    return out.getvalue()


def wb_zip_bomb(mb):
    """One part of `mb` MB of spaces (deflates to about a thousandth)."""
    buf = io.BytesIO()
    base = wb_valid(1)
    with zipfile.ZipFile(io.BytesIO(base)) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for item in zin.infolist():
            z.writestr(item.filename, zin.read(item.filename))
        with z.open("xl/media/bomb.xml", "w") as f:
            chunk = b" " * (1 << 20)
            for _ in range(mb):
                f.write(chunk)
    return buf.getvalue()


def wb_bad_dates(rows, value="2024-13-45"):
    """`rows` networks, each with a bad start (text), streamed into the part."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{XLSX_NS}"><sheetData>'
    body = "".join(xsheet_rows([NETWORK_HEAD] + [[f"n{i}", "N", value] for i in range(rows)]))
    return xlsx([ORGANISATION, ("networks", (head + body + "</sheetData></worksheet>").encode())])


# -- .ods --------------------------------------------------------------------

ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
          'office:version="1.2"')


def ocell(v):
    if isinstance(v, tuple):
        return v[1]
    if isinstance(v, str):
        return f'<table:table-cell office:value-type="string"><text:p>{xml_text(v)}</text:p></table:table-cell>'
    if v is None:
        return "<table:table-cell/>"
    return f'<table:table-cell office:value-type="float" office:value="{v}"/>'


def otable(name, rows):
    if isinstance(rows, str):
        body = rows
    else:
        body = "".join("<table:table-row>" + "".join(ocell(v) for v in row) + "</table:table-row>" for row in rows)
    return f'<table:table table:name="{xml_text(name)}">{body}</table:table>'


def ods(tables):
    """An .ods of `tables` [(name, rows or the XML of its rows)]."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS}>'
               "<office:body><office:spreadsheet>"
               + "".join(otable(n, r) for n, r in tables)
               + "</office:spreadsheet></office:body></office:document-content>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                   'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                   '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                   '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                   "</manifest:manifest>")
        z.writestr("content.xml", content)
    return buf.getvalue()


ODS_ORG = ("organisation", [["name", "currency"], ["Kommunen", "SEK"]])
ODS_NETWORKS = ("networks", [NETWORK_HEAD, ["n1", "Ett", "2024-03-01"]])


def ods_valid(networks=3):
    rows = [NETWORK_HEAD] + [[f"n{i}", f"Nätverk {i}", "2024-03-01"] for i in range(networks)]
    return ods([ODS_ORG, ("networks", rows)])


def ods_spaces(count, per_cell=1, cells=1):
    """String cells holding `per_cell` `<text:s text:c="count"/>` each."""
    s = f'<text:s text:c="{count}"/>' * per_cell
    cell = ("raw", f'<table:table-cell office:value-type="string"><text:p>a{s}b</text:p></table:table-cell>')
    return ods([ODS_ORG, ODS_NETWORKS, ("notes", [[cell] * cells])])


def ods_repeated(cell_xml, cols=16384, rows=1_048_576, row_attr=None):
    """One cell repeated over `cols` columns, its row over `rows` rows."""
    ra = row_attr if row_attr is not None else f'table:number-rows-repeated="{rows}"'
    body = (f'<table:table-row {ra}>'
            + cell_xml.replace("{cols}", str(cols)) + "</table:table-row>")
    return ods([ODS_ORG, ODS_NETWORKS, ("notes", body)])


def ods_bad_dates(rows):
    body = ("<table:table-row>" + "".join(ocell(v) for v in NETWORK_HEAD) + "</table:table-row>"
            + "".join(f"<table:table-row>{ocell(f'n{i}')}{ocell('N')}{ocell('2024-13-45')}</table:table-row>"
                      for i in range(rows)))
    return ods([ODS_ORG, ("networks", body)])


def wb_bad_cells(rows):
    """`rows` networks, each with four bad cells (start, end, status, kind)."""
    head = ["id", "name", "start", "end", "status", "kind"]
    body = "".join(xsheet_rows([head] + [[f"n{i}", "N", "2024-13-45", "x", "nope", "nope"]
                                         for i in range(rows)]))
    part = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{XLSX_NS}"><sheetData>'
            + body + "</sheetData></worksheet>").encode()
    return xlsx([ORGANISATION, ("networks", part)])
