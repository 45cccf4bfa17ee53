"""What ``docingest plugins`` checks: that every plugin loads, passes validation, returns well-formed
components, and runs on sample documents without raising.

:func:`diagnose` builds the plugin manager and a pipeline as ``docingest ingest`` would, then runs each stage
on a small HTML page and a plain-text article read from files (so that loaders run too), makes and closes a
fetcher (no request is sent), asks each input reader whether it accepts the files and has each output writer
write the article. Every problem ends up in the manager's ``problems``, attributed to its plugin.
"""

from __future__ import annotations

import io
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from .errors import IngestError, PluginWarning
from .faults import blamed
from .models import Article, Failure
from .pipeline import Pipeline
from .plugins import PluginManager, PluginProblem, get_plugin_manager

SAMPLE_HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ferry service to the islands resumes | The Sample Herald</title>
<meta property="og:site_name" content="The Sample Herald"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Ferry service to the islands resumes</h1><p class="byline">By Nora Lind</p>
<p>The ferry service to the outer islands resumed on Monday after a repair to the harbour crane that had kept
the boats in port for three weeks.</p>
<p>"We are glad to have the crossings back," said harbour master Jonas Berg, adding that 40 crossings a week
would run until the end of the season.</p>
<p>Islanders had relied on a single water taxi while the repair went on, and shops reported empty shelves.</p>
</article><footer>© The Sample Herald</footer></body></html>
"""

SAMPLE_TEXT = """Council approves new library hours

The city council voted on Tuesday to open the central library on Sundays from next month.

"Reading rooms should be open when people are free," said councillor Ada Moreno.

The change will cost about 120,000 euros a year, according to the council's budget office.
"""


@dataclass
class Diagnosis:
    """What :func:`diagnose` found: the manager, the pipeline, the problems (also in ``manager.problems``) and
    the records the sample documents gave."""

    manager: PluginManager
    pipeline: Pipeline
    records: list[Article | Failure] = field(default_factory=list)

    @property
    def problems(self) -> list[PluginProblem]:
        return list(self.manager.problems)


def diagnose(disable: tuple[str, ...] = (), manager: PluginManager | None = None) -> Diagnosis:
    """Load the plugins (without those in ``disable``) and exercise each one; warnings become problems only."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PluginWarning)
        pm = manager if manager is not None else get_plugin_manager(disable=disable)
        pipeline = Pipeline(plugin_manager=pm, disable=disable)
        found = Diagnosis(pm, pipeline)
        with tempfile.TemporaryDirectory(prefix="docingest-plugins-") as folder:
            paths = [Path(folder) / "sample.html", Path(folder) / "sample.txt"]
            paths[0].write_text(SAMPLE_HTML, encoding="utf-8")
            paths[1].write_text(SAMPLE_TEXT, encoding="utf-8")
            for path in paths:
                record = pipeline.run(str(path))
                found.records.append(record)
                if isinstance(record, Failure) and record.kind == "plugin_error" and record.plugin:
                    _report(pm, record.plugin, f"on a sample {path.suffix[1:]} document, it {blamed(record)}")
            _try_fetcher(pipeline, pm)
            _try_readers(pipeline, pm, [str(p) for p in paths])
            articles = [r for r in found.records if isinstance(r, Article)]
            if articles:
                _try_writers(pipeline, pm, articles[0])
    recorded = {problem.sentence() for problem in pm.problems}
    for warning in caught:  # those not about a plugin's problem (an unknown name in the environment ...)
        if str(warning.message) not in recorded:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    return found


def _report(pm: PluginManager, plugin: str, message: str) -> None:
    pm.report(PluginProblem(plugin, message))


def _try_fetcher(pipeline: Pipeline, pm: PluginManager) -> None:
    try:
        pipeline.new_fetcher().close()
    except IngestError as exc:
        if exc.failure.plugin:
            _report(pm, exc.failure.plugin, f"cannot make a fetcher: it {blamed(exc.failure)}")
    except Exception as exc:
        _report(pm, pipeline.owner(None), f"its fetcher fails to close: {_says(exc)}")


def _try_readers(pipeline: Pipeline, pm: PluginManager, paths: list[str]) -> None:
    for reader in pipeline.input_readers:
        for path in paths:
            try:
                reader.accepts(path)
            except Exception as exc:
                _report(pm, pipeline.owner(reader), f"input reader {reader.name} raises in accepts(): {_says(exc)}")
                break


def _try_writers(pipeline: Pipeline, pm: PluginManager, article: Article) -> None:
    for writer in pipeline.output_writers:
        try:
            sink = writer.open(io.StringIO())
            sink.write(article)
            sink.close()
        except Exception as exc:
            _report(pm, pipeline.owner(writer), f"output writer {writer.name} fails to write an article: {_says(exc)}")


def _says(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


__all__ = ["SAMPLE_HTML", "SAMPLE_TEXT", "Diagnosis", "diagnose"]
