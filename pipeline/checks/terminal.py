"""Show the status figures in a terminal, as rich tables."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from pipeline.checks.findings import tally
from pipeline.checks.status import Status
from pipeline.languages import LANGUAGES


def status_tables(status: Status) -> RenderableType:
    """Return the figures of *status* as a group of tables to print."""
    return Group(
        _heading(status),
        _events(status),
        _objectives(status),
        _translations(status),
        _words(status),
        _duplicates_and_findings(status),
    )


def _heading(status: Status) -> Text:
    deadline = status.deadline
    if deadline.days >= 0:
        left = Text(
            f"{deadline.days} days to the deadline", style="bold" if deadline.days > 14 else "bold red"
        )
    else:
        left = Text(f"the deadline passed {-deadline.days} days ago", style="bold red")
    text = Text(f"{status.title} ({status.symbol})\n", style="bold")
    return text + Text(f"{deadline.today.isoformat()}: ") + left + Text(f" ({deadline.date.isoformat()})")


def _events(status: Status) -> Table:
    with_summary = sum(1 for event in status.events if event.summary and event.readable)
    with_problems = sum(1 for event in status.events if not event.readable)
    title = f"Events: {with_summary} of {len(status.events)} with a summary"
    if with_problems:
        title += f", {with_problems} more whose summary has problems"
    table = Table(title=title, title_justify="left")
    for column in ("event", "date", "phase", "summary", "language", "messages"):
        table.add_column(column, justify="right" if column == "messages" else "left", overflow="fold")
    for event in status.events:
        if event.summary and not event.readable:
            summary, style = "has problems", "bold red"
        elif event.summary:
            summary, style = ("summary" if event.summary.suffix == ".yaml" else "reports"), ""
        else:
            summary = "awaited" if event.awaiting_summary else "none"
            style = "dim" if event.phase.value == "follow-up" or event.awaiting_summary else "red"
        table.add_row(
            event.id,
            event.date,
            event.phase.value,
            summary,
            event.language or "",
            str(event.messages),
            style=style,
        )
    return table


def _objectives(status: Status) -> Table:
    gaps = [str(objective.number) for objective in status.objectives if not objective.messages]
    title = "GCM objectives" + (f": not addressed: {', '.join(gaps)}" if gaps else ": all addressed")
    table = Table(title=title, title_justify="left")
    for column in ("objective", "title", "messages", "first named", "events"):
        table.add_column(column, justify="left" if column == "title" else "right")
    for objective in status.objectives:
        table.add_row(
            str(objective.number),
            objective.title,
            str(objective.messages),
            str(objective.primary),
            str(objective.events),
            style="bold red" if not objective.messages else "",
        )
    return table


def _translations(status: Status) -> Group:
    parts: list[RenderableType] = []
    for translation in status.translations:
        name = LANGUAGES[translation.language].name
        missing = len(translation.missing)
        stale = f", {len(translation.stale)} stale" if translation.stale else ""
        parts.append(
            Text(
                f"{name}: {translation.translated} of {translation.messages} messages "
                f"({missing} missing{stale})"
            )
        )
        lacking = [entry for entry in translation.by_event if entry.missing]
        if lacking:
            table = Table("event", "messages", "missing", show_header=True)
            for entry in lacking:
                table.add_row(entry.event, str(entry.messages), str(entry.missing))
            parts.append(table)
            parts += [Text(f"  {message.uid}  {message.source}") for message in translation.missing]
        parts += [Text(f"  {message.uid}  {message.source}  (stale)") for message in translation.stale]
    return Group(Text("Translations", style="bold italic"), *parts)


def _words(status: Status) -> Table:
    table = Table(title="Length (UN word count)", title_justify="left")
    for column in ("document", "headings", "body", "footnotes", "annex", "total", "limit"):
        table.add_column(column, justify="left" if column == "document" else "right")
    for count in status.words:
        table.add_row(
            LANGUAGES[count.language].name,
            *(
                f"{number:,}"
                for number in (count.headings, count.body, count.footnotes, count.annex, count.total)
            ),
            f"{count.limit:,}",
            style="bold red" if count.over else "",
        )
    return table


def _duplicates_and_findings(status: Status) -> Group:
    lines = [Text(f"Possible duplicates: {len(status.duplicates)}", style="bold italic")]
    lines += [
        Text(f"  {pair.later} ~ {pair.earlier} ({pair.similarity} %)  {pair.location}")
        for pair in status.duplicates
    ]
    lines.append(Text(f"Checks: {tally(status.findings)} (outcome check lists them)", style="bold"))
    return Group(*lines)
