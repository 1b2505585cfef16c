#!/usr/bin/env python3
"""End to end through the real server: a news page in, the whole Article out.

Checks what every language stage promises about offsets (code points into
"text", end exclusive): text[start:end] equals each entity mention, each claim
and each quote, and that each stage finds the facts of a page written for this
test (tests/fixtures/news-wire). Also checks the CLI gives the same document.

Run: python3 tests/integration/test_pipeline.py --lede BUILD/lede --shared DIR
"""
import argparse
import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_server  # noqa: E402  (the server harness)

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAGE = os.path.join(REPO, "tests/fixtures/news-wire/page.html")
URL = "https://northwire.example/world/2024-03/05/arctic-rail.html"
ARGS = None


def extract_via_server():
    with open(PAGE, "rb") as f:
        page = f.read()
    test_server.ARGS = ARGS
    test_server.lede_server.LEDE = ARGS.lede
    srv = test_server.Server()
    try:
        status, _, body = srv.request("POST", "/v1/extract?url=" + URL, page,
                                      {"Content-Type": "text/html"})
    finally:
        srv.stop()
    assert status == 200, (status, body)
    return json.loads(body)


class PipelineTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.doc = extract_via_server()
        cls.text = cls.doc["text"]

    def test_mention_offsets(self):
        self.assertTrue(self.doc["entities"])
        for e in self.doc["entities"]:
            self.assertEqual(e["count"], len(e["mentions"]))
            for m in e["mentions"]:
                self.assertEqual(self.text[m["start"]:m["end"]], m["text"], e["name"])

    def test_claim_offsets_and_sentences(self):
        self.assertTrue(self.doc["numeric_claims"])
        for c in self.doc["numeric_claims"]:
            self.assertEqual(self.text[c["start"]:c["end"]], c["text"])
            self.assertIn(c["text"], c["sentence"])

    def test_quote_offsets(self):
        self.assertTrue(self.doc["quotes"])
        for q in self.doc["quotes"]:
            self.assertEqual(self.text[q["start"]:q["end"]], q["text"])
            if q["speaker_entity"] is not None:
                self.assertLess(q["speaker_entity"], len(self.doc["entities"]))

    def test_entities_found_and_merged(self):
        by_name = {e["name"]: e for e in self.doc["entities"]}
        for name, kind in (("Ulf Kristersson", "PERSON"), ("Maja Lind", "PERSON"),
                           ("Oslo", "LOC"), ("European Union", "ORG")):
            self.assertIn(name, by_name)
            self.assertEqual(by_name[name]["type"], kind)
        # "Maja Lind" ... "Lind said": one person, both mentions.
        self.assertEqual(by_name["Maja Lind"]["count"], 2)

    def test_claims_parsed(self):
        claims = {c["text"]: c for c in self.doc["numeric_claims"]}
        money = claims["about $1.1 billion"]
        self.assertEqual((money["kind"], money["value"], money["currency"],
                          money["qualifier"]), ("money", 1100000000, "USD", "approximately"))
        tons = claims["more than 20 million tons"]
        self.assertEqual((tons["value"], tons["qualifier"]), (20000000, "more_than"))
        self.assertEqual(claims["up to 30%"]["qualifier"], "up_to")
        herders = claims["about 300 Sami herders"]
        self.assertEqual((herders["kind"], herders["value"]), ("count", 300))

    def test_quotes_attributed(self):
        direct = [q for q in self.doc["quotes"] if q["type"] == "direct"]
        self.assertTrue(any(q["speaker"] == "Maja Lind" and q["cue"] == "said"
                            and q["text"].startswith('"We are not against trains')
                            for q in direct), direct)
        indirect = [q for q in self.doc["quotes"] if q["type"] == "indirect"]
        self.assertTrue(any(q["speaker"] == "Ulf Kristersson" and
                            q["text"].startswith("the project would cut")
                            for q in indirect), indirect)

    def test_cli_gives_the_same_document(self):
        out = subprocess.run([ARGS.lede, "extract", "--url", URL, PAGE],
                             capture_output=True, check=True, timeout=60)
        cli = json.loads(out.stdout)
        for d in (cli, self.doc):
            d.pop("timings_ms")
        self.assertEqual(cli, self.doc)


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--lede", required=True)
    parser.add_argument("--shared", required=True)
    ARGS = parser.parse_args()
    ARGS.lede = os.path.abspath(ARGS.lede)
    result = unittest.TextTestRunner(verbosity=2).run(
        unittest.defaultTestLoader.loadTestsFromTestCase(PipelineTest))
    failed = len(result.failures) + len(result.errors)
    print("%d passed, %d failed" % (result.testsRun - failed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
