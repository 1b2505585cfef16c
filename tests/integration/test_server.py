#!/usr/bin/env python3
"""Integration tests for `lede serve`: a real server on a free 127.0.0.1 port.

Run: python3 tests/integration/test_server.py --lede BUILD/lede --shared SHARED

Every answer with a JSON body is validated against openapi.yaml with the small
validator in schema_check.py. Each test starts from a running server and checks
that it is still up afterwards. Ends with "N passed, N failed".
"""

import argparse
import glob
import http.client
import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import lede_server  # noqa: E402
import schema_check  # noqa: E402
from lede_server import (START_TIMEOUT_S, STOP_TIMEOUT_S, Server,  # noqa: E402
                         free_port, wait_until)

ARGS = None
SPEC = schema_check.Spec(os.path.join(REPO, "openapi.yaml"))
def shared_pages(n):
    """The first n scrapinghub pages (sorted, so every run uses the same ones)."""
    pages = sorted(glob.glob(os.path.join(ARGS.shared, "data/extraction/scrapinghub/*.html")))
    return pages[:n]


def cli_extract(path, *extra):
    out = subprocess.run([ARGS.lede, "extract"] + list(extra) + [path], check=True,
                         capture_output=True, cwd=REPO).stdout
    return json.loads(out)


def without_timings(doc):
    doc = dict(doc)
    doc.pop("timings_ms", None)
    return doc


