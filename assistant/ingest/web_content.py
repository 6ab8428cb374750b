"""The main content of a saved web page, with the site around it set aside by the page's structure.

A council or police page holds one document (a press release, a bulletin, an FAQ) inside a site: skip links,
a cookie banner, a header with the site's menu, breadcrumbs, a "share this page" bar, related-stories asides,
a feedback form and a footer of links. Read whole, that chrome became passages ("Accept additional cookies",
"Home > News > Crime") and its dates and names competed with the document's own. What is kept is what the page
itself marks as its content (<main>, role="main", or the one <article> it is about); then, inside it, whatever
HTML marks as not content is dropped (navigation, asides, banners and footers, hidden elements, form controls
and the short blocks built around them, bars of short links, links that only jump within the page). Nothing
is keyed to one site's words or class names, so a site nobody here has seen reads the same way.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

# Elements that never hold the document's text.
_NEVER_TEXT = ["script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "link",
               "meta", "dialog"]
# Elements and roles that HTML defines as not the page's content.
_CHROME_TAGS = ["nav", "aside"]
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
                 "menu", "menubar", "toolbar"}
_SECTIONING = ("article", "main", "section")
_CONTROLS = ["button", "input", "select", "textarea"]
_MAX_CONTROL_BLOCK_WORDS = 80  # a cookie banner or feedback box: a few sentences around its buttons
_MAX_BAR_WORDS = 3  # a share bar or breadcrumb trail: short links with at most a short label between them
_STYLE_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def main_content(soup: BeautifulSoup) -> Tag:
    """The element holding the page's document, its chrome removed (the soup is changed in place).

    The page's own <main> (or role="main") when it has one; else the <article> the page is about; else the whole
    body. When what the page marks holds no text once its chrome is gone, the rest of the body is read instead.
    """
    for tag in soup.find_all(_NEVER_TEXT) + soup.find_all(_hidden):
        if not tag.decomposed:
            tag.decompose()
    body = soup.body or soup
    root = _marked_content(body)
    heading = _heading_outside(body, root)
    _drop_chrome(root)
    if root is not body and not word_count(root):
        _drop_chrome(body)
        return body
    if heading is not None:
        root.insert(0, heading)
    return root


def _marked_content(body: Tag) -> Tag:
    mains = body.find_all("main") + body.find_all(attrs={"role": "main"})
    if mains:
        return max(mains, key=word_count)
    articles = [article for article in body.find_all("article")
                if article.find_parent(_CHROME_TAGS) is None and article.find_parent("article") is None]
    with_title = [article for article in articles if article.find("h1") is not None]
    if len(with_title) == 1:
        return with_title[0]
    sizes = sorted((word_count(article) for article in articles), reverse=True)
    if len(sizes) == 1 or (len(sizes) > 1 and sizes[0] > 2 * sizes[1]):
        return max(articles, key=word_count)
    return body  # a list of stories, or no article at all: the whole page is its content


def _heading_outside(body: Tag, root: Tag) -> Tag | None:
    """The page's <h1> when the content the page marks does not hold it (a title bar above <main>), detached
    so it can head the content; None when the content has its own or the page has none."""
    if root is body or root.find("h1") is not None:
        return None
    heading = body.find("h1")
    if heading is None or heading.find_parent(["nav", "aside", "footer"]) is not None or \
            any(header.find_parent(_SECTIONING) is None for header in heading.find_parents("header")):
        return None  # a site's name set as the banner's <h1> is no title of the document
    return heading.extract()


def _drop_chrome(root: Tag) -> None:
    for tag in root.find_all(_CHROME_TAGS) + root.find_all(attrs={"role": list(_CHROME_ROLES)}):
        _remove(tag, root)
    for tag in root.find_all(["header", "footer"]):
        if tag.name == "footer" or tag.find_parent(_SECTIONING) is None:
            _remove(tag, root)  # a <header> inside an article or <main> is the document's own: its title, its date
    for control in root.find_all(_CONTROLS):
        if not _gone(control):
            _remove(_control_block(control, root), root)
    for tag in root.find_all(["div", "ul", "ol", "section", "span", "small"]):
        if not _gone(tag) and _link_bar(tag):
            _remove(tag, root)
    for link in root.find_all("a", href=re.compile(r"^#")):
        if not _gone(link) and word_count(link.parent) == word_count(link):
            _remove(link, root)
    for tag in root.find_all(["label", "option"]):
        _remove(tag, root)


def _control_block(control: Tag, root: Tag) -> Tag:
    """The largest element around a form control that is still only a few sentences long: the banner, search
    box or feedback question the control belongs to, not the page around it."""
    block = control
    for parent in control.parents:
        if parent is root or parent.name in ("body", "html", "main", "article", "[document]") or \
                word_count(parent) > _MAX_CONTROL_BLOCK_WORDS or parent.find("table") is not None:
            break
        block = parent
    return block


def _link_bar(tag: Tag) -> bool:
    """A bar of two or more short links with at most a short label between them: "Share: Facebook X Email",
    "Home > News > Crime". A sentence holding links, or a list of stories' headlines, is not one."""
    links = [link for link in tag.find_all("a") if word_count(link)]
    if len(links) < 2:
        return False
    linked = sum(word_count(link) for link in links)
    return word_count(tag) - linked <= _MAX_BAR_WORDS and linked / len(links) <= _MAX_BAR_WORDS


def _hidden(tag: Tag) -> bool:
    return tag.has_attr("hidden") or tag.get("aria-hidden") == "true" or \
        bool(_STYLE_HIDDEN.search(str(tag.get("style", ""))))


def _remove(tag: Tag, root: Tag) -> None:
    """Remove `tag`, and then each enclosing element it leaves without text, up to `root`."""
    if _gone(tag):
        return
    parent = tag.parent
    tag.decompose()
    while parent is not None and parent is not root and parent.name != "[document]" and \
            not parent.get_text(strip=True) and parent.find("img") is None:
        grand = parent.parent
        parent.decompose()
        parent = grand


def _gone(tag: Tag) -> bool:
    """Removed already, with an element around it."""
    return tag.decomposed or tag.parent is None


def word_count(tag: Tag) -> int:
    """Words in an element's text: how much of a page it holds."""
    return len(_WORD.findall(tag.get_text(" ")))
