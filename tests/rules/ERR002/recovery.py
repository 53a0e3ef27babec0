"""Error handling that does handle the error."""
import logging
import sys
import warnings

from sync_worker import fetch_all

log = logging.getLogger(__name__)


def read_port(value):
    try:
        return int(value)
    # negative: a specific exception type is not broad
    except ValueError:
        pass
    return 8080


def load_optional(path):
    try:
        with open(path) as fh:
            return fh.read()
    # negative: a tuple of specific exceptions
    except (FileNotFoundError, PermissionError):
        pass
    return ""


def commit(conn):
    try:
        conn.commit()
    # negative: the handler cleans up and re-raises
    except Exception:
        conn.rollback()
        raise


def first_record(client):
    try:
        return client.records()[0]
    # negative: returning a value handles the exception
    except Exception:
        return None


def to_float(value):
    try:
        return float(value)
    # negative: raising a new exception
    except Exception as exc:
        raise ValueError(f"not a number: {value!r}") from exc


def notify(client, message):
    try:
        client.send(message)
    # negative: logging, then re-raising
    except Exception:
        log.exception("send failed")
        raise


def warn_only(func):
    try:
        func()
    # negative: warnings.warn() is not a logging call
    except Exception as exc:
        warnings.warn(str(exc))


def save_form(request, form, messages):
    try:
        form.save()
    # negative: messages.error() is not a logging call (its receiver is not log/logger/logging)
    except Exception:
        messages.error(request, "Could not save the form.")


def collect(errors, job):
    try:
        job.run()
    # negative: recording the error handles it
    except Exception as exc:
        errors.append(exc)


def main():
    try:
        fetch_all(None, [])
    # negative: exiting is not swallowing
    except Exception:
        sys.exit(1)
