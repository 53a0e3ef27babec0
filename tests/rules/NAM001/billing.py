"""Invoice calculations for the billing service (snake_case dominates here)."""
from decimal import ROUND_HALF_UP, Decimal

from billing.base import BaseGateway

# negative: module-level variables are not own names
defaultCurrency = "EUR"
requestCount = 0


def compute_total(line_items, tax_rate):
    sub_total = sum(item.amount for item in line_items)
    return (sub_total * (1 + tax_rate)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def apply_discount(total, discount_rate):
    discounted = total * (1 - discount_rate)
    return max(discounted, Decimal(0))


# positive (two findings): a camelCase function name and a camelCase parameter
def formatAmount(amount, currencyCode=None):  # [NAM001, NAM001]
    currency_code = currencyCode or defaultCurrency
    return f"{amount:.2f} {currency_code}"


def format_line(line_item):
    return f"{line_item.name}: {formatAmount(line_item.amount)}"


def invoice_lines(invoice):
    rows = []
    # positive: a camelCase for-loop target
    for lineItem in invoice.items:  # [NAM001]
        rows.append(format_line(lineItem))
    return rows


def count_taxable(invoice):
    # positive: the same name bound in another function is flagged again (once per scope)
    taxable = [lineItem for lineItem in invoice.items if lineItem.taxable]  # [NAM001]
    return len(taxable)


def track_request():
    # negative: a name declared global is a module-level variable
    global requestCount
    requestCount += 1


class InvoiceClient:
    """Thin wrapper over the invoicing HTTP API."""

    # negative: class attributes and self attributes are not own names
    maxRetries = 3

    def __init__(self, http):
        self.http = http
        self.lastError = None

    # negative: fetchInvoices is called on another object below, so it is inherited
    def fetchInvoices(self, customer_id):
        return self.http.getJson(f"/invoices?customer={customer_id}")

    # positive: a camelCase method of a class without an imported base
    def cancelInvoice(self, invoice_id):  # [NAM001]
        return self.http.post(f"/invoices/{invoice_id}/cancel")


def overdue_invoices(client, customer_id):
    invoices = client.fetchInvoices(customer_id)
    return [inv for inv in invoices if inv.overdue]


class StripeGateway(BaseGateway):
    # negative: a public camelCase method of a class with an imported base overrides its API
    def chargeCard(self, card_token, amount):
        return self.client.charges.create(source=card_token, amount=amount)

    # positive: a private camelCase method is not presumed to override anything
    def _buildPayload(self, card_token, amount):  # [NAM001]
        return {"source": card_token, "amount": int(amount * 100)}
