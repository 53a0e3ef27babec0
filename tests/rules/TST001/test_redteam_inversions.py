import unittest


class InversionTests(unittest.TestCase):
    def test_assert_false_names_the_inverse(self):
        a, b, x, xs = 1, 2, None, [1]
        # positive: assertFalse(==) is assertNotEqual
        self.assertFalse(a == b)  # [TST001]
        # negative: assertFalse of an ordering comparison (its negation is not the
        # opposite order for partial orders, sets and NaN: `assertFalse(s1 < s2)` on sets)
        self.assertFalse(a < b)
        self.assertFalse(a <= b)
        self.assertFalse(a >= b)
        # positive: assertFalse(not in) is assertIn
        self.assertFalse(a not in xs)  # [TST001]
        # positive: assertFalse(is) is assertIsNot
        self.assertFalse(a is b)  # [TST001]
        # positive: assertFalse(is not None) is assertIsNone
        self.assertFalse(x is not None)  # [TST001]
        # positive: None on the left is still assertIsNone
        self.assertTrue(None is x)  # [TST001]
        # positive: `is True` is assertIs
        self.assertTrue(x is True)  # [TST001]
        # positive: isinstance with a tuple of types
        self.assertTrue(isinstance(x, (int, str)))  # [TST001]

    def test_not_single_comparisons(self):
        a, b, c = 1, 2, 3
        # negative: a chained ==
        self.assertTrue(a == b == c)
        # negative: `not` around a comparison is not a comparison
        self.assertTrue(not a == b)
        self.assertFalse(not (a == b))
        # negative: a conditional expression
        self.assertTrue(a == b if c else b == c)
        # negative: a starred argument
        args = (a == b,)
        self.assertTrue(*args)
        # negative: a comparison inside a list, a lambda, a method call
        self.assertTrue([a == b])
        self.assertTrue(lambda: a == b)
        self.assertTrue(a.__eq__(b))
        # negative: a bare function named assertTrue is not the unittest method
        assertTrue = self.assertTrue
        assertTrue(a == b)
        # negative: no argument at all
        self.assertFalse(msg="nothing to check")

    def test_call_forms(self):
        a, b, d = 1, 2, {"k": "v"}
        # positive: a multi-line call with comments inside starts at `self`
        self.assertTrue(  # [TST001]
            # the code must match
            a == b,  # trailing comment
            "codes differ",
        )
        # positive: an f-string with nested quotes and a format spec
        self.assertTrue(f"{d['k']:>3}" == "  v")  # [TST001]
        # positive: an implicitly concatenated string
        self.assertTrue("a" "b" in d)  # [TST001]
        # positive: a walrus operand
        self.assertTrue((n := len(d)) == 1)  # [TST001]
        # positive: msg= before expr=
        self.assertTrue(msg="must match", expr=a == b)  # [TST001]
        # positive: a trailing comma
        self.assertTrue(a != b,)  # [TST001]
        # positive: the receiver on its own line
        (self  # [TST001]
         .assertFalse(a in d))
        # positive: another receiver (super())
        super().assertTrue(a < n)  # [TST001]

    def test_nested_code(self):
        a = 1

        # positive: a function nested in a test method is in the test class body
        def check(value):
            self.assertTrue(value == a)  # [TST001]

        check(a)
        # positive: a lambda in a test method
        run = lambda v: self.assertTrue(v > 0)  # [TST001]
        run(a)

    async def test_async(self):
        # positive: an async test method
        self.assertTrue(len([]) >= 0)  # [TST001]
        async with self.ctx() as ctx:
            # positive: inside async with
            self.assertFalse(ctx is None)  # [TST001]

    def test_suppressed(self):
        # negative: noqa by code, by name, by category prefix
        self.assertTrue(1 == 1)  # noqa: TST001
        self.assertTrue(1 == 1)  # noqa: assert-true-comparison
        self.assertTrue(1 == 1)  # noqa:TST
        # positive: a noqa for another code suppresses nothing here
        self.assertTrue(2 == 2)  # noqa: TST003  # [TST001]
