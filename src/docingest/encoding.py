"""Bytes → text as a browser decides it (the WHATWG encoding and HTML standards).

The order is the HTML standard's encoding sniffing algorithm:

1. a byte order mark (UTF-8, UTF-16BE, UTF-16LE);
2. the ``charset`` parameter of the HTTP ``Content-Type``;
3. the ``<meta>`` prescan of the first 1024 bytes, exactly as the standard specifies it (comments, attributes,
   ``http-equiv=content-type`` with ``content="...charset=..."``, ``<meta charset>``; UTF-16 → UTF-8,
   x-user-defined → windows-1252);
4. a late ``<meta>`` (the parser's "change the encoding" when it meets one after the first 1024 bytes);
5. a detector for undeclared pages: valid UTF-8 with non-ASCII bytes → UTF-8, else a cheap heuristic among
   common legacy encodings;
6. windows-1252.

Encoding names are the WHATWG names, lower-cased (``"utf-8"``, ``"windows-1252"``, ``"shift_jis"``).
:func:`decode` turns bytes into text with the Python codec that matches each WHATWG encoding, never raising:
bytes a WHATWG single-byte index maps to C1 controls (0x80-0x9F, where Python's ``cp125x`` codecs raise)
decode to those controls, and undecodable bytes become U+FFFD.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from .models import EncodingSource

# ------------------------------------------------------------------------------------------ label table
# Every label of the WHATWG encoding standard (https://encoding.spec.whatwg.org/#names-and-labels), by name.
_NAMES_AND_LABELS: dict[str, tuple[str, ...]] = {
    "utf-8": ("unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"),
    "ibm866": ("866", "cp866", "csibm866", "ibm866"),
    "iso-8859-2": (
        "csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987",
        "l2", "latin2",
    ),
    "iso-8859-3": (
        "csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3", "iso_8859-3:1988",
        "l3", "latin3",
    ),
    "iso-8859-4": (
        "csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4", "iso_8859-4:1988",
        "l4", "latin4",
    ),
    "iso-8859-5": (
        "csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595", "iso_8859-5",
        "iso_8859-5:1988",
    ),
    "iso-8859-6": (
        "arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114", "iso-8859-6",
        "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987",
    ),
    "iso-8859-7": (
        "csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126", "iso8859-7",
        "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek",
    ),
    "iso-8859-8": (
        "csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138", "iso8859-8",
        "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual",
    ),
    "iso-8859-8-i": ("csiso88598i", "iso-8859-8-i", "logical"),
    "iso-8859-10": ("csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6"),
    "iso-8859-13": ("iso-8859-13", "iso8859-13", "iso885913"),
    "iso-8859-14": ("iso-8859-14", "iso8859-14", "iso885914"),
    "iso-8859-15": ("csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"),
    "iso-8859-16": ("iso-8859-16",),
    "koi8-r": ("cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"),
    "koi8-u": ("koi8-ru", "koi8-u"),
    "macintosh": ("csmacintosh", "mac", "macintosh", "x-mac-roman"),
    "windows-874": ("dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"),
    "windows-1250": ("cp1250", "windows-1250", "x-cp1250"),
    "windows-1251": ("cp1251", "windows-1251", "x-cp1251"),
    "windows-1252": (
        "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100",
        "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252",
        "x-cp1252",
    ),
    "windows-1253": ("cp1253", "windows-1253", "x-cp1253"),
    "windows-1254": (
        "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9",
        "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254",
    ),
    "windows-1255": ("cp1255", "windows-1255", "x-cp1255"),
    "windows-1256": ("cp1256", "windows-1256", "x-cp1256"),
    "windows-1257": ("cp1257", "windows-1257", "x-cp1257"),
    "windows-1258": ("cp1258", "windows-1258", "x-cp1258"),
    "x-mac-cyrillic": ("x-mac-cyrillic", "x-mac-ukrainian"),
    "gbk": (
        "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "x-gbk",
    ),
    "gb18030": ("gb18030",),
    "big5": ("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"),
    "euc-jp": ("cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"),
    "iso-2022-jp": ("csiso2022jp", "iso-2022-jp"),
    "shift_jis": ("csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"),
    "euc-kr": (
        "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989",
        "ksc5601", "ksc_5601", "windows-949",
    ),
    "replacement": ("csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement"),
    "utf-16be": ("unicodefffe", "utf-16be"),
    "utf-16le": ("csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"),
    "x-user-defined": ("x-user-defined",),
}  # fmt: skip

#: label → WHATWG name (lower-cased), for all labels of the standard.
LABELS: dict[str, str] = {label: name for name, labels in _NAMES_AND_LABELS.items() for label in labels}
#: The WHATWG encoding names (lower-cased).
NAMES: frozenset[str] = frozenset(_NAMES_AND_LABELS)

#: The Python codec that decodes each WHATWG encoding. The WHATWG GBK decoder is the gb18030 decoder; Big5
#: includes HKSCS; Shift_JIS and EUC-KR are Microsoft's supersets (cp932, cp949).
_PYTHON_CODECS: dict[str, str] = {
    "utf-8": "utf-8",
    "ibm866": "cp866",
    "iso-8859-2": "iso8859_2",
    "iso-8859-3": "iso8859_3",
    "iso-8859-4": "iso8859_4",
    "iso-8859-5": "iso8859_5",
    "iso-8859-6": "iso8859_6",
    "iso-8859-7": "iso8859_7",
    "iso-8859-8": "iso8859_8",
    "iso-8859-8-i": "iso8859_8",
    "iso-8859-10": "iso8859_10",
    "iso-8859-13": "iso8859_13",
    "iso-8859-14": "iso8859_14",
    "iso-8859-15": "iso8859_15",
    "iso-8859-16": "iso8859_16",
    "koi8-r": "koi8_r",
    "koi8-u": "koi8_u",
    "macintosh": "mac_roman",
    "windows-874": "cp874",
    "windows-1250": "cp1250",
    "windows-1251": "cp1251",
    "windows-1252": "cp1252",
    "windows-1253": "cp1253",
    "windows-1254": "cp1254",
    "windows-1255": "cp1255",
    "windows-1256": "cp1256",
    "windows-1257": "cp1257",
    "windows-1258": "cp1258",
    "x-mac-cyrillic": "mac_cyrillic",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "euc-jp": "euc_jp",
    "iso-2022-jp": "iso2022_jp",
    "shift_jis": "cp932",
    "euc-kr": "cp949",
    "utf-16be": "utf-16-be",
    "utf-16le": "utf-16-le",
}

_ERRORS = "docingest-whatwg"


def _whatwg_errors(exc: UnicodeError) -> tuple[str, int]:
    """Decode error handler: a byte 0x80-0x9F becomes the C1 control of the same value (as in the WHATWG
    windows-* indexes, where Python's codecs leave a few of those bytes undefined); anything else U+FFFD."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    if exc.end - exc.start == 1 and 0x80 <= bad[0] <= 0x9F:
        return chr(bad[0]), exc.end
    return "\ufffd", exc.end


codecs.register_error(_ERRORS, _whatwg_errors)

_SPACE = b"\t\n\x0c\r "
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_BE, "utf-16be"), (codecs.BOM_UTF16_LE, "utf-16le"))
#: How far past the prescan window a late ``<meta>`` is looked for (the parser would find it in the head).
LATE_META_WINDOW = 64 * 1024
_DETECT_WINDOW = 64 * 1024


