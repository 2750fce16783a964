"""Rate limits on sign-up, counted in the default cache: per client address and per e-mail address.

Fixed windows of ``NEWSLETTER_SIGNUP_WINDOW`` seconds. Keys hold hashes, never the addresses.
Without Redis each process counts on its own (LocMemCache), so the limits are per process there.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    """The reader's address: ``REMOTE_ADDR``, or behind ``NEWSLETTER_TRUSTED_PROXIES`` proxies of our
    own the address the outermost of them saw (counted from the right of X-Forwarded-For, which a
    client can write anything into on the left)."""
    proxies = settings.NEWSLETTER_TRUSTED_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-min(proxies, len(hops))]
    return request.META.get("REMOTE_ADDR", "")


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]
    return f"newsletter:signup:{kind}:{digest}"


def _hit(key: str, limit: int) -> bool:
    """Count one attempt; True while the window's count stays within ``limit``."""
    window = settings.NEWSLETTER_SIGNUP_WINDOW
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit


def allow_client(request) -> bool:
    return _hit(_key("ip", client_ip(request)), settings.NEWSLETTER_SIGNUP_LIMIT_PER_IP)


def allow_address(email: str) -> bool:
    return _hit(_key("address", email), settings.NEWSLETTER_SIGNUP_LIMIT_PER_ADDRESS)
