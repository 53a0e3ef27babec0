# negative: a helper module whose name is not a test file name
def expect_ok(tc, resp):
    tc.assertFalse(resp.code >= 500)
