"""Background synchronisation worker."""
import logging
import sys

log = logging.getLogger(__name__)
LOG = logging.getLogger("sync")

try:
    sys.setrecursionlimit(5000)
# positive: a module-level handler for Exception holding only pass
except Exception:  # [ERR002]
    pass

try:
    import resource
# negative: the handler binds a fallback, so the exception is handled
except Exception:
    resource = None


def fetch_all(client, ids):
    results = {}
    for item_id in ids:
        try:
            results[item_id] = client.fetch(item_id)
        # positive: a broad handler that only continues
        except Exception:  # [ERR002]
            continue
    return results


def close_quietly(conn):
    try:
        conn.close()
    # positive: bare except with pass
    except:  # [ERR002]
        pass


def shutdown(pool):
    try:
        pool.terminate()
    # positive: BaseException with only an ellipsis
    except BaseException:  # [ERR002]
        ...


def push(client, record):
    try:
        client.push(record)
    # positive: a body of logging calls only is still swallowed
    except Exception as exc:  # [ERR002]
        log.warning("push failed for %s: %s", record, exc)
        log.debug("record was %r", record)


def parse_all(lines):
    parsed = []
    for line in lines:
        try:
            parsed.append(int(line))
        # positive: Exception inside a tuple
        except (ValueError, Exception):  # [ERR002]
            pass
    return parsed


def self_check(check):
    try:
        check()
    # positive: print() only
    except Exception as err:  # [ERR002]
        print("self-check failed:", err, file=sys.stderr)


def ping(client):
    try:
        client.ping()
    # positive: LOG.log() is a logging call too, and pass adds nothing
    except:  # [ERR002]
        LOG.log(logging.INFO, "ping failed")
        pass


class Uploader:
    def __init__(self, bucket):
        self.bucket = bucket
        self._logger = logging.getLogger("uploader")

    def upload(self, key, data):
        try:
            self.bucket.put(key, data)
        # negative: logging.exception() logs the traceback
        except Exception:
            self._logger.error("upload of %s failed", key)
            logging.exception("upload failed")
