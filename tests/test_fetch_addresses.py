"""The address guard as pure functions: the classifier table, URL host forms, the allow-list, properties."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from docingest import FetchSettings
from docingest.fetching.addresses import (
    AddressBlocked,
    AddressPolicy,
    InvalidHost,
    classify,
    is_localhost_name,
    literal_address,
    parse_ipv4_host,
)

CLASSIFY_TABLE = [
    # public
    ("8.8.8.8", None),
    ("93.184.216.34", None),
    ("2606:4700:4700::1111", None),
    ("64:ff9b::808:808", None),  # NAT64 of 8.8.8.8
    ("2002:808:808::1", None),  # 6to4 of 8.8.8.8
    ("::ffff:8.8.8.8", None),
    # IPv4 specials
    ("0.0.0.0", "unspecified"),
    ("0.1.2.3", "reserved"),
    ("127.0.0.1", "loopback"),
    ("127.255.255.254", "loopback"),
    ("10.1.2.3", "private"),
    ("172.16.0.1", "private"),
    ("172.31.255.255", "private"),
    ("192.168.1.1", "private"),
    ("100.64.0.1", "cgnat"),
    ("100.127.255.255", "cgnat"),
    ("169.254.169.254", "link-local"),  # cloud metadata
    ("224.0.0.1", "multicast"),
    ("239.255.255.250", "multicast"),
    ("255.255.255.255", "broadcast"),
    ("240.0.0.1", "reserved"),
    ("192.0.2.10", "reserved"),
    ("198.18.0.1", "reserved"),
    ("198.51.100.7", "reserved"),
    ("203.0.113.9", "reserved"),
    ("192.0.0.8", "reserved"),
    # IPv6 specials
    ("::", "unspecified"),
    ("::1", "loopback"),
    ("fe80::1", "link-local"),
    ("fd00::1", "private"),
    ("fc00::1", "private"),
    ("fec0::1", "private"),
    ("ff02::1", "multicast"),
    ("2001:db8::1", "reserved"),
    ("100::1", "reserved"),
    ("64:ff9b:1::1", "private"),
    ("4000::1", "reserved"),  # outside global unicast 2000::/3
    # wrappers of non-public IPv4
    ("::ffff:127.0.0.1", "IPv4-mapped wrapper of loopback"),
    ("::ffff:169.254.169.254", "IPv4-mapped wrapper of link-local"),
    ("::127.0.0.1", "IPv4-compatible wrapper of loopback"),
    ("64:ff9b::7f00:1", "NAT64 wrapper of loopback"),
    ("64:ff9b::a00:1", "NAT64 wrapper of private"),
    ("2002:7f00:1::", "6to4 wrapper of loopback"),
    ("2002:a9fe:a9fe::1", "6to4 wrapper of link-local"),
    ("2002:6440:1::", "6to4 wrapper of cgnat"),
    ("2001:0:4136:e378:8000:63bf:80ff:fffe", "Teredo wrapper of loopback"),  # client 127.0.0.1
    ("2001:0:808:808::f7f7:f7f7", "reserved (Teredo)"),  # client and server 8.8.8.8
]


@pytest.mark.parametrize(("address", "reason"), CLASSIFY_TABLE)
def test_classify_table(address: str, reason: str | None) -> None:
    assert classify(address) == reason


HOST_FORMS = [
    ("127.0.0.1", "127.0.0.1"),
    ("2130706433", "127.0.0.1"),
    ("0x7f000001", "127.0.0.1"),
    ("0X7F000001", "127.0.0.1"),
    ("127.1", "127.0.0.1"),
    ("127.0.1", "127.0.0.1"),
    ("0177.0.0.1", "127.0.0.1"),
    ("0x7f.0.0.1", "127.0.0.1"),
    ("0x7f.1", "127.0.0.1"),
    ("017700000001", "127.0.0.1"),
    ("127.0.0.1.", "127.0.0.1"),
    ("0", "0.0.0.0"),
    ("3232235521", "192.168.0.1"),
    ("[::1]", "::1"),
    ("[::ffff:7f00:1]", "::ffff:7f00:1"),
    ("[fe80::1%25eth0]", "fe80::1"),
    ("example.com", None),
    ("localhost", None),
    ("1.2.3.example", None),
    ("0x7g.example", None),
]


@pytest.mark.parametrize(("host", "expected"), HOST_FORMS)
def test_literal_host_forms(host: str, expected: str | None) -> None:
    got = literal_address(host)
    assert (str(got) if got is not None else None) == expected


@pytest.mark.parametrize("host", ["1.2.3.256", "256.1", "1.2.3.4.5", "1.0x1g.3", "4294967296", "08.1.1.1", "[::zz]"])
def test_invalid_numeric_hosts_are_refused(host: str) -> None:
    with pytest.raises(InvalidHost):
        literal_address(host)


@pytest.mark.parametrize("host", ["2130706433", "0x7f000001", "127.1", "0177.0.0.1", "[::ffff:127.0.0.1]", "[::1]"])
def test_numeric_loopback_forms_blocked_by_default(host: str) -> None:
    with pytest.raises(AddressBlocked):
        AddressPolicy().check_literal(host, 80)


def test_localhost_names_blocked_without_dns() -> None:
    assert is_localhost_name("LocalHost.") and is_localhost_name("api.localhost")
    assert not is_localhost_name("localhost.example.com")
    with pytest.raises(AddressBlocked):
        AddressPolicy().check_literal("localhost", 80)
    assert AddressPolicy().check_literal("example.com", 80) is None


def test_allow_private_entries() -> None:
    policy = AddressPolicy.from_entries(["127.0.0.1:8080", "10.0.0.0/8", "wiki.internal", "[::1]:9000"])
    loop4 = ipaddress.ip_address("127.0.0.1")
    policy.check("anything", 8080, [loop4])  # address entry: any name, that port
    with pytest.raises(AddressBlocked):
        policy.check("anything", 8081, [loop4])
    policy.check("db", 5432, [ipaddress.ip_address("10.9.8.7")])
    policy.check("db", 5432, [ipaddress.ip_address("::ffff:10.9.8.7")])  # mapped form of an allowed address
    with pytest.raises(AddressBlocked):
        policy.check("db", 5432, [ipaddress.ip_address("192.168.0.1")])
    policy.check("WIKI.internal.", 443, [ipaddress.ip_address("192.168.0.1")])  # name entry: any address
    policy.check("x", 9000, [ipaddress.ip_address("::1")])
    with pytest.raises(AddressBlocked):
        policy.check("x", 9001, [ipaddress.ip_address("::1")])
    # one bad address among good ones refuses the host
    with pytest.raises(AddressBlocked):
        AddressPolicy().check("mixed", 80, [ipaddress.ip_address("8.8.8.8"), ipaddress.ip_address("127.0.0.1")])
    # never allowed, whatever the list says
    wide = AddressPolicy.from_entries(["0.0.0.0/0", "::/0", "anything"])
    for never in ("0.0.0.0", "224.0.0.1", "::", "ff02::1"):
        with pytest.raises(AddressBlocked):
            wide.check("anything", 80, [ipaddress.ip_address(never)])


@pytest.mark.parametrize("entry", ["", "10.0.0.0/33", "host:port", "[::1", "a:b:c:1:2"])
def test_bad_allow_private_entries_raise(entry: str) -> None:
    if entry == "a:b:c:1:2":  # an IPv6 address without brackets is a valid network entry
        AddressPolicy.from_entries([entry])
        return
    with pytest.raises(ValueError):
        AddressPolicy.from_entries([entry])


def test_allow_private_shapes() -> None:
    assert FetchSettings(allow_private="127.0.0.1:8000").allow_private == ("127.0.0.1:8000",)
    with pytest.raises(ValidationError, match=r"not a switch.*allow_private=\('127\.0\.0\.1:8000',\)"):
        FetchSettings(allow_private=True)
    with pytest.raises(ValidationError, match=r"10\.0\.0\.0/33"):
        FetchSettings(allow_private="10.0.0.0/33")


# ------------------------------------------------------------------------------------------ properties
ipv4s = st.integers(min_value=0, max_value=2**32 - 1).map(ipaddress.IPv4Address)
ipv6s = st.integers(min_value=0, max_value=2**128 - 1).map(ipaddress.IPv6Address)


@given(ipv4s)
def test_wrappers_judge_the_wrapped_address(v4: ipaddress.IPv4Address) -> None:
    inner = classify(v4)
    n = int(v4)
    wrappers = {
        "IPv4-mapped": ipaddress.IPv6Address((0xFFFF << 32) | n),
        "NAT64": ipaddress.IPv6Address((0x64FF9B << 96) | n),
        "6to4": ipaddress.IPv6Address((0x2002 << 112) | (n << 80) | 1),
    }
    for name, wrapped in wrappers.items():
        got = classify(wrapped)
        if inner is None:
            assert got is None, (name, wrapped)
        else:
            assert got == f"{name} wrapper of {inner}", (name, wrapped)


@given(ipv4s)
def test_numeric_forms_parse_to_the_same_address(v4: ipaddress.IPv4Address) -> None:
    n = int(v4)
    a, b, c, d = v4.packed
    forms = [str(n), hex(n), f"0{n:o}" if n else "0", f"{a}.{(b << 16) | (c << 8) | d}", f"{a}.{b}.{(c << 8) | d}"]
    forms.append(".".join(f"0{x:o}" if x else "0" for x in v4.packed))
    forms.append(".".join(hex(x) for x in v4.packed))
    for form in forms:
        assert parse_ipv4_host(form) == v4, form


@given(st.one_of(ipv4s, ipv6s))
def test_public_verdicts_are_global(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> None:
    # Stricter than the standard library, never looser: what we call public, Python calls global.
    if classify(address) is None:
        assert address.is_global
        AddressPolicy().check("h", 80, [address])
    else:
        with pytest.raises(AddressBlocked):
            AddressPolicy().check("h", 80, [address])


@given(st.one_of(ipv4s, ipv6s))
def test_standard_library_non_global_is_refused(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> None:
    if address.is_private or address.is_loopback or address.is_link_local or address.is_multicast:
        assert classify(address) is not None
