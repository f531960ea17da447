"""Signs one request with botocore's SigV4Auth at a fixed time and prints the Authorization header.

Reads JSON on stdin: method, url, headers (object), body_base64, access_key, secret_key, token,
region, service, time (yyyymmddThhmmssZ). The tests compare the answer with Medallion's signer.
"""
import base64
import datetime
import json
import sys

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

spec = json.load(sys.stdin)
fixed = datetime.datetime.strptime(spec["time"], "%Y%m%dT%H%M%SZ")
botocore.auth.get_current_datetime = lambda *args, **kwargs: fixed
request = AWSRequest(method=spec["method"], url=spec["url"], data=base64.b64decode(spec["body_base64"]), headers=spec["headers"])
credentials = Credentials(spec["access_key"], spec["secret_key"], spec.get("token"))
botocore.auth.SigV4Auth(credentials, spec["service"], spec["region"]).add_auth(request)
print(request.headers["Authorization"])
