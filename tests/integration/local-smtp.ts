// A local SMTP server (smtp-server) for the e-mail tests: it keeps every message it receives, decoded
// (subject and plain-text body), with its envelope's recipients.
import net from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; subject: string; body: string };

/** The decoded text of a single-part message (nodemailer picks quoted-printable or base64). */
export function parseMessage(raw: string): { subject: string; body: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const bodyRaw = raw.slice(split + 4);
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  const body =
    encoding === "base64"
      ? Buffer.from(bodyRaw, "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? Buffer.from(
            bodyRaw.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
            "latin1",
          ).toString("utf8")
        : bodyRaw;
  const subjectRaw = /^subject:\s*(.*)$/im.exec(head)?.[1] ?? "";
  const subject = subjectRaw.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
    kind.toLowerCase() === "b"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
  return { subject, body: body.replace(/\r\n/g, "\n") };
}

export type LocalSmtp = { port: number; received: ReceivedMail[]; stop(): Promise<void> };

/**
 * Listens on `port` (0: any free one). A test that stops the server and starts it again on the same
 * port passes the same `received`, so the messages of both runs stay in one list.
 */
export async function startLocalSmtp(port = 0, received: ReceivedMail[] = []): Promise<LocalSmtp> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parseMessage(Buffer.concat(chunks).toString("latin1")),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port: (server.server.address() as net.AddressInfo).port,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
