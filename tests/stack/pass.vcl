# Until deploy/varnish/default.vcl exists (the caching work), tests/stack runs Varnish with
# this VCL, which caches nothing, so that bin/stack's Varnish hop is tested all the same.
# Delete it once default.vcl is there: the fixture then uses the real one.
vcl 4.1;

backend default {
    .host = "${APP_HOST}";
    .port = "${APP_PORT}";
}

sub vcl_recv {
    return (pass);
}
