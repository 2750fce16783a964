# Varnish in front of gunicorn (Varnish 6/7, VCL 4.1). The application says what may be cached: pages it
# marks `Cache-Control: public, max-age=0, s-maxage=N` (pagecache/), and static files; everything else is
# passed through. Publishing purges what changed: Wagtail's frontend_cache sends `PURGE <url>` from the app
# server (settings: FRONTEND_CACHE_URL=http://127.0.0.1:6081).
#
#   varnishd -a :6081 -f /etc/varnish/varnish.vcl -s malloc,256m
#
# Set the backend below to where gunicorn listens (GUNICORN_BIND).
vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

# Who may purge: the app servers (here the same host).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE is for the app servers only"));
        }
        # The URL with all its query strings (?page=2 of a section, ?p=2 of a sitemap); a URL ending in
        # "*" (the app sends "/*" when authors, tags or settings change): everything under it.
        if (req.url ~ "\*$") {
            ban("obj.http.x-host == " + req.http.host + " && obj.http.x-url ~ ^" + regsub(req.url, "\*$", ""));
        } else {
            ban("obj.http.x-host == " + req.http.host + " && obj.http.x-url ~ ^" + regsub(req.url, "\?.*$", "") + "(\?|$)");
        }
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents)/") {
        return (pass);
    }
    # Campaign and click identifiers (newsletters, social networks, ads) change nothing on a page: one
    # cached copy for every reader, whatever link they came by (the application drops the same ones:
    # PAGE_CACHE_IGNORED_PARAMETERS). The browser keeps the address it asked for.
    if (req.url ~ "[?&](utm_[^=&]*|fbclid|gclid|gbraid|wbraid|dclid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_ga|_gl)(=|&|$)") {
        set req.url = regsuball(req.url, "(?<=[?&])(utm_[^=&]*|fbclid|gclid|gbraid|wbraid|dclid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_ga|_gl)(=[^&]*)?(&|$)", "");
        set req.url = regsub(req.url, "[?&]$", "");
    }
    # Signed-in editors (session), anyone holding a form's CSRF token or a message: their own pages.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken|messages)=" || req.http.Authorization) {
        return (pass);
    }
    # Search results are the reader's own.
    if (req.url ~ "[?&]q=") {
        return (pass);
    }
    # Any other cookie (analytics and the like) does not change the page.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Kept on the object for the bans above (lurker-friendly: obj.*, not req.*).
    set beresp.http.x-url = bereq.url;
    set beresp.http.x-host = bereq.http.host;
    if (beresp.http.Set-Cookie || (beresp.http.Cache-Control !~ "s-maxage" && bereq.url !~ "^/static/")) {
        # Not for a shared cache: remember that for a while so that requests are not queued behind it.
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    # beresp.ttl comes from s-maxage. Grace: a page past its TTL is served while a fresh one is fetched,
    # and for hours while the app servers are down. A purge removes it outright, grace included.
    set beresp.grace = 6h;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-url;
    unset resp.http.x-host;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
