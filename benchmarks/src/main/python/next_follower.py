#!/usr/bin/env python3
"""The naive sequential reader EndToEnd compares scripts/export with: what most REST extractors
do. It gets a token, asks for the first page of customers, and follows `next` one page at a
time, writing each customer as a line of JSON; on a 401 (the token expired) it gets a new token
once and asks again. Standard library only.

    FORMALOO_API_KEY=... FORMALOO_API_SECRET=... next_follower.py BASE_URL BUSINESS OUT.jsonl
"""
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

base_url, business, out_path = sys.argv[1], sys.argv[2], sys.argv[3]
key, secret = os.environ["FORMALOO_API_KEY"], os.environ["FORMALOO_API_SECRET"]


def token():
    request = urllib.request.Request(
        base_url + "/oauth2/authorization-token/",
        data=b"grant_type=client_credentials",
        headers={"Authorization": "Basic " + secret, "x-api-key": key},
        method="POST")
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)["authorization_token"]


def get(url, jwt):
    request = urllib.request.Request(url, headers={"Authorization": "JWT " + jwt, "x-api-key": key})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


jwt = token()
url = base_url + "/customers/?" + urllib.parse.urlencode({"active_business": business, "page_size": 100})
records = 0
with open(out_path, "w") as out:
    while url:
        try:
            page = get(url, jwt)
        except urllib.error.HTTPError as e:
            if e.code != 401:
                raise
            jwt = token()
            page = get(url, jwt)
        for customer in page["customers"]:
            out.write(json.dumps(customer) + "\n")
            records += 1
        url = page.get("next")
print(f"next_follower: {records} customers")
