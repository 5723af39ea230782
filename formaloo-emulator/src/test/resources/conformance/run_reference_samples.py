#!/usr/bin/env python3
"""Runs every Python http.client sample of the Formaloo API reference against a running emulator.

The reference (formaloo-api-v1.0.txt) has one Python sample per endpoint: a block that starts
with the line `import http.client` and ends with `print(data.decode("utf-8"))`. Each sample is
extracted, rewritten to talk to the emulator, and executed in-process:

  http.client.HTTPSConnection("api.formaloo.com") -> http.client.HTTPConnection(host, port, timeout=T)
  "API_KEY"                                        -> the emulator's API key
  "{access-token}"                                 -> a token the emulator issued (service flow)
  active_business=string                           -> the emulator's business slug
  print(data.decode("utf-8"))                      -> dropped; the script reads `res` and `data`

A sample passes when it gets an answer whose status is documented (200, 201, 204, 400, 401, 403,
404, 405, 429) and whose body is JSON (204: an empty body). A 5xx, a dropped connection, a
timeout or a body that is not JSON fails it.

Output: `found N samples in PATH`, one line per sample
`sample NN (line L): METHOD PATH -> STATUS ok|FAIL ...`, then `N passed, M failed`.
Exit status: 0 when every sample passed; 1 when a sample failed, when fewer samples were found
than --min-samples, or when the extractor did not find one sample per `import http.client`
line; 2 on a usage or setup error (emulator unreachable, credentials refused).

  run_reference_samples.py --reference PATH --port P --api-key K --api-secret S --business B
  run_reference_samples.py --reference PATH --list      # extract and list only, no emulator
"""

import argparse
import base64
import contextlib
import http.client
import io
import json
import re
import socket
import sys
import urllib.parse

START_LINE = "import http.client"
END_PREFIX = 'print(data.decode("utf-8"))'
DOCUMENTED_STATUSES = frozenset({200, 201, 204, 400, 401, 403, 404, 405, 429})
# The reference v1.0 has 23 samples, one per documented endpoint (NOTES.md's table lists the same
# 23 method/path pairs); the script also refuses to pass if it extracted fewer samples than the
# reference has `import http.client` lines, so a later reference with more samples is covered.
DEFAULT_MIN_SAMPLES = 23
REQUEST_RE = re.compile(r'conn\.request\(\s*"([A-Z]+)"\s*,\s*"([^"]*)"')
CONNECTION_RE = re.compile(r'http\.client\.HTTPSConnection\(\s*"api\.formaloo\.com"\s*\)')
# Values pasted into the samples' Python string literals: nothing that needs escaping.
SAFE_VALUE_RE = re.compile(r"^[A-Za-z0-9._~+/=:-]+$")
LOOPBACK = "127.0.0.1"


class Sample:
    def __init__(self, index, line, source):
        self.index = index
        self.line = line  # 1-based line of `import http.client` in the reference
        self.source = source
        match = REQUEST_RE.search(source)
        self.method = match.group(1) if match else "?"
        self.path = match.group(2) if match else "?"


def read_reference(path):
    with open(path, encoding="utf-8") as f:
        return f.read().splitlines()


def count_start_lines(lines):
    return sum(1 for line in lines if line.strip() == START_LINE)


def extract_samples(lines):
    """Returns (samples, problems): every block from `import http.client` to its print line."""
    samples = []
    problems = []
    start = None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped == START_LINE:
            if start is not None:
                problems.append("sample at line %d has no closing print line" % start)
            start = number
        elif start is not None and stripped.startswith(END_PREFIX):
            source = "\n".join(lines[start - 1 : number]) + "\n"
            samples.append(Sample(len(samples) + 1, start, source))
            start = None
    if start is not None:
        problems.append("sample at line %d has no closing print line" % start)
    for sample in samples:
        if sample.method == "?":
            problems.append("sample at line %d has no conn.request(...) call" % sample.line)
    return samples, problems


