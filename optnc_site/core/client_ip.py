"""The visitor's address, as far as the proxies we trust can vouch for it.

Each proxy in front of the site appends the address it received the request from to
``X-Forwarded-For``; anything to the left of what our own proxies wrote was sent by the
client and can be forged. With ``TRUSTED_PROXY_COUNT`` proxies (0 by default: the site is
reached directly), the visitor is the entry that the outermost trusted proxy appended: the
``TRUSTED_PROXY_COUNT``-th from the right of ``X-Forwarded-For`` + ``REMOTE_ADDR``, never
further left. This one function answers for django-axes (``AXES_CLIENT_IP_CALLABLE``), the
rate limits and the logs.

Why not django-ipware (which axes 8 reads when it is installed): its proxy count is a
separate setting of axes' own, and the logs and the rate limits need the same answer.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote_addr
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    chain = [entry for entry in forwarded if entry] + [remote_addr]
    # Fewer entries than proxies: a proxy did not add its entry; the leftmost is the best
    # we have. (A client that can reach an inner proxy directly can forge its address: the
    # outer proxies must be the only way in, as the README says.)
    candidate = chain[max(0, len(chain) - 1 - proxies)]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        # Not an address (a proxy writing "unknown", or a port): what connected to us.
        return remote_addr
