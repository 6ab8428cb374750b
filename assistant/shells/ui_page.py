"""The page's own style and behaviour: CSS and the small scripts Streamlit has no widget for.

Kept as strings here (no Streamlit import) so they can be read and tested like any other rule. Nothing is
fetched from outside: no web fonts, no icon sets, no CDN; the page must work on a closed network.

- Markers `[n]` in an answer are links to `#src-T-N` (turn T, citation N); a click opens the folded "Sources"
  section the card sits in, scrolls to it and moves keyboard focus there.
- After each new turn the page scrolls to that turn (Streamlit does not follow a conversation) and puts the
  answer into a polite live region, so a screen reader announces it.
- Copy buttons carry their text in a data attribute and write it to the clipboard.
- Small tables (a cited row's grid, the row as printed) are static HTML built once per answer: a styled
  `st.table` cost most of a page rerun, redone for every old turn.
"""

from __future__ import annotations

import html
import json

INK, MUTED_INK, FOCUS = "#111827", "#374151", "#1d4ed8"

STYLE = f"""<style>
/* Captions and grey text at 4.5:1 or better on white (Streamlit's own greys are about 3.8:1). */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{ color: {MUTED_INK} !important;
  opacity: 1 !important; }}
[data-testid="stChatMessage"] {{ scroll-margin-top: 4rem; }}
.stFeedback [data-testid="stIconMaterial"] {{ color: {MUTED_INK} !important; }}
h1.app-title {{ font-size: 1.6rem; margin: 0; padding: 0.2rem 0; }}
a[href^="#src-"] {{ font-weight: 600; text-decoration: none; color: {FOCUS}; padding: 0 0.1rem; border-radius: 0.25rem; }}
a[href^="#src-"]:hover {{ text-decoration: underline; }}
a:focus-visible, button:focus-visible, summary:focus-visible, [tabindex]:focus-visible {{
  outline: 3px solid {FOCUS} !important; outline-offset: 2px; }}
.src-head {{ font-size: 0.9rem; color: {MUTED_INK}; scroll-margin-top: 5rem; border-radius: 0.25rem; }}
.src-head .num {{ display: inline-block; min-width: 1.4rem; text-align: center; font-weight: 700;
  background: #dbeafe; color: #1e3a8a; border-radius: 0.4rem; margin-right: 0.35rem; }}
.src-head.flash {{ outline: 3px solid #f59e0b; }}
.verdict {{ font-size: 1.5rem; font-weight: 700; padding: 0.35rem 0.8rem; border-radius: 0.5rem;
  display: inline-block; margin-bottom: 0.3rem; }}
.verdict-supported {{ background: #dcfce7; color: #14532d; }}
.verdict-contradicted {{ background: #fee2e2; color: #7f1d1d; }}
.verdict-mixed {{ background: #ffedd5; color: #7c2d12; }}
.verdict-notfound, .verdict-other {{ background: #e5e7eb; color: #1f2937; }}
.reason {{ font-size: 1.05rem; margin: 0.2rem 0 0.4rem 0; }}
.doc-view {{ white-space: pre-wrap; max-height: 65vh; overflow: auto; font-size: 0.9rem; line-height: 1.45;
  border: 1px solid #d1d5db; border-radius: 0.5rem; padding: 0.8rem; background: #fff; color: {INK}; }}
.doc-view mark {{ background: #fde68a; color: {INK}; padding: 0.1rem 0; }}
button.copy {{ font: inherit; font-size: 0.85rem; border: 1px solid #9ca3af; background: #fff; color: {INK};
  border-radius: 0.4rem; padding: 0.15rem 0.6rem; cursor: pointer; }}
table.grid {{ border-collapse: collapse; font-size: 0.9rem; margin: 0.2rem 0 0.6rem 0; color: {INK}; }}
table.grid th, table.grid td {{ border: 1px solid #d1d5db; padding: 0.25rem 0.55rem; text-align: right; }}
table.grid th {{ background: #f3f4f6; font-weight: 600; }}
table.grid th[scope="row"], table.grid thead th:first-child {{ text-align: left; }}
table.grid td.used {{ background: #fde68a; font-weight: 700; }}
.grid-wrap {{ overflow-x: auto; max-width: 100%; }}
.sr-only {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }}
@media (max-width: 640px) {{
  h1.app-title {{ font-size: 1.2rem; }}
  .verdict {{ font-size: 1.25rem; }}
  [data-testid="stBottomBlockContainer"] {{ padding: 0.4rem 0.6rem 0.6rem 0.6rem !important; }}
  [data-testid="stBottomBlockContainer"] [data-testid="stHorizontalBlock"] {{ gap: 0.25rem !important; }}
  /* The input area stays small so the answer has the screen: mode switch, Edit and Clear on one row, the chip
     on its own line under them in smaller type (all of it still shown), and a one-line input box. */
  .st-key-chip-bar {{ gap: 0.2rem 0.35rem !important; }}
  .st-key-chip-bar button {{ min-height: 1.9rem !important; padding: 0.1rem 0.5rem !important;
    font-size: 0.85rem !important; }}
  .st-key-chip-bar button p {{ font-size: 0.85rem !important; }}
  .st-key-chip-bar > div:has(.st-key-chip-text) {{ order: 10; flex-basis: 100%; }}
  table.grid th, table.grid td {{ padding: 0.2rem 0.35rem; font-size: 0.8rem; }}
  .st-key-chip-text p {{ font-size: 0.82rem !important; line-height: 1.3 !important;
    margin: 0 0 0.2rem 0 !important; }}
  [data-testid="stBottomBlockContainer"] {{ padding-top: 0.3rem !important; padding-bottom: 0.35rem !important; }}
  [data-testid="stChatInput"] > div {{ padding-top: 0.15rem !important; padding-bottom: 0.15rem !important;
    min-height: 0 !important; }}
  [data-testid="stMainBlockContainer"] {{ padding-left: 0.6rem !important; padding-right: 0.6rem !important; }}
}}
</style>"""

