"""A throwaway PostgreSQL cluster on a loopback port, for the tests and benchmarks.

initdb refuses to run as root, so when we are root the server runs as the `postgres` user (created by
the Debian packages) or, failing that, `nobody`. The cluster lives in a temp dir and is removed on stop.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PG_BIN_CANDIDATES = ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin")


def find_pg_bin() -> Path | None:
    env = os.environ.get("STEADYFLOW_PG_BIN")
    for candidate in ([env] if env else []) + list(PG_BIN_CANDIDATES):
        if candidate and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_as_prefix() -> tuple[list[str], str | None]:
    """Command prefix that drops root privileges, and the user name it drops to."""
    if os.geteuid() != 0:
        return [], None
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        return ["runuser", "-u", user, "--"], user
    raise RuntimeError("running as root and neither a 'postgres' nor a 'nobody' user exists for initdb")


@dataclass
class PostgresCluster:
    host: str
    port: int
    user: str
    dbname: str
    data_dir: Path
    pg_bin: Path
    _prefix: list[str]
    _root: Path

    def env(self) -> dict[str, str]:
        """The variables that integration_tests/profiles.yml reads for its postgres target."""
        return {
            "STEADYFLOW_PG_HOST": self.host,
            "STEADYFLOW_PG_PORT": str(self.port),
            "STEADYFLOW_PG_USER": self.user,
            "STEADYFLOW_PG_PASSWORD": "",
            "STEADYFLOW_PG_DBNAME": self.dbname,
        }

    def dsn(self) -> str:
        return f"host={self.host} port={self.port} user={self.user} dbname={self.dbname}"

    def stop(self) -> None:
        subprocess.run(
            [*self._prefix, str(self.pg_bin / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self._root, ignore_errors=True)


def start_cluster(user: str = "steadyflow", dbname: str = "steadyflow") -> PostgresCluster:
    pg_bin = find_pg_bin()
    if pg_bin is None:
        raise RuntimeError("PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin and PATH)")
    prefix, os_user = _run_as_prefix()
    root = Path(tempfile.mkdtemp(prefix="steadyflow-pg-"))
    data_dir = root / "data"
    sock_dir = root / "sock"
    sock_dir.mkdir()
    if os_user is not None:
        pw = pwd.getpwnam(os_user)
        for p in (root, sock_dir):
            os.chown(p, pw.pw_uid, pw.pw_gid)
    os.chmod(root, 0o755)

    def run(*args: str) -> None:
        proc = subprocess.run([*prefix, *args], capture_output=True, text=True, cwd=root)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")

    run(str(pg_bin / "initdb"), "-D", str(data_dir), "-U", user, "--auth=trust", "-E", "UTF8", "--no-sync")
    for attempt in range(3):  # another process (a parallel pytest worker) may take the free port first
        port = _free_port()
        opts = (
            f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={sock_dir} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
        )
        try:
            run(str(pg_bin / "pg_ctl"), "-D", str(data_dir), "-o", opts, "-l", str(root / "server.log"), "-w", "start")
            break
        except RuntimeError:
            log = (root / "server.log").read_text(errors="replace") if (root / "server.log").exists() else ""
            if attempt == 2 or "already in use" not in log:
                raise
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        probe = subprocess.run([str(pg_bin / "pg_isready"), "-h", "127.0.0.1", "-p", str(port)], capture_output=True)
        if probe.returncode == 0:
            break
        time.sleep(0.2)
    run(str(pg_bin / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", user, dbname)
    return PostgresCluster("127.0.0.1", port, user, dbname, data_dir, pg_bin, prefix, root)
