# syntax=docker/dockerfile:1
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=optnc_site.settings.production \
    PORT=8000

RUN useradd --create-home --uid 1000 optnc
WORKDIR /app

COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes -r requirements.lock

COPY --chown=optnc:optnc . .
# Static files are collected (hashed and compressed by whitenoise) at build time; the
# throwaway key only satisfies the production settings during this step.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput --verbosity 0 \
    && mkdir -p /app/media /app/var && chown optnc:optnc /app/media /app/var

USER 1000:1000
EXPOSE 8000
CMD ["bin/start"]
