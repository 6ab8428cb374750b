"""Saved web pages of the shapes councils and police forces publish, generated with invented names and figures,
each with what a reader of the page would take from it: its title, date and publisher, the paragraphs and list
items of its content (under their headings), its table rows with their header, and the site chrome around it.

Shapes: a GOV.UK-like page (skip link, cookie banner, breadcrumbs, <main>, feedback form, footer); a police news
page (no <main>; an <article> with a share bar, a related-stories aside, JSON-LD); a council page built of
<div>s only (a cookie banner with buttons, a menu, a two-row table header, an FAQ in <details>, a copyright footer)
saved in windows-1252; and a bare fragment with no <html> or <head>.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from html import escape

from generated_corpora import coined, coined_person


@dataclass
class Page:
    """One generated page and what it holds."""

    file: str
    html: str
    encoding: str
    title: str
    date: str  # ISO, or "" when the page gives none of its own
    publisher: str  # "" when the page names none
    paragraphs: dict[str, str] = field(default_factory=dict)  # paragraph -> the heading it sits under
    items: dict[str, str] = field(default_factory=dict)  # list item -> the heading it sits under
    rows: list[dict[str, str]] = field(default_factory=list)  # each body row: header -> cell (first: its name)
    chrome: list[str] = field(default_factory=list)  # lines of the site around the content

    @property
    def data(self) -> bytes:
        return self.html.encode(self.encoding)


def _date(rng: random.Random) -> dt.date:
    return dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 600))


def _sentence(rng: random.Random, place: str) -> str:
    count = rng.randrange(12, 400)
    what = rng.choice(["burglaries", "thefts of vehicles", "reports of anti-social behaviour", "shoplifting offences"])
    return (f"Officers in {place} recorded {count} {what} over the summer, and {coined_person(rng)} "
            f"asked residents to report anything suspicious.")


def _chrome(rng: random.Random) -> dict[str, list[str]]:
    return {"menu": [f"{coined(rng)} services", f"{coined(rng)} news", "Contact us", f"About {coined(rng)}"],
            "crumbs": ["Home", f"{coined(rng)} news", f"{coined(rng)} crime"],
            "footer": [f"{coined(rng)} accessibility", "Privacy notice", f"{coined(rng)} jobs"],
            "related": [f"{coined(rng)} man charged after {coined(rng)} break-ins at the weekend",
                        f"Appeal for witnesses after {coined(rng)} collision on the ring road"]}


def _links(texts: list[str], tag: str = "li") -> str:
    return "".join(f'<{tag}><a href="/{i}">{escape(text)}</a></{tag}>' for i, text in enumerate(texts))


def govuk_page(seed: int) -> Page:
    rng = random.Random(seed)
    place, site = coined(rng), "GOV.UK"
    title = f"Knife crime in {place}: what we are doing"
    published = _date(rng)
    chrome = _chrome(rng)
    cookie = [f"Cookies on {site}", "We use some essential cookies to make this service work.",
              "Accept additional cookies", "Reject additional cookies"]
    sections = {f"Patrols in {coined(rng)}": [_sentence(rng, place) for _ in range(2)],
                f"Support for {coined(rng)} victims": [_sentence(rng, place)]}
    items = [f"Weapon sweeps in {coined(rng)} Park", f"Knife arches at {coined(rng)} station"]
    body = "".join(f"<h2>{escape(h)}</h2>" + "".join(f"<p>{escape(p)}</p>" for p in ps) for h, ps in sections.items())
    last = list(sections)[-1]
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} - {site}</title><meta property="og:site_name" content="{site}">
<meta name="description" content="How {place} is tackling knife crime"><link rel="stylesheet" href="/s.css">
<script>window.dataLayer = [{{"page": "tracking"}}];</script></head><body>
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<div class="govuk-cookie-banner" role="region" aria-label="{cookie[0]}"><h2>{cookie[0]}</h2><p>{cookie[1]}</p>
<button type="submit">{cookie[2]}</button> <button type="submit">{cookie[3]}</button></div>
<header class="govuk-header"><a href="/">{site}</a><nav><ul>{_links(chrome["menu"])}</ul></nav></header>
<div class="govuk-width-container"><nav aria-label="Breadcrumb"><ol>{_links(chrome["crumbs"])}</ol></nav>
<main id="main-content"><h1>{escape(title)}</h1>
<dl><dt>From:</dt><dd>{place} Community Safety Team</dd><dt>Published</dt>
<dd><time datetime="{published.isoformat()}">{published.day} {published:%B %Y}</time></dd></dl>
{body}<ul>{''.join(f"<li>{escape(i)}</li>" for i in items)}</ul>
<aside><h2>Related content</h2><ul>{_links(chrome["related"])}</ul></aside>
<div class="feedback"><h2>Is this page useful?</h2><form><button>Yes</button> <button>No</button></form></div>
</main></div><footer><ul>{_links(chrome["footer"])}</ul><p>All content is available under the Open Government
Licence v3.0, except where otherwise stated</p><p>© Crown copyright</p></footer></body></html>"""
    paragraphs = {p: h for h, ps in sections.items() for p in ps}
    return Page(f"govuk-{seed}.html", html, "utf-8", title, published.isoformat(), site, paragraphs,
                {i: last for i in items}, [], cookie + chrome["menu"] + chrome["crumbs"] + chrome["related"]
                + chrome["footer"] + ["Skip to main content", "Is this page useful?"])


