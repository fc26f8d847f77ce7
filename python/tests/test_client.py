"""Client against the emulator: success, every fault kind, retries, timeouts, batches,
argument checking."""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import cloudpartner
from cloudpartner import OfferState
from cloudpartner.testing import Emulator


def fresh_client(emulator: Emulator, **options: Any) -> cloudpartner.Client:
    return cloudpartner.Client(emulator.token, base_url=emulator.base_url, **options)


def test_offer_status(client: cloudpartner.Client, emulator: Emulator) -> None:
    status = client.offer_status("contoso", "live-offer")
    assert status.status is OfferState.SUCCEEDED
    assert status.is_terminal
    assert status.progress == 1.0
    assert [s.id for s in status.steps][-1] == "live"
    review = client.offer_status("contoso", "review-offer")
    assert review.needs_publisher_action
    request = emulator.requests[-1]
    assert request.path == "/api/publishers/contoso/offers/review-offer/status"
    assert request.query == "api-version=2017-10-31"
    assert request.header("Authorization") == "Bearer REDACTED"
    assert request.authorized
    assert request.header("accept") == "application/json"
    user_agent = request.header("user-agent")
    assert user_agent is not None
    assert user_agent.startswith("cloudpartner/") and user_agent.endswith("(python)")
    assert request.header("x-ms-client-request-id")


def test_ids_are_percent_encoded(client: cloudpartner.Client, emulator: Emulator) -> None:
    with pytest.raises(cloudpartner.NotFoundError):
        client.offer_status("contoso", "a/b?c#d")
    assert emulator.requests[-1].path == "/api/publishers/contoso/offers/a%2Fb%3Fc%23d/status"


def test_not_found_has_status_code_api_code_and_request_id(client: cloudpartner.Client) -> None:
    with pytest.raises(cloudpartner.NotFoundError) as caught:
        client.offer_status("contoso", "no-such-offer")
    error = caught.value
    assert error.kind == "not_found"
    assert error.status_code == 404
    assert error.api_code
    assert error.request_id
    assert "404" in error.message
    assert error.request_id in str(error)


def test_wrong_token_is_an_authentication_error(emulator: Emulator) -> None:
    client = cloudpartner.Client("wrong-token", base_url=emulator.base_url)
    with pytest.raises(cloudpartner.AuthenticationError) as caught:
        client.offer_status("contoso", "live-offer")
    assert caught.value.status_code == 401
    assert "wrong-token" not in str(caught.value)


def test_unknown_api_version_is_a_bad_request(emulator: Emulator) -> None:
    client = fresh_client(emulator, api_version="1999-01-01")
    with pytest.raises(cloudpartner.BadRequestError) as caught:
        client.offer_status("contoso", "live-offer")
    assert caught.value.status_code == 400
    assert caught.value.api_code == "InvalidAPIVersion"


STATUS_FAULTS = [
    (400, cloudpartner.BadRequestError, "bad_request", "BadRequest"),
    (401, cloudpartner.AuthenticationError, "authentication", "Unauthorized"),
    (403, cloudpartner.PermissionDeniedError, "permission_denied", "Forbidden"),
    (404, cloudpartner.NotFoundError, "not_found", "NotFound"),
    (408, cloudpartner.RequestTimeoutError, "timeout", "RequestTimeout"),
    (409, cloudpartner.ConflictError, "conflict", "Conflict"),
    (429, cloudpartner.ThrottledError, "throttled", "TooManyRequests"),
    (500, cloudpartner.ServerError, "server", "InternalServerError"),
    (503, cloudpartner.ServerError, "server", "ServiceUnavailable"),
]


@pytest.mark.parametrize(("status", "exception", "kind", "api_code"), STATUS_FAULTS)
def test_status_faults(
    emulator: Emulator,
    status: int,
    exception: type[cloudpartner.CloudPartnerError],
    kind: str,
    api_code: str,
) -> None:
    emulator.add_fault({"kind": "status", "status": status})
    client = fresh_client(emulator, max_retries=0)
    with pytest.raises(exception) as caught:
        client.offer_status("contoso", "live-offer")
    error = caught.value
    assert type(error) is exception
    assert isinstance(error, cloudpartner.CloudPartnerError)
    assert error.kind == kind
    assert error.status_code == status
    assert error.api_code == api_code
    assert error.request_id


