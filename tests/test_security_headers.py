"""Security headers on the public site and in the admin."""

STRICT_DIRECTIVES = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
]


def directives(header):
    return [part.strip() for part in header.split(";") if part.strip()]


def test_public_pages_carry_the_strict_policy(client, home):
    for url in ["/", "/ar/", "/sida-som-inte-finns/"]:
        response = client.get(url)
        policy = directives(response["Content-Security-Policy"])
        for directive in STRICT_DIRECTIVES:
            assert directive in policy, (url, directive)
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


def test_admin_gets_its_own_policy_that_allows_the_preview_frame(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert "frame-ancestors 'self'" in policy
    assert "object-src 'none'" in policy
    assert response["Content-Security-Policy"].count("default-src") == 1
