"""Character classes shared by the cleaning steps (regex class bodies and constants)."""

from __future__ import annotations

__all__ = ["CJK_PUNCT", "FFFD", "HAN"]

FFFD = "\ufffd"
#: Han ideographs (regex class body): CJK unified, extension A, compatibility, extensions B-G
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
#: full-width Chinese punctuation
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—·．％"
