def check_sent(outbox, host, port, user, subject, body):  # [CPX003]
    assert outbox
