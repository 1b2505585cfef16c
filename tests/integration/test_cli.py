"""`lede extract` as a command-line tool, and /v1/extract?format=.

Inputs are the pages in tests/integration/cli_pages/ (written for this suite):
folder recursion, -o DIR with relative paths kept, stdin, list files, every
--format, -j 2 against -j 1, exit statuses (1 for a failed page, 2 for usage),
the progress line (only on a terminal), --help of every command, and the
server's Markdown and text answers with their Content-Type.

Usage: test_cli.py --lede BUILD/lede [--shared DIR]
"""

import argparse
import json
import os
import pty
import select
import shutil
import subprocess
import sys
import tempfile
import unittest
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lede_server  # noqa: E402
import schema_check  # noqa: E402

REPO = os.path.dirname(os.path.dirname(HERE))
PAGES = os.path.join(HERE, "cli_pages")
FERRY = os.path.join(PAGES, "ferry.html")
RAIL = os.path.join(PAGES, "world", "rail.htm")
MARKUP = os.path.join(PAGES, "world", "markup.html")
# The pages a walk of PAGES finds, by relative path, in name order.
WALKED = ["ferry.html", "world/markup.html", "world/rail.htm"]
HEADLINES = {"ferry.html": "Night ferry returns to the island route",
             "world/markup.html": "Q&A: why *prices* rose",
             "world/rail.htm": "Mountain railway gets a new tunnel"}
ARGS = None
RUN_TIMEOUT_S = 120


def lede(*args, stdin=None, check_rc=None):
    """Runs `lede ARGS`; returns (status, stdout, stderr) as text."""
    p = subprocess.run([ARGS.lede] + list(args), input=stdin, capture_output=True,
                       timeout=RUN_TIMEOUT_S)
    out, err = p.stdout.decode("utf-8"), p.stderr.decode("utf-8")
    if check_rc is not None and p.returncode != check_rc:
        raise AssertionError("lede %s: status %d, want %d; stderr: %s"
                             % (" ".join(args), p.returncode, check_rc, err))
    return p.returncode, out, err


def without_timings(doc):
    doc = dict(doc)
    doc.pop("timings_ms", None)
    return doc


def ndjson(text):
    return [json.loads(line) for line in text.splitlines()]


def tree(root):
    """Every file under root by relative path, with its bytes."""
    files = {}
    for d, _, names in os.walk(root):
        for n in names:
            p = os.path.join(d, n)
            with open(p, "rb") as f:
                files[os.path.relpath(p, root)] = f.read()
    return files


