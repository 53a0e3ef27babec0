# Python 2 job runner.
def run(job):
    try:
        job.execute()
    except Exception, e:
        print "job failed", e
    finally:
        print >>log, "done"
        # positive: Python 2 file
        return job.status  # [ERR004]