def police_news_page(seed: int) -> Page:
    rng = random.Random(seed)
    force = f"{coined(rng)} Police"
    place = coined(rng)
    title = f"Arrests after {place} burglary spree"
    published = _date(rng)
    chrome = _chrome(rng)
    share = ["Share this page", "Facebook", "X", "Email"]
    paragraphs = [_sentence(rng, place) for _ in range(3)]
    quote = f"Detective Inspector {coined_person(rng)} said: \u201cWe will not tolerate this.\u201d"
    html = f"""<html><head><meta charset="utf-8"><title>{escape(title)} | {force}</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{title}", "datePublished": "{published.isoformat()}T10:30:00+01:00"}}</script></head><body>
<header><img src="/logo.png" alt="{force} logo"><nav><ul>{_links(chrome["menu"])}</ul></nav>
<form action="/search"><label for="q">Search</label><input id="q" name="q"><button>Go</button></form></header>
<div class="crumbs"><a href="/">{chrome["crumbs"][0]}</a> &gt; <a href="/n">{chrome["crumbs"][1]}</a> &gt;
<a href="/c">{chrome["crumbs"][2]}</a></div>
<article><header><h1>{escape(title)}</h1><p>Posted <time datetime="{published.isoformat()}">
{published:%d/%m/%Y}</time></p></header>
{''.join(f"<p>{escape(p)}</p>" for p in paragraphs)}<p>{escape(quote)}</p>
<div class="share"><span>{share[0]}</span> <a href="https://f/s">{share[1]}</a> <a href="https://x/s">{share[2]}</a>
<a href="mailto:?s">{share[3]}</a></div></article>
<aside><h2>Related stories</h2><ul>{_links(chrome["related"])}</ul></aside>
<footer><ul>{_links(chrome["footer"])}</ul><p>&copy; {published.year} {force}</p></footer></body></html>"""
    texts = {p: "" for p in paragraphs + [quote]}
    return Page(f"police-news-{seed}.html", html, "utf-8", title, published.isoformat(), force,
                {p: title for p in texts}, {}, [], chrome["menu"] + chrome["crumbs"] + chrome["related"]
                + chrome["footer"] + share + ["Search"])


def council_page(seed: int) -> Page:
    """A page of <div>s only, saved in windows-1252 with "£" and curly quotes, with a table of figures."""
    rng = random.Random(seed)
    council = f"{coined(rng)} District Council"
    title = f"Community safety figures for {coined(rng)}"
    published = _date(rng)
    chrome = _chrome(rng)
    cookie = [f"{council} uses cookies to make the site simpler.", "Accept", "Decline"]
    wards = sorted({f"{coined(rng)} Ward" for _ in range(4)})
    figures = {ward: (rng.randrange(100, 900), rng.randrange(100, 900), rng.randrange(10, 90)) for ward in wards}
    header = ["Ward", "Offences 2023", "Offences 2024", "Detection rate"]
    intro = (f"The partnership spent \u00a3{rng.randrange(20, 90)},000 on \u2018safer streets\u2019 "
             f"work in {coined(rng)} this year.")
    faq_question = f"How do I report {coined(rng)} fly-tipping?"
    faq_answer = f"Use the online form or call {coined(rng)} on 0{rng.randrange(1000, 9999)} {rng.randrange(100000, 999999)}."
    rows = "".join(f"<tr><td>{ward}</td><td>{a}</td><td>{b}</td><td>{c}%</td></tr>"
                   for ward, (a, b, c) in figures.items())
    html = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>{escape(title)}</title><meta name="DC.date.issued" content="{published.isoformat()}"></head><body>
<div id="cookie-notice"><p>{cookie[0]}</p><input type="button" value="{cookie[1]}"><button>{cookie[2]}</button></div>
<div id="top"><div class="logo">{council}</div><ul class="menu">{_links(chrome["menu"])}</ul></div>
<div id="content"><h1>{escape(title)}</h1><p>{escape(intro)}<br>Figures are for the year to March.</p>
<h2>Recorded crime by ward</h2>
<table><thead><tr><th rowspan="2">Ward</th><th colspan="2">Offences</th><th rowspan="2">Detection rate</th></tr>
<tr><th>2023</th><th>2024</th></tr></thead><tbody>{rows}</tbody></table>
<h2>Questions</h2><details><summary>{escape(faq_question)}</summary><p>{escape(faq_answer)}</p></details></div>
<div id="foot"><ul>{_links(chrome["footer"])}</ul><p>Copyright &copy; {published.year} {council}. All rights
reserved.</p></div></body></html>"""
    table_rows = [dict(zip(header, [ward, str(a), str(b), f"{c}%"])) for ward, (a, b, c) in figures.items()]
    return Page(f"council-{seed}.html", html, "cp1252", title, published.isoformat(), council,
                {intro: title, "Figures are for the year to March.": title,
                 faq_answer: faq_question}, {}, table_rows,
                cookie + chrome["menu"] + chrome["footer"] + [council + ". All rights reserved."])


def fragment(seed: int) -> Page:
    """A bare fragment, as copied out of a content system: no <html>, <head> or title of its own."""
    rng = random.Random(seed)
    heading = f"{coined(rng)} neighbourhood watch update"
    paragraphs = [_sentence(rng, coined(rng)) for _ in range(2)]
    items = [f"Lock {coined(rng)} sheds", f"Mark bikes at {coined(rng)} hall"]
    html = (f"<h2>{escape(heading)}</h2>" + "".join(f"<p>{escape(p)}&nbsp;</p>" for p in paragraphs)
            + "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")
    return Page(f"fragment-{seed}.html", html, "utf-8", heading, "", "", {p: heading for p in paragraphs},
                {i: heading for i in items}, [], [])


SHAPES = (govuk_page, police_news_page, council_page, fragment)
