"""Built-in fetcher on httpx (minimal: replaced by the hardened fetcher)."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx

from ..document import Fetcher, RawDocument
from ..errors import IngestError
from ..hookspecs import hookimpl
from ..settings import FetchSettings


class HttpxFetcher:
    def __init__(self, settings: FetchSettings) -> None:
        self.settings = settings
        self._client: httpx.Client | None = None

    def _raw(self, url: str, response: httpx.Response) -> RawDocument:
        if response.status_code >= 400:
            raise IngestError.of("http_status", url, f"HTTP {response.status_code}", status=response.status_code)
        return RawDocument(
            source=url, content=response.content, url=url, final_url=str(response.url),
            status=response.status_code, content_type=response.headers.get("content-type"),
            fetched_at=datetime.now(UTC),
        )

    def fetch(self, url: str) -> RawDocument:
        if self._client is None:
            self._client = httpx.Client(follow_redirects=True, timeout=self.settings.timeout)
        try:
            return self._raw(url, self._client.get(url))
        except httpx.TimeoutException as exc:
            raise IngestError.of("timeout", url, str(exc)) from exc
        except httpx.HTTPError as exc:
            raise IngestError.of("fetch_error", url, str(exc)) from exc

    async def afetch(self, url: str) -> RawDocument:
        async with httpx.AsyncClient(follow_redirects=True, timeout=self.settings.timeout) as client:
            try:
                return self._raw(url, await client.get(url))
            except httpx.TimeoutException as exc:
                raise IngestError.of("timeout", url, str(exc)) from exc
            except httpx.HTTPError as exc:
                raise IngestError.of("fetch_error", url, str(exc)) from exc

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    async def aclose(self) -> None:
        self.close()


@hookimpl(trylast=True)
def docingest_fetcher(settings: FetchSettings) -> Fetcher | None:
    return HttpxFetcher(settings)