class ServerTest(unittest.TestCase):
    """Shares one server; every test ends by checking it is still alive."""

    server = None

    @classmethod
    def setUpClass(cls):
        cls.server = Server(conf={"max_body_bytes": 2_000_000, "batch_max_lines": 5})

    @classmethod
    def tearDownClass(cls):
        rc = cls.server.stop()
        assert rc == 0, "server exit status %r" % rc

    def tearDown(self):
        status, _, body = self.server.request("GET", "/healthz")
        self.assertEqual(status, 200, "server down after the test")
        self.assertEqual(json.loads(body), {"status": "ok"})

    # ---------------------------------------------------------------- helpers
    def call(self, method, path, body=None, headers=None, spec_path=None):
        """Sends a request and validates a JSON answer against the spec."""
        status, hdrs, data = self.server.request(method, path, body, headers)
        ctype = hdrs.get("content-type", "")
        if ctype.startswith("application/json"):
            self.assertEqual(ctype, "application/json; charset=utf-8")
            doc = json.loads(data)
            route = spec_path or path.split("?")[0]
            schema = SPEC.response_schema(route, method, status, "application/json")
            if schema is None and status >= 400:
                schema = SPEC.schema("Error")
            self.assertIsNotNone(schema, "%s %s -> %d is not documented" % (method, route, status))
            ignore_required = "fields=" in path and status == 200
            problems = SPEC.validate(doc, schema, ignore_required=ignore_required)
            self.assertEqual(problems, [], "answer does not match openapi.yaml")
            return status, hdrs, doc
        return status, hdrs, data

    def assert_error(self, status, hdrs, doc, want_status, want_code):
        self.assertEqual(status, want_status, doc)
        self.assertEqual(doc["error"]["code"], want_code)
        self.assertTrue(doc["error"]["message"])

    def html_post(self, path, page, ctype="text/html"):
        return self.call("POST", path, page, {"Content-Type": ctype})

    # ----------------------------------------------------------------- routes
    def test_healthz(self):
        status, hdrs, doc = self.call("GET", "/healthz")
        self.assertEqual((status, doc), (200, {"status": "ok"}))
        self.assertTrue(hdrs.get("x-request-id"))

    def test_readyz(self):
        status, _, doc = self.call("GET", "/readyz")
        self.assertEqual(status, 200)
        self.assertEqual(doc, {"status": "ready"})

    def test_openapi(self):
        import yaml
        status, hdrs, data = self.call("GET", "/openapi.yaml")
        self.assertEqual(status, 200)
        self.assertTrue(hdrs["content-type"].startswith("application/yaml"))
        doc = yaml.safe_load(data)
        self.assertEqual(doc["openapi"], "3.1.0")
        self.assertIn("/v1/extract/batch", doc["paths"])

    def test_extract_equals_cli(self):
        for path in shared_pages(3):
            with open(path, "rb") as f:
                page = f.read()
            status, _, doc = self.html_post("/v1/extract", page)
            self.assertEqual(status, 200, doc)
            self.assertEqual(without_timings(doc), without_timings(cli_extract(path)),
                             os.path.basename(path))

    def test_extract_json_body_and_url(self):
        path = shared_pages(1)[0]
        with open(path, "rb") as f:
            page = f.read().decode("utf-8", "replace")
        url = "https://news.example.com/a/1.html"
        body = json.dumps({"html": page, "url": url})
        status, _, doc = self.call("POST", "/v1/extract", body,
                                   {"Content-Type": "application/json"})
        self.assertEqual(status, 200, doc)
        self.assertEqual(doc["url"], url)
        status, _, doc = self.html_post("/v1/extract?url=" + url, page.encode())
        self.assertEqual(status, 200)
        self.assertEqual(doc["url"], url)

    def test_charset_parameter_reaches_decoder(self):
        # Greek in ISO-8859-7 with no <meta charset>: only the header names it.
        title = "Καλημέρα από την Αθήνα"
        para = "Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την οικονομία της χώρας. " * 6
        page = ("<html><head><title>%s</title></head><body><article>"
                "<h1>%s</h1><p>%s</p><p>%s</p></article></body></html>"
                % (title, title, para, para)).encode("iso-8859-7")
        status, _, doc = self.html_post("/v1/extract", page,
                                        "text/html; charset=ISO-8859-7")
        self.assertEqual(status, 200)
        self.assertEqual(doc["headline"], title)

    def test_fields_option(self):
        page = open(shared_pages(1)[0], "rb").read()
        status, _, doc = self.html_post("/v1/extract?fields=headline,authors", page)
        self.assertEqual(status, 200)
        self.assertEqual(sorted(doc), ["authors", "headline"])
        status, hdrs, doc = self.html_post("/v1/extract?fields=headline,bogus", page)
        self.assert_error(status, hdrs, doc, 400, "bad_request")
        self.assertIn("bogus", doc["error"]["message"])

    def test_include_html(self):
        page = open(shared_pages(1)[0], "rb").read()
        status, _, doc = self.html_post("/v1/extract?include_html=0", page)
        self.assertEqual(status, 200)
        self.assertNotIn("html", doc)
        status, hdrs, doc = self.html_post("/v1/extract?include_html=maybe", page)
        self.assert_error(status, hdrs, doc, 400, "bad_request")
        status, hdrs, doc = self.html_post("/v1/extract?color=blue", page)
        self.assert_error(status, hdrs, doc, 400, "bad_request")

    NUMBERS_PAGE = (
        "<html><head><title>Port traffic grows</title></head><body><article>"
        "<h1>Port traffic grows</h1>"
        "<p>The port handled nearly 100,000 containers in 2019, up 5% on the year "
        "before, and spent $2.5 billion on new cranes.</p>"
        "<p>\u201cWe hired more than 300 workers this year,\u201d said Anna Berg, the "
        "director of the port, who has run it since 2011.</p>"
        "<p>Between 5 and 10 ships wait each day at the outer anchorage, and about "
        "40 tugs work in the harbour, one of the busiest on the coast.</p>"
        "<p>Nearly half of the berths were rebuilt during a 14-month closure.</p>"
        "</article></body></html>").encode("utf-8")

    def test_numeric_claims_follow_the_spec(self):
        # call() validates every claim against NumericClaim, whose required
        # members include subject and claimant
        status, _, doc = self.html_post("/v1/extract", self.NUMBERS_PAGE)
        self.assertEqual(status, 200, doc)
        claims = {c["text"]: c for c in doc["numeric_claims"]}
        self.assertFalse(any(c["kind"] == "year" for c in claims.values()), claims)
        c = claims["nearly 100,000 containers"]
        self.assertEqual((c["kind"], c["value"], c["unit"], c["qualifier"], c["subject"]),
                         ("count", 100000, "containers", "just_under", "containers"))
        self.assertIsNone(c["claimant"])
        c = claims["$2.5 billion"]
        self.assertEqual((c["kind"], c["value"], c["currency"]), ("money", 2.5e9, "USD"))
        c = claims["5%"]
        self.assertEqual((c["kind"], c["unit"], c["change"]), ("percent", "%", "increase"))
        c = claims["more than 300 workers"]
        self.assertEqual(c["qualifier"], "more_than")
        self.assertEqual(c["claimant"]["speaker"], "Anna Berg")
        self.assertEqual(doc["quotes"][c["claimant"]["quote"]]["speaker"], "Anna Berg")
        c = claims["Between 5 and 10 ships"]
        self.assertEqual((c["kind"], c["low"], c["high"]), ("range", 5, 10))
        self.assertEqual(claims["about 40 tugs"]["qualifier"], "approximately")
        self.assertNotIn("one", claims, "the pronoun 'one' is no claim")
        # a share of a whole, and a measure that names the noun it modifies
        c = claims["Nearly half"]
        self.assertEqual((c["value"], c["qualifier"], c["subject"]), (0.5, "just_under", "berths"))
        self.assertEqual(claims["14-month"]["subject"], "closure")
        text = doc["text"]
        for c in claims.values():
            self.assertEqual(text[c["start"]:c["end"]], c["text"])
        # include=dates adds the years, as kind year
        status, _, doc = self.html_post("/v1/extract?include=dates", self.NUMBERS_PAGE)
        self.assertEqual(status, 200, doc)
        years = sorted(c["value"] for c in doc["numeric_claims"] if c["kind"] == "year")
        self.assertEqual(years, [2011, 2019])

    def test_min_confidence(self):
        page = open(shared_pages(1)[0], "rb").read()
        status, _, full = self.html_post("/v1/extract?fields=entities", page)
        self.assertEqual(status, 200)
        confs = sorted(e["confidence"] for e in full["entities"])
        self.assertTrue(confs and all(0 <= c <= 1 for c in confs), confs)
        cut = confs[len(confs) // 2]
        status, _, doc = self.html_post(
            "/v1/extract?fields=entities&min_confidence=%g" % cut, page)
        self.assertEqual(status, 200)
        kept = [e for e in full["entities"] if e["confidence"] >= cut]
        self.assertEqual([e["name"] for e in doc["entities"]], [e["name"] for e in kept])
        for bad in ("1.5", "-1", "abc", ""):
            status, hdrs, doc = self.html_post("/v1/extract?min_confidence=" + bad, page)
            self.assert_error(status, hdrs, doc, 400, "bad_request")

    def test_metrics_move(self):
        def scrape():
            status, hdrs, data = self.server.request("GET", "/metrics")
            self.assertEqual(status, 200)
            self.assertTrue(hdrs["content-type"].startswith("text/plain"))
            values = {}
            for line in data.decode().splitlines():
                if line and not line.startswith("#"):
                    name, value = line.rsplit(" ", 1)
                    values[name] = float(value)
            return values

        ok = 'lede_http_requests_total{route="/v1/extract",status="200"}'
        nf = 'lede_http_requests_total{route="other",status="404"}'
        before = scrape()
        page = open(shared_pages(1)[0], "rb").read()
        self.assertEqual(self.html_post("/v1/extract", page)[0], 200)
        self.assertEqual(self.call("GET", "/nope")[0], 404)
        # A request is counted when its connection finishes with it, a moment
        # after the client has read the answer.
        deadline = time.time() + 2
        after = scrape()
        while time.time() < deadline and (after.get(nf, 0) < before.get(nf, 0) + 1 or
                                          after.get(ok, 0) < before.get(ok, 0) + 1):
            time.sleep(0.02)
            after = scrape()
        self.assertEqual(after[ok], before.get(ok, 0) + 1)
        self.assertEqual(after[nf], before.get(nf, 0) + 1)
        total = 'lede_extract_duration_seconds_count{stage="total"}'
        self.assertEqual(after[total], before[total] + 1)
        dur = 'lede_http_request_duration_seconds_count{route="/v1/extract"}'
        self.assertGreater(after[dur], before[dur])
        self.assertIn('lede_fetch_errors_total{cause="fetch_timeout"}', after)
        self.assertGreaterEqual(after["lede_inflight_requests"], 1)  # this scrape

    def test_request_id(self):
        status, hdrs, _ = self.call("GET", "/healthz", headers={"X-Request-Id": "abc-123.x"})
        self.assertEqual(hdrs["x-request-id"], "abc-123.x")
        status, hdrs, _ = self.call("GET", "/healthz", headers={"X-Request-Id": "bad id!"})
        self.assertNotEqual(hdrs["x-request-id"], "bad id!")
        self.assertRegex(hdrs["x-request-id"], r"^[0-9a-f]{16}$")

        def access_lines():
            lines = [json.loads(l) for l in self.server.log().splitlines()
                     if l.startswith("{")]
            return [l for l in lines if l.get("request_id") == "abc-123.x"]

        # The access line is written when the connection finishes the request.
        access = wait_until(access_lines, 10, "the access log line of abc-123.x")
        self.assertEqual(len(access), 1)
        for key in ("ts", "method", "route", "status", "bytes", "ms"):
            self.assertIn(key, access[0])
        self.assertEqual(access[0]["route"], "/healthz")

    # ----------------------------------------------------------------- errors
    def test_body_over_limit_with_content_length(self):
        # Only the headers are sent: the 413 must come before any body byte.
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=30)
        s.sendall(b"POST /v1/extract HTTP/1.1\r\nHost: t\r\nContent-Type: text/html\r\n"
                  b"Content-Length: 2100000\r\n\r\n<p>")
        resp = http.client.HTTPResponse(s)
        resp.begin()
        doc = json.loads(resp.read())
        s.close()
        self.assert_error(resp.status, {}, doc, 413, "too_large")
        self.assertEqual(SPEC.validate(doc, SPEC.schema("Error")), [])

    def test_body_over_limit_chunked(self):
        c = self.server.conn()
        c.putrequest("POST", "/v1/extract")
        c.putheader("Content-Type", "text/html")
        c.putheader("Transfer-Encoding", "chunked")
        c.endheaders()
        chunk = b"<p>" + b"y" * 65533
        for _ in range(40):  # 2.6 MB, over the 2 MB limit
            c.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        c.send(b"0\r\n\r\n")
        r = c.getresponse()
        doc = json.loads(r.read())
        c.close()
        self.assert_error(r.status, {}, doc, 413, "too_large")

    def test_garbage_bytes(self):
        garbage = bytes(range(256)) * 40
        status, hdrs, doc = self.html_post("/v1/extract", garbage, "application/json")
        self.assert_error(status, hdrs, doc, 400, "bad_request")
        status, _, doc = self.html_post("/v1/extract", garbage, "text/html")
        self.assertIn(status, (200, 400), doc)  # either an Article or an error

    def test_empty_body(self):
        status, hdrs, doc = self.html_post("/v1/extract", b"")
        self.assert_error(status, hdrs, doc, 400, "bad_request")

    def test_wrong_method(self):
        status, hdrs, doc = self.call("GET", "/v1/extract")
        self.assert_error(status, hdrs, doc, 405, "method_not_allowed")
        self.assertEqual(hdrs["allow"], "POST")
        status, hdrs, doc = self.call("DELETE", "/healthz")
        self.assert_error(status, hdrs, doc, 405, "method_not_allowed")
        self.assertIn("GET", hdrs["allow"])

    def test_unknown_path(self):
        status, hdrs, doc = self.call("GET", "/v2/nothing")
        self.assert_error(status, hdrs, doc, 404, "not_found")

    def test_bad_json(self):
        for body in ('{"html": ', "[1, 2]", '{"html": 5}', '"just a string"'):
            status, hdrs, doc = self.html_post("/v1/extract", body.encode(),
                                               "application/json")
            self.assert_error(status, hdrs, doc, 400, "bad_request")

    def test_json_without_html_or_url(self):
        status, hdrs, doc = self.html_post("/v1/extract", b'{"title": "x"}',
                                           "application/json")
        self.assert_error(status, hdrs, doc, 400, "bad_request")

    def test_unsupported_media_type(self):
        status, hdrs, doc = self.html_post("/v1/extract", b"a=b",
                                           "application/x-www-form-urlencoded")
        self.assert_error(status, hdrs, doc, 415, "unsupported_media_type")
        status, hdrs, doc = self.html_post("/v1/extract/batch", b"<p>x</p>", "text/html")
        self.assert_error(status, hdrs, doc, 415, "unsupported_media_type")

    # ------------------------------------------------------------------ batch
    def test_batch_with_bad_line(self):
        pages = [open(p, "rb").read().decode("utf-8", "replace") for p in shared_pages(2)]
        lines = [json.dumps({"html": pages[0], "url": "https://a.example/1"}),
                 "{not json",
                 json.dumps({"html": pages[1]})]
        c = self.server.conn()
        c.request("POST", "/v1/extract/batch?fields=url,headline,text",
                  body=("\n".join(lines) + "\n").encode(),
                  headers={"Content-Type": "application/x-ndjson"})
        r = c.getresponse()
        self.assertEqual(r.status, 200)
        self.assertTrue(r.getheader("Content-Type").startswith("application/x-ndjson"))
        out = r.read().decode().splitlines()
        c.close()
        self.assertEqual(len(out), 3, out)
        docs = [json.loads(l) for l in out]
        schema = SPEC.response_schema("/v1/extract/batch", "POST", 200, "application/x-ndjson")
        for d in docs:
            self.assertEqual(SPEC.validate(d, schema, ignore_required=True), [])
        self.assertEqual(docs[0]["url"], "https://a.example/1")
        self.assertEqual(docs[1]["error"]["code"], "bad_request")
        self.assertEqual(docs[1]["line"], 2)
        self.assertIn("headline", docs[2])
        self.assertEqual(sorted(docs[2]), ["headline", "text", "url"])

    def test_batch_line_cap(self):
        body = "".join(json.dumps({"html": "<p>%d</p>" % i}) + "\n" for i in range(7))
        status, hdrs, doc = self.html_post("/v1/extract/batch", body.encode(),
                                           "application/x-ndjson")
        self.assert_error(status, hdrs, doc, 413, "too_large")


