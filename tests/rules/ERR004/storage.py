"""Record storage with cleanup in finally blocks."""
import logging

log = logging.getLogger(__name__)


def save(db, record):
    try:
        db.write(record)
    finally:
        db.close()
        # positive: return in finally discards the write error
        return True  # [ERR004]


def save_all(db, records):
    for record in records:
        try:
            db.write(record)
        finally:
            if record.last:
                # positive: break inside an if nested in the finally block
                break  # [ERR004]
            # positive: continue directly in finally
            continue  # [ERR004]


def drain(queue):
    try:
        queue.flush()
    finally:
        # negative: break and continue belong to a loop nested in the finally block
        for item in queue.pending():
            if item is None:
                break
            if item.skip:
                continue
            item.drop()
        # negative: a return inside a nested function is that function's own
        def report():
            return len(queue)
        log.info("drained %d", report())
        # negative: while loop nested in finally
        while queue.retry():
            continue


def status(conn):
    try:
        return conn.ping()
    finally:
        with conn.lock:
            # positive: inside a with block in finally
            return "unknown"  # [ERR004]


def close(conn):
    try:
        conn.send(b"bye")
    finally:
        try:
            conn.close()
        except OSError:
            # positive: inside a handler of a try nested in finally
            return False  # [ERR004]
        finally:
            # positive: a nested finally reports its own jump once
            return None  # [ERR004]


def rollback(tx):
    try:
        tx.commit()
    except Exception:
        tx.rollback()
        raise
    finally:
        log.debug("transaction over")
    # negative: the return after the try statement is fine
    return tx.id


class Uploader:
    def upload(self, path):
        try:
            self.client.put(path)
        finally:
            self.client.disconnect()
            # negative: a lambda has no statements; this is only a call
            self.done = lambda: None
            if self.cancelled:
                # positive: in a method
                return  # [ERR004]


def classify(event):
    try:
        event.handle()
    finally:
        match event.kind:
            case "stop":
                # positive: inside a match case in finally
                return "stopped"  # [ERR004]
            case _:
                pass
