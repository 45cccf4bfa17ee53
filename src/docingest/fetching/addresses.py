"""The SSRF guard: which addresses a fetch may reach, and a network backend that connects only to those.

Three pieces, each usable alone:

* :func:`classify` says why an IP address is not public (``"loopback"``, ``"private"``, ``"cgnat"`` ...) or
  returns ``None`` for a public one. IPv4 addresses wrapped in IPv6 (IPv4-mapped ``::ffff:0:0/96``,
  IPv4-compatible ``::/96``, NAT64 ``64:ff9b::/96``, 6to4 ``2002::/16``, Teredo ``2001::/32``) are unwrapped
  and judged by the address they carry.
* :func:`literal_address` reads a URL host the way browsers do (WHATWG URL standard), so ``2130706433``,
  ``0x7f000001``, ``127.1`` and ``0177.0.0.1`` are all ``127.0.0.1``.
* :class:`AddressPolicy` applies ``FetchSettings.allow_private`` (host names, ``host:port`` pairs, CIDR
  networks) to a host, a port and the addresses it resolved to.

:class:`GuardedBackend` and :class:`AsyncGuardedBackend` are httpcore network backends: ``connect_tcp``
resolves the host once, refuses if any address is refused, and opens the socket to exactly one of the checked
addresses (an IP literal, so no second lookup happens). TLS still uses the host name for SNI and certificate
checks, and the ``Host`` header is untouched, because httpcore passes those separately. The streams they return
also enforce the fetch's total deadline (see :data:`DEADLINE`) on every read, write and handshake.
"""

from __future__ import annotations

import contextvars
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import anyio
import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

#: The monotonic-clock deadline of the fetch running in this context (thread or task), or ``None``.
DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("docingest_fetch_deadline", default=None)


class AddressBlocked(Exception):
    """A host resolves to an address that the policy refuses. Raised before any packet is sent to it."""

    def __init__(self, host: str, address: str | None, reason: str) -> None:
        where = f" ({address})" if address and address != host else ""
        super().__init__(f"{host}{where} is {reason}: refused (see FetchSettings.allow_private)")
        self.host = host
        self.address = address
        self.reason = reason


class InvalidHost(Exception):
    """A URL host that is neither a valid name nor a valid address (``1.2.3.999``)."""


# ------------------------------------------------------------------------------------------ classification
def _nets(*specs: str) -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(s) for s in specs)


# Order matters: the first match names the reason.
_V4_RULES: tuple[tuple[str, tuple[IPNetwork, ...]], ...] = (
    ("unspecified", _nets("0.0.0.0/32")),
    ("reserved", _nets("0.0.0.0/8")),  # "this network"
    ("loopback", _nets("127.0.0.0/8")),
    ("private", _nets("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")),
    ("cgnat", _nets("100.64.0.0/10")),
    ("link-local", _nets("169.254.0.0/16")),
    ("multicast", _nets("224.0.0.0/4")),
    ("broadcast", _nets("255.255.255.255/32")),
    (
        "reserved",
        _nets(
            "192.0.0.0/24",  # IETF protocol assignments
            "192.0.2.0/24",  # TEST-NET-1
            "192.88.99.0/24",  # 6to4 relay anycast (deprecated)
            "198.18.0.0/15",  # benchmarking
            "198.51.100.0/24",  # TEST-NET-2
            "203.0.113.0/24",  # TEST-NET-3
            "240.0.0.0/4",  # future use
        ),
    ),
)

_V6_RULES: tuple[tuple[str, tuple[IPNetwork, ...]], ...] = (
    ("unspecified", _nets("::/128")),
    ("loopback", _nets("::1/128")),
    ("private", _nets("fc00::/7", "fec0::/10", "64:ff9b:1::/48")),  # ULA, site-local, local-use NAT64
    ("link-local", _nets("fe80::/10")),
    ("multicast", _nets("ff00::/8")),
    (
        "reserved",
        _nets(
            "100::/64",  # discard-only
            "2001:db8::/32",  # documentation
            "3fff::/20",  # documentation (RFC 9637)
            "2001:10::/28",  # ORCHID
            "2001:20::/28",  # ORCHIDv2
        ),
    ),
)

