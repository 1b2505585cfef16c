#!/usr/bin/env python3
"""A misbehaving upstream web server for the fetch tests.

Binds 127.0.0.1 on a free port, prints the port on the first line of stdout,
then serves until killed (or, with --exit-on-eof, until its standard input
closes, so that it never outlives a test runner that crashed). Paths:

  /page               a normal HTML page (text/html; charset=utf-8)
  /ua                 HTML echoing the request's User-Agent
  /xhtml              application/xhtml+xml page
  /charset            text/html; charset=windows-1252 with windows-1252 bytes
  /deflate, /gzip     HTML sent compressed (Content-Encoding)
  /slow               headers, then one byte every 0.2 s (low-speed abort)
  /hang               headers, then nothing at all
  /hang-headers       accepts the request and never answers
  /redirect/N         a chain of N redirects ending at /page
  /loop               redirects to itself forever
  /loop-a, /loop-b    redirect to each other
  /to?u=URL           302 to URL (to a blocked address, another scheme, ...)
  /gzip-bomb          a few KiB of gzip that decode to 32 MiB
  /big                4 MiB of plain HTML
  /png, /json         wrong content types
  /no-type-html       HTML with no Content-Type header
  /no-type-binary     PNG bytes with no Content-Type header
  /close-early        Content-Length larger than what is sent
  /status/N           an HTML page with status N (404, 500, ...)
"""
import gzip
import http.server
import os
import re
import sys
import threading
import time
import urllib.parse
import zlib

PAGE = (b"<!DOCTYPE html><html><head><title>Test page</title></head><body>"
        b"<h1>Upstream works</h1><p>The quick brown fox jumps over the lazy dog."
        b"</p></body></html>")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01"
BOMB_DECODED = 32 << 20
BIG_BYTES = 4 << 20
DRIP_INTERVAL = 0.2
DRIP_BYTES = 600  # 120 s of dripping: far longer than any test waits
HANG_SECONDS = 600

_bomb = None
_bomb_lock = threading.Lock()


def gzip_bomb():
    """Built once, on first use: zeros compress about 1000 to 1."""
    global _bomb
    with _bomb_lock:
        if _bomb is None:
            out = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
            chunk = b"\0" * (1 << 20)
            parts = [out.compress(b"<html><body>")]
            for _ in range(BOMB_DECODED >> 20):
                parts.append(out.compress(chunk))
            parts.append(out.flush())
            _bomb = b"".join(parts)
        return _bomb


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, fmt, *args):  # keep test output quiet
        pass

    def send_body(self, body, ctype=None, status=200, extra=()):
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in extra:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location, status=302):
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        path, query = url.path, urllib.parse.parse_qs(url.query)
        html = "text/html; charset=utf-8"
        if path == "/page":
            self.send_body(PAGE, html)
        elif path == "/ua":
            ua = self.headers.get("User-Agent", "")
            self.send_body(("<html><body><p>UA=%s</p></body></html>" % ua).encode(), html)
        elif path == "/xhtml":
            self.send_body(PAGE, "application/xhtml+xml")
        elif path == "/charset":
            body = "<html><body><p>caf\u00e9 \u20ac5</p></body></html>".encode("cp1252")
            self.send_body(body, "text/html; charset=windows-1252")
        elif path == "/gzip":
            self.send_body(gzip.compress(PAGE), html, extra=[("Content-Encoding", "gzip")])
        elif path == "/deflate":
            self.send_body(zlib.compress(PAGE), html, extra=[("Content-Encoding", "deflate")])
        elif path == "/gzip-bomb":
            self.send_body(gzip_bomb(), html, extra=[("Content-Encoding", "gzip")])
        elif path == "/big":
            filler = b"<p>" + b"x" * 1020 + b"</p>"
            self.send_body(b"<html><body>" + filler * (BIG_BYTES // len(filler)), html)
        elif path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", html)
            self.end_headers()
            self.wfile.write(b"<html>")
            self.wfile.flush()
            for _ in range(DRIP_BYTES):
                time.sleep(DRIP_INTERVAL)
                self.wfile.write(b" ")
                self.wfile.flush()
        elif path == "/hang":
            self.send_response(200)
            self.send_header("Content-Type", html)
            self.end_headers()
            self.wfile.flush()
            time.sleep(HANG_SECONDS)
        elif path == "/hang-headers":
            time.sleep(HANG_SECONDS)
        elif (m := re.fullmatch(r"/redirect/(\d+)", path)):
            n = int(m.group(1))
            self.redirect("/page" if n <= 1 else "/redirect/%d" % (n - 1))
        elif path == "/loop":
            self.redirect("/loop")
        elif path == "/loop-a":
            self.redirect("/loop-b", 301)
        elif path == "/loop-b":
            self.redirect("/loop-a", 307)
        elif path == "/to":
            self.redirect(query.get("u", ["/page"])[0])
        elif path == "/png":
            self.send_body(PNG, "image/png")
        elif path == "/json":
            self.send_body(b'{"html": "<html></html>"}', "application/json")
        elif path == "/no-type-html":
            self.send_body(b"\n  " + PAGE)
        elif path == "/no-type-binary":
            self.send_body(PNG)
        elif path == "/close-early":
            self.send_response(200)
            self.send_header("Content-Type", html)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(PAGE)
            self.wfile.flush()
            self.close_connection = True
        elif (m := re.fullmatch(r"/status/(\d{3})", path)):
            self.send_body(b"<html><body>error</body></html>", html, int(m.group(1)))
        else:
            self.send_body(b"<html><body>not found</body></html>", html, 404)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # bursts of concurrent test fetches

    def handle_error(self, request, client_address):
        # Clients that abort (the point of most paths here) are not errors.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


def exit_on_eof():
    sys.stdin.buffer.read()
    os._exit(0)


def main():
    server = Server(("127.0.0.1", 0), Handler)
    if "--exit-on-eof" in sys.argv[1:]:
        threading.Thread(target=exit_on_eof, daemon=True).start()
    sys.stdout.write("%d\n" % server.server_address[1])
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
