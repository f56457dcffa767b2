"""`jobboard serve`: the board in a web browser, through textual-serve.

textual-serve runs the board (the same `jobboard` TUI, the same keys) as a process of its own
for each browser tab, and relays its screen and the browser's keys and mouse over a websocket.
Each tab is then one more user of the board file: the store's locked writes and live reload
keep tabs, terminals and scripts in step, as they do for two terminals.

Safe by default: it serves on the loopback address, which only this machine can reach, and
only to a browser holding the token in the address it prints (jobboard.web checks it, and
the Host and Origin of every request). Another address needs ``--public``: anyone who has the
address with its token controls the board. Nothing here imports textual: the server only
starts `jobboard` processes.
"""

from __future__ import annotations

import errno
import ipaddress
import shlex
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

import click

from jobboard.cli.session import Session, pass_session

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def is_loopback(host: str) -> bool:
    """Can only this machine reach ``host``? (localhost, 127.0.0.0/8, ::1)"""
    name = host.strip().strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    """Is ``host`` every address of this machine (0.0.0.0, ::)? No browser can use it as a URL."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def page_url(host: str, port: int) -> str:
    """The address a browser opens: an IPv6 address in brackets, a wildcard as this machine's name."""
    if is_wildcard(host):
        host = socket.gethostname()
    elif ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"


def port_problem(host: str, port: int) -> str | None:
    """Why the server could not listen on ``host``:``port`` (one sentence), or None.

    Tried by binding each address the server will bind, as it will (SO_REUSEADDR), then
    letting go: a port another program listens on fails here, before anything starts."""
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        return f"cannot serve on '{host}': {error.strerror}; give --host an address of this machine."
    for family, kind, proto, _name, address in addresses:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(address)
            except OSError as error:
                if error.errno == errno.EADDRINUSE:
                    return f"port {port} on {host} is already in use; choose another with --port."
                return f"cannot serve on {host} port {port}: {error.strerror}."
    return None


def board_command(session: Session) -> str:
    """The shell command textual-serve runs for each tab: this Python's `jobboard` on the
    same board and config (absolute paths, so the working folder does not matter)."""
    words = [sys.executable, "-m", "jobboard", "--db", str(session.board_path.resolve())]
    words += ["--config", str(session.config_path.resolve())]
    if session.theme:
        words += ["--theme", session.theme]
    return shlex.join(words)


@click.command()
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535), help="Port.")
@click.option("--public", is_flag=True, help="Allow a host other than loopback: anyone who reaches it edits the board.")
@click.option("--url", help="The address browsers use to reach the server (default http://HOST:PORT).")
@click.option(
    "--max-tabs", default=8, show_default=True, type=click.IntRange(1, 64),
    help="How many browser tabs may show the board at once (each runs a board of its own).",
)
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), help="Board file (as `jobboard --db`).")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path), help="config.toml (as `jobboard --config`).")
@pass_session
def serve(
    session: Session,
    host: str,
    port: int,
    public: bool,
    url: str | None,
    max_tabs: int,
    db: Path | None,
    config: Path | None,
) -> None:
    """Open the board in a web browser: serves it until Ctrl+C.

    Each browser tab runs its own board, in step with the others and with any terminal open
    on the same file. Only this machine can reach it unless --host and --public say otherwise.
    """
    if db is not None or config is not None:
        session = Session(db or session.board_path, config or session.config_path, session.theme)
    if not is_loopback(host):
        if not public:
            raise click.UsageError(
                f"serving on {host} lets anyone who can reach port {port} read and change your board; "
                "add --public if that is what you want"
            )
        click.echo(
            f"jobboard: warning: anyone who can reach {host} port {port} and has the address printed "
            "below (with its token) can read and change this board.",
            err=True,
        )
    # A broken config.toml, a file that is not a board or a theme no one has: one line now,
    # rather than a page that never opens in every tab.
    session.store.check()
    if session.theme or session.settings.theme:
        from jobboard.cli.themes import theme_in_force  # loads textual.theme (not the app)

        theme_in_force(session)
    problem = port_problem(host, port)
    if problem:
        raise click.ClickException(problem)

    from jobboard.web import BoardServer

    if url is not None and urlsplit(url).scheme not in ("http", "https"):
        raise click.BadParameter(f"'{url}' is not an http:// or https:// address", param_hint="--url")
    url = url or page_url(host, port)
    bound = urlsplit(page_url(host, port)).netloc
    command = board_command(session)
    server = BoardServer(command, session.board_path, host=host, port=port, url=url, max_tabs=max_tabs, bound=bound)
    try:
        server.serve()
    except OSError as error:  # another program took the port in the meantime
        raise click.ClickException(f"cannot serve on {host} port {port}: {error.strerror or error}.") from error
