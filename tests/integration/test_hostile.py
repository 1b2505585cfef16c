#!/usr/bin/env python3
"""Hostile input against the real `lede serve` on 127.0.0.1.

Run: python3 tests/integration/test_hostile.py --lede BUILD/lede --shared SHARED

Each case sends one kind of bad input (HTTP framing, page content, request
bodies, fetch targets, request ids) and asserts the documented answer
(../shared/docs/API.md, openapi.yaml: status and JSON error code), then that
the server still serves a normal request. Errors that libmicrohttpd answers
itself, before a request reaches lede (a malformed request line, a header
without a colon, a bad chunk size), come with its own small HTML body: those
cases assert the status only. The server's peak RSS (VmHWM) over the whole
suite must stay under 256 MiB. Every loop is bounded in count and time.
Ends with "N passed, N failed".
"""

import argparse
import http.client
import http.server
import json
import re
import os
import socket
import sys
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import lede_server  # noqa: E402
import schema_check  # noqa: E402
from lede_server import Server, wait_until  # noqa: E402

SPEC = schema_check.Spec(os.path.join(REPO, "openapi.yaml"))
RSS_LIMIT_KIB = 256 * 1024
# A sanitizer build (ASan's shadow memory and quarantine) measures memory the
# service does not use: there the peak is reported, and checked on release
# builds only (tests/run.sh runs this suite on both).
SANITIZED = False
MAX_BODY = 12_000_000
PAGE = (b"<html><head><title>Harbour bridge reopens</title></head><body><article>"
        b"<h1>Harbour bridge reopens</h1><p>The harbour bridge reopened on Monday after "
        b"six months of repairs, the city council said on Tuesday.</p>"
        b"<p>About 40,000 vehicles cross the bridge every day.</p></article></body></html>")
SERVERS = []  # every server of the suite, for the RSS check


class _Reader:
    """One buffered reader over a socket, shared by successive responses
    (pipelined answers arrive in one read)."""

    class _File:
        def __init__(self, fp):
            self.fp = fp

        def __getattr__(self, name):
            return getattr(self.fp, name)

        def close(self):  # each response closes its file: keep ours open
            pass

    def __init__(self, sock):
        self.fp = self._File(sock.makefile("rb"))

    def makefile(self, *_args, **_kw):
        return self.fp


def read_response(sock, timeout=10, reader=None):
    """Reads one HTTP response from sock: (status, headers, body), or None when
    the server closed the connection without answering or stayed silent for
    `timeout` seconds (libmicrohttpd then drops it at connection_timeout_s)."""
    sock.settimeout(timeout)
    r = http.client.HTTPResponse(reader or sock)
    try:
        r.begin()
    except (http.client.RemoteDisconnected, ConnectionResetError, http.client.BadStatusLine,
            socket.timeout):
        return None
    body = r.read()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, body


