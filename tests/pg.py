"""A throwaway PostgreSQL server for the store tests.

``PgServer.start()`` finds the server binaries (``pg_config --bindir``, else the newest
``/usr/lib/postgresql/*/bin``), runs ``initdb`` into a temporary directory (as the user
``postgres`` through ``runuser`` when the tests run as root: PostgreSQL refuses to run as root),
starts the server with ``pg_ctl`` on a free port, listening on a Unix socket in that directory
only, and ``database()`` creates a fresh database and returns its ``postgresql://`` URL.
``stop()`` stops the server and removes the directory. ``PgServer.start()`` raises
``PgUnavailable`` (with the reason) when there are no binaries or the server does not start.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import Optional


class PgUnavailable(RuntimeError):
    pass


def bindir() -> Optional[Path]:
    try:
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, timeout=10)
        if out.returncode == 0 and (Path(out.stdout.strip()) / "initdb").exists():
            return Path(out.stdout.strip())
    except (OSError, subprocess.TimeoutExpired):
        pass
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self, bins: Path, root: Path, port: int, as_postgres: bool):
        self.bins, self.root, self.port, self.as_postgres = bins, root, port, as_postgres
        self.data = root / "data"

    def _run(self, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
        cmd = [str(self.bins / args[0]), *args[1:]]
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)

    @classmethod
    def start(cls) -> "PgServer":
        bins = bindir()
        if bins is None:
            raise PgUnavailable("no PostgreSQL server binaries (install Debian's postgresql package)")
        as_postgres = os.geteuid() == 0
        root = Path(tempfile.mkdtemp(prefix="rashomon-pg-"))
        if as_postgres:
            shutil.chown(root, "postgres", "postgres")
        server = cls(bins, root, _free_port(), as_postgres)
        steps = [("initdb", "-D", str(server.data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"),
                 ("pg_ctl", "-D", str(server.data), "-w", "-l", str(root / "log"), "-o",
                  f"-p {server.port} -k {root} -c listen_addresses='' -c fsync=off -c synchronous_commit=off", "start")]
        for step in steps:
            res = server._run(*step)
            if res.returncode != 0:
                log = (root / "log").read_text(errors="replace")[-2000:] if (root / "log").exists() else ""
                shutil.rmtree(root, ignore_errors=True)
                raise PgUnavailable(f"{step[0]} failed: {res.stderr.strip()[-2000:]} {log}")
        return server

    def database(self) -> str:
        """Create a fresh database; return its URL."""
        name = "t" + uuid.uuid4().hex[:12]
        res = self._run("createdb", "-h", str(self.root), "-p", str(self.port), "-U", "postgres", name)
        if res.returncode != 0:
            raise PgUnavailable(f"createdb failed: {res.stderr.strip()}")
        return f"postgresql://postgres@/{name}?host={self.root}&port={self.port}"

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