_MAPPED = ipaddress.ip_network("::ffff:0:0/96")
_COMPATIBLE = ipaddress.ip_network("::/96")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_SIX_TO_FOUR = ipaddress.ip_network("2002::/16")
_TEREDO = ipaddress.ip_network("2001::/32")
_IETF_V6 = ipaddress.ip_network("2001::/23")
_GLOBAL_UNICAST = ipaddress.ip_network("2000::/3")


def _rule(address: IPAddress, rules: Sequence[tuple[str, tuple[IPNetwork, ...]]]) -> str | None:
    for reason, networks in rules:
        if any(address in net for net in networks):
            return reason
    return None


def _classify_v4(address: ipaddress.IPv4Address) -> str | None:
    return _rule(address, _V4_RULES)


def _wrapped_v4(address: ipaddress.IPv6Address) -> tuple[str, list[ipaddress.IPv4Address]] | None:
    """The IPv4 addresses an IPv6 address carries, with the wrapper's name, if it is a wrapper."""
    packed = address.packed
    if address in _MAPPED:
        return "IPv4-mapped", [ipaddress.IPv4Address(packed[12:])]
    if address in _NAT64:
        return "NAT64", [ipaddress.IPv4Address(packed[12:])]
    if address in _SIX_TO_FOUR:
        return "6to4", [ipaddress.IPv4Address(packed[2:6])]
    if address in _TEREDO:
        server = ipaddress.IPv4Address(packed[4:8])
        client = ipaddress.IPv4Address(bytes(b ^ 0xFF for b in packed[12:16]))
        return "Teredo", [server, client]
    if address in _COMPATIBLE and int(address) > 1:
        return "IPv4-compatible", [ipaddress.IPv4Address(packed[12:])]
    return None


def classify(address: IPAddress | str) -> str | None:
    """Why ``address`` is not a public unicast address, or ``None`` when it is public.

    Reasons: ``unspecified``, ``loopback``, ``private``, ``cgnat``, ``link-local``, ``multicast``,
    ``broadcast``, ``reserved``; for IPv6 wrappers of an IPv4 address, e.g. ``"6to4 wrapper of loopback"``.
    """
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv4Address):
        return _classify_v4(ip)
    if ip.scope_id:
        ip = ipaddress.IPv6Address(ip.packed)
    reason = _rule(ip, _V6_RULES)
    if reason is not None:
        return reason
    wrapped = _wrapped_v4(ip)
    if wrapped is not None:
        name, inner = wrapped
        for v4 in inner:
            why = _classify_v4(v4)
            if why is not None:
                return f"{name} wrapper of {why}"
        # Teredo tunnels are no place for a web server: refused whatever they carry.
        return "reserved (Teredo)" if name == "Teredo" else None
    if ip in _COMPATIBLE:  # ::/96 left over (:: and ::1 are handled above)
        return "reserved"
    if ip in _IETF_V6:
        return "reserved"
    if ip not in _GLOBAL_UNICAST:
        return "reserved"
    return None


