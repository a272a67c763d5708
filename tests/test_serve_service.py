"""`partygraph serve` calls no other endpoint unless told to, and keeps its errors' details in its log.

A listener on a free loopback port stands for any address a query could
name (an internal service, cloud metadata); with the server started as a
user would (subprocess), it must receive nothing from a SERVICE query.
Started with --allow-service, the same query reaches it (the listener
works), and the failed call is an internal error: the client gets an id,
the log the detail under that id.
"""

from __future__ import annotations

import re
import socket
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from partygraph.serve import calls_service
from partygraph.store import load_inputs
from test_safety import Server, http  # the CLI server harness of the safe-serving tests

FIXTURE = Path(__file__).parent / "fixtures" / "mini.ttl"


@pytest.mark.parametrize("op, text", [
    ("query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }"),
    ("query", "select * { ?s ?p ?o OPTIONAL { service silent <http://h/> { ?s ?p ?o } } }"),
    ("query", "SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE ?where { ?a ?b ?c } } }"),
    ("query", "SELECT * { { SELECT ?s { SERVICE <http://h/> { ?s ?p ?o } } } }"),
    ("query", "SELECT * { SERVI\\u0043E <http://h/> { ?s ?p ?o } }"),  # \\u escapes apply anywhere
    ("query", "SELECT * { SERVICE <http://h/> { ?s ?p ?o } "),  # unparsable but names SERVICE: refused
    ("update", "INSERT { ?s ?p ?o } WHERE { SERVICE <http://h/> { ?s ?p ?o } }"),
])
def test_service_clauses_are_found(op, text):
    assert calls_service(op, text)


@pytest.mark.parametrize("text", [
    "SELECT * { ?s ?p ?o }",
    "# SERVICE <http://h/> { ?s ?p ?o }\nSELECT * { ?s ?p ?o }",
    'SELECT * { ?s ?p "SERVICE <http://h/> { ?s ?p ?o }" }',
    "PREFIX ex: <http://e/> SELECT ?service { ?service ex:SERVICE <http://h/service> }",
])
def test_service_word_elsewhere_is_no_call(text):
    assert not calls_service("query", text)


class Listener:
    """A TCP listener on a free 127.0.0.1 port that records every connection and what it received."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.settimeout(2)
            try:
                self.received.append(conn.recv(65536))
            except OSError:
                self.received.append(b"")
            conn.close()  # no answer: the caller's request fails

    def close(self):
        self.sock.close()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("service") / "db"
    load_inputs(path, [FIXTURE])
    return path


def ask(server, query):
    return http(server.url + "/sparql?" + urllib.parse.urlencode({"query": query}))


def test_service_refused_by_default_and_nothing_sent(store_dir):
    listener, server = Listener(), Server(store_dir)
    try:
        target = f"http://127.0.0.1:{listener.port}/x"
        for query in (f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
                      f"SELECT * WHERE {{ ?a ?b ?c OPTIONAL {{ SERVICE SILENT <{target}> {{ ?s ?p ?o }} }} }}"):
            status, _, body = ask(server, query)
            assert status == 400 and b"SERVICE is disabled" in body
        time.sleep(0.5)
        assert listener.received == []
        assert ask(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 1")[0] == 200  # other queries answered
    finally:
        server.stop()
        listener.close()


def test_service_allowed_on_request_and_internal_error_detail_only_in_the_log(store_dir):
    listener = Listener()
    server = Server(store_dir, "--allow-service")
    try:
        status, _, body = ask(server, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/x> "
                                      "{ ?s ?p ?o } }")
        for _ in range(50):
            if listener.received:
                break
            time.sleep(0.1)
        assert listener.received and listener.received[0].startswith(b"POST /x")  # the listener sees calls
        assert status == 500
        text = body.decode()
        match = re.fullmatch(r"internal error \(id ([0-9a-f]{12})\); the server's log has the details\n", text)
        assert match, text
    finally:
        server.stop()
        listener.close()
    log = "".join(server.lines)
    detail = [line for line in log.splitlines() if match.group(1) in line]
    # the detail (oxigraph's error for the dropped connection) is in the log under that id, not in the answer
    assert len(detail) == 1 and "Traceback" in log
    exc_type, message = detail[0].split(": ", 3)[2:]  # "partygraph: error ID: TYPE: MESSAGE"
    assert exc_type.endswith("Error") and message
    assert exc_type not in text and message not in text
