"""`quotes models download`: the only place where the package touches the network."""
from __future__ import annotations

import os
from pathlib import Path

from quotes.nlp.sources import DEFAULT_PROCESSORS, LANG, stanza_resources_dir


class DownloadError(RuntimeError):
    """The official models could not be downloaded; the message says what to do instead."""


def download_official(resources_dir: str | os.PathLike | None = None,
                      processors: str = DEFAULT_PROCESSORS) -> Path:
    """Download the official Stanza Arabic models with stanza.download; return the directory."""
    import stanza

    root = Path(resources_dir) if resources_dir else stanza_resources_dir()
    try:
        stanza.download(LANG, model_dir=str(root), processors=processors, logging_level="WARN")
    except OSError as error:  # requests' connection errors are OSErrors
        raise DownloadError(
            f"cannot download the official Stanza Arabic models into {root} "
            f"({type(error).__name__}: no network?); the shipped models work offline") from error
    return root
