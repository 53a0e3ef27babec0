"""Client for the legacy inventory bridge (camelCase house style dominates here)."""
import json
import logging
from datetime import datetime

logger = logging.getLogger(__name__)
_transport = None


def setTransport(newTransport):
    global _transport
    _transport = newTransport


def post(path, body):
    logger.debug("POST %s", path)
    return _transport.send(path, body)


def getItem(itemId, includeStock=False):
    requestBody = json.dumps({"id": itemId, "stock": includeStock})
    responseText = post("/getItem", requestBody)
    return json.loads(responseText)


def saveItem(itemRecord):
    payloadText = json.dumps(itemRecord)
    return post("/saveItem", payloadText)


def getPage(pageNumber, pageSize):
    return json.loads(post("/listItems", json.dumps({"page": pageNumber, "size": pageSize})))


# positive (two findings): a snake_case function and parameter in a camelCase module
def parse_date(date_text):  # date_text: a public parameter, never flagged # [NAM001]
    return datetime.strptime(date_text, "%Y-%m-%d")


def listItems(pageSize=50):
    # positive: a snake_case local variable, flagged once at its first binding
    page_items = []  # [NAM001]
    pageNumber = 0
    while True:
        batch = getPage(pageNumber, pageSize)
        if not batch:
            return page_items
        page_items = page_items + batch
        pageNumber += 1
