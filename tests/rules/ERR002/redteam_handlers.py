"""Red-team cases: broad types in tuples, except*, the inert statements and near misses."""
import logging
import sys
import traceback
import warnings
from logging import getLogger as get_logger

LOG = logging.getLogger("jobs")
_LOGGER = get_logger(__name__)


def parse_port(value):
    try:
        return int(value)
    # positive: Exception in a tuple, with a bound name
    except (ValueError, Exception) as exc:  # [ERR002]
        pass


def parse_ratio(value):
    try:
        return float(value)
    # positive: a one-element tuple
    except (Exception,):  # [ERR002]
        pass


def parse_size(value):
    try:
        return int(value)
    # positive: a multi-line tuple with comments inside: flagged at `except`
    except (  # [ERR002]
        KeyError,  # missing: the key
        BaseException,
    ):
        pass


def run_group(tasks):
    try:
        tasks.run()
    # positive: except* with Exception
    except* Exception:  # [ERR002]
        pass


def run_group_strict(tasks):
    try:
        tasks.run()
    # negative: except* with a specific type
    except* ValueError:
        pass


def poll(job):
    try:
        job.poll()
    # positive: leading underscores and case of the receiver are ignored (_LOGGER, LOG)
    except Exception as exc:  # [ERR002]
        _LOGGER.debug("poll failed: %s", exc)
        LOG.critical("poll failed")


def poll_module(job):
    try:
        job.poll()
    # negative: logging.exception() logs the traceback
    except Exception:
        logging.exception("poll failed")
        logging.warn("deprecated alias")


class Worker:
    def step(self, app):
        try:
            self.advance()
        # negative: app.logger.exception() logs the traceback (self._logger, self.log,
        # self.logger and app.logger are logging receivers)
        except Exception:
            self._logger.error("step failed")
            self.log.info("step failed")
            self.logger.warning("step failed")
            app.logger.exception("step failed")

    def step_quietly(self):
        try:
            self.advance()
        # negative: a method of self that is not a logging call
        except Exception:
            self.log_error("step failed")


def stop(job):
    try:
        job.stop()
    # negative: fatal() is not one of the logging methods
    except Exception:
        LOG.fatal("stop failed")


def stop_with(job, audit_logger, logs):
    try:
        job.stop()
    # negative: receivers whose last part is not log/logger/logging
    except Exception:
        audit_logger.error("stop failed")
        logs.error("stop failed")


def dump(job):
    try:
        job.dump()
    # negative: traceback.print_exc() is not print(...)
    except Exception:
        traceback.print_exc()


def dump_stderr(job):
    try:
        job.dump()
    # negative: writing to stderr is not print(...)
    except Exception as exc:
        sys.stderr.write(str(exc))


def dump_print(job):
    try:
        job.dump()
    # positive: print() calls only, with %-formatting and an f-string with a nested format spec
    except Exception as exc:  # [ERR002]
        print("dump failed: %s" % exc)
        print(f"dump of {job.name!r:>{20}} failed: {'see log'}", file=sys.stderr)


def first_ok(jobs):
    for job in jobs:
        try:
            return job.run()
        # negative: break is not one of the inert statements
        except Exception:
            break
    return None


def run_debug(job, debug):
    try:
        job.run()
    # negative: an `if` around the log call is not a logging call
    except Exception:
        if debug:
            LOG.error("run failed")


def run_all(jobs):
    for job in jobs:
        try:
            job.run()
        # positive: several inert statements on one line
        except Exception: LOG.error("skip"); continue  # [ERR002]


async def fetch(client):
    try:
        await client.fetch()
    # negative: an awaited logging call named exception logs the traceback
    except Exception:
        await _LOGGER.exception("fetch failed")


async def fetch_closing(client):
    try:
        await client.fetch()
    # negative: awaiting a cleanup call handles it
    except Exception:
        await client.close()


def warn_only(job):
    try:
        job.run()
    # negative: warnings.warn() is not a logging call
    except Exception as exc:
        warnings.warn(str(exc))


def run_multiline_log(job):
    try:
        job.run()
    # negative: a multi-line logging call holding a comment: the body holds a comment
    except Exception as exc:
        LOG.error(
            "run failed: "  # the prefix
            "%s",
            exc,
            exc_info=True,
        )


def run_vendor(job, errors):
    try:
        job.run()
    # negative: an attribute named Exception of another module is not the builtin
    except errors.Exception:
        pass


def run_group_type(job):
    try:
        job.run()
    # negative: ExceptionGroup is not Exception or BaseException
    except ExceptionGroup:
        pass


def run_nested(job):
    try:
        try:
            job.run()
        # positive: the inner broad handler swallows
        except Exception:  # [ERR002]
            pass
    # negative: the outer handler re-raises
    except ValueError:
        raise


def run_then_close(conn):
    try:
        conn.commit()
    # positive: a broad handler of a try with else and finally
    except Exception:  # [ERR002]
        pass
    else:
        conn.close()
    finally:
        conn.release()


def run_other_noqa(job):
    try:
        job.run()
    # positive: a suppression of another rule does not apply
    except Exception:  # noqa: ERR001  # [ERR002]
        pass


def run_suppressed(job):
    try:
        job.run()
    # negative: suppressed by code, by name and by category
    except Exception:  # noqa: ERR002
        pass
    try:
        job.run()
    except Exception:  # noqa:swallowed-exception
        pass
    try:
        job.run()
    except Exception:  # pyreview: ignore[ERR]
        pass
