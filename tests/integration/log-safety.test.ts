// Issue 10, finding 9 (logs): a failing API or webhook handler must not write the error object to the log, because
// errors carry personal data. A Prisma validation error, for instance, prints the whole call it refused, values
// included. Here the real handlers meet real errors on a real database: an /api/v1 handler whose query Prisma
// refuses, and a webhook whose database fails under it. Everything written to the console and to stdout/stderr
// meanwhile is captured and searched for the person's address, name and phone number; what is logged instead must
// still say which error it was.
import { format } from "node:util";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { withApiKey } from "@/lib/api/respond";
import type { Db } from "@/lib/db/client";
import { handleResendWebhook } from "@/lib/webhooks/handle-resend-webhook";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeStaffUser, unique } from "../factories";

const SECRET = `whsec_${Buffer.from("log-safety-webhook-secret-32-bytes!!").toString("base64")}`;
let t: TestDb;
let captured: string[] = [];

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

type Person = { email: string; name: string; phone: string };

/** A person in the register with an address, a name and a phone number, all the test's own. */
async function makePerson(): Promise<Person> {
  const u = unique();
  const { id } = await makeContact(t.db, {
    name: `Lena ${u} Svensson`,
    phone: `+46701${String(100000 + Math.floor(Math.random() * 900000))}`,
  });
  const c = await t.db.contact.findUniqueOrThrow({ where: { id } });
  return { email: c.email, name: c.name, phone: c.phone! };
}

/** A WRITE key made by an administrator of the test's own. */
async function makeKey(): Promise<string> {
  const admin = await makeStaffUser(t.db, "ADMIN");
  const created = await createApiKey({
    db: t.db,
    input: { name: "log test", scope: "WRITE" },
    actor: { type: "STAFF", id: admin.id },
  });
  if (!created.ok) throw new Error("no key");
  return created.key;
}

beforeEach(() => {
  captured = [];
  for (const method of ["log", "info", "warn", "error", "debug"] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void captured.push(format(...args)));
  for (const stream of [process.stdout, process.stderr])
    vi.spyOn(stream, "write").mockImplementation((chunk: unknown) => {
      captured.push(String(chunk));
      return true;
    });
});
afterEach(() => vi.restoreAllMocks());

function expectNoPersonalData(output: string, PERSON: Person) {
  for (const value of [PERSON.email, PERSON.name, PERSON.phone]) expect(output).not.toContain(value);
}

describe("a failing /api/v1 handler", () => {
  it("logs the error's kind, not the refused query with the person's data in it", async () => {
    const PERSON = await makePerson();
    const key = await makeKey();
    const request = new Request("https://prefs.example.com/api/v1/contacts", {
      method: "PUT",
      headers: { authorization: `Bearer ${key}`, "x-request-id": "req-log-safety-1" },
    });
    const response = await withApiKey({ db: t.db, request }, "WRITE", async () => {
      // A bug of the kind that reaches production: a field the schema does not have. Prisma's error message quotes
      // the whole call, values included.
      await t.db.contact.create({
        data: { email: PERSON.email, name: PERSON.name, phone: PERSON.phone, nickname: PERSON.name } as never,
      });
      return new Response(null, { status: 204 });
    });
    const output = captured.join("\n");
    vi.restoreAllMocks();
    expect(response.status).toBe(500);
    expectNoPersonalData(output, PERSON);
    expect(output).toContain("PrismaClientValidationError");
    expect(output).toContain("req-log-safety-1");
  });
});

describe("a failing webhook", () => {
  it("logs the error's kind, not the event or the database's complaint about it", async () => {
    const PERSON = await makePerson();
    const body = JSON.stringify({
      type: "email.bounced",
      created_at: new Date().toISOString(),
      data: {
        created_at: new Date().toISOString(),
        email_id: "4ef9a417-02e9-4d39-ad75-9611e0fcc33c",
        from: "Tillit <noreply@tillit.example>",
        to: [PERSON.email],
        subject: "Hej",
        bounce: { type: "Permanent", subType: "General", message: `550 ${PERSON.email} unknown` },
      },
    });
    const at = new Date();
    const request = new Request("https://prefs.example.com/api/webhooks/resend", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "svix-id": "msg_log_safety",
        "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
        "svix-signature": new Webhook(SECRET).sign("msg_log_safety", at, body),
      },
      body,
    });
    // The database refuses every query with an error that quotes the person (as a constraint or trigger message
    // quoting a value would).
    const failing = new Proxy(t.db, {
      get(target, prop, receiver) {
        if (prop === "$transaction" || prop === "webhookEvent" || prop === "delivery" || prop === "contact")
          throw Object.assign(new Error(`duplicate key value (email)=(${PERSON.email}) for ${PERSON.name}`), {
            code: "23505",
          });
        return Reflect.get(target, prop, receiver) as unknown;
      },
    }) as Db;
    const response = await handleResendWebhook({
      db: failing,
      request,
      secret: SECRET,
      suppressionKey: "k".repeat(40),
    });
    const output = captured.join("\n");
    vi.restoreAllMocks();
    expect(response.status).toBe(500);
    expectNoPersonalData(output, PERSON);
    expect(output).toContain("23505");
  });
});
