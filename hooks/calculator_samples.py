"""MkDocs hook: put this language's calculator sample files into the site.

Thin on purpose: the files' content lives in sitegen/calculator_samples.py.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from sitegen.calculator_samples import samples


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for sample in samples(config.extra["lang"]).values():
        # Bytes, so the byte-order mark and CRLF line ends arrive as written.
        files.append(File.generated(config, sample.path, content=sample.content.encode("utf-8")))
    return files
