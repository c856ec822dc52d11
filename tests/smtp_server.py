"""A local mail server speaking enough SMTP for Django's SMTP backend: it records
each message it accepts. `hang=True` makes one that accepts connections and never
answers (a mail server that is slow or stuck)."""

import socketserver
import threading


class _Session(socketserver.StreamRequestHandler):
    def handle(self):
        server = self.server
        if server.hang:
            server.hung.wait(30)
            return
        self.reply("220 test mail server")
        while line := self.rfile.readline():
            command = line.decode("utf-8", "replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 test mail server")
            elif command.startswith(("MAIL", "RCPT", "RSET", "NOOP")):
                self.reply("250 OK")
            elif command == "DATA":
                self.reply("354 go ahead")
                server.messages.append(self.read_message())
                self.reply("250 OK: queued")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")

    def read_message(self):
        lines = []
        while (line := self.rfile.readline()) not in (b".\r\n", b""):
            lines.append(line)
        return b"".join(lines).decode("utf-8", "replace")

    def reply(self, text):
        self.wfile.write(f"{text}\r\n".encode())


class MailServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, hang=False):
        super().__init__(("127.0.0.1", 0), _Session)
        self.hang = hang
        self.hung = threading.Event()
        self.messages = []
        self.port = self.server_address[1]

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.hung.set()
        self.shutdown()
        self.server_close()