class FetchTest(unittest.TestCase):
    """{"url": ...} requests against a local page server."""

    @classmethod
    def setUpClass(cls):
        page = open(shared_pages(1)[0], "rb").read()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path == "/hang":  # headers, then silence
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    self.wfile.flush()
                    time.sleep(30)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, *args):
                pass

        cls.page = page
        cls.upstream = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        cls.upstream.daemon_threads = True
        threading.Thread(target=cls.upstream.serve_forever, daemon=True).start()
        cls.base = "http://127.0.0.1:%d" % cls.upstream.server_address[1]
        cls.url = cls.base + "/article.html"

    @classmethod
    def tearDownClass(cls):
        cls.upstream.shutdown()

    def fetch(self, server, body):
        status, hdrs, data = server.request("POST", "/v1/extract", body,
                                            {"Content-Type": "application/json"})
        doc = json.loads(data)
        schema = SPEC.response_schema("/v1/extract", "POST", status, "application/json")
        self.assertIsNotNone(schema, status)
        self.assertEqual(SPEC.validate(doc, schema), [])
        return status, doc

    def test_fetch_allowed_and_blocked(self):
        allowed = Server(conf={"fetch.allow_private": "true"})
        try:
            status, doc = self.fetch(allowed, json.dumps({"url": self.url}))
            self.assertEqual(status, 200, doc)
            self.assertEqual(doc["url"], self.url)
            # ?url= with no body fetches too.
            st, _, data = allowed.request("POST", "/v1/extract?url=" + self.url, b"")
            self.assertEqual(st, 200, data)
        finally:
            self.assertEqual(allowed.stop(), 0)
        guarded = Server()
        try:
            status, doc = self.fetch(guarded, json.dumps({"url": self.url}))
            self.assertEqual(status, 403, doc)
            self.assertEqual(doc["error"]["code"], "forbidden_target")
            _, _, data = guarded.request("GET", "/metrics")
            self.assertIn(b'lede_fetch_errors_total{cause="forbidden_target"} 1', data)
        finally:
            self.assertEqual(guarded.stop(), 0)


    def test_batch_url_lines(self):
        server = Server(conf={"fetch.allow_private": "true"})
        try:
            lines = [json.dumps({"url": self.url}), json.dumps({"html": "<p>inline</p>"}),
                     json.dumps({"url": self.url})]
            status, _, data = server.request("POST", "/v1/extract/batch?fields=url,headline",
                                             ("\n".join(lines)).encode(),
                                             {"Content-Type": "application/x-ndjson"})
            docs = [json.loads(l) for l in data.decode().splitlines()]
            self.assertEqual(status, 200)
            self.assertEqual([d.get("url") for d in docs], [self.url, None, self.url])
            self.assertTrue(docs[0]["headline"])
        finally:
            self.assertEqual(server.stop(), 0)

    def test_drain_with_hanging_fetch(self):
        server = Server(conf={"fetch.allow_private": "true", "drain_timeout_s": 1,
                              "fetch.timeout_ms": 60000})
        result = []

        def hang():
            result.append(server.request("POST", "/v1/extract",
                                         json.dumps({"url": self.base + "/hang"}),
                                         {"Content-Type": "application/json"}))

        t = threading.Thread(target=hang)
        t.start()
        wait_until(lambda: b"lede_inflight_requests 2\n" in
                   server.request("GET", "/metrics")[2],
                   10, "the hanging fetch to be in flight")
        started = time.time()
        rc = server.stop()
        t.join(10)
        self.assertEqual(rc, 0)
        self.assertLess(time.time() - started, 10)
        status, _, data = result[0]
        self.assertEqual(status, 503, data)
        self.assertEqual(json.loads(data)["error"]["code"], "overloaded")


