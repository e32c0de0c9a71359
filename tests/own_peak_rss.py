"""The peak memory of a child program alone, not of the pytest that started it.

``getrusage``/``wait4``'s ``ru_maxrss`` of a child started from pytest also counts what the
process held before it exec'd its program: Linux keeps the forking process's high-water
mark across ``exec``, so once pytest has grown to 600 MB every child it starts reports at
least 600 MB (a full CI run failed a 600 MB bound that way on a program peaking at 180 MB).
``VmHWM`` in ``/proc/self/status`` belongs to the address space the program built after
``exec``; the child reads it as it exits and writes it to a file the test reads back.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Runs `python -m MODULE ARGS…` as if started so, and writes VmHWM (in kB) to argv[1] at exit.
_LAUNCHER = """\
import atexit, runpy, sys
peak_file, module = sys.argv[1], sys.argv[2]
def _write_peak():
    with open("/proc/self/status") as status:
        kilobytes = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(peak_file, "w") as out:
        out.write(kilobytes)
atexit.register(_write_peak)
sys.argv = [module, *sys.argv[3:]]
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""

# A line for a `python -c` probe: prints the probe's own peak RSS in MB.
PRINT_OWN_PEAK_MB = (
    "print(next(int(line.split()[1]) // 1024 for line in open('/proc/self/status') if line.startswith('VmHWM:')))\n"
)


def module_command(module: str, arguments: list[str], peak_file: Path) -> list[str]:
    """The argv that runs `python -m MODULE ARGUMENTS` and leaves its own peak RSS in PEAK_FILE."""
    return [sys.executable, "-c", _LAUNCHER, str(peak_file), module, *arguments]


def read_peak_mb(peak_file: Path) -> float | None:
    """The peak RSS the child wrote, in MB; None when it never got to write it (killed)."""
    try:
        return int(peak_file.read_text()) / 1024
    except (OSError, ValueError):
        return None
