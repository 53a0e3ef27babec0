"""Test code is checked too (no test-code flag)."""
import xml.etree.ElementTree as ET


def test_total_is_read(invoice_body):
    # positive: in a test file
    assert ET.fromstring(invoice_body).findtext("total") == "12.50"  # [SEC012]
