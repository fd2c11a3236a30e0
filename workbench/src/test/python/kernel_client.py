"""Small helpers over jupyter_client for the latentbench kernel tests (run with /usr/bin/python3)."""
import os
import time
from queue import Empty

from jupyter_client.manager import start_new_kernel

KERNEL_NAME = os.environ.get("LATENTBENCH_KERNEL", "latentbench")
STARTUP_TIMEOUT = 120


def start():
    """Starts the kernel; returns (manager, client, seconds until it answered kernel_info)."""
    t0 = time.monotonic()
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=STARTUP_TIMEOUT)
    return km, kc, time.monotonic() - t0


def execute(kc, code, timeout=120):
    """Runs a cell; returns (reply content, [iopub messages of the cell], seconds until its reply)."""
    t0 = time.monotonic()
    msg_id = kc.execute(code)
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    elapsed = time.monotonic() - t0
    outputs = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=5)
        except Empty:
            break
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        if msg["msg_type"] not in ("status", "execute_input"):
            outputs.append(msg)
    return reply["content"], outputs, elapsed


def text_result(outputs):
    for msg in outputs:
        if msg["msg_type"] == "execute_result":
            return msg["content"]["data"].get("text/plain")
    return None