class OverloadTest(unittest.TestCase):
    def test_overloaded_answers_503_with_retry_after(self):
        server = Server(conf={"threads": 4, "max_inflight": 1, "queue_depth": 0})
        try:
            page = open(shared_pages(1)[0], "rb").read() * 4
            results = []

            def one():
                results.append(server.request("POST", "/v1/extract", page,
                                              {"Content-Type": "text/html"}))

            threads = [threading.Thread(target=one) for _ in range(16)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            statuses = sorted(r[0] for r in results)
            self.assertIn(503, statuses)
            self.assertIn(200, statuses)
            self.assertEqual(set(statuses), {200, 503})
            for status, hdrs, data in results:
                if status == 503:
                    self.assertEqual(json.loads(data)["error"]["code"], "overloaded")
                    self.assertEqual(hdrs.get("retry-after"), "1")
            self.assertEqual(server.request("GET", "/healthz")[0], 200)
        finally:
            self.assertEqual(server.stop(), 0)


    def test_queued_requests_wait_for_a_slot(self):
        # One slot, four HTTP threads: concurrent requests queue (suspended)
        # and are resumed in turn; none is refused while the queue has room.
        server = Server(conf={"threads": 4, "max_inflight": 1, "queue_depth": 16})
        try:
            page = open(shared_pages(1)[0], "rb").read() * 4
            results = []

            def one():
                results.append(server.request("POST", "/v1/extract", page,
                                              {"Content-Type": "text/html"})[0])

            threads = [threading.Thread(target=one) for _ in range(12)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(results, [200] * 12)
        finally:
            self.assertEqual(server.stop(), 0)


class ConnectionLimitsTest(unittest.TestCase):
    def test_idle_connection_times_out(self):
        server = Server(conf={"connection_timeout_s": 1})
        try:
            s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            started = time.time()
            self.assertEqual(s.recv(1024), b"")  # closed by the server
            self.assertLess(time.time() - started, 5)
            s.close()
            self.assertEqual(server.request("GET", "/healthz")[0], 200)
        finally:
            self.assertEqual(server.stop(), 0)

    def test_long_extraction_is_not_idleness(self):
        # Pages that take longer to extract than the idle timeout (1 s here;
        # about 1 MB of text in a sanitizer build) are answered whole, alone
        # and as lines of a batch: working on a request is not idleness.
        para = "<p>" + "The harbour board met on Friday and said the ferry would " \
            "sail again. " * 40 + "</p>"
        page = "<html><body>" + para * 400 + "</body></html>"
        server = Server(conf={"connection_timeout_s": 1, "max_body_bytes": 8 << 20})
        try:
            status, _, body = server.request("POST", "/v1/extract",
                                             page.encode(), {"Content-Type": "text/html"},
                                             timeout=300)
            self.assertEqual(status, 200)
            self.assertIn("entities", json.loads(body))
            line = json.dumps({"html": page}) + "\n"
            status, _, body = server.request("POST", "/v1/extract/batch",
                                             (line * 2).encode(),
                                             {"Content-Type": "application/x-ndjson"},
                                             timeout=300)
            self.assertEqual(status, 200)
            self.assertEqual(len(body.splitlines()), 2)
        finally:
            self.assertEqual(server.stop(), 0)

    def test_connection_limit(self):
        server = Server(conf={"max_connections": 2, "threads": 1})
        try:
            held = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(2)]
            time.sleep(0.2)
            # Over the limit the connection is not served (it waits in the
            # listen backlog) until one of the others goes away.
            extra = socket.create_connection(("127.0.0.1", server.port), timeout=1)
            extra.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            with self.assertRaises(socket.timeout):
                extra.recv(1024)
            for h in held:
                h.close()
            extra.settimeout(10)
            data = b""
            while True:
                chunk = extra.recv(65536)
                if not chunk:
                    break
                data += chunk
            extra.close()
            self.assertTrue(data.startswith(b"HTTP/1.1 200"), data)
            self.assertEqual(server.request("GET", "/healthz")[0], 200)
        finally:
            self.assertEqual(server.stop(), 0)


class LifecycleTest(unittest.TestCase):
    def test_sigterm_drains_inflight_request(self):
        server = Server()
        page = open(shared_pages(1)[0], "rb").read()
        s = socket.create_connection(("127.0.0.1", server.port))
        # One whole request first on the same keep-alive connection: once it
        # is answered the server holds the connection (no sleep to guess it).
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
        first = http.client.HTTPResponse(s)
        first.begin()
        first.read()
        self.assertEqual(first.status, 200)
        s.sendall(b"POST /v1/extract HTTP/1.1\r\nHost: t\r\nContent-Type: text/html\r\n"
                  b"Content-Length: %d\r\n\r\n" % len(page))
        s.sendall(page[:1000])
        # SIGTERM only once the server has parsed the POST's header: bytes still
        # in the socket buffer are not a request in flight, and a busy machine
        # may not have read them yet. Two in flight: the POST and the scrape.
        wait_until(lambda: b"lede_inflight_requests 2\n" in
                   server.request("GET", "/metrics")[2],
                   10, "the server to start reading the POST")
        server.proc.send_signal(signal.SIGTERM)

        # Draining: new connections are refused (or told 503), the old one lives.
        def draining():
            try:
                return server.request("GET", "/readyz", timeout=5)[0] == 503
            except OSError:
                return True

        wait_until(draining, 10, "the server to start draining after SIGTERM")
        self.assertIsNone(server.proc.poll(), "exited before the request finished")
        s.sendall(page[1000:])
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        s.close()
        self.assertTrue(data.startswith(b"HTTP/1.1 200"), data[:200])
        self.assertIn(b'"headline"', data)
        server.proc.wait(STOP_TIMEOUT_S)
        self.assertEqual(server.stop(), 0)

    def test_sighup_reloads(self):
        server = Server(conf={"max_body_bytes": 1_000_000})
        try:
            body = b"<p>" + b"z" * 500_000
            st = server.request("POST", "/v1/extract", body, {"Content-Type": "text/html"})[0]
            self.assertEqual(st, 200)
            with open(server.conf_path, "a") as f:
                f.write("max_body_bytes = 100000\n")
            server.proc.send_signal(signal.SIGHUP)
            deadline = time.time() + 5
            while time.time() < deadline and "reloaded" not in server.log():
                time.sleep(0.05)
            st = server.request("POST", "/v1/extract", body, {"Content-Type": "text/html"})[0]
            self.assertEqual(st, 413)
        finally:
            self.assertEqual(server.stop(), 0)

    def test_precedence_flag_env_file(self):
        env_port, flag_port = free_port(), free_port()
        # Probe directly: env beats file, flag beats env.
        for env, args, want in (({"LEDE_PORT": str(env_port)}, [], env_port),
                                ({"LEDE_PORT": str(env_port)}, ["--port", str(flag_port)],
                                 flag_port)):
            conf = tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False)
            conf.write("port = %d\nbind = 127.0.0.1\nthreads = 1\n" % free_port())
            conf.close()
            full_env = dict(os.environ)
            full_env.update(env)
            proc = subprocess.Popen([ARGS.lede, "serve", "--config", conf.name] + args,
                                    stderr=subprocess.DEVNULL, env=full_env, cwd=REPO)
            try:
                ok = False
                deadline = time.time() + START_TIMEOUT_S
                while time.time() < deadline and not ok:
                    try:
                        c = http.client.HTTPConnection("127.0.0.1", want, timeout=5)
                        c.request("GET", "/readyz")
                        ok = c.getresponse().status == 200
                        c.close()
                    except OSError:
                        time.sleep(0.05)
                self.assertTrue(ok, "not listening on %d (%s %s)" % (want, env, args))
            finally:
                proc.send_signal(signal.SIGTERM)
                self.assertEqual(proc.wait(STOP_TIMEOUT_S), 0)
                os.unlink(conf.name)