def get_encoding(label: str | bytes) -> str | None:
    """The WHATWG name for a label ("latin1" → "windows-1252"), or ``None`` for a label the standard lacks."""
    if isinstance(label, bytes):
        try:
            label = label.decode("ascii")
        except UnicodeDecodeError:
            return None
    return LABELS.get(label.strip("\t\n\x0c\r ").lower())


def python_codec(name: str) -> str:
    """The Python codec that decodes the WHATWG encoding ``name`` (``replacement`` and ``x-user-defined``
    have none: :func:`decode` handles them)."""
    return _PYTHON_CODECS[name]


def decode(data: bytes, name: str) -> str:
    """``data`` decoded as the WHATWG encoding ``name`` (a name or any label); never raises.

    A leading BOM of the encoding is dropped. Unknown labels decode as windows-1252.
    """
    name = get_encoding(name) or "windows-1252"
    if name == "replacement":
        return "\ufffd" if data else ""
    if name == "x-user-defined":
        return "".join(chr(b) if b < 0x80 else chr(0xF780 + b - 0x80) for b in data)
    for bom, bom_name in _BOMS:
        if bom_name == name and data.startswith(bom):
            data = data[len(bom) :]
            break
    return data.decode(_PYTHON_CODECS[name], errors=_ERRORS)


