# Varnish (Debian's varnish 7.x) in front of the Nexus site: nginx (or gunicorn) is the backend.
#
#   varnishd -a :6081 -f /etc/varnish/nexus.vcl -s malloc,256m
#
# The backend port below is nginx's; deploy/prod-check --varnish rewrites the .port line.
# Django sets NEXUS_VARNISH_URL=http://127.0.0.1:6081 so a publish PURGEs the affected URLs
# (home/frontend_cache.py). What is cached and what never is:
# - never: /admin/ (and anything below a path prefix's /admin/), the personal calendar feeds,
#   /healthz and /readyz, any request but GET and HEAD, any request with a session cookie
#   (signed-in editors), any response with Set-Cookie or Cache-Control private/no-store/no-cache;
# - anonymous GET and HEAD of public pages and static files: cached, cookies dropped (the public
#   site sets and reads none; its forms carry signed tokens, and POSTs pass untouched);
# - a PURGE (from 127.0.0.1 only) of a path bans that path with every query string; a BAN
#   (127.0.0.1 only) with "X-Ban-Url: <regex>" bans every matching URL ("." for the whole site).
# Responses carry X-Cache: HIT or MISS. Objects are hashed by URL only: the site has one host,
# and Wagtail's purge requests carry the public host, not Varnish's.
vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 5s;
    .first_byte_timeout = 35s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        ban("obj.http.X-Url ~ ^" + regsub(req.url, "\?.*$", "") + "(\?|$)");
        return (synth(200, "Purged"));
    }
    if (req.method == "BAN") {
        if (!client.ip ~ purgers || !req.http.X-Ban-Url) {
            return (synth(405, "Not allowed"));
        }
        ban("obj.http.X-Url ~ " + req.http.X-Ban-Url);
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "/admin(/|$)" || req.url ~ "/kalender/aktiviteter/" || req.url ~ "^[^?]*/(healthz|readyz)$") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    unset req.http.Cookie;
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    # For bans by URL (the ban lurker reads objects, not requests).
    set beresp.http.X-Url = bereq.url;
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (beresp.status >= 500) {
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    if (!beresp.http.Cache-Control && !beresp.http.Expires) {
        # Pages without their own lifetime: a short one; a publish purges them anyway.
        set beresp.ttl = 300s;
    }
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.X-Url;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
