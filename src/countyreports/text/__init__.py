"""Pure text: character classes, decoding bytes, numerals, mojibake, pinyin glosses, cleaning a report text.

Functions of strings and bytes, no I/O but the package's own data files (``text/data/``). May import only
`countyreports.models`, `.errors`, `.settings` and `.native` (the compiled build of these modules).
"""

from countyreports import native as _native

_native.activate(__path__, __name__)  # the compiled read path, when built for these sources (countyreports.native)