def rewrite(sample, port, api_key, token, business, timeout):
    """The sample pointed at the emulator; raises ValueError when a substitution did not apply."""
    code = sample.source
    code, connections = CONNECTION_RE.subn(
        'http.client.HTTPConnection("%s", %d, timeout=%r)' % (LOOPBACK, port, timeout), code
    )
    if connections != 1:
        raise ValueError("expected one HTTPSConnection(\"api.formaloo.com\"), found %d" % connections)
    code = code.replace('"API_KEY"', '"%s"' % api_key)
    code = code.replace("{access-token}", token)
    code = code.replace(
        "active_business=string", "active_business=" + urllib.parse.quote(business, safe="")
    )
    lines = code.splitlines()
    if not lines[-1].strip().startswith(END_PREFIX):
        raise ValueError("last line is not the print line")
    code = "\n".join(lines[:-1]) + "\n"
    for leftover in ("api.formaloo.com", "HTTPSConnection", "API_KEY", "{access-token}"):
        if leftover in code:
            raise ValueError("rewritten sample still contains %r" % leftover)
    return code


@contextlib.contextmanager
def loopback_only():
    """Makes any connection away from the loopback emulator fail instead of reaching the net."""
    original = socket.create_connection

    def guarded(address, *args, **kwargs):
        if address[0] != LOOPBACK:
            raise ConnectionRefusedError("refusing to leave loopback: %r" % (address,))
        return original(address, *args, **kwargs)

    socket.create_connection = guarded
    try:
        yield
    finally:
        socket.create_connection = original


def obtain_token(port, api_key, api_secret, timeout):
    """The service's client-credentials flow: 201 {"authorization_token": "..."}."""
    conn = http.client.HTTPConnection(LOOPBACK, port, timeout=timeout)
    try:
        conn.request(
            "POST",
            "/v1.0/oauth2/authorization-token/",
            "grant_type=client_credentials",
            {
                "Authorization": "Basic " + api_secret,
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
                "x-api-key": api_key,
            },
        )
        res = conn.getresponse()
        body = res.read()
    finally:
        conn.close()
    if res.status not in (200, 201):
        raise RuntimeError("token request answered %d: %s" % (res.status, body[:300]))
    token = json.loads(body.decode("utf-8")).get("authorization_token")
    if not token:
        raise RuntimeError("token answer has no authorization_token: %s" % body[:300])
    return token


def preflight(port, api_key, token, timeout):
    """Checks the key and token are accepted, so no sample can pass on a vacuous 401."""
    conn = http.client.HTTPConnection(LOOPBACK, port, timeout=timeout)
    try:
        conn.request(
            "GET",
            "/v1.0/businesses/",
            headers={
                "Accept": "application/json",
                "x-api-key": api_key,
                "Authorization": "Bearer " + token,
            },
        )
        res = conn.getresponse()
        body = res.read()
    finally:
        conn.close()
    if res.status != 200:
        raise RuntimeError(
            "GET /v1.0/businesses/ with the new token answered %d: %s" % (res.status, body[:300])
        )


def check_answer(status, body):
    """None when the answer conforms, else why not."""
    if status not in DOCUMENTED_STATUSES:
        return "status %d is not documented (%s)" % (
            status,
            ", ".join(str(s) for s in sorted(DOCUMENTED_STATUSES)),
        )
    if status == 204:
        return None if body == b"" else "204 with a non-empty body"
    if body == b"":
        return "empty body, expected JSON"
    try:
        json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        return "body is not JSON (%s)" % e
    return None