# Installed once per page (guarded by a flag on window), then every later run is a no-op.
BEHAVIOUR = """<script>
(() => {
  if (window.__assistantPage) return;
  window.__assistantPage = true;
  const live = document.createElement('div');
  live.id = 'assistant-live'; live.className = 'sr-only';
  live.setAttribute('role', 'status'); live.setAttribute('aria-live', 'polite');
  document.body.appendChild(live);
  window.__assistantAnnounce = (text) => { live.textContent = ''; setTimeout(() => { live.textContent = text; }, 50); };
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="#src-"]');
    if (link) {
      const target = document.getElementById(link.getAttribute('href').slice(1));
      if (!target) return;
      event.preventDefault();
      for (let node = target.parentElement; node; node = node.parentElement) {
        if (node.tagName === 'DETAILS' && !node.open) node.querySelector('summary').click();
      }
      setTimeout(() => {
        target.scrollIntoView({block: 'center'});
        target.focus({preventScroll: true});
        target.classList.add('flash');
        setTimeout(() => target.classList.remove('flash'), 1600);
      }, 120);
      return;
    }
    const copy = event.target.closest('button.copy');
    if (copy) {
      const done = () => { copy.textContent = 'Copied'; setTimeout(() => { copy.textContent = 'Copy answer'; }, 1500); };
      if (navigator.clipboard) navigator.clipboard.writeText(copy.dataset.text).then(done, done);
    }
  });
})();
</script>"""


def js_string(text: str) -> str:
    """A JavaScript string literal safe inside a <script> element: "</script>" in document text must not end
    the script (and start whatever markup follows), so <, > and & are written as escapes."""
    return json.dumps(text).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def scroll_to_turn(turn: int, announce: str) -> str:
    """A script that scrolls the page so turn `turn` (0-based; each turn is a question and an answer message)
    starts at the top, and announces `announce`. Its text changes with the turn, so Streamlit runs it once per
    new turn, not on every rerun. It waits for the turn to be drawn (Streamlit draws elements as they come)."""
    return f"""<script>
(() => {{
  let tries = 0;
  const go = () => {{
    const messages = document.querySelectorAll('[data-testid="stChatMessage"]');
    const target = messages[{2 * turn}];
    if (!target || messages.length < {2 * turn + 2}) {{ if (tries++ < 100) setTimeout(go, 50); return; }}
    setTimeout(() => {{
      target.scrollIntoView({{block: 'start'}});
      // Focus lost (an example or suggestion button was redrawn away): give it to the new turn, not the page.
      const active = document.activeElement;
      if (!active || active === document.body || !active.isConnected) {{
        target.setAttribute('tabindex', '-1');
        target.focus({{preventScroll: true}});
      }}
      document.body.dataset.turnsShown = '{turn + 1}';  // for the browser tests: this turn is drawn and in view
    }}, 60);
    if (window.__assistantAnnounce) window.__assistantAnnounce({js_string(announce)});
  }};
  go();
}})();
</script>"""


