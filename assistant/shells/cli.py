"""Command line: `assistant index | ask | check | eval`. A thin shell over the engine.

Results go to stdout, progress and errors to stderr. Exit codes: 0 success (an honest "not found"
is a success), 1 unexpected failure, 2 unusable question or input file, 3 corpus problem,
4 no index, 5 damaged index.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from assistant import config
from assistant.errors import AssistantError
from assistant.records import Answer


class CliError(click.ClickException):
    """An engine error shown as a one-line message with the engine's exit code, never a traceback."""

    def __init__(self, error: AssistantError):
        super().__init__(str(error))
        self.exit_code = error.exit_code


def _engine():
    from assistant.engine import Assistant

    return Assistant.load()


def _print_answer(respond, as_json: bool) -> None:
    """Load the engine, get one answer, print it as text or as the JSON contract; errors become messages."""
    try:
        answer = respond(_engine())
    except AssistantError as error:
        raise CliError(error) from error
    click.echo(json.dumps(answer.to_dict(), ensure_ascii=False) if as_json else render(answer))


def render(answer: Answer) -> str:
    """Human-readable answer: the text, caveats, then each numbered source with its quote."""
    lines = [answer.text]
    if answer.verdict:
        lines.insert(0, f"Verdict: {answer.verdict.upper()}")
    for caveat in answer.caveats:
        lines.append(f"Caution: {caveat}")
    if answer.suggestion:
        lines.append(f"Safer wording: {answer.suggestion}")
    if answer.citations:
        lines.append("")
        lines.append("Sources:")
    for citation in answer.citations:
        lines.append(f"  [{citation.n}] {citation.locator}")
        quote = " | ".join(part.strip() for part in citation.quote.split("\t"))
        lines.append(f"      “{quote}”")
    return "\n".join(lines)


@click.group()
@click.version_option(package_name="assistant")
def main():
    """Cited answers about crime and community safety from the local-government documents in the corpus.

    \b
    Start with:  assistant index
    Then:        assistant ask "How many shoplifting offences in Chelmsford?"
    """


@main.command()
@click.option("--force", is_flag=True, help="Rebuild everything, even if nothing changed.")
def index(force):
    """Build the index from corpus/ into index/, re-embedding only what changed.

    \b
    Example:
      assistant index
      assistant index --force
    """
    from assistant.store.build import build_index

    with click.progressbar(length=100, label="Indexing", file=sys.stderr) as bar:
        def progress(message, fraction):
            bar.label = message
            bar.update(int(fraction * 100) - bar.pos)

        try:
            report = build_index(config.corpus_dir(), config.index_dir(), force=force, progress=progress)
        except AssistantError as error:
            raise CliError(error) from error
    for problem in report.problems:
        click.echo(f"Problem: {problem['file']}: {problem['message']}", err=True)
    if not report.built:
        click.echo(f"Index is up to date ({report.documents} documents, {report.chunks} passages).")
        return
    click.echo(f"Indexed {report.documents} documents: {report.chunks} passages "
               f"({report.embedded} embedded, {report.reused} reused), {report.table_values} table values, "
               f"in {report.seconds:.1f} s -> {report.directory}")
    for line in [*report.catalogue.describe(), *(report.street.describe() if report.street else []),
                 *(report.stats.describe() if report.stats else [])]:
        click.echo(f"  {line}")


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract instead of text.")
def ask(question, as_json):
    """Answer a question with numbered citations, or say plainly that the documents do not hold it.

    \b
    Example:
      assistant ask "Has shoplifting gone up in Braintree?"
      assistant ask "What was the solved rate for robbery in Colchester?" --json
    """
    _print_answer(lambda engine: engine.ask(question), as_json)


@main.command()
@click.argument("claim")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract instead of text.")
def check(claim, as_json):
    """Check a claim against the tables and documents: supported, contradicted, mixed or not found.

    \b
    Example:
      assistant check "Crime in Southend fell by 9.2%"
    """
    _print_answer(lambda engine: engine.check(claim), as_json)


@main.command(name="eval")
@click.argument("questions", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write one JSON answer per line.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Markdown report (default: OUT with .md).")
def evaluate(questions, out, report_path):
    """Answer a JSONL file of questions, claims and conversations; score the ones with `expected`.

    Exits non-zero only when the run itself fails, not when answers are wrong.

    \b
    Example:
      assistant eval questions/questions.jsonl --out results.jsonl
    """
    from assistant.shells.evaluate import run_eval

    try:
        engine = _engine()
    except AssistantError as error:
        raise CliError(error) from error
    out.parent.mkdir(parents=True, exist_ok=True)
    summary, errors = run_eval(engine, questions, out, report_path or out.with_suffix(".md"),
                               warn=lambda message: click.echo(message, err=True))
    click.echo(summary)
    if errors:
        raise click.ClickException(f"{errors} item(s) could not be answered at all; see the report")