def run_sample(sample, code):
    """Executes the rewritten sample; returns (status or None, body or None, failure or None)."""
    namespace = {"__name__": "reference_sample_%02d" % sample.index}
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed), loopback_only():
            exec(compile(code, "<sample %02d, line %d>" % (sample.index, sample.line), "exec"), namespace)
    except socket.timeout as e:
        return None, None, "no answer in time (%s: %s)" % (type(e).__name__, e)
    except (http.client.HTTPException, ConnectionError, OSError) as e:
        return None, None, "dropped connection (%s: %s)" % (type(e).__name__, e)
    except Exception as e:  # the sample itself broke: report it, do not hide it
        return None, None, "sample raised %s: %s" % (type(e).__name__, e)
    finally:
        conn = namespace.get("conn")
        if conn is not None:
            conn.close()
    res = namespace.get("res")
    data = namespace.get("data")
    if res is None or data is None:
        return None, None, "sample did not leave `res` and `data`"
    if conn is None or conn.host != LOOPBACK:
        return None, None, "sample did not talk to the emulator at %s" % LOOPBACK
    return res.status, data, check_answer(res.status, data)


def shorten(body, limit=300):
    text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else str(body)
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + "..."


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", required=True, help="path to formaloo-api-v1.0.txt")
    parser.add_argument("--port", type=int, help="the emulator's port on 127.0.0.1")
    parser.add_argument("--api-key")
    parser.add_argument("--api-secret")
    parser.add_argument("--business")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per request")
    parser.add_argument("--min-samples", type=int, default=DEFAULT_MIN_SAMPLES)
    parser.add_argument("--list", action="store_true", help="extract and list, run nothing")
    args = parser.parse_args(argv)

    lines = read_reference(args.reference)
    starts = count_start_lines(lines)
    samples, problems = extract_samples(lines)
    print("found %d samples in %s (%d `import http.client` lines)" % (len(samples), args.reference, starts))
    if len(samples) != starts:
        problems.append(
            "extracted %d samples but the reference has %d `import http.client` lines"
            % (len(samples), starts)
        )
    if len(samples) < args.min_samples:
        problems.append("found %d samples, fewer than %d" % (len(samples), args.min_samples))

    if args.list:
        for s in samples:
            print("sample %02d (line %d): %s %s" % (s.index, s.line, s.method, s.path))
        for p in problems:
            print("PROBLEM: " + p)
        return 1 if problems else 0

    missing = [
        name
        for name, value in (
            ("--port", args.port),
            ("--api-key", args.api_key),
            ("--api-secret", args.api_secret),
            ("--business", args.business),
        )
        if value is None
    ]
    if missing:
        parser.error("missing " + ", ".join(missing) + " (or use --list)")
    for name, value in (("--api-key", args.api_key), ("--api-secret", args.api_secret), ("--business", args.business)):
        if not SAFE_VALUE_RE.match(value):
            parser.error("%s has characters this script does not paste into Python literals" % name)

    try:
        token = obtain_token(args.port, args.api_key, args.api_secret, args.timeout)
        preflight(args.port, args.api_key, token, args.timeout)
    except (OSError, http.client.HTTPException, RuntimeError, ValueError) as e:
        print("SETUP FAILED: %s: %s" % (type(e).__name__, e))
        return 2
    if not SAFE_VALUE_RE.match(token):
        print("SETUP FAILED: token %r has characters this script does not paste" % token)
        return 2

    passed = 0
    failed = 0
    for sample in samples:
        try:
            code = rewrite(sample, args.port, args.api_key, token, args.business, args.timeout)
        except ValueError as e:
            failed += 1
            print("sample %02d (line %d): %s %s -> - FAIL cannot rewrite: %s" % (sample.index, sample.line, sample.method, sample.path, e))
            continue
        sent = REQUEST_RE.search(code).group(2)
        status, body, failure = run_sample(sample, code)
        shown = "-" if status is None else str(status)
        if failure is None:
            passed += 1
            print("sample %02d (line %d): %s %s -> %s ok" % (sample.index, sample.line, sample.method, sent, shown))
        else:
            failed += 1
            detail = "" if body is None else " body: " + shorten(body)
            print("sample %02d (line %d): %s %s -> %s FAIL %s%s" % (sample.index, sample.line, sample.method, sent, shown, failure, detail))
        sys.stdout.flush()

    for p in problems:
        print("PROBLEM: " + p)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
