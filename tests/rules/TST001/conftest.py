"""Shared pytest fixtures and helpers (conftest.py is a test file)."""
import unittest

import pytest

tc = unittest.TestCase()


@pytest.fixture
def client():
    from shop.api import Client

    return Client("https://api.example.test")


def assert_status(resp, expected):
    # positive: conftest.py is a test file, so its module-level helpers are test code
    tc.assertTrue(resp.status_code == expected)  # [TST001]


def assert_page(resp, size):
    # negative: already the specific assertion
    tc.assertLessEqual(len(resp.items), size)
