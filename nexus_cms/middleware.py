"""Cross-cutting middleware."""

ADMIN_PREFIXES = ("/admin/",)

# The Wagtail 8 editor still emits inline scripts (wagtail/wagtail#1288) and renders previews in
# an iframe, so the admin gets its own, looser policy; the public site keeps the strict one
# (CONTENT_SECURITY_POLICY, which excludes these prefixes).
ADMIN_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'self'",
        "form-action 'self'",
    ]
)


class AdminContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIXES) and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = ADMIN_CONTENT_SECURITY_POLICY
        return response
