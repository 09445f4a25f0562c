"""Write build/status.html: the status figures as one self-contained page (no script, no font, no
request leaves it), with a heatmap of events × objectives whose cells lead to their messages.

The layout is the Jinja template templates/status.html, rendered with autoescaping, so that a
message's text is shown as written.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from pipeline import files
from pipeline.checks.findings import tally
from pipeline.checks.status import Status
from pipeline.errors import TemplateError, display_path
from pipeline.languages import LANGUAGES

PAGE_TEMPLATE = "status.html"
STATUS_FILE = "status.html"


def write_status_page(status: Status, templates: Path, build: Path) -> Path:
    """Write build/status.html from *status* with the template in *templates*; return its path."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    try:
        template = environment.get_template(PAGE_TEMPLATE)
        html = template.render(
            status=status,
            languages=LANGUAGES,
            cells={(cell.event, cell.objective): cell for cell in status.cells},
            columns=[*(objective.number for objective in status.objectives), None],
            tally=tally,
        )
    except jinja2.TemplateNotFound:
        raise TemplateError(f"{display_path(templates / PAGE_TEMPLATE)}: template not found") from None
    except jinja2.TemplateError as error:
        raise TemplateError(f"{display_path(templates / PAGE_TEMPLATE)}: {error.message}") from None
    path = build / STATUS_FILE
    files.write_text(path, html)  # whole or not at all: a browser may be showing it
    return path
