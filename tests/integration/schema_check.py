"""A small JSON-Schema validator for the subset openapi.yaml uses.

Supported keywords: type (a name or a list, "null" included), properties,
required, items, enum, additionalProperties (boolean or schema), minimum, maximum,
anyOf, oneOf and $ref (local JSON pointers such as "#/components/schemas/X").
Anything else in a schema is an error, so the spec cannot silently use a
keyword this checker would ignore. Descriptive keywords are skipped.
"""

import yaml

DESCRIPTIVE = {"description", "example", "examples", "title", "summary", "default",
               "deprecated", "format"}
CHECKED = {"type", "properties", "required", "items", "enum", "additionalProperties",
           "minimum", "maximum", "anyOf", "oneOf", "$ref"}

TYPE_CHECKS = {
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


class SchemaError(Exception):
    """The schema itself uses something this checker does not understand."""


class Spec:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.doc = yaml.safe_load(f)

    def resolve(self, ref):
        if not ref.startswith("#/"):
            raise SchemaError("only local $ref are supported: " + ref)
        node = self.doc
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def schema(self, name):
        return self.resolve("#/components/schemas/" + name)

    def response_schema(self, path, method, status, media):
        """The schema of one documented answer (None when undocumented)."""
        op = self.doc["paths"].get(path, {}).get(method.lower())
        if op is None:
            return None
        resp = op["responses"].get(str(status))
        if resp is None:
            return None
        if "$ref" in resp:
            resp = self.resolve(resp["$ref"])
        content = resp.get("content", {})
        return content.get(media, {}).get("schema")

    def validate(self, value, schema, ignore_required=False):
        """Returns a list of problems (empty when the value is valid)."""
        errors = []
        self._check(value, schema, "$", errors, ignore_required)
        return errors

    def _check(self, value, schema, where, errors, ignore_required):
        unknown = set(schema) - CHECKED - DESCRIPTIVE
        if unknown:
            raise SchemaError("%s: unsupported keywords %s" % (where, sorted(unknown)))
        if "$ref" in schema:
            self._check(value, self.resolve(schema["$ref"]), where, errors,
                        ignore_required)
            return
        for key in ("anyOf", "oneOf"):
            if key in schema:
                results = []
                for sub in schema[key]:
                    sub_errors = []
                    self._check(value, sub, where, sub_errors, ignore_required)
                    results.append(sub_errors)
                matched = sum(1 for r in results if not r)
                if matched == 0 or (key == "oneOf" and matched > 1):
                    errors.append("%s: matches %d of the %s alternatives (%s)" % (
                        where, matched, key, "; ".join(r[0] for r in results if r)))
                    return
        if "type" in schema:
            types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            if not any(TYPE_CHECKS[t](value) for t in types):
                errors.append("%s: %s is not of type %s" % (where, _short(value), types))
                return
        if "enum" in schema and value not in schema["enum"]:
            errors.append("%s: %s is not one of %s" % (where, _short(value), schema["enum"]))
        if "minimum" in schema and isinstance(value, (int, float)) \
                and value < schema["minimum"]:
            errors.append("%s: %r is below %r" % (where, value, schema["minimum"]))
        if "maximum" in schema and isinstance(value, (int, float)) \
                and value > schema["maximum"]:
            errors.append("%s: %r is above %r" % (where, value, schema["maximum"]))
        if isinstance(value, dict):
            props = schema.get("properties", {})
            if not ignore_required:
                for key in schema.get("required", []):
                    if key not in value:
                        errors.append("%s: missing required '%s'" % (where, key))
            extra = schema.get("additionalProperties", True)
            for key, v in value.items():
                if key in props:
                    self._check(v, props[key], "%s.%s" % (where, key), errors, False)
                elif extra is False:
                    errors.append("%s: unexpected property '%s'" % (where, key))
                elif isinstance(extra, dict):
                    self._check(v, extra, "%s.%s" % (where, key), errors, False)
        if isinstance(value, list) and "items" in schema:
            for i, item in enumerate(value):
                self._check(item, schema["items"], "%s[%d]" % (where, i), errors, False)


def _short(value):
    text = repr(value)
    return text if len(text) < 60 else text[:57] + "..."
