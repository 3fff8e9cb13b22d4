"""The review desk: the reviewed ledger in a browser (FastAPI + Jinja2 + htmx, everything served locally)."""

from warwire.serve.app import create_app

__all__ = ["create_app"]
