"""Shared helpers of the integration suites: a `lede serve` process on a free
127.0.0.1 port with its own temporary configuration, started and waited for
through /readyz (bounded), and stopped by PID on every exit path.

Every Server is registered when started; stop_all() (run at interpreter exit,
and on SIGTERM/SIGINT/SIGHUP of the test process) stops the ones a failing
test left running, so no suite leaks a server into the next.
"""

import atexit
import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
START_TIMEOUT_S = 60
STOP_TIMEOUT_S = 30
LEDE = None  # path of the lede binary; set by the suite from --lede

_running = []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(pred, timeout_s, what, interval_s=0.02):
    """Polls pred() until it is true; raises AssertionError naming `what` after
    timeout_s. Returns pred()'s last (true) value."""
    deadline = time.monotonic() + timeout_s
    while True:
        v = pred()
        if v:
            return v
        if time.monotonic() >= deadline:
            raise AssertionError("timed out after %.1f s waiting for %s" % (timeout_s, what))
        time.sleep(interval_s)


class Server:
    """One `lede serve` process with its own temporary configuration."""

    def __init__(self, conf=None, args=(), env=None, lede=None):
        self.dir = tempfile.mkdtemp(prefix="lede-test-")
        self.port = free_port()
        settings = {"port": self.port, "bind": "127.0.0.1", "threads": 2,
                    "openapi_path": os.path.join(REPO, "openapi.yaml"),
                    "drain_timeout_s": 10}
        settings.update(conf or {})
        self.conf_path = os.path.join(self.dir, "lede.conf")
        self.write_conf(settings)
        self.log_path = os.path.join(self.dir, "stderr.log")
        self.log_file = open(self.log_path, "wb")
        full_env = dict(os.environ)
        full_env.update(env or {})
        self.proc = subprocess.Popen(
            [lede or LEDE, "serve", "--config", self.conf_path] + list(args),
            stdout=subprocess.DEVNULL, stderr=self.log_file, env=full_env, cwd=REPO)
        _running.append(self)
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise

    @property
    def pid(self):
        return self.proc.pid

    def write_conf(self, settings):
        with open(self.conf_path, "w", encoding="utf-8") as f:
            f.write("# written by the integration tests\n")
            for k, v in settings.items():
                f.write("%s = %s\n" % (k, v))

    def wait_ready(self, timeout_s=START_TIMEOUT_S):
        """Polls GET /readyz until it answers 200, at most timeout_s."""
        deadline = time.monotonic() + timeout_s
        last = "no answer"
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("server exited %d before it was ready: %s"
                                   % (self.proc.returncode, self.log()))
            try:
                status, _, body = self.request("GET", "/readyz", timeout=5)
                if status == 200:
                    return
                last = "%d %s" % (status, body[:200])
            except OSError as e:
                last = str(e)
            time.sleep(0.05)
        raise RuntimeError("server not ready (GET /readyz != 200) within %d s; last answer: "
                           "%s; log: %s" % (timeout_s, last, self.log()))

    def conn(self, timeout=60):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, timeout=60):
        c = self.conn(timeout)
        try:
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
        finally:
            c.close()

    def log(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def vm_hwm_kib(self):
        """Peak resident set size of the server so far (VmHWM), in KiB."""
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return None

    def stop(self):
        """SIGTERM by PID (SIGKILL after STOP_TIMEOUT_S); returns the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if not self.log_file.closed:
            self.log_file.close()
        if self in _running:
            _running.remove(self)
        return self.proc.returncode


def stop_all():
    """Stops every server still running (a test that failed half-way)."""
    for s in list(_running):
        s.stop()


def _on_signal(signum, _frame):
    stop_all()
    sys.exit(128 + signum)


atexit.register(stop_all)
for _sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(_sig, _on_signal)
