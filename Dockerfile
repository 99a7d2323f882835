# syntax=docker/dockerfile:1
# The images of deploy/compose.yaml, one stage each, built from this one file:
#   app (the default, last stage): gunicorn with the production settings, bin/start
#   nginx: Debian's nginx and brotli modules, with this build's collected static files
#   varnish: Debian's Varnish and varnish-modules (xkey)
# nginx and Varnish are the Debian packages `make stack` runs, started by the same scripts
# (deploy/nginx/start, deploy/varnish/start) with the same configuration files.

FROM python:3.11-slim-bookworm AS app

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=optnc_site.settings.production \
    PORT=8000

# postgresql-client: pg_dump and pg_restore for `manage.py backup` and `restore`.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 optnc
WORKDIR /app

# The commit recorded in backups' manifests (docker build --build-arg GIT_COMMIT=$(git rev-parse HEAD)).
ARG GIT_COMMIT=""
ENV GIT_COMMIT=${GIT_COMMIT}

COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes -r requirements.lock

COPY --chown=optnc:optnc . .
# Static files are collected (hashed and compressed by whitenoise) at build time; the
# throwaway key only satisfies the production settings during this step.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput --verbosity 0 \
    && mkdir -p /app/media /app/var && chown optnc:optnc /app/media /app/var

USER 1000:1000
EXPOSE 8000
# gunicorn binds GUNICORN_BIND (127.0.0.1:$PORT by default): nginx is always in front.
CMD ["bin/start"]


FROM debian:bookworm-slim AS nginx
# Debian's own versions, as on the machines that run `make stack`; security updates replace
# them in place, so they are not pinned.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends nginx libnginx-mod-http-brotli-filter \
       libnginx-mod-http-brotli-static gettext-base \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /srv/optnc/media /var/cache/nginx/optnc /var/www/acme \
    && chown 33:33 /var/cache/nginx/optnc
COPY deploy/render /app/deploy/render
COPY deploy/nginx/ /app/deploy/nginx/
COPY --from=app /app/staticfiles /srv/optnc/static
ENV NGINX_PREFIX=/var/cache/nginx/optnc \
    NGINX_LISTEN=8080 \
    NGINX_TLS_LISTEN=8443 \
    NGINX_UPSTREAM=varnish:6081 \
    STATIC_ROOT=/srv/optnc/static \
    MEDIA_ROOT=/srv/optnc/media
# www-data (33 in every Debian image).
USER 33:33
EXPOSE 8080 8443
CMD ["/app/deploy/nginx/start"]


FROM debian:bookworm-slim AS varnish
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends varnish varnish-modules gettext-base \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 1001 --user-group --no-create-home --shell /usr/sbin/nologin optnc-cache \
    && mkdir -p /var/lib/varnish/optnc \
    && chown 1001:1001 /var/lib/varnish/optnc
COPY deploy/render /app/deploy/render
COPY deploy/varnish/ /app/deploy/varnish/
ENV VARNISH_LISTEN=:6081 \
    VARNISH_WORKDIR=/var/lib/varnish/optnc \
    APP_HOST=app \
    APP_PORT=8000
USER 1001:1001
EXPOSE 6081
CMD ["/app/deploy/varnish/start"]


# `docker build .` builds the application (the last stage).
FROM app
