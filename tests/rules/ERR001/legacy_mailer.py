# Python 2 module: print statements, `except E, e`, backticks.
import smtplib


def send(host, msg):
    try:
        server = smtplib.SMTP(host)
        server.sendmail(msg["from"], msg["to"], msg.as_string())
    # negative: Python 2 typed handler
    except smtplib.SMTPException, e:
        print "send failed: %s" % `e`
        return False
    # positive: bare except in a Python 2 file
    except:  # [ERR001]
        print >>sys.stderr, "unexpected error"
        return False
    return True
