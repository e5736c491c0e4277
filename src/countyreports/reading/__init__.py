"""Pure document reading: an article page's main text and metadata, attachments' text, sections, report
metadata, page kinds (classify) and numeric indicators (`indicators/`); `document` composes them.

Pure functions of bytes and strings, no network, no database, no subprocess. May import `countyreports.text`
and the vocabulary below it (`models`, `errors`, `settings`, `native`).
"""

from countyreports import native as _native

_native.activate(__path__, __name__)  # the compiled read path, when built for these sources (countyreports.native)
