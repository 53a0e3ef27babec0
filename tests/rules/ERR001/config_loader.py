"""Loading of the service configuration, with fallbacks."""
import json
import logging
import os

log = logging.getLogger(__name__)

DEFAULTS = {"workers": 4, "timeout": 30}

try:
    import yaml
# positive: a module-level bare except binding a fallback
except:  # [ERR001]
    yaml = None


def load_config(path):
    try:
        with open(path) as fh:
            return json.load(fh)
    # positive: swallows Ctrl-C while reading a slow network share
    except:  # [ERR001]
        log.warning("cannot read %s, using defaults", path)
        return dict(DEFAULTS)


def write_config(path, config):
    tmp = path + ".tmp"
    try:
        with open(tmp, "w") as fh:
            json.dump(config, fh)
        os.replace(tmp, path)
    # negative: cleanup, then a bare raise re-raises whatever was caught
    except:
        os.unlink(tmp)
        raise


def reload(path, current):
    try:
        return load_config(path)
    # negative: a typed handler is ERR002's business, never ERR001's
    except Exception:
        return current


def parse_port(value):
    try:
        return int(value)
    # positive: the last statement raises a new exception, not a bare raise
    except:  # [ERR001]
        raise ValueError("bad port: %r" % (value,))


def retry(action, attempts):
    for attempt in range(attempts):
        try:
            return action()
        # positive: the bare raise is not the last statement
        except:  # [ERR001]
            if attempt == attempts - 1:
                raise
            log.info("attempt %d failed", attempt)


def guarded(action):
    try:
        action()
    # negative: a comment after the bare raise does not matter
    except:
        log.exception("action failed")
        raise
        # unreachable note
    finally:
        log.debug("done")


class Worker:
    def run_once(self):
        try:
            self.step()
        except KeyboardInterrupt:
            raise
        # positive: even after a KeyboardInterrupt handler the bare one catches SystemExit
        except:  # [ERR001]
            self.failures += 1

    def stop(self):
        try:
            self.thread.join(1)
        # positive: nested in a method, one line
        except: pass  # [ERR001]
