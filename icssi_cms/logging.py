"""Logs an operator can use (docs/deploy.md, "Logging"): one JSON object a line on
stdout in production, a line per request with its path, status and the signed-in
user's id (never names or emails), errors with their tracebacks, and a lost Redis
said once rather than a traceback a request."""

import logging
import time

logger = logging.getLogger("icssi.requests")


class OncePerOutage(logging.Filter):
    """django-redis logs every exception it ignores, with its traceback: hundreds a
    second while Redis is down. Let one short line through every few minutes."""

    interval = 300  # seconds

    def __init__(self):
        super().__init__()
        self.last = None

    def filter(self, record):
        now = time.monotonic()
        if self.last is not None and now - self.last < self.interval:
            return False
        self.last = now
        error = record.exc_info[1] if record.exc_info else record.getMessage()
        record.msg = "Redis is unavailable (%s): serving without the cache until it is back"
        record.args = (error,)
        record.exc_info = record.exc_text = None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


class RequestLogMiddleware:
    """One line per request: method, path (without the query, which may carry what a
    visitor typed), status, duration and the user's id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        user = getattr(request, "user", None)
        logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "user_id": user.pk if user is not None and user.is_authenticated else None,
                "duration_ms": round((time.monotonic() - started) * 1000),
            },
        )
        return response
