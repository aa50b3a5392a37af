#!/usr/bin/python3
"""An SMTP server for the tests that needs what a hospital's relay needs: authentication (AUTH
PLAIN / LOGIN with one account) and, when given a certificate, TLS from the start (SMTPS).
Messages go to a Maildir, as `python3 -m aiosmtpd -c aiosmtpd.handlers.Mailbox` does.

usage: secure_smtp_server.py HOST PORT MAILDIR USER PASSWORD [CERT KEY]
"""
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword


def main():
    host, port, maildir, user, password = sys.argv[1:6]
    cert, key = (sys.argv[6], sys.argv[7]) if len(sys.argv) > 7 else (None, None)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login == user.encode()
              and auth_data.password == password.encode())
        return AuthResult(success=ok, handled=False)

    context = None
    if cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
    controller = Controller(Mailbox(maildir), hostname=host, port=int(port), ssl_context=context,
                            authenticator=authenticator, auth_required=True, auth_require_tls=False)
    controller.start()
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    stopped.wait()
    controller.stop()


if __name__ == "__main__":
    main()