# ------------------------------------------------------------------------------------------ HTTP charset
_HTTP_CHARSET = re.compile(r"""(?:^|;)\s*charset\s*=\s*(?:"([^"]*)"?|([^;\s]*))""", re.IGNORECASE)


def http_charset(content_type: str | None) -> str | None:
    """The WHATWG encoding named by the ``charset`` parameter of a ``Content-Type`` value, if it names one."""
    if not content_type:
        return None
    _, _, params = content_type.partition(";")
    m = _HTTP_CHARSET.search(";" + params)
    if m is None:
        return None
    return get_encoding(m.group(1) if m.group(1) is not None else m.group(2))


# ------------------------------------------------------------------------------------------ prescan
class _End(Exception):
    """The prescan ran out of bytes."""


def _get_attribute(data: bytes, pos: int) -> tuple[bytes, bytes, int] | None:
    """The HTML standard's "get an attribute" from ``pos``: (name, value, new position), or ``None`` at ``>``.

    Raises :class:`_End` when the bytes run out.
    """
    n = len(data)

    def at(i: int) -> int:
        if i >= n:
            raise _End
        return data[i]

    while at(pos) in _SPACE or at(pos) == 0x2F:
        pos += 1
    if at(pos) == 0x3E:
        return None
    name = bytearray()
    value = bytearray()
    while True:  # attribute name
        c = at(pos)
        if c == 0x3D and name:
            pos += 1
            break
        if c in _SPACE:
            while at(pos) in _SPACE:  # spaces
                pos += 1
            if at(pos) != 0x3D:
                return bytes(name), b"", pos
            pos += 1
            break
        if c in (0x2F, 0x3E):
            return bytes(name), b"", pos
        name.append(c + 0x20 if 0x41 <= c <= 0x5A else c)
        pos += 1
    while at(pos) in _SPACE:  # value
        pos += 1
    c = at(pos)
    if c in (0x22, 0x27):
        quote = c
        while True:
            pos += 1
            c = at(pos)
            if c == quote:
                return bytes(name), bytes(value), pos + 1
            value.append(c + 0x20 if 0x41 <= c <= 0x5A else c)
    if c == 0x3E:
        return bytes(name), b"", pos
    value.append(c + 0x20 if 0x41 <= c <= 0x5A else c)
    pos += 1
    while True:
        c = at(pos)
        if c in _SPACE or c == 0x3E:
            return bytes(name), bytes(value), pos
        value.append(c + 0x20 if 0x41 <= c <= 0x5A else c)
        pos += 1


_CHARSET_WORD = re.compile(rb"charset", re.IGNORECASE)


