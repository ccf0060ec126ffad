// The outbox transport (default in development and tests) and the dev mailbox's use-cases, on a real database.
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import SecureLinkEmail from "@/emails/secure-link";
import { getConfig } from "@/lib/env/config";
import { buildUnsubscribeHeaders } from "@/lib/mail/build-unsubscribe-headers";
import { createTransport } from "@/lib/mail/create-transport";
import { defaultSender } from "@/lib/mail/default-sender";
import { getOutboxMessage } from "@/lib/mail/get-outbox-message";
import { isDevMailboxEnabled } from "@/lib/mail/is-dev-mailbox-enabled";
import { loadConfig } from "@/lib/env/config";
import { listOutboxMessages } from "@/lib/mail/list-outbox-messages";
import { sendMail } from "@/lib/mail/send-mail";
import { sendMailBatch } from "@/lib/mail/send-mail-batch";
import { createTestDb, type TestDb } from "../support/db";

const FROM = "Tillit <noreply@tillit.test>";
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const outbox = () => createTransport({ config: { transport: "outbox", from: FROM }, db: t.db });

describe("outbox transport", () => {
  it("stores a rendered mail with HTML, text, headers and tags", async () => {
    const url = "https://prefs.example.com/s/tok-outbox-1";
    const result = await sendMail({
      db: t.db,
      transport: outbox(),
      message: {
        to: ["stina@example.se"],
        subject: "Din säkra länk",
        react: createElement(SecureLinkEmail, { url, expiresInMinutes: 15, language: "sv" }),
        headers: { "X-Entity-Ref-ID": "abc-1" },
        tags: [{ name: "category", value: "secure-link" }],
      },
    });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.ids[0]! : "";

    const row = await t.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      to: ["stina@example.se"],
      from: FROM,
      subject: "Din säkra länk",
      headers: { "X-Entity-Ref-ID": "abc-1" },
      tags: [{ name: "category", value: "secure-link" }],
    });
    expect(row.html).toMatch(/^<!DOCTYPE html/);
    expect(row.html).toContain('<html dir="ltr" lang="sv">');
    expect(row.html).toContain(`href="${url}"`);
    expect(row.html).toContain("15 minuter");
    expect(row.text).toContain(url);
    expect(row.text).toContain("Den gäller i 15 minuter.");
    expect(row.text).not.toContain("<");
  });

  it("uses the configured transport when none is given (outbox in tests)", async () => {
    expect(getConfig().mail.transport).toBe("outbox");
    const result = await sendMail({
      db: t.db,
      message: { to: "default@example.com", subject: "Default transport", html: "<p>d</p>", text: "d" },
    });
    expect(result.ok).toBe(true);
    const stored = await listOutboxMessages({ db: t.db, to: "default@example.com" });
    // No MAIL_FROM in the test configuration: the policy file's sender (the reference customer's by default).
    expect(defaultSender()).toBe('"Elastx" <noreply@tillit.localhost>');
    expect(stored.map((m) => [m.subject, m.from])).toEqual([["Default transport", defaultSender()]]);
  });

  it("stores a batch, one row per message, in one statement", async () => {
    const unsubscribe = "https://prefs.example.com/u/tok-b";
    const messages = ["b1", "b2", "b3"].map((n) => ({
      to: `${n}@batch.example.com`,
      subject: `Batch ${n}`,
      html: `<p>${n}</p>`,
      text: n,
      headers: buildUnsubscribeHeaders(unsubscribe),
    }));
    const result = await sendMailBatch({ db: t.db, transport: outbox(), messages, idempotencyKey: "batch-1" });
    expect(result.ok && result.ids).toHaveLength(3);
    const rows = await t.db.outboxMessage.findMany({
      where: { id: { in: result.ok ? result.ids : [] } },
      orderBy: { subject: "asc" },
    });
    expect(rows.map((r) => [r.to, r.subject, r.text])).toEqual([
      [["b1@batch.example.com"], "Batch b1", "b1"],
      [["b2@batch.example.com"], "Batch b2", "b2"],
      [["b3@batch.example.com"], "Batch b3", "b3"],
    ]);
    expect(rows[0]!.headers).toEqual({
      "List-Unsubscribe": `<${unsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("stores nothing for an invalid message", async () => {
    const before = await t.db.outboxMessage.count();
    const result = await sendMail({
      db: t.db,
      transport: outbox(),
      message: { to: "x@example.com", subject: "Bad\r\nBcc: y@example.com", html: "<p/>", text: "" },
    });
    expect(result).toMatchObject({ ok: false, code: "invalid_message" });
    expect(await t.db.outboxMessage.count()).toBe(before);
  });

  it("stores mail in the caller's transaction, and drops it when the transaction rolls back", async () => {
    const to = "tx@example.com";
    await expect(
      t.db.$transaction(async (tx) => {
        const r = await sendMail({
          db: tx,
          transport: createTransport({ config: { transport: "outbox", from: FROM }, db: tx }),
          message: { to, subject: "In tx", html: "<p/>", text: "t" },
        });
        expect(r.ok).toBe(true);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await listOutboxMessages({ db: t.db, to })).toEqual([]);
  });
});

describe("dev mailbox use-cases", () => {
  const to = "list@example.com";

  beforeAll(async () => {
    const base = Date.UTC(2026, 0, 1, 12, 0, 0);
    // Inserted out of order with explicit times, so the order comes from the query, not the insert.
    for (const [i, minutes] of [1, 3, 2].entries()) {
      await t.db.outboxMessage.create({
        data: {
          to: [to, "cc@example.com"],
          from: FROM,
          subject: `List ${minutes}`,
          html: `<html lang="en"><p>${i}</p></html>`,
          text: `${i}`,
          headers: { "X-N": String(minutes) },
          createdAt: new Date(base + minutes * 60_000),
        },
      });
    }
    await t.db.outboxMessage.create({
      data: {
        to: ["other@example.com"],
        from: FROM,
        subject: "Other",
        html: "<p/>",
        text: "",
        headers: {},
        createdAt: new Date(base + 10 * 60_000),
      },
    });
  });

  it("lists newest first and filters by recipient", async () => {
    const mine = await listOutboxMessages({ db: t.db, to });
    expect(mine.map((m) => m.subject)).toEqual(["List 3", "List 2", "List 1"]);
    expect(mine[0]).toEqual({
      id: expect.any(String),
      to: [to, "cc@example.com"],
      from: FROM,
      subject: "List 3",
      headers: { "X-N": "3" },
      html: '<html lang="en"><p>1</p></html>',
      text: "1",
      createdAt: new Date(Date.UTC(2026, 0, 1, 12, 3, 0)),
    });
    expect((await listOutboxMessages({ db: t.db, to: "cc@example.com" })).map((m) => m.subject)).toEqual([
      "List 3",
      "List 2",
      "List 1",
    ]);
    expect(await listOutboxMessages({ db: t.db, to: "nobody@example.com" })).toEqual([]);
  });

  it("limits the list and orders all mail by time", async () => {
    const all = await listOutboxMessages({ db: t.db });
    const times = all.map((m) => m.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await listOutboxMessages({ db: t.db, to, limit: 2 })).map((m) => m.subject)).toEqual(["List 3", "List 2"]);
  });

  it("gets one message by id, and null for an unknown id", async () => {
    const [newest] = await listOutboxMessages({ db: t.db, to, limit: 1 });
    expect(await getOutboxMessage({ db: t.db, id: newest!.id })).toEqual(newest);
    expect(await getOutboxMessage({ db: t.db, id: "does-not-exist" })).toBeNull();
  });

  it("exists only while the outbox transport is active, and never in production", () => {
    expect(isDevMailboxEnabled({ mail: { transport: "outbox", from: FROM }, devMailbox: true })).toBe(true);
    expect(isDevMailboxEnabled({ mail: { transport: "resend", from: FROM, apiKey: "re_x" }, devMailbox: true })).toBe(
      false,
    );
    expect(isDevMailboxEnabled()).toBe(true); // the test configuration
    const prod = {
      NODE_ENV: "production",
      PUBLIC_URL: "https://p.example",
      AUTH_SECRET: "s".repeat(32),
      SUPPRESSION_HMAC_KEY: "s".repeat(32),
      LINK_SIGNING_KEYS: `k:${"s".repeat(32)}`,
    };
    expect(isDevMailboxEnabled(loadConfig({ ...prod, MAIL_TRANSPORT: "outbox" }))).toBe(false);
    expect(() => loadConfig({ ...prod, MAIL_TRANSPORT: "outbox", DEV_MAILBOX: "1" })).toThrow(/DEV_MAILBOX: never/);
    expect(() => loadConfig({ ...prod, RESEND_API_KEY: "re_x", DEV_MAILBOX: "1" })).toThrow(/DEV_MAILBOX: never/);
  });
});
