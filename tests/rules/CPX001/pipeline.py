"""Import pipeline construction and statistics."""
import logging

log = logging.getLogger(__name__)


# positive: 25 lines of two `;`-separated statements plus a return: 51 statements
def reset_counters(stats):  # [CPX001]
    stats.requests = 0; stats.errors = 0
    stats.timeouts = 0; stats.retries = 0
    stats.bytes_in = 0; stats.bytes_out = 0
    stats.cache_hits = 0; stats.cache_misses = 0
    stats.db_queries = 0; stats.db_errors = 0
    stats.slow_queries = 0; stats.logins = 0
    stats.logouts = 0; stats.failed_logins = 0
    stats.signups = 0; stats.emails_sent = 0
    stats.emails_failed = 0; stats.jobs_queued = 0
    stats.jobs_done = 0; stats.jobs_failed = 0
    stats.uploads = 0; stats.downloads = 0
    stats.redirects = 0; stats.not_found = 0
    stats.server_errors = 0; stats.rate_limited = 0
    stats.websocket_opens = 0; stats.websocket_closes = 0
    stats.payments = 0; stats.refunds = 0
    stats.peak_rps = 0; stats.peak_latency = 0
    stats.p50 = 0; stats.p90 = 0
    stats.p99 = 0; stats.open_files = 0
    stats.threads = 0; stats.gc_runs = 0
    stats.gc_time = 0; stats.queue_depth = 0
    stats.queue_peak = 0; stats.workers_busy = 0
    stats.workers_idle = 0; stats.restarts = 0
    stats.config_reloads = 0; stats.cert_renewals = 0
    stats.dns_errors = 0; stats.tls_errors = 0
    stats.proxy_errors = 0; stats.upstream_errors = 0
    return stats


# negative: 47 statements, a nested def counted as 1, and 2 more: 50
def build_pipeline(config):
    steps = []
    name = config.get("name", "default")
    if config.get("id_enabled"):
        steps.append("id")
    if config.get("first_name_enabled"):
        steps.append("first_name")
    if config.get("last_name_enabled"):
        steps.append("last_name")
    if config.get("email_enabled"):
        steps.append("email")
    if config.get("phone_enabled"):
        steps.append("phone")
    if config.get("mobile_enabled"):
        steps.append("mobile")
    if config.get("fax_enabled"):
        steps.append("fax")
    if config.get("company_enabled"):
        steps.append("company")
    if config.get("job_title_enabled"):
        steps.append("job_title")
    if config.get("department_enabled"):
        steps.append("department")
    if config.get("street_enabled"):
        steps.append("street")
    if config.get("street2_enabled"):
        steps.append("street2")
    if config.get("city_enabled"):
        steps.append("city")
    if config.get("state_enabled"):
        steps.append("state")
    if config.get("postal_code_enabled"):
        steps.append("postal_code")
    if config.get("country_enabled"):
        steps.append("country")
    if config.get("region_enabled"):
        steps.append("region")
    if config.get("timezone_enabled"):
        steps.append("timezone")
    if config.get("language_enabled"):
        steps.append("language")
    if config.get("currency_enabled"):
        steps.append("currency")
    if config.get("vat_id_enabled"):
        steps.append("vat_id")
    if config.get("payment_terms_enabled"):
        steps.append("payment_terms")
    log.info("pipeline %s has %d steps", name, len(steps))

    # positive: the nested function has 51 statements of its own
    def transform(record):  # [CPX001]
        out = {}
        out["id"] = record.get("id")
        out["first_name"] = record.get("first_name")
        out["last_name"] = record.get("last_name")
        out["email"] = record.get("email")
        out["phone"] = record.get("phone")
        out["mobile"] = record.get("mobile")
        out["fax"] = record.get("fax")
        out["company"] = record.get("company")
        out["job_title"] = record.get("job_title")
        out["department"] = record.get("department")
        out["street"] = record.get("street")
        out["street2"] = record.get("street2")
        out["city"] = record.get("city")
        out["state"] = record.get("state")
        out["postal_code"] = record.get("postal_code")
        out["country"] = record.get("country")
        out["region"] = record.get("region")
        out["timezone"] = record.get("timezone")
        out["language"] = record.get("language")
        out["currency"] = record.get("currency")
        out["vat_id"] = record.get("vat_id")
        out["payment_terms"] = record.get("payment_terms")
        out["account_manager"] = record.get("account_manager")
        out["segment"] = record.get("segment")
        out["industry"] = record.get("industry")
        out["website"] = record.get("website")
        out["source"] = record.get("source")
        out["campaign"] = record.get("campaign")
        out["created_at"] = record.get("created_at")
        out["updated_at"] = record.get("updated_at")
        out["last_order_at"] = record.get("last_order_at")
        out["notes"] = record.get("notes")
        out["status"] = record.get("status")
        out["rating"] = record.get("rating")
        out["parent_id"] = record.get("parent_id")
        out["billing_email"] = record.get("billing_email")
        out["shipping_method"] = record.get("shipping_method")
        out["price_list"] = record.get("price_list")
        out["warehouse"] = record.get("warehouse")
        out["sales_rep"] = record.get("sales_rep")
        out["legacy_code"] = record.get("legacy_code")
        out["twitter"] = record.get("twitter")
        out["linkedin"] = record.get("linkedin")
        out["birthday"] = record.get("birthday")
        out["gender"] = record.get("gender")
        out["salutation"] = record.get("salutation")
        out["middle_name"] = record.get("middle_name")
        out["nickname"] = record.get("nickname")
        out["imported"] = True
        return out

    steps.append(transform)
    return steps