def charset_from_content(value: bytes) -> str | None:
    """The standard's "extracting a character encoding from a meta element" on a ``content`` value."""
    pos = 0
    n = len(value)
    while True:
        m = _CHARSET_WORD.search(value, pos)
        if m is None:
            return None
        pos = m.end()
        while pos < n and value[pos] in _SPACE:
            pos += 1
        if pos >= n or value[pos] != 0x3D:
            continue
        pos += 1
        while pos < n and value[pos] in _SPACE:
            pos += 1
        if pos >= n:
            return None
        c = value[pos]
        if c in (0x22, 0x27):
            end = value.find(bytes([c]), pos + 1)
            return None if end < 0 else get_encoding(value[pos + 1 : end])
        end = pos
        while end < n and value[end] not in _SPACE and value[end] != 0x3B:
            end += 1
        return get_encoding(value[pos:end])


def prescan(data: bytes) -> str | None:
    """The HTML standard's "prescan a byte stream to determine its encoding" over all of ``data`` (callers
    pass the first 1024 bytes); the WHATWG name, or ``None``."""
    try:
        return _prescan(data)
    except _End:
        return None


def _is_letter(c: int) -> bool:
    return 0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A


def _prescan(data: bytes) -> str | None:
    n = len(data)
    pos = 0
    while pos < n:
        if data.startswith(b"<!--", pos):
            end = data.find(b"-->", pos + 2)
            if end < 0:
                return None
            pos = end + 2
        elif data[pos : pos + 5].lower() == b"<meta" and pos + 5 < n and data[pos + 5] in b"\t\n\x0c\r /":
            pos += 6
            seen: set[bytes] = set()
            got_pragma = False
            need_pragma: bool | None = None
            charset: str | None = None
            while (attr := _get_attribute(data, pos)) is not None:
                name, value, pos = attr
                if name in seen:
                    continue
                seen.add(name)
                if name == b"http-equiv":
                    if value == b"content-type":
                        got_pragma = True
                elif name == b"content":
                    if charset is None and (found := charset_from_content(value)) is not None:
                        charset = found
                        need_pragma = True
                elif name == b"charset":
                    charset = get_encoding(value)
                    need_pragma = False
            if need_pragma is not None and (got_pragma or not need_pragma) and charset is not None:
                if charset in ("utf-16be", "utf-16le"):
                    return "utf-8"
                if charset == "x-user-defined":
                    return "windows-1252"
                return charset
        elif data[pos] == 0x3C and (
            (pos + 1 < n and _is_letter(data[pos + 1]))
            or (pos + 2 < n and data[pos + 1] == 0x2F and _is_letter(data[pos + 2]))
        ):
            while pos < n and data[pos] not in b"\t\n\x0c\r >":
                pos += 1
            while (attr := _get_attribute(data, pos)) is not None:
                pos = attr[2]
        elif data.startswith((b"<!", b"</", b"<?"), pos):
            end = data.find(b">", pos + 2)
            if end < 0:
                return None
            pos = end
        pos += 1
    return None


