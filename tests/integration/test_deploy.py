#!/usr/bin/env python3
"""Checks the Kubernetes manifests in deploy/ (python3-yaml, no cluster needed).

Run: python3 tests/integration/test_deploy.py --lede LEDE --shared SHARED
(the arguments are accepted for `make test` and not used). Ends with
"N passed, N failed".
"""

import argparse
import os
import sys
import unittest

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEPLOY = os.path.join(REPO, "deploy")


def load(name):
    with open(os.path.join(DEPLOY, name), encoding="utf-8") as f:
        return [d for d in yaml.safe_load_all(f) if d]


def by_kind(docs, kind):
    found = [d for d in docs if d.get("kind") == kind]
    assert len(found) == 1, "expected one %s, found %d" % (kind, len(found))
    return found[0]


def read_conf_port():
    with open(os.path.join(REPO, "config/lede.conf"), encoding="utf-8") as f:
        for line in f:
            key, _, value = line.split("#")[0].partition("=")
            if key.strip() == "port":
                return int(value)
    return 8080


class DeploymentTest(unittest.TestCase):
    def setUp(self):
        self.docs = load("deployment.yaml")
        self.dep = by_kind(self.docs, "Deployment")
        self.pod = self.dep["spec"]["template"]["spec"]
        self.containers = self.pod["containers"]
        self.c = self.containers[0]

    def test_api_and_selector(self):
        self.assertEqual(self.dep["apiVersion"], "apps/v1")
        labels = self.dep["spec"]["template"]["metadata"]["labels"]
        for k, v in self.dep["spec"]["selector"]["matchLabels"].items():
            self.assertEqual(labels.get(k), v)

    def test_resources(self):
        for c in self.containers:
            res = c["resources"]
            for part in ("requests", "limits"):
                self.assertIn("cpu", res[part])
                self.assertIn("memory", res[part])

    def test_probes(self):
        port_names = {p["name"]: p["containerPort"] for p in self.c["ports"]}
        self.assertEqual(self.c["livenessProbe"]["httpGet"]["path"], "/healthz")
        self.assertEqual(self.c["readinessProbe"]["httpGet"]["path"], "/readyz")
        for probe in ("livenessProbe", "readinessProbe"):
            port = self.c[probe]["httpGet"]["port"]
            self.assertIn(port_names.get(port, port), (read_conf_port(),))

    def test_runs_the_lede_binary(self):
        # The image has CMD but no ENTRYPOINT, so Kubernetes args alone would
        # replace the whole command line: the binary must be named.
        argv = self.c.get("command", []) + self.c.get("args", [])
        self.assertEqual(argv[:2], ["lede", "serve"])

    def test_paths_exist_in_the_image(self):
        with open(os.path.join(REPO, "Dockerfile"), encoding="utf-8") as f:
            dockerfile = f.read()
        conf = by_kind(self.docs, "ConfigMap")["data"]["lede.conf"]
        for line in conf.splitlines():
            key, _, value = line.split("#")[0].partition("=")
            if key.strip() == "openapi_path":
                self.assertIn(os.path.dirname(value.strip()), dockerfile)

    def test_termination_grace_covers_drain(self):
        grace = self.pod["terminationGracePeriodSeconds"]
        drain = 20
        for e in self.c.get("env", []):
            if e["name"] == "LEDE_DRAIN_TIMEOUT_S":
                drain = int(e["value"])
        pre_stop = 0
        cmd = self.c.get("lifecycle", {}).get("preStop", {}).get("exec", {}).get("command")
        if cmd and cmd[0] == "sleep":
            pre_stop = int(cmd[1])
        self.assertGreater(grace, drain + pre_stop)

    def test_non_root_read_only(self):
        pod_sc = self.pod.get("securityContext", {})
        for c in self.containers:
            sc = c["securityContext"]
            self.assertTrue(sc.get("runAsNonRoot", pod_sc.get("runAsNonRoot")))
            self.assertTrue(sc["readOnlyRootFilesystem"])
            self.assertFalse(sc["allowPrivilegeEscalation"])
            self.assertIn("ALL", sc["capabilities"]["drop"])
        self.assertNotEqual(pod_sc.get("runAsUser", 0), 0)

    def test_config_map_is_valid_lede_conf(self):
        cm = by_kind(self.docs, "ConfigMap")
        mounted = {v["configMap"]["name"] for v in self.pod["volumes"] if "configMap" in v}
        self.assertIn(cm["metadata"]["name"], mounted)
        self.assertIn("lede.conf", cm["data"])
        for line in cm["data"]["lede.conf"].splitlines():
            line = line.split("#")[0].strip()
            if line:
                self.assertIn("=", line)


class ServiceTest(unittest.TestCase):
    def test_service_targets_the_pods(self):
        svc = by_kind(load("service.yaml"), "Service")
        dep = by_kind(load("deployment.yaml"), "Deployment")
        labels = dep["spec"]["template"]["metadata"]["labels"]
        for k, v in svc["spec"]["selector"].items():
            self.assertEqual(labels.get(k), v)
        port_names = {p["name"] for p in dep["spec"]["template"]["spec"]["containers"][0]["ports"]}
        for p in svc["spec"]["ports"]:
            self.assertIn(p["targetPort"], port_names)


class HpaTest(unittest.TestCase):
    def test_hpa_scales_the_deployment_on_cpu(self):
        hpa = by_kind(load("hpa.yaml"), "HorizontalPodAutoscaler")
        self.assertEqual(hpa["apiVersion"], "autoscaling/v2")
        ref = hpa["spec"]["scaleTargetRef"]
        self.assertEqual((ref["kind"], ref["name"]), ("Deployment", "lede"))
        self.assertLessEqual(hpa["spec"]["minReplicas"], hpa["spec"]["maxReplicas"])
        cpu = [m for m in hpa["spec"]["metrics"]
               if m["type"] == "Resource" and m["resource"]["name"] == "cpu"]
        self.assertEqual(len(cpu), 1)
        self.assertIn("averageUtilization", cpu[0]["resource"]["target"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lede")
    parser.add_argument("--shared")
    parser.parse_args()
    suite = unittest.TestLoader().loadTestsFromModule(sys.modules[__name__])
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    failed = len(result.failures) + len(result.errors)
    print("%d passed, %d failed" % (result.testsRun - failed - len(result.skipped), failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
