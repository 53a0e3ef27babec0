# positive: a file in a `test` folder is a test file
def expect_ok(tc, resp):
    tc.assertTrue(resp.code < 500)  # [TST001]
