#!/usr/bin/env python3
"""A loopback SMTP server for Cageot's mail tests (aiosmtpd).

Writes every message it accepts to FOLDER as 001.eml, 002.eml… with the envelope beside it in
001.json ({"from": …, "to": […]}). --answer CODE:LOCALPART makes it refuse the recipients whose
local part is LOCALPART with CODE (451 → try later, 550 → no such mailbox). --tls CERT KEY makes
it require STARTTLS with that certificate; --login USER:PASSWORD makes it require AUTH (PLAIN or
LOGIN, only over TLS) with those credentials; the envelope then records "tls" and "user". Listens
on 127.0.0.1 on a free port, prints the port on stdout, and stops when its stdin is closed.
"""
import argparse, asyncio, json, os, ssl, sys, threading

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Sink:
    def __init__(self, folder, answers):
        self.folder, self.answers, self.count = folder, answers, 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        code = self.answers.get(address.split("@")[0])
        if code == "451":
            return "451 4.3.0 Mailbox busy, try again later"
        if code == "550":
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.folder, f"{self.count:03}")
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".json", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos, "tls": session.ssl is not None,
                       "user": session.auth_data.decode() if isinstance(session.auth_data, bytes) else session.auth_data}, f)
        return "250 Message accepted"


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--answer", action="append", default=[], help="CODE:LOCALPART")
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--login", metavar="USER:PASSWORD")
    args = parser.parse_args()
    answers = {local: code for code, local in (a.split(":", 1) for a in args.answer)}
    handler = Sink(args.folder, answers)
    options = {}
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*args.tls)
        options.update(tls_context=context, require_starttls=True)
    if args.login:
        user, password = args.login.split(":", 1)

        def authenticator(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password
            return AuthResult(success=ok, handled=False, auth_data=user if ok else None)

        options.update(authenticator=authenticator, auth_required=True, auth_require_tls=bool(args.tls))
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, hostname="cageot-test", decode_data=False, **options),
                                      host="127.0.0.1", port=0)
    print(server.sockets[0].getsockname()[1], flush=True)
    threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    await asyncio.Event().wait()


asyncio.run(main())