def raw(port, data, timeout=10, shut=False):
    """Sends bytes on a new connection and reads one answer (None: closed)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(data)
        if shut:
            s.shutdown(socket.SHUT_WR)
        return read_response(s, timeout)
    except (BrokenPipeError, ConnectionResetError):
        return None
    finally:
        s.close()


class HostileBase(unittest.TestCase):
    conf = {}

    @classmethod
    def setUpClass(cls):
        cls.server = Server(conf=dict({"max_body_bytes": MAX_BODY, "threads": 2,
                                       "connection_timeout_s": 10}, **cls.conf))
        SERVERS.append(cls.server)

    @classmethod
    def tearDownClass(cls):
        kib = cls.server.vm_hwm_kib()
        print("\n%s: server peak RSS (VmHWM) %.1f MiB%s" % (
            cls.__name__, kib / 1024, " (sanitizer build: not checked)" if SANITIZED else ""))
        rc = cls.server.stop()
        SERVERS.remove(cls.server)
        assert SANITIZED or kib < RSS_LIMIT_KIB, "peak RSS %d KiB over the limit" % kib
        assert rc == 0, "server exit status %r" % rc

    def tearDown(self):
        self.assert_serves_normally()

    # ---------------------------------------------------------------- helpers
    def assert_serves_normally(self):
        self.assertIsNone(self.server.proc.poll(), "server died")
        status, _, body = self.server.request("POST", "/v1/extract", PAGE,
                                              {"Content-Type": "text/html"}, timeout=30)
        self.assertEqual(status, 200, body[:300])
        self.assertEqual(json.loads(body)["headline"], "Harbour bridge reopens")

    def assert_json_error(self, status, hdrs, body, want_status, want_code):
        self.assertEqual(status, want_status, body[:300])
        self.assertEqual(hdrs.get("content-type"), "application/json; charset=utf-8")
        doc = json.loads(body)
        self.assertEqual(SPEC.validate(doc, SPEC.schema("Error")), [])
        self.assertEqual(doc["error"]["code"], want_code, doc)
        return doc

    def post(self, body, ctype="text/html", path="/v1/extract", headers=None):
        h = {"Content-Type": ctype}
        h.update(headers or {})
        return self.server.request("POST", path, body, h, timeout=120)

    def assert_article(self, status, body):
        """A 200 Article whose bytes are strict UTF-8 JSON valid against the spec."""
        self.assertEqual(status, 200, body[:300])
        doc = json.loads(body.decode("utf-8", "strict"))
        schema = SPEC.response_schema("/v1/extract", "POST", 200, "application/json")
        self.assertEqual(SPEC.validate(doc, schema), [])
        return doc


class HttpTest(HostileBase):
    def test_malformed_request_lines(self):
        for line in (b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"GET  HTTP/1.1\r\n\r\n",
                     b"\x00\x01\x02\x03\r\n\r\n", b"GET /healthz HTTP/1.1 extra\r\n\r\n",
                     b"GET /healthz HTTP/9.9\r\nHost: t\r\n\r\n", b"\r\n\r\n\r\n\r\n"):
            r = raw(self.server.port, line, timeout=3)
            # libmicrohttpd answers 400 (505 for an unknown HTTP version) or
            # closes; never a 2xx, never a hang.
            if r is not None:
                self.assertIn(r[0], (400, 505), line)

    def test_oversized_header(self):
        r = raw(self.server.port, b"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Big: "
                + b"a" * 200_000 + b"\r\n\r\n")
        if r is not None:
            self.assertIn(r[0], (400, 413, 414, 431))

    def test_numerous_headers(self):
        hdrs = b"".join(b"X-H%d: v\r\n" % i for i in range(20_000))
        r = raw(self.server.port, b"GET /healthz HTTP/1.1\r\nHost: t\r\n" + hdrs + b"\r\n")
        if r is not None:
            self.assertIn(r[0], (400, 413, 431))

    def test_header_without_colon(self):
        r = raw(self.server.port, b"GET /healthz HTTP/1.1\r\nHost: t\r\nNoColonHere\r\n\r\n")
        if r is not None:
            self.assertIn(r[0], (200, 400))  # ignored or refused, never more

    def test_bad_chunk_sizes(self):
        for chunk in (b"ZZZ\r\nabc\r\n0\r\n\r\n", b"-5\r\nabc\r\n0\r\n\r\n",
                      b"fffffffffffffffffff\r\nabc\r\n0\r\n\r\n", b"3\r\nabcdef\r\n0\r\n\r\n"):
            r = raw(self.server.port, b"POST /v1/extract HTTP/1.1\r\nHost: t\r\n"
                    b"Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk)
            if r is not None:
                self.assertIn(r[0], (400, 413), chunk)

    def test_content_length_mismatch(self):
        # Fewer bytes than announced, then end of input: no answer is owed, the
        # connection must be let go.
        r = raw(self.server.port, b"POST /v1/extract HTTP/1.1\r\nHost: t\r\n"
                b"Content-Type: text/html\r\nContent-Length: 1000\r\n\r\n<p>short",
                shut=True)
        self.assertTrue(r is None or r[0] == 400, r)
        # More bytes than announced: the rest is read as the next request.
        r = raw(self.server.port, b"POST /v1/extract HTTP/1.1\r\nHost: t\r\n"
                b"Content-Type: text/html\r\nContent-Length: 5\r\nConnection: close\r\n\r\n"
                b"<p>hi there, this is more than five bytes</p>")
        self.assertIsNotNone(r)
        self.assertIn(r[0], (200, 400))
        for cl in (b"-1", b"abc", b"99999999999999999999999", b"5, 6"):
            r = raw(self.server.port, b"POST /v1/extract HTTP/1.1\r\nHost: t\r\n"
                    b"Content-Type: text/html\r\nContent-Length: " + cl + b"\r\n\r\n<p>x</p>")
            if r is not None:
                self.assertIn(r[0], (400, 413), cl)

    def test_expect_continue_oversized(self):
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        try:
            s.sendall(b"POST /v1/extract HTTP/1.1\r\nHost: t\r\nContent-Type: text/html\r\n"
                      b"Expect: 100-continue\r\nContent-Length: %d\r\n\r\n" % (MAX_BODY + 1))
            r = read_response(s)  # a final status at once: not 100 Continue
        finally:
            s.close()
        self.assertIsNotNone(r)
        self.assert_json_error(*r, 413, "too_large")

    def test_oversized_chunked_body(self):
        c = self.server.conn()
        c.putrequest("POST", "/v1/extract")
        c.putheader("Content-Type", "text/html")
        c.putheader("Transfer-Encoding", "chunked")
        c.endheaders()
        chunk = b"<p>" + b"y" * (1 << 20)
        try:
            for _ in range(MAX_BODY // len(chunk) + 2):
                c.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            c.send(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer and close before the end
        r = c.getresponse()
        body = r.read()
        c.close()
        self.assert_json_error(r.status, {k.lower(): v for k, v in r.getheaders()}, body,
                               413, "too_large")

    def timed_normal_request(self):
        started = time.monotonic()
        status, _, _ = self.server.request("GET", "/healthz", timeout=5)
        self.assertEqual(status, 200)
        return time.monotonic() - started

    def test_slow_headers_flood(self):
        socks = []
        try:
            for i in range(200):
                s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
                s.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Slow-%d: " % i)
                socks.append(s)
            for s in socks[::2]:  # half of them trickle one more byte
                s.sendall(b"a")
            self.assertLess(self.timed_normal_request(), 1.0)
            status, _, _ = self.server.request("POST", "/v1/extract", PAGE,
                                               {"Content-Type": "text/html"}, timeout=5)
            self.assertEqual(status, 200)
        finally:
            for s in socks:
                s.close()

    def test_idle_keepalive_flood(self):
        socks = []
        try:
            for _ in range(200):
                s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
                s.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
                socks.append(s)
            for s in socks:  # every one answered, then left open and idle
                r = read_response(s)
                self.assertIsNotNone(r)
                self.assertEqual(r[0], 200)
            self.assertLess(self.timed_normal_request(), 1.0)
        finally:
            for s in socks:
                s.close()

    def test_pipelined_requests(self):
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        try:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"
                      b"POST /v1/extract HTTP/1.1\r\nHost: t\r\nContent-Type: text/html\r\n"
                      b"Content-Length: %d\r\n\r\n%s"
                      b"GET /readyz HTTP/1.1\r\nHost: t\r\n\r\n"
                      b"GET /nope HTTP/1.1\r\nHost: t\r\n\r\n"
                      b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"
                      % (len(PAGE), PAGE))
            reader = _Reader(s)
            answers = [read_response(s, reader=reader) for _ in range(5)]
        finally:
            s.close()
        self.assertTrue(all(answers[:4]), answers)
        self.assertEqual([a[0] for a in answers[:4]], [200, 200, 200, 404])
        self.assertEqual(json.loads(answers[1][2])["headline"], "Harbour bridge reopens")
        self.assert_json_error(*answers[3], 404, "not_found")
        # An error answer closes the connection (Connection: close): what was
        # pipelined after it is not served, and nothing hangs.
        if answers[3][1].get("connection") == "close":
            self.assertIsNone(answers[4])
        else:
            self.assertEqual(answers[4][0], 200)


class ContentTest(HostileBase):
    def test_invalid_utf8(self):
        page = (b"<html><head><meta charset=utf-8><title>Bad \xff\xfe bytes \xc3\x28 \xed\xa0\x80"
                b"</title></head><body><p>Text \xf8\x88\x80\x80\x80 and \xc0\xaf more.</p>"
                b"</body></html>")
        self.assert_article(*self.post(page)[::2])

    def test_nul_bytes(self):
        page = b"<html><body><p>before\x00after</p>\x00\x00<p>\x00</p></body></html>"
        status, hdrs, body = self.post(page)
        if status == 200:
            self.assertNotIn("\x00", self.assert_article(status, body).get("text", ""))
        else:
            self.assert_json_error(status, hdrs, body, 400, "bad_request")

    def test_utf16_utf32(self):
        html = ("<html><head><title>Ünïcode headline</title></head><body><article>"
                "<h1>Ünïcode headline</h1><p>" + "Grüße aus München, sagte der Bürgermeister. " * 5
                + "</p></article></body></html>")
        cases = [(b"\xff\xfe" + html.encode("utf-16-le"), "text/html"),
                 (b"\xfe\xff" + html.encode("utf-16-be"), "text/html"),
                 (html.encode("utf-16-le"), "text/html; charset=utf-16le"),
                 (html.encode("utf-16-be"), "text/html; charset=utf-16be"),
                 (b"\xff\xfe\x00\x00" + html.encode("utf-32-le"), "text/html"),
                 (html.encode("utf-32-be"), "text/html; charset=utf-32be"),
                 (html.encode("utf-16-le"), "text/html")]  # no BOM, no label
        for i, (page, ctype) in enumerate(cases):
            doc = self.assert_article(*self.post(page, ctype)[::2])
            if i < 4:  # a BOM or a label: decoded right
                self.assertEqual(doc["headline"], "Ünïcode headline", ctype)

    def test_bogus_meta_charset(self):
        for cs in ("x-bogus", "", "utf-7", "../../etc/passwd", "a" * 10_000, "ebcdic-cp-us",
                   "utf-32", "iso-2022-jp", "\" onload=\"x", "UTF-8\x00latin1", "ucs-2"):
            page = ("<html><head><meta charset=\"%s\"><title>T</title></head>"
                    "<body><p>Plain text here, in English.</p></body></html>" % cs).encode()
            self.assert_article(*self.post(page)[::2])
            page = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                    "charset=%s\"></head><body><p>Text.</p></body></html>" % cs).encode()
            self.assert_article(*self.post(page)[::2])

    def test_10mb_text_node(self):
        page = b"<html><body><p>" + b"word " * 2_000_000 + b"</p></body></html>"
        status, hdrs, body = self.post(page)
        if status == 200:
            self.assert_article(status, body)
        else:
            self.assert_json_error(status, hdrs, body, 413, "too_large")

    def test_deep_nesting(self):
        page = b"<html><body>" + b"<div>" * 200_000 + b"deep" + b"</div>" * 200_000
        status, hdrs, body = self.post(page)
        if status != 200:
            self.assert_json_error(status, hdrs, body, 413, "too_large")
        page = b"<html><body>" + b"<b><i>" * 100_000 + b"x"
        status, hdrs, body = self.post(page)
        if status != 200:
            self.assert_json_error(status, hdrs, body, 413, "too_large")

    def test_million_attributes(self):
        attrs = b" ".join(b"a%d=1" % i for i in range(1_000_000))
        page = b"<html><body><p " + attrs + b">text</p></body></html>"
        self.assertLess(len(page), MAX_BODY)
        status, hdrs, body = self.post(page)
        if status != 200:
            self.assert_json_error(status, hdrs, body, 413, "too_large")

    def test_huge_and_deep_jsonld(self):
        big = json.dumps({"@type": "NewsArticle", "headline": "Huge",
                          "articleBody": "word " * 1_000_000,
                          "author": [{"@type": "Person", "name": "N%d" % i}
                                     for i in range(20_000)]})
        deep = "[" * 100_000 + "]" * 100_000
        deep_obj = '{"@graph":' * 50_000 + "{}" + "}" * 50_000
        for ld in (big, deep, deep_obj, '{"@type": "NewsArticle", "headline": [[[[[[1]]]]]]}'):
            page = ("<html><head><script type=\"application/ld+json\">%s</script></head>"
                    "<body><p>Body text.</p></body></html>" % ld).encode()
            status, hdrs, body = self.post(page)
            if status != 200:
                self.assert_json_error(status, hdrs, body, 413, "too_large")

    def test_json_bodies(self):
        small = "<p>x</p>"
        # Duplicate keys: a JSON object's names should be unique (RFC 8259),
        # and lede refuses an ambiguous request rather than pick one.
        status, hdrs, body = self.post('{"html": "<p>a</p>", "html": "%s"}' % PAGE.decode(),
                                       "application/json")
        doc = self.assert_json_error(status, hdrs, body, 400, "bad_request")
        self.assertIn("duplicate", doc["error"]["message"])
        bad = ['[' * 100_000 + ']' * 100_000,
               '{"html": ' + '[' * 10_000 + ']' * 10_000 + '}',
               '{"html": {"html": {"html": "%s"}}}' % small,
               '{"html": 5}', '{"html": null}', '{"url": []}', '{"url": 5}',
               '{"html": true, "url": "http://x.example/"}', '{"html": "%s", "url": 7}' % small,
               '{"html": "\\ud800"}',
               '{}', 'null', '7', '{"html": "x"', '{"html": "x"}}', '\xef\xbb\xbf{"html":1}']
        for b in bad:
            status, hdrs, body = self.post(b.encode("utf-8", "surrogatepass"),
                                           "application/json")
            self.assert_json_error(status, hdrs, body, 400, "bad_request")

    def test_ndjson_batches(self):
        line = json.dumps({"html": "<p>x</p>"}) + "\n"
        status, hdrs, body = self.post((line * 100_000).encode(), "application/x-ndjson",
                                       "/v1/extract/batch")
        self.assert_json_error(status, hdrs, body, 413, "too_large")  # over batch_max_lines
        # One huge line (1.5 MB of text in one paragraph): streamed back whole.
        huge = json.dumps({"html": "<p>" + "word " * 300_000 + "</p>"}) + "\n"
        status, _, body = self.post(huge.encode(), "application/x-ndjson", "/v1/extract/batch")
        self.assertEqual(status, 200)
        self.assertEqual(len(body.splitlines()), 1)
        self.assertIn("text", json.loads(body.splitlines()[0]))
        crlf = ('{"html": "<p>one</p>"}\r\n\r\n\n{"html": "<p>two</p>"}\r\n   \r\n'
                '{"html": "<p>three</p>"}').encode()
        status, _, body = self.post(crlf, "application/x-ndjson",
                                    "/v1/extract/batch?fields=text")
        self.assertEqual(status, 200)
        docs = [json.loads(l) for l in body.splitlines()]
        texts = [d.get("text") for d in docs if "error" not in d]
        self.assertEqual(texts, ["one", "two", "three"], docs)
        status, hdrs, body = self.post(b"\n\r\n\n", "application/x-ndjson",
                                       "/v1/extract/batch")
        self.assertIn(status, (200, 400))
        if status == 400:
            self.assert_json_error(status, hdrs, body, 400, "bad_request")
        else:
            self.assertEqual(body.strip(), b"")


class Upstream:
    """Pages and redirects on 127.0.0.1 for the fetch cases."""

    def __init__(self):
        up = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path.startswith("/redirect?to="):
                    up.hits += 1
                    self.send_response(302)
                    self.send_header("Location", self.path[len("/redirect?to="):])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if self.path.startswith("/loop"):
                    self.send_response(302)
                    self.send_header("Location", "/loop%d" % (len(self.path) + 1))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                up.hits += 1  # before answering: counted once lede has the page
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(PAGE)))
                self.end_headers()
                self.wfile.write(PAGE)

            def log_message(self, *args):
                pass

        self.hits = 0
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(10)


class FetchTest(HostileBase):
    conf = {"fetch.allow_cidrs": "127.0.0.1/32", "fetch.connect_timeout_ms": 2000,
            "fetch.timeout_ms": 10000, "fetch.max_redirects": 5}

    @classmethod
    def setUpClass(cls):
        cls.up = Upstream()
        super().setUpClass()
        cls.guarded = Server(conf={"fetch.connect_timeout_ms": 2000,
                                   "fetch.timeout_ms": 10000})
        SERVERS.append(cls.guarded)

    @classmethod
    def tearDownClass(cls):
        cls.up.stop()
        SERVERS.remove(cls.guarded)
        rc = cls.guarded.stop()
        super().tearDownClass()
        assert rc == 0

    def fetch(self, url, server=None):
        server = server or self.server
        return server.request("POST", "/v1/extract", json.dumps({"url": url}),
                              {"Content-Type": "application/json"}, timeout=60)

    def test_allowed_page(self):
        status, _, body = self.fetch("http://127.0.0.1:%d/a.html" % self.up.port)
        self.assertEqual(json.loads(body)["headline"], "Harbour bridge reopens")
        self.assertEqual(status, 200)

    def test_redirects_to_blocked_targets(self):
        base = "http://127.0.0.1:%d/redirect?to=" % self.up.port
        closed = lede_server.free_port()  # nothing listens there
        for target, want, code in (
                ("http://127.0.0.1:%d/" % closed, 502, "fetch_failed"),
                ("http://10.0.0.1:%d/" % self.up.port, 403, "forbidden_target"),
                ("http://169.254.169.254/latest/meta-data/", 403, "forbidden_target"),
                ("http://[::1]:%d/" % self.up.port, 403, "forbidden_target"),
                ("http://localhost:%d/" % self.up.port, 200, None),
                ("file:///etc/passwd", 403, "forbidden_target"),
                ("gopher://127.0.0.1:%d/" % self.up.port, 403, "forbidden_target"),
                ("ftp://127.0.0.1/", 403, "forbidden_target")):
            status, hdrs, body = self.fetch(base + target)
            if code is None:
                # localhost resolves to 127.0.0.1 (allowed) or ::1 (not):
                # either the page or a refusal, never anything else.
                self.assertIn(status, (200, 403), target)
                continue
            self.assert_json_error(status, hdrs, body, want, code)

    def test_redirect_loop(self):
        status, hdrs, body = self.fetch("http://127.0.0.1:%d/loop" % self.up.port)
        doc = self.assert_json_error(status, hdrs, body, 502, "fetch_failed")
        self.assertIn("redirect", doc["error"]["message"])

    def test_loopback_and_private_forms_refused_by_default(self):
        p = self.up.port
        hosts = ["127.0.0.1", "127.1", "127.0.1", "0x7f000001", "0x7f.0.0.1", "0177.0.0.1",
                 "2130706433", "017700000001", "127.0.0.2", "127.255.255.254", "0.0.0.0", "0",
                 "[::1]", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]",
                 "[0:0:0:0:0:ffff:7f00:1]", "[::127.0.0.1]", "[64:ff9b::7f00:1]",
                 "[2002:7f00:1::]", "[::]", "localhost", "LOCALHOST.", "a.b.localhost",
                 "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.0.1",
                 "169.254.169.254", "100.64.0.1", "[fd00::1]", "[fc00::1]", "[fe80::1]",
                 "[::ffff:10.0.0.1]", "[::ffff:192.168.1.1]", "[::ffff:169.254.169.254]",
                 "0xa.0.0.1", "012.0.0.1", "167772161", "0xc0a80001", "3232235521"]
        before = self.up.hits
        for h in hosts:
            status, hdrs, body = self.fetch("http://%s:%d/page" % (h, p), self.guarded)
            self.assert_json_error(status, hdrs, body, 403, "forbidden_target")
        self.assertEqual(self.up.hits, before, "a refused URL reached the upstream")

    def test_userinfo_and_crlf_refused(self):
        p = self.up.port
        before = self.up.hits
        for url in ("http://user:pw@127.0.0.1:%d/page" % p, "http://user@127.0.0.1:%d/" % p,
                    "http://:@127.0.0.1:%d/" % p, "http://a%%40b@127.0.0.1:%d/" % p,
                    "http://127.0.0.1:%d/a\r\nX-Injected: 1" % p,
                    "http://127.0.0.1:%d/a\nb" % p, "http://127.0.0.1:%d/a\rb" % p,
                    "http://127.0.0.1\r\n:%d/" % p, "http://127.0.0.1:%d/\x00" % p):
            status, hdrs, body = self.fetch(url)
            with self.subTest(url=url):
                self.assert_json_error(status, hdrs, body, 400, "bad_request")
        # The same through ?url=, percent-encoded.
        status, hdrs, body = self.server.request(
            "POST", "/v1/extract?url=http://127.0.0.1:%d/a%%0d%%0aX-Injected:%%201" % p, b"")
        self.assert_json_error(status, hdrs, body, 400, "bad_request")
        self.assertEqual(self.up.hits, before, "a refused URL reached the upstream")


class RequestIdAndMetricsTest(HostileBase):
    def access_lines(self):
        out = []
        for line in self.server.log().splitlines():
            self.assertNotIn("\r", line)
            if line.startswith("{"):
                out.append(json.loads(line))
        return out

    def test_request_id_sanitised(self):
        long_id = b"x" * 10_000
        for rid in (b"abc\rdef", b"abc\r\nX-Evil: 1", long_id, b'a"b\\c', b"\xff\xfe",
                    b"id\x00nul", b"id\ttab"):
            r = raw(self.server.port, b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n"
                    b"X-Request-Id: " + rid + b"\r\n\r\n")
            if r is None:
                continue  # refused at the HTTP layer: nothing echoed
            status, hdrs, _ = r
            self.assertIn(status, (200, 400))
            self.assertNotIn("x-evil", hdrs)
            if "x-request-id" in hdrs:
                self.assertRegex(hdrs["x-request-id"], r"^[A-Za-z0-9._-]{1,128}$")
                self.assertNotEqual(hdrs["x-request-id"].encode(), rid)
        # Every log line is one JSON object without the 10 kB id or a raw CR.
        wait_until(lambda: len(self.access_lines()) > 0, 10, "access log lines")
        log = self.server.log()
        self.assertNotIn(long_id.decode(), log)
        self.assertNotIn("X-Evil", log)

    def test_unknown_paths_add_no_label_values(self):
        def scrape():
            _, _, data = self.server.request("GET", "/metrics")
            return set(l.rsplit(" ", 1)[0] for l in data.decode().splitlines()
                       if l and not l.startswith("#"))

        self.server.request("GET", "/warm-up-an-unknown-path")
        scrape()  # the first scrape adds the /metrics series itself
        before = scrape()
        for i in range(300):
            path = "/rand/%d/%s" % (i, "x" * (i % 50))
            self.assertEqual(self.server.request(["GET", "POST", "PUT"][i % 3], path)[0], 404)
        self.server.request("BREW", "/coffee")
        after = scrape()
        # Requests of other cases may still add series of known routes; no new
        # route label value may appear.
        def routes(series):
            return set(re.findall(r'route="([^"]*)"', " ".join(series)))
        new = routes(after) - routes(before)
        self.assertEqual(new, set(), "unknown paths created route labels: %s" % sorted(new)[:5])
        self.assertFalse(any("/rand/" in s or "coffee" in s for s in after))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lede", required=True)
    parser.add_argument("--shared", required=False)
    parser.add_argument("tests", nargs="*")
    args = parser.parse_args()
    lede_server.LEDE = os.path.abspath(args.lede)
    global SANITIZED
    with open(lede_server.LEDE, "rb") as f:
        SANITIZED = b"__asan_init" in f.read()
    loader = unittest.TestLoader()
    if args.tests:
        suite = loader.loadTestsFromNames(args.tests, sys.modules[__name__])
    else:
        suite = loader.loadTestsFromModule(sys.modules[__name__])
    started = time.monotonic()
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    failed = len(result.failures) + len(result.errors)
    passed = result.testsRun - failed - len(result.skipped)
    print("test_hostile: %.0f s" % (time.monotonic() - started))
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