def scroll_to_bottom(stamp: int) -> str:
    """A script that brings the question being answered into view (above the input bar) while it is answered."""
    return f"""<script>
(() => {{ // {stamp}
  const messages = document.querySelectorAll('[data-testid="stChatMessage"]');
  if (messages.length) messages[messages.length - 1].scrollIntoView({{block: 'end'}});
}})();
</script>"""


def anchor_id(turn: int, n: int) -> str:
    return f"src-{turn}-{n}"


def source_head(turn: int, n: int, where: str) -> str:
    """A source card's first line: its number (the target of the answer's [n] link) and where it is printed."""
    return (f'<div class="src-head" id="{anchor_id(turn, n)}" tabindex="-1">'
            f'<span class="num" aria-label="source {n}">{n}</span>{html.escape(where)}</div>')


def verdict_block(label: str, verdict: str | None) -> str:
    """The claim's verdict, large and coloured (text, not colour alone, carries the meaning)."""
    key = (verdict or "not found").lower().replace(" ", "")
    known = {"supported", "contradicted", "mixed", "notfound"}
    return (f'<div class="verdict verdict-{key if key in known else "other"}" role="heading" aria-level="2">'
            f"Verdict: {html.escape(label)}</div>")


def copy_button(text: str, label: str = "Copy answer") -> str:
    return f'<button class="copy" type="button" data-text="{html.escape(text, quote=True)}">{html.escape(label)}</button>'


def document_view(text: str, start: int, end: int, mark_id: str, more: tuple[tuple[int, int], ...] = ()) -> str:
    """A whole document as escaped text with the cited span marked (and the spans in `more`, e.g. every row a
    chart was read from), for a script that scrolls the first mark into view inside the scrolling box."""
    spans = sorted({(a, b) for a, b in ((start, end), *more) if 0 <= a < b <= len(text)})
    kept, last = [], 0
    for a, b in spans:
        if a >= last:  # overlapping spans would nest marks: keep the first
            kept.append((a, b))
            last = b
    if not kept:
        return f'<div class="doc-view">{html.escape(text)}</div>'
    parts, at = [], 0
    for i, (a, b) in enumerate(kept):
        attribute = f' id="{mark_id}"' if i == 0 else ""
        parts.append(f"{html.escape(text[at:a])}<mark{attribute}>{html.escape(text[a:b])}</mark>")
        at = b
    return f'<div class="doc-view" tabindex="0">{"".join(parts)}{html.escape(text[at:])}</div>'


def scroll_to_mark(mark_id: str) -> str:
    return f"""<script>
(() => {{
  let tries = 0;
  const go = () => {{
    const mark = document.getElementById({js_string(mark_id)});
    if (!mark) {{ if (tries++ < 60) setTimeout(go, 50); return; }}
    mark.scrollIntoView({{block: 'center'}});
  }};
  go();
}})();
</script>"""


def grid_table(frame, used: tuple[str, str] | None = None, label: str = "") -> str:
    """A small table as static HTML: real header cells (column and row) for screen readers, every text escaped,
    the `used` (row, column) cell highlighted. Built once per answer and kept, so redrawing an old turn costs a
    string, not a styled table."""
    corner = html.escape(str(frame.index.name or ""))
    head = f'<th scope="col">{corner}</th>' if corner else '<td></td>'
    head += "".join(f'<th scope="col">{html.escape(str(column))}</th>' for column in frame.columns)
    body = []
    for name, values in zip(frame.index, frame.itertuples(index=False)):
        cells = "".join(f'<td class="used">{html.escape(str(value))}</td>' if used == (name, column)
                        else f"<td>{html.escape(str(value))}</td>" for column, value in zip(frame.columns, values))
        body.append(f'<tr><th scope="row">{html.escape(str(name))}</th>{cells}</tr>')
    caption = f'<caption class="sr-only">{html.escape(label)}</caption>' if label else ""
    return (f'<div class="grid-wrap"><table class="grid">{caption}<thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')

