#!/usr/bin/env python3
"""Parses an .eml with Python's email package and prints what the mail tests assert, as JSON."""
import base64, json, sys
from email import policy
from email.parser import BytesParser

with open(sys.argv[1], "rb") as f:
    message = BytesParser(policy=policy.default).parse(f)
print(json.dumps({
    "from": str(message["From"]),
    "to": [a.addr_spec for a in message["To"].addresses],
    "toNames": [a.display_name for a in message["To"].addresses],
    "replyTo": str(message["Reply-To"] or ""),
    "subject": str(message["Subject"]),
    "messageID": str(message["Message-ID"]),
    "date": str(message["Date"]),
    "bcc": str(message["Bcc"] or ""),
    "inReplyTo": str(message["In-Reply-To"] or ""),
    "references": str(message["References"] or ""),
    # CRLF is text/plain's canonical form on the wire; compare lines, not line endings.
    "body": message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n"),
    "defects": [type(d).__name__ for part in message.walk() for d in part.defects],
    "attachments": [{"fileName": p.get_filename(), "mimeType": p.get_content_type(),
                     "base64": base64.b64encode(p.get_content()).decode()} for p in message.iter_attachments()],
}))
