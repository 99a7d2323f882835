"""The MDN HTTP Observatory's score of a site, from its responses, by the published rules.

The rules are those of mdn/mdn-http-observatory (``src/grader/charts.js`` for the
modifiers, ``src/analyzer/tests/*.js`` for the tests): start at 100, subtract the
penalties; only if the result is 90 or more, add the bonuses; 100 or more is A+. Only
what can be read from this site's own responses is scored; what depends on the world
(the HSTS preload list, +5 once the domain is accepted there) counts 0.
"""

from http.cookies import SimpleCookie
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
HASH_OR_NONCE = ("'sha256-", "'sha384-", "'sha512-", "'nonce-")


def parse_csp(header):
    policy = {}
    for directive in header.split(";"):
        name, *sources = directive.split()
        policy.setdefault(name.lower(), set(sources))
    return policy


def csp_modifier(headers):
    header = headers.get("Content-Security-Policy")
    if not header:
        return "csp-not-implemented", -25
    csp = parse_csp(header)
    default = csp.get("default-src")
    script = set(csp.get("script-src") or default or {"*"})
    style = set(csp.get("style-src") or default or {"*"})
    objects = csp.get("object-src") or default or {"*"}
    for sources in (script, style):
        if any(source.startswith(HASH_OR_NONCE) for source in sources):
            sources.discard("'unsafe-inline'")
    if script & (BROAD | UNSAFE_INLINE) or objects & BROAD:
        return "csp-implemented-with-unsafe-inline", -20
    if "'unsafe-eval'" in script | style:
        return "csp-implemented-with-unsafe-eval", -10
    if style & (BROAD | UNSAFE_INLINE):
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0
    if default == {"'none'"}:
        return "csp-implemented-with-no-unsafe-default-src-none", 10
    return "csp-implemented-with-no-unsafe", 5


def cookies_modifier(responses):
    cookies = SimpleCookie()
    for response in responses:
        cookies.update(response.cookies)
    if not cookies:
        return "cookies-not-found", 0
    if not all(morsel["secure"] for morsel in cookies.values()):
        return "cookies-without-secure-flag", -20
    if any("session" in name and not morsel["httponly"] for name, morsel in cookies.items()):
        return "cookies-session-without-httponly-flag", -30
    if not all(morsel["samesite"].lower() in {"strict", "lax"} for morsel in cookies.values()):
        return "cookies-samesite-flag-invalid", -20
    return "cookies-secure-with-httponly-sessions-and-samesite", 5


def cors_modifier(headers):
    origin = headers.get("Access-Control-Allow-Origin")
    if origin is None:
        return "cross-origin-resource-sharing-not-implemented", 0
    if headers.get("Access-Control-Allow-Credentials", "").lower() == "true":
        return "cross-origin-resource-sharing-implemented-with-universal-access", -50
    return "cross-origin-resource-sharing-implemented-with-public-access", 0


def redirection_modifier(http_response, host):
    location = http_response.headers.get("Location", "")
    if http_response.status_code not in {301, 302, 307, 308} or not location.startswith("https://"):
        return "redirection-missing", -20
    if urlsplit(location).hostname != host:
        return "redirection-off-host-from-http", -5
    return "redirection-to-https", 0


def referrer_modifier(headers):
    value = headers.get("Referrer-Policy", "").split(",")[-1].strip().lower()
    if not value:
        return "referrer-policy-not-implemented", 0
    if value in {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}:
        return "referrer-policy-private", 5
    return "referrer-policy-unsafe", -5


def hsts_modifier(headers):
    header = headers.get("Strict-Transport-Security", "")
    max_age = next(
        (int(part.split("=")[1]) for part in header.split(";") if part.strip().startswith("max-age=")), None
    )
    if max_age is None:
        return "hsts-not-implemented", -20
    if max_age < 15768000:
        return "hsts-implemented-max-age-less-than-six-months", -10
    return "hsts-implemented-max-age-at-least-six-months", 0


def sri_modifier(html, host):
    scripts = BeautifulSoup(html, "html.parser").find_all("script", src=True)
    if not scripts:
        return "sri-not-implemented-but-no-scripts-loaded", 0
    foreign = [script for script in scripts if urlsplit(script["src"]).hostname not in {None, host}]
    if foreign and not all(script.get("integrity") for script in foreign):
        return "sri-not-implemented-but-external-scripts-loaded-securely", -5
    if all(script.get("integrity") for script in scripts):
        return "sri-implemented-and-all-scripts-loaded-securely", 5
    return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0


def nosniff_modifier(headers):
    if headers.get("X-Content-Type-Options", "").lower() == "nosniff":
        return "x-content-type-options-nosniff", 0
    return "x-content-type-options-not-implemented", -5


def frame_modifier(headers):
    csp = parse_csp(headers.get("Content-Security-Policy", ""))
    ancestors = csp.get("frame-ancestors")
    if ancestors and not ancestors & BROAD:
        return "x-frame-options-implemented-via-csp", 5
    if headers.get("X-Frame-Options", "").upper() in {"DENY", "SAMEORIGIN"}:
        return "x-frame-options-sameorigin-or-deny", 0
    return "x-frame-options-not-implemented", -20


def corp_modifier(headers):
    value = headers.get("Cross-Origin-Resource-Policy", "").lower()
    if value in {"same-origin", "same-site"}:
        return f"cross-origin-resource-policy-implemented-with-{value}", 10
    if value == "cross-origin":
        return "cross-origin-resource-policy-implemented-with-cross-origin", 0
    return "cross-origin-resource-policy-not-implemented", 0


def score(http_response, https_responses, host):
    """``http_response``: the answer to ``http://host/``; ``https_responses``: the chain from
    ``https://host/`` to the final page. Returns (score, grade, {test: (result, modifier)})."""
    final = https_responses[-1]
    headers = final.headers
    results = {
        "content-security-policy": csp_modifier(headers),
        "cookies": cookies_modifier(https_responses),
        "cross-origin-resource-sharing": cors_modifier(headers),
        "redirection": redirection_modifier(http_response, host),
        "referrer-policy": referrer_modifier(headers),
        "strict-transport-security": hsts_modifier(headers),
        "subresource-integrity": sri_modifier(final.content.decode(), host),
        "x-content-type-options": nosniff_modifier(headers),
        "x-frame-options": frame_modifier(headers),
        "cross-origin-resource-policy": corp_modifier(headers),
    }
    total = 100 + sum(modifier for _result, modifier in results.values() if modifier < 0)
    if total >= 90:
        total += sum(modifier for _result, modifier in results.values() if modifier > 0)
    grade = "A+" if total >= 100 else "A" if total >= 90 else "below A"
    return max(total, 0), grade, results
