"""The exception hierarchy: one class per kind, with the standard bases users expect."""

from __future__ import annotations

import pickle

import pytest

import cloudpartner

KINDS = {
    "invalid_argument": cloudpartner.InvalidArgumentError,
    "authentication": cloudpartner.AuthenticationError,
    "permission_denied": cloudpartner.PermissionDeniedError,
    "not_found": cloudpartner.NotFoundError,
    "bad_request": cloudpartner.BadRequestError,
    "conflict": cloudpartner.ConflictError,
    "throttled": cloudpartner.ThrottledError,
    "server": cloudpartner.ServerError,
    "timeout": cloudpartner.RequestTimeoutError,
    "transport": cloudpartner.TransportError,
    "parse": cloudpartner.ParseError,
    "too_large": cloudpartner.ResponseTooLargeError,
    "canceled": cloudpartner.CanceledError,
    "internal": cloudpartner.InternalError,
}


@pytest.mark.parametrize(("kind", "cls"), KINDS.items())
def test_every_kind_has_its_class(kind: str, cls: type[cloudpartner.CloudPartnerError]) -> None:
    assert issubclass(cls, cloudpartner.CloudPartnerError)
    assert cls.kind == kind
    error = cls("boom", status_code=500, api_code="Code", request_id="rid")
    assert error.kind == kind
    assert (error.message, error.status_code, error.api_code, error.request_id) == (
        "boom",
        500,
        "Code",
        "rid",
    )
    assert str(error) == "boom (request id rid)"
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is cls
    assert (again.kind, again.status_code, again.api_code, again.request_id) == (
        kind,
        500,
        "Code",
        "rid",
    )


def test_standard_bases() -> None:
    assert issubclass(cloudpartner.InvalidArgumentError, ValueError)
    assert issubclass(cloudpartner.ParseError, ValueError)
    assert issubclass(cloudpartner.RequestTimeoutError, TimeoutError)
    assert issubclass(cloudpartner.TransportError, ConnectionError)


def test_public_names_live_in_the_package() -> None:
    assert cloudpartner.NotFoundError.__module__ == "cloudpartner"
    assert cloudpartner.OfferState.__module__ == "cloudpartner"
    assert cloudpartner.OfferStatus.__module__ == "cloudpartner"
    for name in cloudpartner.__all__:
        assert hasattr(cloudpartner, name), name


def test_an_error_no_service_answered_says_client_request_id() -> None:
    # Nothing listens on port 9: the id is the one this client sent.
    client = cloudpartner.Client("t", base_url="http://127.0.0.1:9", max_retries=0)
    with pytest.raises(cloudpartner.TransportError) as caught:
        client.offer_status("contoso", "live-offer")
    error = caught.value
    assert error.request_id
    assert error.request_id_is_client is True
    assert f"(client request id {error.request_id})" in str(error)
    again = pickle.loads(pickle.dumps(error))
    assert again.request_id_is_client is True
    assert str(again) == str(error)
    # An answer from the service carries its own id.
    assert str(cloudpartner.NotFoundError("gone", request_id="rid")) == "gone (request id rid)"
