"""Start the desk on uvicorn: print where it listens and the token, then serve until interrupted."""

from __future__ import annotations

import sys
from typing import Any

from warwire.serve.app import LOCAL_HOSTS, create_app
from warwire.serve.security import new_token


def serve(ledger: Any, host: str = "127.0.0.1", port: int = 8080, token: str | None = None) -> None:
    import uvicorn

    token = token or new_token()
    hosts = [*LOCAL_HOSTS, host] if host not in ("0.0.0.0", "::") else ["*"]
    app = create_app(ledger, token=token, hosts=hosts)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    print(f"warwire desk: http://{shown}:{port}/events", file=sys.stderr)
    print(f"token (log in at http://{shown}:{port}/-/login, or send 'Authorization: Bearer TOKEN'): {token}",
          file=sys.stderr, flush=True)  # fmt: skip
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