class ExtractCli(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="lede-cli-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_one_file_prints_indented_article_json(self):
        _, out, err = lede("extract", FERRY, check_rc=0)
        self.assertTrue(out.startswith("{\n  "), out[:40])
        doc = json.loads(out)
        self.assertEqual(doc["headline"], HEADLINES["ferry.html"])
        self.assertEqual(err, "", "one page: no summary, no progress")

    def test_folder_recursion_with_output_dir_keeps_relative_paths(self):
        out_dir = os.path.join(self.tmp, "out")
        _, out, err = lede("extract", PAGES, "-o", out_dir, check_rc=0)
        self.assertEqual(out, "")
        files = tree(out_dir)
        self.assertEqual(sorted(files), ["ferry.json", "world/markup.json",
                                         "world/rail.json"], "notes.txt is not a page")
        for rel in WALKED:
            name = os.path.splitext(rel)[0] + ".json"
            doc = json.loads(files[name])
            self.assertEqual(doc["headline"], HEADLINES[rel])
        self.assertIn("3 pages, 0 failed", err)

    def test_inputs_that_would_share_an_output_never_overwrite(self):
        src = os.path.join(self.tmp, "src")
        for d in ("a", "b"):
            os.makedirs(os.path.join(src, d))
        with open(FERRY, "rb") as f:
            ferry = f.read()
        with open(RAIL, "rb") as f:
            rail = f.read()
        pages = {"a/index.html": ferry, "a/index.htm": rail, "b/index.html": rail,
                 "a/index-2.html": ferry}
        for rel, body in pages.items():
            with open(os.path.join(src, rel), "wb") as f:
                f.write(body)
        out_dir = os.path.join(self.tmp, "out")
        _, out, err = lede("extract", "-o", out_dir, os.path.join(src, "a"),
                           os.path.join(src, "b"), check_rc=0)
        files = tree(out_dir)
        # a/ is walked in name order: index-2.html, index.htm, index.html;
        # index-2 is a name of its own, so the renames skip it
        self.assertEqual(sorted(files), ["index-2.json", "index-3.json",
                                         "index-4.json", "index.json"])
        headline = {n: json.loads(b)["headline"] for n, b in files.items()}
        self.assertEqual(headline["index-2.json"], HEADLINES["ferry.html"])
        self.assertEqual(headline["index.json"], HEADLINES["world/rail.htm"])
        self.assertEqual(headline["index-3.json"], HEADLINES["ferry.html"])
        self.assertEqual(headline["index-4.json"], HEADLINES["world/rail.htm"])
        self.assertIn("output named index-3 (index is taken by", err)
        self.assertIn("output named index-4", err)
        self.assertIn("4 pages, 0 failed", err)

    def test_output_extension_follows_the_format(self):
        for fmt, ext in [("json", ".json"), ("ndjson", ".json"), ("text", ".txt"),
                         ("markdown", ".md"), ("html", ".html")]:
            out_dir = os.path.join(self.tmp, fmt)
            lede("extract", "--format", fmt, "-o", out_dir, PAGES, check_rc=0)
            want = sorted(os.path.splitext(r)[0] + ext for r in WALKED)
            self.assertEqual(sorted(tree(out_dir)), want, fmt)

    def test_several_pages_print_ndjson_in_input_order(self):
        _, out, _ = lede("extract", RAIL, FERRY, check_rc=0)
        docs = ndjson(out)
        self.assertEqual([d["headline"] for d in docs],
                         [HEADLINES["world/rail.htm"], HEADLINES["ferry.html"]])

    def test_stdin(self):
        with open(FERRY, "rb") as f:
            page = f.read()
        _, out, _ = lede("extract", "-", stdin=page, check_rc=0)
        _, direct, _ = lede("extract", FERRY, check_rc=0)
        self.assertEqual(without_timings(json.loads(out)),
                         without_timings(json.loads(direct)))
        out_dir = os.path.join(self.tmp, "o")
        lede("extract", "-", "--format", "markdown", "-o", out_dir, stdin=page,
             check_rc=0)
        self.assertEqual(sorted(tree(out_dir)), ["stdin.md"])

    def test_list_file(self):
        lst = os.path.join(self.tmp, "pages.txt")
        with open(lst, "w") as f:
            f.write("%s\n\n%s\r\n" % (RAIL, os.path.join(PAGES, "world")))
        _, out, _ = lede("extract", "--list", lst, check_rc=0)
        self.assertEqual([d["headline"] for d in ndjson(out)],
                         [HEADLINES["world/rail.htm"], HEADLINES["world/markup.html"],
                          HEADLINES["world/rail.htm"]])
        # The list can come from stdin too.
        with open(lst, "rb") as f:
            _, out2, _ = lede("extract", "--list", "-", stdin=f.read(), check_rc=0)
        self.assertEqual(len(ndjson(out2)), 3)

    def test_format_json_and_ndjson(self):
        _, out, _ = lede("extract", "--format", "ndjson", FERRY, check_rc=0)
        self.assertEqual(len(out.splitlines()), 1)
        one = json.loads(out)
        _, pretty, _ = lede("extract", "--format", "json", FERRY, check_rc=0)
        self.assertIn("\n  \"headline\"", pretty)
        self.assertEqual(without_timings(json.loads(pretty)), without_timings(one))
        self.assertNotIn("html", one)
        _, out, _ = lede("extract", "--include-html", "--format", "ndjson", FERRY,
                         check_rc=0)
        self.assertIn("<table>", json.loads(out)["html"])

    def test_fields(self):
        _, out, _ = lede("extract", "--fields", "headline,word_count", RAIL, FERRY,
                         check_rc=0)
        for d in ndjson(out):
            self.assertEqual(sorted(d), ["headline", "word_count"])
        rc, _, err = lede("extract", "--fields", "nope", FERRY)
        self.assertEqual(rc, 2, err)

    def test_format_text(self):
        _, out, _ = lede("extract", "--format", "text", FERRY, check_rc=0)
        self.assertTrue(out.startswith(HEADLINES["ferry.html"] + "\n\nThe night ferry"),
                        out[:120])
        self.assertNotIn("<", out)
        self.assertNotIn("](", out)
        self.assertIn("\n\nThe council said", out)

    def test_format_markdown(self):
        _, out, _ = lede("extract", "--format", "markdown", FERRY, check_rc=0)
        self.assertTrue(out.startswith("# Night ferry returns to the island route\n\n"
                                       "*By Lena Holm*\n\n"), out[:120])
        self.assertIn("\n\n## Timetable and fares\n\n", out)
        self.assertIn("[published timetable](https://example.com/ferry/timetable)", out)
        self.assertIn("| Ticket | Price |\n| --- | --- |\n| Adult | 18 euros |", out)
        self.assertIn("\n- Early workers can reach", out)
        _, out, _ = lede("extract", "--format", "markdown", MARKUP, check_rc=0)
        self.assertTrue(out.startswith("# Q&A: why \\*prices\\* rose\n"), out[:80])
        self.assertIn("2\\*3 percent", out)
        self.assertIn("\\[core\\]", out)
        self.assertIn("snake\\_case", out)
        self.assertIn("\n\n\\# This line", out)
        self.assertIn("\n\n1999\\. That was", out)

    def test_format_html(self):
        _, out, _ = lede("extract", "--format", "html", FERRY, check_rc=0)
        self.assertTrue(out.startswith("<"), out[:60])
        self.assertIn("<table>", out)
        self.assertIn('<a href="https://example.com/ferry/timetable">', out)
        self.assertNotIn("<nav", out)

    def test_two_threads_give_the_same_outputs_as_one(self):
        for fmt in ["ndjson", "markdown", "text"]:
            _, one, _ = lede("extract", "-j", "1", "--format", fmt, PAGES, FERRY, RAIL,
                             check_rc=0)
            _, two, _ = lede("extract", "-j", "2", "--format", fmt, PAGES, FERRY, RAIL,
                             check_rc=0)
            if fmt == "ndjson":
                one = [without_timings(d) for d in ndjson(one)]
                two = [without_timings(d) for d in ndjson(two)]
                self.assertEqual(len(one), 5)
            self.assertEqual(one, two, fmt)
        dirs = []
        for j in ["1", "2"]:
            d = os.path.join(self.tmp, "j" + j)
            lede("extract", "-j", j, "--format", "markdown", "-o", d, PAGES, check_rc=0)
            dirs.append(tree(d))
        self.assertEqual(dirs[0], dirs[1])
        self.assertEqual(len(dirs[0]), 3)

    def test_a_missing_or_broken_page_gives_status_1(self):
        # Over the default input limit (10 MiB): the core refuses it.
        huge = os.path.join(self.tmp, "huge.html")
        with open(huge, "wb") as f:
            f.write(b"<p>" + b"x" * (10 << 20) + b"</p>")
        missing = os.path.join(self.tmp, "missing.html")
        dangling = os.path.join(self.tmp, "dangling.html")
        os.symlink(missing, dangling)
        for bad in [missing, huge, dangling]:
            for j in ["1", "2"]:
                rc, out, err = lede("extract", "-j", j, FERRY, bad, RAIL)
                self.assertEqual(rc, 1, err)
                self.assertEqual([d["headline"] for d in ndjson(out)],
                                 [HEADLINES["ferry.html"], HEADLINES["world/rail.htm"]],
                                 "the good pages are still extracted")
                self.assertIn(bad, err)
                self.assertIn("3 pages, 1 failed", err)
        out_dir = os.path.join(self.tmp, "o")
        rc, _, _ = lede("extract", "-o", out_dir, FERRY, huge)
        self.assertEqual(rc, 1)
        self.assertEqual(sorted(tree(out_dir)), ["ferry.json"], "no output for a failure")
        rc, _, _ = lede("extract", missing)
        self.assertEqual(rc, 1)

    def test_usage_errors_give_status_2(self):
        for args in [[], ["--format", "pdf", FERRY], ["-j", "0", FERRY],
                     ["-j", "two", FERRY], ["--no-such-option", FERRY], ["-o"],
                     ["-", "-"], ["--url", "https://example.com/", FERRY, RAIL],
                     ["--format", "text", "--fields", "headline", FERRY]]:
            rc, out, err = lede("extract", *args)
            self.assertEqual(rc, 2, "%s: %s" % (args, err))
            self.assertEqual(out, "")
            self.assertIn("lede extract", err)

    def test_no_progress_line_when_stderr_is_not_a_terminal(self):
        _, _, err = lede("extract", "-j", "2", PAGES, FERRY, RAIL, check_rc=0)
        self.assertNotIn("\r", err)
        self.assertNotIn("\033", err)
        self.assertEqual(err.splitlines(), [err.strip()], "only the summary line")
        self.assertTrue(err.startswith("lede extract: 5 pages, 0 failed, "), err)

    def test_progress_line_on_a_terminal(self):
        master, slave = pty.openpty()
        try:
            p = subprocess.Popen([ARGS.lede, "extract", PAGES, FERRY],
                                 stdout=subprocess.DEVNULL, stderr=slave)
            os.close(slave)
            slave = None
            err = b""
            while True:
                r, _, _ = select.select([master], [], [], RUN_TIMEOUT_S)
                if not r:
                    break
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                err += chunk
            self.assertEqual(p.wait(RUN_TIMEOUT_S), 0)
        finally:
            if slave is not None:
                os.close(slave)
            os.close(master)
        text = err.decode("utf-8", "replace")
        self.assertIn("\r", text)
        self.assertRegex(text, r"\d+/4 pages, [0-9.]+ pages/s, 0 errors")
        self.assertIn("lede extract: 4 pages, 0 failed", text)

    def test_numbers_article_gives_the_api_claims(self):
        # --article: years left out as by the API's default, and a number
        # inside a quote gets its speaker; --claims keeps years for the
        # Recognizers-Text set and runs no quote stage
        line = json.dumps({"id": "a", "input": "In 2019 the city hired 40 teachers.\n\n"
                           "\"We will hire 300 nurses next year,\" Mayor Anna Berg "
                           "said on Monday."}) + "\n"
        _, out, _ = lede("numbers", "--article", "--jsonl", "-", stdin=line.encode(),
                         check_rc=0)
        found = json.loads(out)["found"]
        self.assertEqual([c["text"] for c in found], ["40 teachers", "300 nurses"])
        self.assertIsNone(found[0]["claimant"])
        self.assertEqual(found[1]["claimant"]["speaker"], "Anna Berg")
        _, out, _ = lede("numbers", "--claims", "--jsonl", "-", stdin=line.encode(),
                         check_rc=0)
        found = json.loads(out)["found"]
        self.assertEqual(found[0]["text"], "2019")
        self.assertTrue(all(c["claimant"] is None for c in found))

    def test_help_of_every_command(self):
        for cmd in ["serve", "extract", "tag", "numbers", "quotes", "train-ner",
                    "train-quotes"]:
            rc, out, _ = lede(cmd, "--help")
            self.assertEqual(rc, 0, cmd)
            self.assertIn("usage", out.lower(), cmd)
        _, out, _ = lede("extract", "--help", check_rc=0)
        for word in ["--format", "--list", "-o", "-j", "--fields", "--include-html",
                     "exit status"]:
            self.assertIn(word, out)


class ServerFormats(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        lede_server.LEDE = ARGS.lede
        cls.server = lede_server.Server()
        cls.spec = schema_check.Spec(os.path.join(REPO, "openapi.yaml"))
        with open(FERRY, "rb") as f:
            cls.page = f.read()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def post(self, query):
        return self.server.request("POST", "/v1/extract?" + query, body=self.page,
                                   headers={"Content-Type": "text/html"})

    def documented(self, media):
        schema = self.spec.response_schema("/v1/extract", "post", 200, media)
        self.assertIsNotNone(schema, "openapi.yaml documents %s" % media)

    def test_markdown(self):
        status, hdrs, body = self.post("format=markdown")
        self.assertEqual(status, 200, body)
        self.assertEqual(hdrs["content-type"], "text/markdown; charset=utf-8")
        self.documented("text/markdown")
        _, cli, _ = lede("extract", "--format", "markdown", FERRY, check_rc=0)
        self.assertEqual(body.decode("utf-8"), cli, "the server and the CLI agree")

    def test_text(self):
        status, hdrs, body = self.post("format=text")
        self.assertEqual(status, 200, body)
        self.assertEqual(hdrs["content-type"], "text/plain; charset=utf-8")
        self.documented("text/plain")
        _, cli, _ = lede("extract", "--format", "text", FERRY, check_rc=0)
        self.assertEqual(body.decode("utf-8"), cli)

    def test_json_stays_the_default(self):
        for query in ["", "format=json"]:
            status, hdrs, body = self.post(query)
            self.assertEqual(status, 200)
            self.assertTrue(hdrs["content-type"].startswith("application/json"))
            self.assertEqual(json.loads(body)["headline"], HEADLINES["ferry.html"])

    def test_json_body_with_format(self):
        req = json.dumps({"html": self.page.decode("utf-8")})
        status, hdrs, body = self.server.request(
            "POST", "/v1/extract?format=markdown", body=req,
            headers={"Content-Type": "application/json"})
        self.assertEqual(status, 200)
        self.assertTrue(body.startswith(b"# Night ferry"), body[:40])

    def test_bad_format_is_a_bad_request(self):
        status, hdrs, body = self.post("format=" + urllib.parse.quote("pdf"))
        self.assertEqual(status, 400)
        self.assertEqual(json.loads(body)["error"]["code"], "bad_request")
        # The batch answers Articles only.
        status, _, body = self.server.request(
            "POST", "/v1/extract/batch?format=markdown", body=b'{"html":"<p>x</p>"}\n',
            headers={"Content-Type": "application/x-ndjson"})
        self.assertEqual(status, 400, body)


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--lede", required=True)
    parser.add_argument("--shared", default=None)
    ARGS, rest = parser.parse_known_args()
    ARGS.lede = os.path.abspath(ARGS.lede)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
