"""Long-running helper processes for the real-Airflow tests: each in its own process group, stopped by PID.

`start_group` starts a command as the leader of a new session (so of a new process group: everything it
forks stays in it); `stop_group` sends SIGTERM to that group, waits (bounded), then SIGKILLs it, and
`group_alive` tells whether any process of the group is left; `listening_addresses` what they listen on."""

from __future__ import annotations

import contextlib
import ipaddress
import os
import signal
import subprocess
import time
from pathlib import Path

from tests.support.postgres import _free_port


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    return _free_port()


def start_group(
    command: list[str], *, env: dict[str, str], log: Path, cwd: Path | None = None
) -> subprocess.Popen[bytes]:
    """Start `command` as a new process group, its output appended to `log`."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        return subprocess.Popen(
            command, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip


def group_members(pgid: int) -> list[int]:
    """PIDs of the live (not zombie) processes of group `pgid`, read from /proc."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended while we looked
        state, pgrp = fields[0], int(fields[2])
        if pgrp == pgid and state not in ("Z", "X"):
            members.append(int(stat.parent.name))
    return members


def group_alive(pgid: int) -> bool:
    return bool(group_members(pgid))


def stop_group(process: subprocess.Popen[bytes], name: str, *, grace: float = 30.0) -> None:
    """SIGTERM the process group led by `process`, wait up to `grace` seconds, then SIGKILL it.

    RuntimeError naming the component when the group is still there after the SIGKILL."""
    pgid = process.pid  # start_new_session: the leader's PID is the group id
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 10.0)):
        if not group_alive(pgid):
            break
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if process.poll() is not None and not group_alive(pgid):
                break
            time.sleep(0.1)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)
    if group_alive(pgid):
        raise RuntimeError(f"{name}: process group {pgid} is still alive after SIGKILL")


def listening_addresses(pids: list[int]) -> set[tuple[str, int]]:
    """(address, port) of every TCP socket in LISTEN state that one of `pids` holds (from /proc)."""
    inodes: set[str] = set()
    for pid in pids:
        try:
            fds = list(Path(f"/proc/{pid}/fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    found: set[tuple[str, int]] = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if fields[3] != "0A" or fields[9] not in inodes:  # 0A: LISTEN
                continue
            address, port = fields[1].split(":")
            found.add((_address(address, width), int(port, 16)))
    return found


def _address(hex_address: str, width: int) -> str:
    if width == 8:  # little-endian IPv4
        return ".".join(str(int(hex_address[i : i + 2], 16)) for i in (6, 4, 2, 0))
    words = [hex_address[i : i + 8] for i in range(0, 32, 8)]
    raw = b"".join(bytes.fromhex(w)[::-1] for w in words)
    return str(ipaddress.IPv6Address(raw))
