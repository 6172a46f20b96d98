#!/usr/bin/env python3
"""A small SMTP server that keeps every message it accepts, for the reliability scripts.

The crash and two-node tests point Kyodo's mail sender at it and then compare what arrived with the outbox: every
notice the database marks sent arrived, and none arrived twice (docs/reliability.md). It speaks just enough SMTP for
Jakarta Mail (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no TLS, no AUTH) and appends one JSON line per message
(Message-ID, recipients, subject) to the file given. Standard library only: the scripts run where nothing else is
installed.

Usage: smtp_sink.py --port 2525 --out messages.jsonl
"""
import argparse
import email
import email.header
import email.policy
import json
import socketserver
import threading

lock = threading.Lock()


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode("ascii"))
        self.wfile.flush()

    def handle(self):
        self.reply("220 kyodo-smtp-sink ready")
        sender, recipients = None, []
        while True:
            raw = self.rfile.readline(65536)
            if not raw:
                return
            command = raw.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb == "EHLO":
                self.wfile.write(b"250-kyodo-smtp-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
                self.wfile.flush()
            elif verb == "HELO":
                self.reply("250 kyodo-smtp-sink")
            elif verb == "MAIL":
                sender, recipients = command[10:].strip(), []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command[8:].strip().split(">")[0].lstrip("<"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                lines = []
                while True:
                    line = self.rfile.readline(1 << 20)
                    if not line or line in (b".\r\n", b".\n"):
                        break
                    lines.append(line[1:] if line.startswith(b"..") else line)
                self.keep(b"".join(lines), recipients)
                self.reply("250 OK queued")
                sender, recipients = None, []
            elif verb == "RSET":
                sender, recipients = None, []
                self.reply("250 OK")
            elif verb == "NOOP":
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")

    def keep(self, data, recipients):
        message = email.message_from_bytes(data, policy=email.policy.default)
        record = {"messageId": str(message.get("Message-ID", "")).strip(), "to": recipients,
                  "subject": str(message.get("Subject", ""))}
        with lock:
            with open(self.server.out, "a", encoding="utf-8") as out:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=2525)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    with Server(("127.0.0.1", args.port), Session) as server:
        server.out = args.out
        server.serve_forever()


if __name__ == "__main__":
    main()
