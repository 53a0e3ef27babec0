"""Parsing of settings values into typed configuration."""
import json

from . import errors


class ConfigError(Exception):
    pass


def parse_port(value):
    try:
        return int(value)
    except ValueError:
        # positive: a new exception without a cause
        raise ConfigError("bad port: %r" % (value,))  # [ERR003]


def parse_json(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        # negative: chained explicitly
        raise ConfigError("bad JSON") from err


def parse_flag(value):
    try:
        return {"yes": True, "no": False}[value]
    except KeyError:
        # negative: the cause hidden on purpose
        raise ConfigError("expected yes or no") from None


def load(path):
    try:
        with open(path) as fh:
            return fh.read()
    except OSError as exc:
        if exc.errno == 2:
            # positive: a class raised without a call, nested in an if
            raise errors.MissingFile  # [ERR003]
        # negative: re-raising the handler's bound name
        raise exc


def retry(action):
    try:
        return action()
    except TimeoutError:
        # negative: a bare raise
        raise


def convert(value, factory):
    try:
        return factory(value)
    except TypeError:
        # negative: a lowercase callee is not known to be a class
        raise make_error(value)


def read_all(paths):
    for path in paths:
        try:
            yield load(path)
        except ConfigError:
            for alternative in (path + ".bak", path + ".orig"):
                try:
                    yield load(alternative)
                    break
                except ConfigError as inner:
                    # positive: a nested handler reports its own raise once
                    raise errors.Unreadable(alternative)  # [ERR003]
            else:
                # positive: in a loop's else clause inside the handler
                raise errors.Unreadable(path)  # [ERR003]


def guarded(action):
    try:
        action()
    except Exception:
        # negative: a raise inside a nested function is not in the handler
        def fail():
            raise RuntimeError("failed")
        return fail


def outside():
    # negative: not in a handler at all
    raise ConfigError("never configured")


class Loader:
    def get(self, key):
        try:
            return self.cache[key]
        except KeyError:
            # positive: an attribute chain ending in a class name, in a method
            raise self.errors.NotFound(key)  # [ERR003]

    def rethrow(self):
        try:
            self.reload()
        except (OSError, ValueError) as Problem:
            # negative: the bound name, even when capitalised
            raise Problem
