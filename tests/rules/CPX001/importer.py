"""Maps rows of the legacy CRM export onto customer records."""
import functools
import logging

log = logging.getLogger(__name__)


# negative: exactly 50 statements; the docstring, decorator and comments do not count
@functools.lru_cache(maxsize=None)
def map_legacy_customer(row):
    """Map one row of the 2014 export format."""
    record = {}
    # Numeric and flag columns first, then the free-text ones.
    record["credit_limit"] = float(row.get("CreditLimit") or 0)
    record["employees"] = int(row.get("Employees") or 0)
    record["order_count"] = int(row.get("Orders") or 0)
    record["discount"] = float(row.get("Discount") or 0)
    record["tax_exempt"] = row.get("TaxExempt") == "Y"
    record["newsletter"] = row.get("Newsletter") == "Y"
    record["sms_opt_in"] = row.get("SmsOptIn") == "Y"
    record["id"] = row.get("CustID", "").strip()
    record["first_name"] = row.get("FirstName", "").strip()
    record["last_name"] = row.get("LastName", "").strip()
    record["email"] = row.get("Email", "").strip()
    record["phone"] = row.get("Phone", "").strip()
    record["mobile"] = row.get("Mobile", "").strip()
    record["fax"] = row.get("Fax", "").strip()
    record["company"] = row.get("Company", "").strip()
    record["job_title"] = row.get("JobTitle", "").strip()
    record["department"] = row.get("Department", "").strip()
    record["street"] = row.get("Street", "").strip()
    record["street2"] = row.get("Street2", "").strip()
    record["city"] = row.get("City", "").strip()
    record["state"] = row.get("State", "").strip()
    record["postal_code"] = row.get("Zip", "").strip()
    record["country"] = row.get("Country", "").strip()
    record["region"] = row.get("Region", "").strip()
    record["timezone"] = row.get("TimeZone", "").strip()
    record["language"] = row.get("Language", "").strip()
    record["currency"] = row.get("Currency", "").strip()
    record["vat_id"] = row.get("VatNo", "").strip()
    record["payment_terms"] = row.get("Terms", "").strip()
    record["account_manager"] = row.get("AcctMgr", "").strip()
    record["segment"] = row.get("Segment", "").strip()
    record["industry"] = row.get("Industry", "").strip()
    record["website"] = row.get("Web", "").strip()
    record["source"] = row.get("LeadSource", "").strip()
    record["campaign"] = row.get("Campaign", "").strip()
    record["created_at"] = row.get("Created", "").strip()
    record["updated_at"] = row.get("Modified", "").strip()
    record["last_order_at"] = row.get("LastOrder", "").strip()
    record["notes"] = row.get("Notes", "").strip()
    record["status"] = row.get("Status", "").strip()
    record["rating"] = row.get("Rating", "").strip()
    record["parent_id"] = row.get("ParentID", "").strip()
    record["billing_email"] = row.get("BillingEmail", "").strip()
    record["shipping_method"] = row.get("ShipVia", "").strip()
    record["price_list"] = row.get("PriceList", "").strip()
    record["warehouse"] = row.get("Warehouse", "").strip()
    record["sales_rep"] = row.get("SalesRep", "").strip()
    record["legacy_code"] = row.get("LegacyCode", "").strip()
    return record


# positive: 51 statements
def map_partner_customer(row):  # [CPX001]
    record = {}
    record["credit_limit"] = float(row.get("CreditLimit") or 0)
    record["employees"] = int(row.get("Employees") or 0)
    record["order_count"] = int(row.get("Orders") or 0)
    record["discount"] = float(row.get("Discount") or 0)
    record["tax_exempt"] = row.get("TaxExempt") == "Y"
    record["newsletter"] = row.get("Newsletter") == "Y"
    record["sms_opt_in"] = row.get("SmsOptIn") == "Y"
    record["id"] = row.get("CustID", "").strip()
    record["first_name"] = row.get("FirstName", "").strip()
    record["last_name"] = row.get("LastName", "").strip()
    record["email"] = row.get("Email", "").strip()
    record["phone"] = row.get("Phone", "").strip()
    record["mobile"] = row.get("Mobile", "").strip()
    record["fax"] = row.get("Fax", "").strip()
    record["company"] = row.get("Company", "").strip()
    record["job_title"] = row.get("JobTitle", "").strip()
    record["department"] = row.get("Department", "").strip()
    record["street"] = row.get("Street", "").strip()
    record["street2"] = row.get("Street2", "").strip()
    record["city"] = row.get("City", "").strip()
    record["state"] = row.get("State", "").strip()
    record["postal_code"] = row.get("Zip", "").strip()
    record["country"] = row.get("Country", "").strip()
    record["region"] = row.get("Region", "").strip()
    record["timezone"] = row.get("TimeZone", "").strip()
    record["language"] = row.get("Language", "").strip()
    record["currency"] = row.get("Currency", "").strip()
    record["vat_id"] = row.get("VatNo", "").strip()
    record["payment_terms"] = row.get("Terms", "").strip()
    record["account_manager"] = row.get("AcctMgr", "").strip()
    record["segment"] = row.get("Segment", "").strip()
    record["industry"] = row.get("Industry", "").strip()
    record["website"] = row.get("Web", "").strip()
    record["source"] = row.get("LeadSource", "").strip()
    record["campaign"] = row.get("Campaign", "").strip()
    record["created_at"] = row.get("Created", "").strip()
    record["updated_at"] = row.get("Modified", "").strip()
    record["last_order_at"] = row.get("LastOrder", "").strip()
    record["notes"] = row.get("Notes", "").strip()
    record["status"] = row.get("Status", "").strip()
    record["rating"] = row.get("Rating", "").strip()
    record["parent_id"] = row.get("ParentID", "").strip()
    record["billing_email"] = row.get("BillingEmail", "").strip()
    record["shipping_method"] = row.get("ShipVia", "").strip()
    record["price_list"] = row.get("PriceList", "").strip()
    record["warehouse"] = row.get("Warehouse", "").strip()
    record["sales_rep"] = row.get("SalesRep", "").strip()
    record["legacy_code"] = row.get("LegacyCode", "").strip()
    record["twitter"] = row.get("Twitter", "").strip()
    return record