def test_html_gateway_page_is_a_server_error(emulator: Emulator) -> None:
    emulator.add_fault({"kind": "html", "status": 502})
    with pytest.raises(cloudpartner.ServerError) as caught:
        fresh_client(emulator, max_retries=0).offer_status("contoso", "live-offer")
    assert caught.value.status_code == 502
    assert "text/html" in caught.value.message


def test_html_page_with_200_is_a_parse_error(emulator: Emulator) -> None:
    emulator.add_fault({"kind": "html", "status": 200})
    with pytest.raises(cloudpartner.ParseError) as caught:
        fresh_client(emulator, max_retries=0).offer_status("contoso", "live-offer")
    assert caught.value.status_code == 200


def test_malformed_json_is_a_parse_error(emulator: Emulator) -> None:
    emulator.add_fault({"kind": "malformed"})
    with pytest.raises(cloudpartner.ParseError) as caught:
        fresh_client(emulator, max_retries=0).offer_status("contoso", "live-offer")
    assert isinstance(caught.value, ValueError)
    assert caught.value.request_id


def test_connection_reset_is_a_transport_error(emulator: Emulator) -> None:
    emulator.add_fault({"kind": "reset"})
    with pytest.raises(cloudpartner.TransportError) as caught:
        fresh_client(emulator, max_retries=0).offer_status("contoso", "live-offer")
    assert isinstance(caught.value, ConnectionError)
    assert caught.value.status_code is None


def test_refused_connection_is_a_transport_error() -> None:
    with Emulator() as stopped:
        url, token = stopped.base_url, stopped.token
    client = cloudpartner.Client(token, base_url=url, max_retries=0)
    with pytest.raises(cloudpartner.TransportError):
        client.offer_status("contoso", "live-offer")


def test_oversize_body_is_too_large(emulator: Emulator) -> None:
    emulator.add_fault({"kind": "oversize", "bytes": 9 * 1024 * 1024})
    with pytest.raises(cloudpartner.ResponseTooLargeError) as caught:
        fresh_client(emulator, max_retries=0).offer_status("contoso", "live-offer")
    assert caught.value.kind == "too_large"


def test_slow_body_times_out(emulator: Emulator) -> None:
    emulator.add_fault({"kind": "slowBody", "bytesPerSecond": 50})
    client = fresh_client(emulator, timeout=0.3, max_retries=0)
    started = time.monotonic()
    with pytest.raises(cloudpartner.RequestTimeoutError) as caught:
        client.offer_status("contoso", "live-offer")
    assert isinstance(caught.value, TimeoutError)
    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 5


def test_latency_beyond_the_timeout_times_out(emulator: Emulator) -> None:
    emulator.add_fault({"kind": "latency", "ms": 2000})
    with pytest.raises(cloudpartner.RequestTimeoutError):
        fresh_client(emulator, timeout=0.2, max_retries=0).offer_status("contoso", "live-offer")


def test_redirect_to_another_origin_drops_the_token(emulator: Emulator) -> None:
    with Emulator({"token": "other-token"}) as other:
        emulator.add_fault({"kind": "redirect", "location": other.base_url + "{path}"})
        with pytest.raises(cloudpartner.AuthenticationError):
            fresh_client(emulator, max_retries=0).offer_status("contoso", "live-offer")
        followed = other.requests
        assert followed, "the redirect was not followed"
        assert followed[-1].header("authorization") is None


def test_retries_503_twice_then_succeeds(emulator: Emulator) -> None:
    emulator.add_fault({"kind": "status", "status": 503, "times": 2, "offerId": "live-offer"})
    client = fresh_client(emulator)
    status = client.offer_status("contoso", "live-offer")
    assert status.status is OfferState.SUCCEEDED
    attempts = [r for r in emulator.requests if r.path.endswith("/live-offer/status")]
    assert len(attempts) == 3
    assert len({r.header("x-ms-client-request-id") for r in attempts}) == 3


def test_retry_after_is_honoured_and_throttling_surfaces(emulator: Emulator) -> None:
    emulator.add_fault({"kind": "status", "status": 429, "retryAfterSeconds": 1, "times": 1})
    started = time.monotonic()
    assert fresh_client(emulator, max_retries=1).offer_status("contoso", "live-offer")
    assert time.monotonic() - started >= 0.9
    emulator.add_fault({"kind": "status", "status": 429, "times": 2})
    with pytest.raises(cloudpartner.ThrottledError):
        fresh_client(emulator, max_retries=0).offer_status("contoso", "live-offer")


