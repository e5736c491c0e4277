"""The county's own site: which hosts a county's crawl may ask (pure; no I/O).

A county's site is its homepage's host with or without ``www.`` and every subdomain of that name
(``xxgk.``, ``zwgk.``, ``sfj.`` …): ``www.tsws.gov.cn`` gives the site ``tsws.gov.cn`` and its
subdomains. The site is the homepage's own name, never the registrable domain: ``xiangfen.linfen.gov.cn``
gives ``xiangfen.linfen.gov.cn`` and its subdomains, not ``linfen.gov.cn`` (the prefecture's portal).
Besides, single hosts can be added: the host a moved homepage redirects to (as a site), and a host the
county's pages link to whose pages carry the county's identity (as that one host: a provincial
信息公开 platform also serves other counties).

`Scope.entries()` is what the fetcher and the list readers take: exact host names, and ``.site``
entries that stand for a site and its subdomains (`common.in_hosts` reads both).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable
from urllib.parse import urlsplit

#: leading labels that name the same site (``www.x.gov.cn`` and ``x.gov.cn`` are one site)
SAME_SITE_LABELS = ("www.", "www1.", "www2.")


def site_of(host: str) -> str:
    """The site a host names: lower case, without a leading ``www.``."""
    host = (host or "").lower().rstrip(".")
    for label in SAME_SITE_LABELS:
        if host.startswith(label) and host.count(".") >= 2:
            return host[len(label):]
    return host


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


@dataclass
class Scope:
    """The hosts of one county's crawl: sites (with their subdomains) and single hosts."""

    sites: set[str] = field(default_factory=set)
    hosts: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, homepage: str, remembered: Iterable[str] = ()) -> Scope:
        """The scope of a homepage, plus the entries an earlier crawl kept (`entries()` of that crawl)."""
        scope = cls()
        if host_of(homepage):
            scope.add_site(host_of(homepage))
        for entry in remembered:
            if entry.startswith("."):
                scope.add_site(entry[1:])
            elif entry:
                scope.add_host(entry)
        return scope

    def add_site(self, host: str) -> None:
        if host:
            self.sites.add(site_of(host))

    def add_host(self, host: str) -> None:
        if host and not self.allows_host(host):
            self.hosts.add(host.lower())

    def allows_host(self, host: str) -> bool:
        host = (host or "").lower().rstrip(".")
        if not host:
            return False
        if host in self.hosts:
            return True
        return any(host == s or host.endswith("." + s) for s in self.sites)

    def allows(self, url: str) -> bool:
        return self.allows_host(host_of(url))

    def entries(self) -> tuple[str, ...]:
        """Exact hosts and ``.site`` entries (a site and its subdomains), sorted: the form kept between runs
        and handed to the fetcher and the list readers."""
        out = set(self.hosts)
        for s in self.sites:
            out.add("." + s)
            out.add(s)
            out.add("www." + s)
        return tuple(sorted(out))
