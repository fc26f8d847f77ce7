"""The Product Ingestion API (Partner Center's ``/rp/product-ingestion``), typed.

::

    from cloudpartner.ingestion import IngestionClient

    client = IngestionClient(credential=DefaultAzureCredential())  # Graph scope
    print(client.product_status("my-vm-offer").stage)
    result = client.release(
        "my-vm-offer", plan="standard", version="2.0.0", os_disk_uri=sas_url, go_live=True
    )
    print(result.outcome, result.status)

``AsyncIngestionClient`` has the same methods as coroutines; its ``watch`` is an async
iterator. Resources keep every field as sent: ``resource.definition`` is a ``dict`` to
edit in place, and ``configure`` sends the resource as it is now.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal, Union

from cloudpartner._async import _LoopProgress
from cloudpartner._enums import (
    JobResult,
    JobStatus,
    LifecycleState,
    ProductStage,
    ReleaseOutcome,
    SubmissionResult,
    SubmissionStatus,
    Target,
)
from cloudpartner._native import AsyncIngestionClient as _NativeAsyncIngestionClient
from cloudpartner._native import (
    AsyncProductWatch,
    IngestionClient,
    Job,
    JobError,
    Product,
    ProductStatus,
    ProductWatch,
    Resource,
    ResourceTree,
    Submission,
    TechnicalConfiguration,
    VmImage,
    parse_job,
    parse_page,
    parse_resource,
    parse_resource_tree,
    parse_submissions,
    product_status_of,
)
from cloudpartner._native import IngestionDataDisk as DataDisk
from cloudpartner._native import IngestionReleaseEvent as ReleaseEvent
from cloudpartner._native import IngestionReleaseResult as ReleaseResult
from cloudpartner._native import IngestionVmImageVersion as VmImageVersion
from cloudpartner._types import AsyncTokenCredentialLike, TokenCredentialLike

__all__ = [
    "AsyncIngestionClient",
    "AsyncProductWatch",
    "DataDisk",
    "IngestionClient",
    "Job",
    "JobError",
    "JobResult",
    "JobStatus",
    "LifecycleState",
    "Product",
    "ProductArg",
    "ProductStage",
    "ProductStatus",
    "ProductWatch",
    "ReleaseEvent",
    "ReleaseOutcome",
    "ReleaseResult",
    "Resource",
    "ResourceTree",
    "Submission",
    "SubmissionResult",
    "SubmissionStatus",
    "Target",
    "TechnicalConfiguration",
    "VmImage",
    "VmImageVersion",
    "parse_job",
    "parse_page",
    "parse_resource",
    "parse_resource_tree",
    "parse_submissions",
    "product_status_of",
]

#: A product: a ``Product`` read before, its offer id, or its durable id ``product/<guid>``.
ProductArg = Union[Product, str]
#: A target: a ``Target`` or its value.
TargetArg = Union[Target, Literal["draft", "preview", "live"]]
#: A job: a ``Job`` or its id.
JobArg = Union[Job, str]


class AsyncIngestionClient:
    """A client of the Product Ingestion API for asyncio.

    Takes the arguments of ``IngestionClient``; its methods are coroutines and ``watch``
    is an async iterator. Requests run on the library's own threads; cancelling a task
    cancels its request.
    """

    __slots__ = ("_native",)

    _native: _NativeAsyncIngestionClient

    def __init__(
        self,
        token: str | None = None,
        *,
        credential: TokenCredentialLike | AsyncTokenCredentialLike | None = None,
        base_url: str | None = None,
        version: str | None = None,
        timeout: float | None = None,
        connect_timeout: float | None = None,
        max_retries: int | None = None,
        allow_http: bool = False,
    ) -> None:
        self._native = _NativeAsyncIngestionClient(
            token,
            credential=credential,
            base_url=base_url,
            version=version,
            timeout=timeout,
            connect_timeout=connect_timeout,
            max_retries=max_retries,
            allow_http=allow_http,
        )

    @classmethod
    def _wrap(cls, native: _NativeAsyncIngestionClient) -> AsyncIngestionClient:
        """The client around a native one built elsewhere (the emulator's)."""
        client = cls.__new__(cls)
        client._native = native
        return client

    @property
    def base_url(self) -> str:
        """The base URL requests go to."""
        return self._native.base_url

    @property
    def version(self) -> str:
        """The ``$version`` sent."""
        return self._native.version

    async def products(self, *, page_size: int | None = None) -> list[Product]:
        """Every product the identity may work on (every page followed; ``page_size``
        asks for pages of at most that many)."""
        return await self._native.products(page_size=page_size)

    async def product(self, product: ProductArg) -> Product:
        """One product, by offer id, durable id or ``Product``."""
        return await self._native.product(product)

    async def plans(self, product: ProductArg) -> list[Resource]:
        """The product's plans."""
        return await self._native.plans(product)

    async def resource_tree(
        self, product: ProductArg, *, target: TargetArg | None = None
    ) -> ResourceTree:
        """The product's resource tree of a target (the draft by default)."""
        return await self._native.resource_tree(product, target=target)

    async def resource(self, durable_id: str) -> Resource:
        """One resource by durable id."""
        return await self._native.resource(durable_id)

    async def configure(self, resources: Iterable[Resource | TechnicalConfiguration]) -> Job:
        """Sends resources as they are now (edits included)."""
        return await self._native.configure(resources)

    async def job(self, job: JobArg) -> Job:
        """A configure job's status."""
        return await self._native.job(job)

    async def job_detail(self, job: JobArg) -> list[Resource]:
        """The resources a job configured."""
        return await self._native.job_detail(job)

    async def cancel_job(self, job: JobArg) -> Job:
        """Cancels a running job."""
        return await self._native.cancel_job(job)

    async def wait_for_job(
        self,
        job: JobArg,
        *,
        min_interval: float | None = None,
        max_interval: float | None = None,
        timeout: float | None = None,
    ) -> Job:
        """Waits until a job is done and returns it (a failed job is a result)."""
        return await self._native.wait_for_job(
            job, min_interval=min_interval, max_interval=max_interval, timeout=timeout
        )

    async def submissions(self, product: ProductArg) -> list[Submission]:
        """The product's submissions."""
        return await self._native.submissions(product)

    async def product_status(self, product: ProductArg) -> ProductStatus:
        """Where the product stands."""
        return await self._native.product_status(product)

    def watch(
        self,
        product: ProductArg,
        *,
        until: Literal["terminal", "review"] = "terminal",
        min_interval: float | None = None,
        max_interval: float | None = None,
        timeout: float | None = None,
    ) -> AsyncProductWatch:
        """An async iterator over each change of the product's stage until it is
        terminal (``until="terminal"``) or waits for go-live (``until="review"``)."""
        return self._native.watch(
            product,
            until=until,
            min_interval=min_interval,
            max_interval=max_interval,
            timeout=timeout,
        )

    async def publish(self, product: ProductArg) -> Job:
        """Publishes the draft to preview."""
        return await self._native.publish(product)

    async def go_live(self, product: ProductArg) -> Job:
        """Pushes the latest succeeded preview live."""
        return await self._native.go_live(product)

    async def release(
        self,
        offer_id: str,
        *,
        plan: str,
        version: str,
        os_disk_uri: str,
        gen2_os_disk_uri: str | None = None,
        data_disks: Iterable[DataDisk | tuple[int, str]] = (),
        go_live: bool = False,
        dry_run: bool = False,
        on_progress: Callable[[ReleaseEvent], object] | None = None,
        min_interval: float | None = None,
        max_interval: float | None = None,
        timeout: float | None = None,
    ) -> ReleaseResult:
        """Releases an image version (see ``IngestionClient.release``). ``on_progress``
        is called on this event loop; an exception it raises stops the release and is
        raised here. Cancelling the task stops the release."""
        progress = _LoopProgress(on_progress)
        awaitable = self._native.release(
            offer_id,
            plan=plan,
            version=version,
            os_disk_uri=os_disk_uri,
            gen2_os_disk_uri=gen2_os_disk_uri,
            data_disks=data_disks,
            go_live=go_live,
            dry_run=dry_run,
            on_progress=progress.forward,
            min_interval=min_interval,
            max_interval=max_interval,
            timeout=timeout,
        )
        return await progress.run(awaitable)

    def __repr__(self) -> str:
        return repr(self._native)


for _public in (
    AsyncIngestionClient,
    JobResult,
    JobStatus,
    LifecycleState,
    ProductStage,
    SubmissionResult,
    SubmissionStatus,
    Target,
):
    _public.__module__ = __name__
del _public