class ConfigErrorTest(unittest.TestCase):
    def run_serve(self, conf_text, args=(), env=None):
        with tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False) as f:
            f.write(conf_text)
        full_env = dict(os.environ)
        full_env.update(env or {})
        try:
            p = subprocess.run([ARGS.lede, "serve", "--config", f.name] + list(args),
                               capture_output=True, env=full_env, timeout=30)
        finally:
            os.unlink(f.name)
        return p.returncode, p.stderr.decode(), f.name

    def test_unknown_key(self):
        rc, err, name = self.run_serve("port = 8080\n# ok\ncolour = blue\n")
        self.assertEqual(rc, 2)
        self.assertIn("%s:3" % name, err)
        self.assertIn("colour", err)

    def test_bad_number(self):
        rc, err, name = self.run_serve("threads = many\n")
        self.assertEqual(rc, 2)
        self.assertIn("%s:1" % name, err)
        self.assertIn("threads", err)

    def test_out_of_range(self):
        rc, err, name = self.run_serve("\n\nport = 70000\n")
        self.assertEqual(rc, 2)
        self.assertIn("%s:3" % name, err)
        self.assertIn("port", err)

    def test_missing_equals(self):
        rc, err, name = self.run_serve("port 8080\n")
        self.assertEqual(rc, 2)
        self.assertIn("%s:1" % name, err)

    def test_bad_env_and_flag(self):
        rc, err, _ = self.run_serve("", env={"LEDE_FETCH_MAX_BYTES": "-5"})
        self.assertEqual(rc, 2)
        self.assertIn("LEDE_FETCH_MAX_BYTES", err)
        rc, err, _ = self.run_serve("", args=["--max-inflight", "x"])
        self.assertEqual(rc, 2)
        self.assertIn("--max-inflight", err)
        rc, err, _ = self.run_serve("", args=["--no-such-flag"])
        self.assertEqual(rc, 2)
        self.assertIn("--no-such-flag", err)

    def test_bad_allow_list(self):
        rc, err, _ = self.run_serve("fetch.allow_cidrs = 127.0.0.1/99\n")
        self.assertEqual(rc, 2)
        self.assertIn("127.0.0.1/99", err)

    def test_missing_file(self):
        p = subprocess.run([ARGS.lede, "serve", "--config", "/nonexistent/lede.conf"],
                           capture_output=True, timeout=30)
        self.assertEqual(p.returncode, 2)
        self.assertIn(b"/nonexistent/lede.conf", p.stderr)


class CountingResult(unittest.TextTestResult):
    pass


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--lede", required=True)
    parser.add_argument("--shared", required=True)
    parser.add_argument("tests", nargs="*")
    ARGS = parser.parse_args()
    ARGS.lede = os.path.abspath(ARGS.lede)
    lede_server.LEDE = ARGS.lede
    loader = unittest.TestLoader()
    if ARGS.tests:
        suite = loader.loadTestsFromNames(ARGS.tests, sys.modules[__name__])
    else:
        suite = loader.loadTestsFromModule(sys.modules[__name__])
    result = unittest.TextTestRunner(verbosity=2, resultclass=CountingResult).run(suite)
    failed = len(result.failures) + len(result.errors)
    passed = result.testsRun - failed - len(result.skipped)
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
