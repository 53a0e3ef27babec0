"""Test code is checked too: disabling verification in tests still hides problems."""
import requests


def test_fetch_against_staging():
    # positive: in a test file
    response = requests.get("https://staging.example.com", verify=False, timeout=3)  # [SEC007]
    assert response.ok
