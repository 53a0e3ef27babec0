"""The sharpened row: tracebacks, comments and __del__."""
import logging

log = logging.getLogger(__name__)


def traceback_keyword(job):
    try:
        job.run()
    # negative: exc_info=True logs the traceback
    except Exception:
        log.error("run failed", exc_info=True)


def traceback_keyword_value(job, err):
    try:
        job.run()
    # negative: exc_info= with a value that is not a falsy constant
    except Exception as err:
        log.warning("run failed", exc_info=err)


def traceback_off(job):
    try:
        job.run()
    # positive: exc_info=False logs no traceback
    except Exception:  # [ERR002]
        log.error("run failed", exc_info=False)


def traceback_none(job):
    try:
        job.run()
    # positive: exc_info=None and exc_info=0 log no traceback
    except Exception:  # [ERR002]
        log.error("run failed", exc_info=None)
        log.info("again", exc_info=0)


def exception_not_logger(job, reporter):
    try:
        job.run()
    # positive: reporter.exception() is no logging call: the handler only discards it
    except Exception:  # [ERR002]
        pass


def best_effort(vm):
    try:
        vm.shutdown()
    # negative: a comment on the header line documents the decision
    except Exception:  # best effort, the VM may be gone
        pass


def body_comment(vm):
    try:
        vm.shutdown()
    # negative: a comment in the body documents the decision
    except Exception:
        # the VM may already be gone; nothing to clean up
        pass


def trailing_comment(vm):
    try:
        vm.shutdown()
    # negative: a comment after the statement
    except BaseException:
        pass  # shutdown is best effort


def pragma_only(vm):
    try:
        vm.shutdown()
    # positive: `pragma: no cover` is a tool pragma, no explanation
    except Exception:  # pragma: no cover  # [ERR002]
        pass


def noqa_only(vm):
    try:
        vm.shutdown()
    # positive: noqa, nosec, type: ignore and pylint: disable are tool pragmas
    except Exception:  # noqa: E722  # nosec  # [ERR002]
        pass  # type: ignore
        # pylint: disable=broad-except


def pragma_and_reason(vm):
    try:
        vm.shutdown()
    # negative: a pragma followed by an explanation
    except Exception:  # pylint: disable=broad-except  # the VM may be gone
        pass


def comment_after_handler(vm):
    try:
        vm.shutdown()
    # positive: a comment below the handler, at the outer level, is not in its body
    except Exception:  # [ERR002]
        pass
    # the next step
    return vm


class Connection:
    def __del__(self):
        try:
            self.close()
        # negative: in __del__ Python ignores exceptions anyway
        except Exception:
            pass

    def close(self):
        try:
            self.sock.close()
        # positive: another method of the same class
        except Exception:  # [ERR002]
            pass


def __del__(obj):
    try:
        obj.close()
    # negative: a function named __del__ (assigned to a class later) is the innermost function
    except Exception:
        pass
