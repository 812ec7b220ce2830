"""Turn a raw article file into the body Parley serves.

Web debris ("Skip to content", share buttons, image file names, "most popular")
is dropped line by line by general patterns, never by editing a copy of one
article. Nothing inside a kept line changes, so evidence copied from the raw text
still matches the body.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_DEBRIS_LINE = re.compile(
    r"""^(?:
        skip\ to\ (?:main\ )?content
      | share(?:\ (?:this|the)\ (?:article|story|page))?:?
      | subscribe(?:\ now)?
      | contact\ us
      | (?:most\ (?:popular|read|viewed)|trending|related(?:\ (?:articles|stories|news))?):?
      | advertisement
      | read\ (?:more|also|next):?
      | sign\ up(?:\ for\ (?:our|the)\ newsletter)?
      | follow\ us(?:\ on\ .{1,40})?
      | print
      | (?:e-?mail|whatsapp|facebook|twitter|x|linkedin|telegram)
      | (?:tags|topics):
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_IMAGE_FILE_LINE = re.compile(r"^[^/\\]{1,200}\.(?:jpe?g|png|gif|webp|avif|svg)$", re.IGNORECASE)
_BLANK_RUN = re.compile(r"\n{3,}")


def sha256_hex(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def is_debris(line: str) -> bool:
    stripped = line.strip()
    return bool(_DEBRIS_LINE.match(stripped) or _IMAGE_FILE_LINE.match(stripped))


def clean_body(text: str) -> str:
    """Normalize line endings and Unicode (NFC), drop debris lines, squeeze blank runs."""
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n") if not is_debris(line)]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip()