# ------------------------------------------------------------------------------------------ detection
def _is_utf8(data: bytes) -> bool:
    """True when ``data`` is UTF-8, allowing a sequence cut at the end of the sample."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.reason == "unexpected end of data" and exc.end == len(data) and exc.start >= len(data) - 3
    return True


_TAG = re.compile(rb"<[^>]*>")
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")

_CJK = ("shift_jis", "euc-jp", "gbk", "big5", "euc-kr")
_CENTRAL_EUROPEAN = frozenset(b"\x8d\x8f\x9d\xa5\xb3\xb9\xbc\xbe")
#: Single-byte encodings of non-Latin scripts, each with the most frequent lower-case letters of the script's
#: main languages: decoded with the right table, most letters of running text fall in the set.
_SINGLE_BYTE: tuple[tuple[str, str], ...] = (
    ("windows-1251", "оеаинтср"),
    ("koi8-r", "оеаинтср"),
    ("windows-1253", "αοειτνσρηάέίό"),
    ("windows-1255", "יוהלארתבמ"),
    ("windows-1256", "اليمونهر"),
    ("windows-874", "านรอกเงม"),
)


def _cjk_score(name: str, sample: bytes) -> float:
    try:
        text = sample.decode(_PYTHON_CODECS[name])
    except UnicodeDecodeError:
        return -1.0
    high = [ord(c) for c in text if ord(c) >= 0x80]
    if not high:
        return -1.0
    kana = sum(1 for c in high if 0x3040 <= c <= 0x30FF)
    hangul = sum(1 for c in high if 0xAC00 <= c <= 0xD7A3)
    han = sum(1 for c in high if 0x4E00 <= c <= 0x9FFF)
    punct = sum(1 for c in high if 0x3000 <= c <= 0x303F or 0xFF01 <= c <= 0xFF5E)
    total = len(high)
    if name in ("shift_jis", "euc-jp"):
        return (kana * 1.2 + han + punct) / total if kana else (han + punct) / total * 0.8
    if name == "euc-kr":
        return (hangul * 1.2 + punct) / total if hangul else 0.0
    return (han + punct) / total * (1.0 if not kana and not hangul else 0.5)


def detect(data: bytes) -> str | None:
    """Guess the encoding of bytes that declare none: ``None`` for pure ASCII (nothing to tell)."""
    sample = data[:_DETECT_WINDOW]
    if not any(b >= 0x80 for b in sample):
        return None
    if _is_utf8(sample):
        return "utf-8"
    text_bytes = _TAG.sub(b" ", sample)
    runs = list(_HIGH_RUN.finditer(text_bytes))
    if not runs:
        return "windows-1252"
    best, best_score = "windows-1252", 0.0
    # CJK double-byte text decodes strictly in its own encoding, as mostly ideographs, kana or hangul.
    for name in _CJK:
        score = _cjk_score(name, text_bytes)
        if score > best_score + 0.05:
            best, best_score = name, score
    if best_score >= 0.6:
        return best
    # Latin scripts put their few non-ASCII letters inside ASCII words ("café", "Zażółć"); other scripts
    # write whole words in non-ASCII bytes.
    inside = sum(
        1
        for m in runs
        if (m.start() > 0 and _is_letter(text_bytes[m.start() - 1]))
        or (m.end() < len(text_bytes) and _is_letter(text_bytes[m.end()]))
    )
    if inside >= 0.5 * len(runs):
        joined = b"".join(m.group() for m in runs)
        central = sum(1 for b in joined if b in _CENTRAL_EUROPEAN)
        if central >= 2 and central >= 0.05 * len(joined):
            return "windows-1250"
        return "windows-1252"
    best, best_score = "windows-1252", 0.0
    high_bytes = b"".join(m.group() for m in runs)
    for name, frequent in _SINGLE_BYTE:
        # Every non-ASCII byte counts: a wrong table turns some into symbols, points or unassigned bytes.
        score = sum(1 for c in decode(high_bytes, name) if c in frequent) / len(high_bytes)
        if score > best_score:
            best, best_score = name, score
    return best if best_score >= 0.3 else "windows-1252"


# ------------------------------------------------------------------------------------------ sniffing
def late_meta(data: bytes) -> str | None:
    """A ``<meta>`` declaration after the first 1024 bytes (the HTML parser's "change the encoding")."""
    if len(data) <= 1024:
        return None
    return prescan(data[:LATE_META_WINDOW])


def sniff(data: bytes, content_type: str | None = None) -> tuple[str, EncodingSource]:
    """The encoding of ``data`` (WHATWG name) and how it was found."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, "bom"
    found = http_charset(content_type)
    if found is not None:
        return found, "http"
    steps: tuple[tuple[Callable[[bytes], str | None], EncodingSource], ...] = (
        (lambda d: prescan(d[:1024]), "meta"),
        (late_meta, "meta_late"),
        (detect, "detected"),
    )
    for step, source in steps:
        found = step(data)
        if found is not None:
            return found, source
    return "windows-1252", "default"


def detect_encoding(data: bytes, content_type: str | None = None) -> str:
    """The WHATWG name (lower-cased) of the encoding a browser would decode ``data`` with."""
    return sniff(data, content_type)[0]
