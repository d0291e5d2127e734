"""A throwaway Redis (the Celery broker of the real-Airflow tests) on a loopback port.

`redis-server` comes from the system packages (`.ci/run` installs it). It runs in its own process group
with no persistence, in a temp dir, and is stopped by its PID (bounded wait, then SIGKILL)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.support.processes import free_port, stop_group


def find_redis_server() -> str | None:
    return shutil.which("redis-server") or next(
        (p for p in ("/usr/bin/redis-server", "/usr/sbin/redis-server") if Path(p).exists()), None
    )


@dataclass
class RedisServer:
    port: int
    process: subprocess.Popen[bytes]
    root: Path

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        stop_group(self.process, "redis-server")
        shutil.rmtree(self.root, ignore_errors=True)


def start_redis(timeout: float = 20.0) -> RedisServer:
    binary = find_redis_server()
    if binary is None:
        raise RuntimeError("redis-server not found: install it with `apt-get install -y redis-server` (.ci/run does)")
    root = Path(tempfile.mkdtemp(prefix="steadyflow-redis-"))
    port = free_port()
    command = [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
               "--dir", str(root), "--protected-mode", "yes", "--logfile", str(root / "redis.log")]  # fmt: skip
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"redis-server exited ({process.returncode}); see {root / 'redis.log'}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(b"PING\r\n")
                if s.recv(16).startswith(b"+PONG"):
                    return RedisServer(port, process, root)
        except OSError:
            time.sleep(0.1)
    stop_group(process, "redis-server")
    raise RuntimeError(f"redis-server did not answer PING on 127.0.0.1:{port} within {timeout}s")
