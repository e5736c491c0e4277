"""Anti-bot answers: a portal that blocks the crawler is not a dead portal (pure functions over an exchange).

Chinese government portals sit behind web application firewalls and JavaScript cookie challenges that
answer an automated or foreign client with a status no ordinary site uses — 412 (瑞数 / Rivers Security's
dynamic challenge), 468 (创宇盾), 521 (加速乐: a script that sets ``__jsl_clearance`` and reloads) — or with
an ordinary status (403, 200, 503) and a challenge or block page. `blocked_reason` tells such an answer, by
its status, its headers and (when there is one) its body, and says which kind it is. The county's outcome is
then ``blocked`` (not ``failed``), and `countyreports status` suggests ``--proxy``.
"""

from __future__ import annotations

import re

from countyreports.models import Fetched

#: statuses that only challenges and firewalls use: blocked whatever the body
CHALLENGE_STATUSES = {412: "HTTP 412 (a JavaScript challenge, e.g. Rivers Security)",
                      468: "HTTP 468 (a firewall's block, e.g. 创宇盾)",
                      521: "HTTP 521 (a JavaScript cookie challenge, e.g. 加速乐)"}
#: statuses that are blocks when the headers or the body say so
BLOCK_STATUSES = frozenset({200, 202, 403, 405, 429, 503})
#: firewall marks in response headers (name: pattern over the value)
HEADER_MARKS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("server", re.compile(r"wzws|yunsuo|safedog|jiasule|knownsec|cdnws|wangsu", re.I), "a firewall (server header)"),
    ("set-cookie", re.compile(r"__jsl_clearance|wzws_cid|yunsuo_session|safedog|__jsluid|_ts_|FSSBB", re.I),
     "a challenge cookie"),
    ("x-powered-by-360wzb", re.compile(r"."), "360 网站卫士"),
)
#: challenge and block pages: (pattern over the first bytes of the body, reason)
BODY_MARKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"document\.cookie\s*=.{0,400}(?:location\.(?:reload|href|replace)|window\.location)", re.S),
     "a JavaScript cookie challenge"),
    (re.compile(r"__jsl_clearance|\$_ts\s*=|_\$[a-z]{2}\(|wzws_cid|yunsuo_session_verify|safedog", re.I),
     "a JavaScript challenge"),
    (re.compile(r"访问被拒绝|访问被拦截|您的访问已被|非法访问|安全验证|请开启JavaScript|网站防火墙|"
                r"Web应用防火墙|您的请求带有不合法参数|疑似攻击|防火墙拦截|访问频率过高"),
     "a firewall's block page"),
)
#: a challenge page is small: a real page mentioning these words is not one
MAX_CHALLENGE_BYTES = 24_000


def blocked_reason(f: Fetched, body: bytes | None = None) -> str | None:
    """Why an exchange is an anti-bot answer, or None when it is not one."""
    if f.status in CHALLENGE_STATUSES:
        return CHALLENGE_STATUSES[f.status]
    if f.status not in BLOCK_STATUSES:
        return None
    for name, pattern, reason in HEADER_MARKS:
        value = f.header(name)
        if value and pattern.search(value) and f.status != 200:
            return f"HTTP {f.status}, {reason}"
    data = body if body is not None else f.body
    if data is None or len(data) > MAX_CHALLENGE_BYTES:
        return None
    text = data[:MAX_CHALLENGE_BYTES].decode("utf-8", errors="replace")
    if re.search(r"<p[\s>]", text, re.I) and len(re.sub(r"<[^>]+>|\s", "", text)) > 2000:
        return None  # a page with real text
    for pattern, reason in BODY_MARKS:
        if pattern.search(text):
            return f"HTTP {f.status}, {reason}"
    return None