def test_no_retry_on_other_client_errors(emulator: Emulator) -> None:
    emulator.add_fault({"kind": "status", "status": 403, "times": 1})
    with pytest.raises(cloudpartner.PermissionDeniedError):
        fresh_client(emulator).offer_status("contoso", "live-offer")
    assert len(emulator.requests) == 1


def test_batch_keeps_order_and_gives_errors_per_id(
    client: cloudpartner.Client, emulator: Emulator
) -> None:
    emulator.add_fault({"kind": "status", "status": 403, "offerId": "failed-offer"})
    ids = ["live-offer", "missing", "failed-offer", "running-offer", "never-published"]
    results = client.offer_statuses("contoso", ids, concurrency=2)
    assert list(results) == ids
    live = results["live-offer"]
    assert isinstance(live, cloudpartner.OfferStatus)
    assert live.status is OfferState.SUCCEEDED
    missing = results["missing"]
    assert isinstance(missing, cloudpartner.NotFoundError)
    assert missing.status_code == 404
    assert missing.request_id
    denied = results["failed-offer"]
    assert isinstance(denied, cloudpartner.PermissionDeniedError)
    assert denied.status_code == 403
    running = results["running-offer"]
    assert isinstance(running, cloudpartner.OfferStatus)
    assert running.status is OfferState.RUNNING
    never = results["never-published"]
    assert isinstance(never, cloudpartner.OfferStatus)
    assert never.status is OfferState.NEVER_PUBLISHED


def test_batch_takes_any_iterable(client: cloudpartner.Client) -> None:
    results = client.offer_statuses("contoso", (o for o in ["live-offer", "review-offer"]))
    assert set(results) == {"live-offer", "review-offer"}
    assert client.offer_statuses("contoso", []) == {}


def test_the_gil_is_released_during_requests(emulator: Emulator) -> None:
    emulator.add_fault({"kind": "latency", "ms": 500})
    client = fresh_client(emulator)
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    try:
        client.offer_status("contoso", "live-offer")
    finally:
        done.set()
        counter.join()
    assert ticks > 50, f"the other thread ran only {ticks} times in 500 ms"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: c.offer_status(1, "x"), "publisher_id must be str, got int"),
        (lambda c: c.offer_status("contoso", None), "offer_id must be str, got NoneType"),
        (lambda c: c.offer_statuses("contoso", "live-offer"), "single str"),
        (lambda c: c.offer_statuses("contoso", 5), "iterable of str"),
        (lambda c: c.offer_statuses("contoso", ["a", 2]), "an item of type int"),
        (lambda c: c.offer_statuses("contoso", ["a"], concurrency="2"), "concurrency must be int"),
        (lambda c: c.watch("contoso", "x", min_interval="1"), "min_interval must be a number"),
        (lambda c: c.watch(b"contoso", "x"), "publisher_id must be str, got bytes"),
    ],
)
def test_wrong_argument_types_raise_type_error(
    client: cloudpartner.Client, call: Any, message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        call(client)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"token": 42}, "token must be str or None, got int"),
        ({"token": "t", "timeout": "fast"}, "timeout must be a number of seconds"),
        ({"token": "t", "connect_timeout": True}, "connect_timeout must be a number"),
        ({"token": "t", "max_retries": 1.5}, "max_retries must be int or None, got float"),
        ({"token": "t", "base_url": 5}, "base_url must be str"),
        ({"token": "t", "allow_http": "yes"}, "allow_http must be bool"),
        ({"credential": object()}, "get_token"),
    ],
)
@pytest.mark.parametrize("cls", [cloudpartner.Client, cloudpartner.AsyncClient])
def test_wrong_option_types_raise_type_error(
    cls: type[Any], options: dict[str, Any], message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        cls(**options)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"token": "t", "timeout": -1}, "timeout must be a positive number"),
        ({"token": "t", "connect_timeout": float("nan")}, "connect_timeout"),
        ({"token": "t", "max_retries": -1}, "max_retries"),
        ({"token": "t", "base_url": "not a url"}, "base URL"),
        ({"token": "t", "base_url": "http://example.com"}, "http"),
        ({"token": ""}, "empty"),
    ],
)
def test_bad_option_values_raise_invalid_argument(options: dict[str, Any], message: str) -> None:
    with pytest.raises(cloudpartner.InvalidArgumentError, match=message) as caught:
        cloudpartner.Client(**options)
    assert isinstance(caught.value, ValueError)
    assert caught.value.kind == "invalid_argument"