def unwrap(address: IPAddress) -> IPAddress:
    """The IPv4 address an IPv4-mapped IPv6 address stands for; other addresses unchanged."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


# ------------------------------------------------------------------------------------------ URL hosts
def _ipv4_part(part: str) -> int | None:
    """One dotted part of a WHATWG IPv4 host: decimal, 0x hex or leading-zero octal; ``None`` if not a number."""
    if part == "":
        return None
    base = 10
    digits = part
    if len(part) >= 2 and part[:2].lower() == "0x":
        base, digits = 16, part[2:]
    elif len(part) >= 2 and part[0] == "0":
        base, digits = 8, part[1:]
    if digits == "":
        return 0
    allowed = {10: "0123456789", 16: "0123456789abcdefABCDEF", 8: "01234567"}[base]
    if any(c not in allowed for c in digits):
        return None
    return int(digits, base)


def _ends_in_number(host: str) -> bool:
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts = parts[:-1]
    last = parts[-1]
    if last and all(c in "0123456789" for c in last):
        return True
    return _ipv4_part(last) is not None and last[:2].lower() == "0x"


def parse_ipv4_host(host: str) -> ipaddress.IPv4Address | None:
    """The address a host written as an IPv4 number stands for (WHATWG URL rules), or ``None`` for a name.

    Raises :class:`InvalidHost` for hosts that look numeric but are not a valid address.
    """
    if not host or not _ends_in_number(host):
        return None
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts = parts[:-1]
    if len(parts) > 4:
        raise InvalidHost(f"{host!r} has more than four numeric parts")
    numbers: list[int] = []
    for part in parts:
        value = _ipv4_part(part)
        if value is None:
            raise InvalidHost(f"{host!r} is not a valid IPv4 address")
        numbers.append(value)
    if any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        raise InvalidHost(f"{host!r} is out of the IPv4 range")
    value = numbers[-1]
    for i, n in enumerate(numbers[:-1]):
        value += n * 256 ** (3 - i)
    return ipaddress.IPv4Address(value)


def literal_address(host: str) -> IPAddress | None:
    """The IP address a URL host is written as (``[::1]``, ``127.1``, ``2130706433`` ...), or ``None``."""
    h = host.strip()
    if h.startswith("[") and h.endswith("]"):
        h = h[1:-1]
    if ":" in h:
        try:
            return ipaddress.IPv6Address(h.split("%", 1)[0])
        except ValueError as exc:
            raise InvalidHost(f"{host!r} is not a valid IPv6 address") from exc
    return parse_ipv4_host(h)


def _normalise_name(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()


def is_localhost_name(host: str) -> bool:
    """``localhost`` and ``*.localhost`` always mean this machine (RFC 6761), whatever DNS says."""
    name = _normalise_name(host)
    return name == "localhost" or name.endswith(".localhost")


# ------------------------------------------------------------------------------------------ policy
def _split_host_port(entry: str) -> tuple[str, int | None]:
    text = entry.strip()
    if text.startswith("["):
        close = text.find("]")
        if close < 0:
            raise ValueError(f"bad allow_private entry {entry!r}")
        host, rest = text[1:close], text[close + 1 :]
        if rest.startswith(":") and rest[1:].isdigit():
            return host, int(rest[1:])
        if rest:
            raise ValueError(f"bad allow_private entry {entry!r}")
        return host, None
    if text.count(":") == 1:
        host, port = text.split(":")
        if not port.isdigit():
            raise ValueError(f"bad allow_private entry {entry!r}")
        return host, int(port)
    return text, None


@dataclass(frozen=True)
class AddressPolicy:
    """Which non-public destinations are allowed (``FetchSettings.allow_private``); all else public-only.

    An entry is a host name (``intranet.example``), an IP address or CIDR network (``10.0.0.0/8``), either
    optionally with a port (``127.0.0.1:8080``, ``[::1]:8080``, ``wiki.internal:8443``). A name entry allows
    whatever that name resolves to; an address entry allows that address under any name (numeric forms
    included). Unspecified (``0.0.0.0``, ``::``), multicast and broadcast addresses are never allowed.
    """

    names: tuple[tuple[str, int | None], ...] = ()
    networks: tuple[tuple[IPNetwork, int | None], ...] = ()
    _never: frozenset[str] = field(default=frozenset({"unspecified", "multicast", "broadcast"}), repr=False)

    @classmethod
    def from_entries(cls, entries: Iterable[str]) -> AddressPolicy:
        names: list[tuple[str, int | None]] = []
        networks: list[tuple[IPNetwork, int | None]] = []
        for entry in entries:
            host, port = _split_host_port(entry)
            try:
                networks.append((ipaddress.ip_network(host, strict=False), port))
            except ValueError:
                if not host or "/" in host:
                    raise ValueError(f"bad allow_private entry {entry!r}") from None
                names.append((_normalise_name(host), port))
        return cls(names=tuple(names), networks=tuple(networks))

    def _name_allowed(self, host: str, port: int) -> bool:
        name = _normalise_name(host)
        return any(n == name and (p is None or p == port) for n, p in self.names)

    def _address_allowed(self, address: IPAddress, port: int) -> bool:
        plain = unwrap(address)
        return any(
            plain.version == net.version and plain in net and (p is None or p == port) for net, p in self.networks
        )

    def check(self, host: str, port: int, addresses: Sequence[IPAddress]) -> None:
        """Raise :class:`AddressBlocked` unless every address is public or allowed for ``host:port``."""
        if not addresses:
            raise AddressBlocked(host, None, "resolved to no address")
        named = self._name_allowed(host, port)
        for address in addresses:
            reason = classify(address)
            if reason is None:
                continue
            if reason in self._never or reason.endswith(tuple(f"of {n}" for n in self._never)):
                raise AddressBlocked(host, str(address), reason)
            if named or self._address_allowed(address, port):
                continue
            raise AddressBlocked(host, str(address), reason)

    def check_literal(self, host: str, port: int) -> IPAddress | None:
        """Check a URL host without DNS: IP literals (all numeric forms) and ``localhost`` names.

        Returns the literal address (``None`` for names, which the backend checks after resolving them).
        Raises :class:`AddressBlocked` or :class:`InvalidHost`.
        """
        address = literal_address(host)
        if address is not None:
            self.check(host, port, [address])
            return address
        if is_localhost_name(host):
            self.check(host, port, [ipaddress.IPv4Address("127.0.0.1"), ipaddress.IPv6Address("::1")])
        return None


# ------------------------------------------------------------------------------------------ resolution
def _from_getaddrinfo(infos: Iterable[tuple[Any, ...]]) -> list[IPAddress]:
    out: list[IPAddress] = []
    for info in infos:
        text = str(info[4][0]).split("%", 1)[0]
        ip = ipaddress.ip_address(text)
        if ip not in out:
            out.append(ip)
    return out


def _getaddrinfo_within(host: str, port: int, timeout: float | None) -> list[tuple[Any, ...]]:
    """``socket.getaddrinfo`` that gives up after ``timeout`` seconds. The system resolver cannot be
    interrupted, so the lookup runs in a daemon thread that is left to finish on its own when the caller has
    stopped waiting (a daemon thread never holds up the interpreter's exit)."""
    if timeout is None:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    outcome: list[list[tuple[Any, ...]] | BaseException] = []
    done = threading.Event()

    def lookup() -> None:
        try:
            outcome.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except BaseException as exc:  # handed to the waiting caller
            outcome.append(exc)
        finally:
            done.set()

    threading.Thread(target=lookup, name=f"docingest-dns-{host}", daemon=True).start()
    if not done.wait(max(timeout, 0.0)):
        raise httpcore.ConnectTimeout(f"resolving {host} took longer than {timeout:.3g} s")
    found = outcome[0]
    if isinstance(found, BaseException):
        raise found
    return found


def resolve(host: str, port: int, timeout: float | None = None) -> list[IPAddress]:
    """Every address ``host`` resolves to (a literal resolves to itself, without DNS), waiting at most
    ``timeout`` seconds for the system resolver (``httpcore.ConnectTimeout`` after that)."""
    literal = literal_address(host)
    if literal is not None:
        return [literal]
    try:
        return _from_getaddrinfo(_getaddrinfo_within(host, port, timeout))
    except (socket.gaierror, UnicodeError) as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc


async def aresolve(host: str, port: int) -> list[IPAddress]:
    """The async twin of :func:`resolve`."""
    literal = literal_address(host)
    if literal is not None:
        return [literal]
    try:
        infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
    return _from_getaddrinfo(infos)


# ------------------------------------------------------------------------------------------ deadline
def _left(timeout: float | None, error: type[Exception]) -> float | None:
    deadline = DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("the fetch's total deadline has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _AsyncDeadlineStream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        inner = await self._inner.start_tls(ssl_context, server_hostname, left)
        return _AsyncDeadlineStream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


# ------------------------------------------------------------------------------------------ backends
class GuardedBackend(httpcore.SyncBackend):
    """httpcore's sync backend, resolving once, checking, and connecting to a checked IP address."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = resolve(host, port, _left(timeout, httpcore.ConnectTimeout))
        self.policy.check(host, port, addresses)
        error: Exception | None = None
        for address in addresses:
            try:
                stream = super().connect_tcp(
                    str(address), port, _left(timeout, httpcore.ConnectTimeout), local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
                continue
            return _DeadlineStream(stream)
        assert error is not None
        raise error


class AsyncGuardedBackend(httpcore.AnyIOBackend):
    """The async twin of :class:`GuardedBackend` (asyncio or trio, through anyio)."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await aresolve(host, port)
        self.policy.check(host, port, addresses)
        error: Exception | None = None
        for address in addresses:
            try:
                stream = await super().connect_tcp(
                    str(address), port, _left(timeout, httpcore.ConnectTimeout), local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
                continue
            return _AsyncDeadlineStream(stream)
        assert error is not None
        raise error


__all__ = [
    "DEADLINE",
    "AddressBlocked",
    "AddressPolicy",
    "AsyncGuardedBackend",
    "GuardedBackend",
    "InvalidHost",
    "aresolve",
    "classify",
    "is_localhost_name",
    "literal_address",
    "parse_ipv4_host",
    "resolve",
]