class CustomerExporter:
    """Streams customers to the data warehouse."""

    def __init__(self, stream):
        self.stream = stream

    # positive: an async method with 51 statements
    async def export(self, customer):  # [CPX001]
        lines = []
        lines.append(f"id={customer.id}")
        lines.append(f"first_name={customer.first_name}")
        lines.append(f"last_name={customer.last_name}")
        lines.append(f"email={customer.email}")
        lines.append(f"phone={customer.phone}")
        lines.append(f"mobile={customer.mobile}")
        lines.append(f"fax={customer.fax}")
        lines.append(f"company={customer.company}")
        lines.append(f"job_title={customer.job_title}")
        lines.append(f"department={customer.department}")
        lines.append(f"street={customer.street}")
        lines.append(f"street2={customer.street2}")
        lines.append(f"city={customer.city}")
        lines.append(f"state={customer.state}")
        lines.append(f"postal_code={customer.postal_code}")
        lines.append(f"country={customer.country}")
        lines.append(f"region={customer.region}")
        lines.append(f"timezone={customer.timezone}")
        lines.append(f"language={customer.language}")
        lines.append(f"currency={customer.currency}")
        lines.append(f"vat_id={customer.vat_id}")
        lines.append(f"payment_terms={customer.payment_terms}")
        lines.append(f"account_manager={customer.account_manager}")
        lines.append(f"segment={customer.segment}")
        lines.append(f"industry={customer.industry}")
        lines.append(f"website={customer.website}")
        lines.append(f"source={customer.source}")
        lines.append(f"campaign={customer.campaign}")
        lines.append(f"created_at={customer.created_at}")
        lines.append(f"updated_at={customer.updated_at}")
        lines.append(f"last_order_at={customer.last_order_at}")
        lines.append(f"notes={customer.notes}")
        lines.append(f"status={customer.status}")
        lines.append(f"rating={customer.rating}")
        lines.append(f"parent_id={customer.parent_id}")
        lines.append(f"billing_email={customer.billing_email}")
        lines.append(f"shipping_method={customer.shipping_method}")
        lines.append(f"price_list={customer.price_list}")
        lines.append(f"warehouse={customer.warehouse}")
        lines.append(f"sales_rep={customer.sales_rep}")
        lines.append(f"legacy_code={customer.legacy_code}")
        lines.append(f"twitter={customer.twitter}")
        lines.append(f"linkedin={customer.linkedin}")
        lines.append(f"birthday={customer.birthday}")
        lines.append(f"gender={customer.gender}")
        lines.append(f"salutation={customer.salutation}")
        lines.append(f"middle_name={customer.middle_name}")
        payload = "\n".join(lines)
        await self.stream.write(payload.encode())
        return len(lines)