def test_plain_http_to_other_hosts_needs_allow_http() -> None:
    client = cloudpartner.Client("t", base_url="http://example.com", allow_http=True)
    assert client.base_url.startswith("http://example.com")


def test_empty_ids_are_invalid_before_any_request(
    client: cloudpartner.Client, emulator: Emulator
) -> None:
    with pytest.raises(cloudpartner.InvalidArgumentError, match="offer id is empty"):
        client.offer_status("contoso", "")
    with pytest.raises(cloudpartner.InvalidArgumentError):
        client.offer_statuses("contoso", ["a"], concurrency=0)
    with pytest.raises(cloudpartner.InvalidArgumentError, match="until"):
        client.watch("contoso", "x", until="forever")  # type: ignore[arg-type]
    assert emulator.requests == []


def test_credentials_come_from_the_environment(
    emulator: Emulator, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in list(os.environ):
        if name.startswith(("CLOUDPARTNER_", "AZURE_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("PATH", str(tmp_path))  # no `az` either
    with pytest.raises(cloudpartner.AuthenticationError, match="no credential") as caught:
        cloudpartner.Client(base_url=emulator.base_url)
    for option in ("CLOUDPARTNER_TOKEN", "AZURE_CLIENT_SECRET", "az login"):
        assert option in caught.value.message
    monkeypatch.setenv("CLOUDPARTNER_TOKEN", emulator.token)
    client = cloudpartner.Client(base_url=emulator.base_url)
    assert client.offer_status("contoso", "live-offer").is_terminal
    with pytest.raises(cloudpartner.InvalidArgumentError, match="not both"):
        cloudpartner.Client("t", credential=object())  # type: ignore[arg-type]
    assert emulator.requests[-1].authorized


@pytest.mark.parametrize("token", ["", "  ", "\t\n"])
@pytest.mark.parametrize("cls", [cloudpartner.Client, cloudpartner.AsyncClient])
def test_a_blank_token_is_invalid_even_with_the_environment_set(
    cls: type[Any], token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLOUDPARTNER_TOKEN", "from-the-environment")
    with pytest.raises(cloudpartner.InvalidArgumentError, match="empty"):
        cls(token, base_url="http://127.0.0.1:9")


@pytest.mark.parametrize("value", [0, 0.0, -1, -0.5, float("nan"), float("inf")])
@pytest.mark.parametrize("option", ["timeout", "connect_timeout"])
@pytest.mark.parametrize("cls", [cloudpartner.Client, cloudpartner.AsyncClient])
def test_durations_must_be_positive(cls: type[Any], option: str, value: float) -> None:
    with pytest.raises(cloudpartner.InvalidArgumentError, match=option) as caught:
        cls("t", base_url="http://127.0.0.1:9", **{option: value})
    assert isinstance(caught.value, ValueError)


def test_none_means_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLOUDPARTNER_BASE_URL", raising=False)
    client = cloudpartner.Client(
        "t",
        base_url=None,
        api_version=None,
        timeout=None,
        connect_timeout=None,
        max_retries=None,
    )
    assert client.base_url == "https://cloudpartner.azure.com/"
    assert client.api_version == "2017-10-31"


def test_repr_has_no_token(client: cloudpartner.Client, emulator: Emulator) -> None:
    assert repr(client).startswith("Client(base_url='http://127.0.0.1:")
    assert emulator.token not in repr(client)


def test_one_client_serves_many_threads(client: cloudpartner.Client) -> None:
    offers = ["live-offer", "failed-offer", "review-offer", "running-offer"] * 5
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda o: client.offer_status("contoso", o), offers))
    assert [s.status for s in statuses[:4]] == [
        OfferState.SUCCEEDED,
        OfferState.FAILED,
        OfferState.WAITING_FOR_PUBLISHER_REVIEW,
        OfferState.RUNNING,
    ]
    assert statuses[:4] == statuses[4:8]


@pytest.mark.parametrize("concurrency", [0, -3, 2**40])
def test_concurrency_is_checked_by_the_core_rule(
    client: cloudpartner.Client, emulator: Emulator, concurrency: int
) -> None:
    with pytest.raises(
        cloudpartner.InvalidArgumentError, match="concurrency must be a whole number from 1"
    ):
        client.offer_statuses("contoso", ["live-offer"], concurrency=concurrency)
    assert emulator.requests == []
