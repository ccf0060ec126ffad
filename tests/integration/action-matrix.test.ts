// Every staff server action × every staff role (and signed out) × the caller's own and a foreign resource, driven
// through the real action functions with FormData as the browser sends it, on a real database. The expected outcome
// is written out in MATRIX below, not derived from lib/auth/permissions.ts, so a change there that breaks the rules
// fails here. A "foreign" resource is the same form with its hidden id rewritten to someone else's resource, which is
// exactly what a tampering account manager sends. An action found in app/staff without a row fails the test.
//
// Each test builds its world with the test factories (staff in every role, two account managers' organisations, a
// topic, a segment and a mailing); the resources each call acts on are made for that call.
//
// What is faked: only who is signed in (next-auth's getServerSession answers with the chosen staff member's id; the
// real getCurrentStaff still loads them and checks they are active), the request headers and the database handle
// (getDb answers with this file's test database). Everything after that is the real code.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { recordWorkerHeartbeat, newHeartbeatIdentity } from "@/lib/jobs/worker-heartbeat";
import { toStockholmLocalTime } from "@/lib/time/stockholm-day";
import { createTestDb, type TestDb } from "../support/db";
import {
  makeContact,
  makeMailing,
  makeOrganisation,
  orgNumber,
  makeSegment,
  makeStaffUser,
  makeTopic,
  unique as uniqueName,
} from "../factories";

let t: TestDb;
const session = vi.hoisted(() => ({ staffId: null as string | null, sessionToken: null as string | null }));

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (session.staffId ? { user: { id: session.staffId }, expires: "" } : null),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "accept-language": "en" }),
  cookies: async () => ({
    get: (name: string) =>
      session.sessionToken && name.includes("session-token") ? { name, value: session.sessionToken } : undefined,
    getAll: () => [],
    has: () => false,
    set: () => {},
    delete: () => {},
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: async () => t.db,
}));
// The operator endpoints' token (METRICS_TOKEN); the rest of the configuration is the real one.
const METRICS_TOKEN = vi.hoisted(() => `matrix-metrics-${"m".repeat(40)}`);
vi.mock("@/lib/env/config", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/env/config")>();
  return { ...real, getConfig: () => ({ ...real.getConfig(), metrics: { token: METRICS_TOKEN } }) };
});

const A = "ADMIN",
  P = "PRIVACY_OFFICER",
  M = "ACCOUNT_MANAGER", // Karin: manages Nordlys, not Kvarnby (Johan's)
  K = "MARKETING",
  S = "SUPPORT";
type Role = StaffRole;
const ROLES: Role[] = [A, P, M, K, S];

/** The test's world: a caller in every role, Johan (another account manager), their organisations and marketing's things. */
type World = {
  callers: Record<Role, string>;
  johan: string;
  nordlys: string;
  kvarnby: string;
  kvarnbyName: string;
  newsletter: string;
  segment: string;
  mailing: string;
};
let w: World;

async function makeWorld(): Promise<World> {
  const callers = {} as Record<Role, string>;
  for (const role of ROLES) callers[role] = (await makeStaffUser(t.db, role)).id;
  const johan = (await makeStaffUser(t.db, "ACCOUNT_MANAGER")).id;
  const tag = uniqueName();
  const nordlys = await makeOrganisation(t.db, { name: `Nordlys ${tag} Energi AB`, accountManagerId: callers[M] });
  const kvarnby = await makeOrganisation(t.db, { name: `Kvarnby ${tag} kommun`, accountManagerId: johan });
  const newsletter = (await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] })).id;
  const segment = (await makeSegment(t.db, { filter: { categories: ["CUSTOMER_CONTACT"] }, createdById: callers[K] }))
    .id;
  const mailing = (await makeMailing(t.db, { topicId: newsletter, segmentId: segment, createdById: callers[K] })).id;
  return {
    callers,
    johan,
    nordlys: nordlys.id,
    kvarnby: kvarnby.id,
    kvarnbyName: kvarnby.name,
    newsletter,
    segment,
    mailing,
  };
}

// action (file under app/staff, then export) → roles whose call takes effect on [own resource, foreign resource].
// Signed out, nothing takes effect anywhere.
const MATRIX: Record<string, [own: Role[], foreign: Role[]]> = {
  // Contacts: own = a contact at Nordlys (Karin's), foreign = at Kvarnby (Johan's).
  "contacts/actions.ts#updateContactAction": [
    [A, P, M],
    [A, P],
  ],
  "contacts/actions.ts#changeSubscriptionAction": [
    [A, P, M],
    [A, P],
  ],
  "contacts/actions.ts#revokeLinksAction": [
    [A, P, M],
    [A, P],
  ],
  "contacts/actions.ts#endRoleAction": [
    [A, P, M],
    [A, P],
  ],
  "contacts/actions.ts#eraseContactAction": [
    [A, P],
    [A, P],
  ],
  "contacts/[id]/note-actions.ts#addNoteAction": [
    [A, P, M],
    [A, P],
  ],
  "contacts/[id]/note-actions.ts#deleteNoteAction": [
    [A, P, M],
    [A, P],
  ],
  // A role at Nordlys, added to a Nordlys contact (own) or to a Kvarnby contact (foreign: it would hand it over).
  "contacts/[id]/roles/actions.ts#addRoleAction": [
    [A, P, M],
    [A, P],
  ],
  // A new contact at Nordlys (own) or at Kvarnby (foreign).
  "contacts/new/actions.ts#createContactAction": [
    [A, P, M],
    [A, P],
  ],
  // A file that updates a Nordlys contact (own) or a Kvarnby contact (foreign), "update duplicates".
  "import/actions.ts#importAction": [
    [A, P, M],
    [A, P],
  ],
  // Organisations: own = Karin's, foreign = Johan's.
  "organisations/actions.ts#saveOrganisationAction": [
    [A, P, M],
    [A, P],
  ],
  // Handing the organisation (one of the ticked ones) to no account manager: never account managers, who cannot
  // hand their own away either.
  "organisations/actions.ts#assignAccountManagerAction": [
    [A, P],
    [A, P],
  ],
  // Marketing's resources: own = made by the caller, foreign = made by someone else; the team shares them.
  "mailings/actions.ts#saveMailingAction": [
    [A, P, K],
    [A, P, K],
  ],
  "mailings/actions.ts#previewMailingAction": [
    [A, P, K],
    [A, P, K],
  ],
  "mailings/actions.ts#countRecipientsAction": [
    [A, P, K],
    [A, P, K],
  ],
  "mailings/control-actions.ts#controlMailingAction": [
    [A, P, K],
    [A, P, K],
  ],
  "mailings/held-actions.ts#decideHeldBatchAction": [
    [A, P, K],
    [A, P, K],
  ],
  "segments/actions.ts#saveSegmentAction": [
    [A, P, K],
    [A, P, K],
  ],
  "segments/actions.ts#archiveSegmentAction": [
    [A, P, K],
    [A, P, K],
  ],
  "topics/actions.ts#saveTopicAction": [
    [A, P, K],
    [A, P, K],
  ],
  // The draft preview reads no resource; "took effect" is a rendered preview. Own and foreign are the same call.
  "policy/preview/actions.tsx#previewPolicyDraftAction": [
    [A, P],
    [A, P],
  ],
  // Privacy requests: own = handled by the caller, foreign = by someone else.
  "privacy-requests/[id]/actions.ts#updateRequest": [
    [A, P, S],
    [A, P, S],
  ],
  "privacy-requests/[id]/actions.ts#extendRequest": [
    [A, P, S],
    [A, P, S],
  ],
  "privacy-requests/[id]/actions.ts#completeRequest": [
    [A, P, S],
    [A, P, S],
  ],
  "privacy-requests/[id]/actions.ts#replyToRequest": [
    [A, P, S],
    [A, P, S],
  ],
  "privacy-requests/new/actions.ts#recordRequest": [
    [A, P, S],
    [A, P, S],
  ],
  // Legal holds (the Retention page): own = on a contact of the caller's organisation (an account manager's own
  // contact, or one of Nordlys'), foreign = of another's; and a hold placed by the caller vs by another. The privacy
  // officer and admins only, whatever the contact.
  "retention/actions.ts#placeHold": [
    [A, P],
    [A, P],
  ],
  "retention/actions.ts#releaseHold": [
    [A, P],
    [A, P],
  ],
  // The yearly registration notice on/off (a register-wide setting: own and foreign are the same row).
  "retention/actions.ts#setRegistrationNoticeAction": [
    [A, P],
    [A, P],
  ],
  // Incidents (Art. 33/34), privacy officers and admins: own = recorded by the caller, foreign = by someone else.
  "incidents/new/actions.ts#recordIncidentAction": [
    [A, P],
    [A, P],
  ],
  "incidents/[id]/actions.ts#updateIncidentAction": [
    [A, P],
    [A, P],
  ],
  "incidents/[id]/actions.ts#addAffectedAction": [
    [A, P],
    [A, P],
  ],
  // Art. 34: the notification of the affected people drafted from the incident page (own/foreign as above).
  "incidents/[id]/actions.ts#notifyPeopleAction": [
    [A, P],
    [A, P],
  ],
  "incidents/[id]/actions.ts#recordNotifiedAction": [
    [A, P],
    [A, P],
  ],
  "incidents/[id]/actions.ts#recordNotNotifiedAction": [
    [A, P],
    [A, P],
  ],
  "incidents/[id]/actions.ts#closeIncidentAction": [
    [A, P],
    [A, P],
  ],
  // API keys: own = created by the caller, foreign = by another admin.
  "api-keys/actions.ts#createKey": [[A], [A]],
  "api-keys/actions.ts#revokeKey": [[A], [A]],
  // Outbound webhook endpoints: own = one the caller added, foreign = one another admin added (no ownership: admins
  // only, whoever added it).
  "webhooks/actions.ts#createEndpoint": [[A], [A]],
  "webhooks/actions.ts#updateEndpoint": [[A], [A]],
  "webhooks/actions.ts#rotateSecret": [[A], [A]],
  "webhooks/actions.ts#endpointCommand": [[A], [A]],
  // Staff administration: own = the caller's own account (never changed by oneself), foreign = another member.
  "users/actions.ts#inviteStaffAction": [[A], [A]],
  "users/actions.ts#changeStaffRoleAction": [[], [A]],
  "users/actions.ts#deactivateStaffAction": [[], [A]],
  "users/actions.ts#reactivateStaffAction": [[], [A]],
  // Signing out ends the caller's own session only; there is no foreign one to end.
  "_components/sign-out.ts#signOut": [
    [A, P, M, K, S],
    [A, P, M, K, S],
  ],
};

type Target = "own" | "foreign";
/** One prepared call: `run` invokes the real action; `tookEffect` asks the database whether it changed anything. */
type Case = { run: () => Promise<unknown>; tookEffect: () => Promise<boolean> };
type Ctx = { role: Role; callerId: string; target: Target; n: number };

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;
const form = (fields: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
};
const IDLE = { status: "idle", message: "", fieldErrors: {}, values: {} } as const;
const orgOf = (target: Target) => (target === "own" ? w.nordlys : w.kvarnby);
const otherStaff = (callerId: string) => (callerId === w.callers.ADMIN ? w.callers.PRIVACY_OFFICER : w.callers.ADMIN);

/** What the incident forms post for a description, discovered an hour ago. */
const incidentForm = () => ({
  title: `mx incident ${unique()}`,
  discoveredAt: toStockholmLocalTime(new Date(Date.now() - 3_600_000)),
  occurredAt: "",
  description: "A laptop was stolen.",
  dataCategories: ["identity", "contact_details"],
  peopleCategories: ["CUSTOMER_CONTACT"],
  consequences: "Phishing.",
  measures: "Sessions revoked.",
  risk: "RISK",
});

async function newIncident(createdById: string, authorityStatus: "PENDING" | "NOT_NOTIFIED" = "PENDING") {
  const n = unique();
  const { id } = await t.db.incident.create({
    data: {
      reference: `INC-MX-${n}`,
      title: `mx ${n}`,
      discoveredAt: new Date(Date.now() - 3_600_000),
      description: "A laptop was stolen.",
      dataCategories: ["identity"],
      peopleCategories: ["CUSTOMER_CONTACT"],
      consequences: "Phishing.",
      measures: "Sessions revoked.",
      risk: "RISK",
      authorityStatus,
      notNotifiedReason: authorityStatus === "NOT_NOTIFIED" ? "No risk." : null,
      createdById,
    },
    select: { id: true },
  });
  return id;
}

/** An outbound webhook endpoint; who added it is not recorded (admins only, whoever added it). */
const newEndpoint = () =>
  t.db.webhookEndpoint.create({
    data: {
      name: `mx ${unique()}`,
      url: "https://crm.example.com/hook",
      eventTypes: ["contact.erased"],
      secret: `whsec_${unique()}`,
    },
  });

async function newContact(target: Target | "none", extra: { roleEnded?: boolean } = {}) {
  const id = `mx_c_${unique()}`;
  const role =
    target === "none"
      ? undefined
      : {
          create: {
            id: `${id}_r`,
            organisationId: orgOf(target),
            type: "TECHNICAL_CONTACT" as const,
            startsOn: new Date("2024-01-01"),
            endsOn: extra.roleEnded ? new Date("2025-01-01") : null,
          },
        };
  await t.db.contact.create({
    data: {
      id,
      name: `Matrix ${id}`,
      email: `${id}@matrix.example`,
      language: "sv",
      category: "CUSTOMER_CONTACT",
      sourceType: "NAMED_BY_CUSTOMER",
      roles: role,
      subscriptions: {
        create: { topicId: w.newsletter, state: "SUBSCRIBED", source: "STAFF", changedAt: new Date() },
      },
    },
  });
  return id;
}
const contactName = async (id: string) =>
  (await t.db.contact.findUnique({ where: { id }, select: { name: true } }))?.name;

async function copyOf<T extends { id: string }>(
  find: () => Promise<T>,
  create: (data: Omit<T, "id" | "createdAt" | "updatedAt">, id: string) => Promise<unknown>,
): Promise<string> {
  const {
    id: _id,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = (await find()) as T & { createdAt?: Date; updatedAt?: Date };
  void _id;
  void _c;
  void _u;
  const id = `mx_${unique()}`;
  await create(rest as Omit<T, "id" | "createdAt" | "updatedAt">, id);
  return id;
}
const newMailing = (createdById: string, status: "DRAFT" | "SENDING" = "DRAFT") =>
  copyOf(
    () => t.db.mailing.findUniqueOrThrow({ where: { id: w.mailing } }),
    (data, id) => t.db.mailing.create({ data: { ...data, id, createdById, status } }),
  );
const newSegment = (createdById: string) =>
  copyOf(
    () => t.db.segment.findUniqueOrThrow({ where: { id: w.segment } }),
    (data, id) =>
      t.db.segment.create({
        data: { ...(data as object), id, createdById, filter: { categories: ["CUSTOMER_CONTACT"] } } as never,
      }),
  );
async function newRequest(handlerId: string) {
  const id = `mx_pr_${unique()}`;
  const now = new Date();
  await t.db.privacyRequest.create({
    data: {
      id,
      type: "ACCESS",
      channel: "EMAIL",
      receivedAt: now,
      dueAt: new Date(now.getTime() + 30 * 86_400_000),
      handlerId,
      status: "IN_PROGRESS",
    },
  });
  return id;
}
async function newStaff(active = true) {
  const id = `mx_s_${unique()}`;
  await t.db.staffUser.create({ data: { id, email: `${id}@elastx.example`, role: "SUPPORT", active } });
  return id;
}

const CASES: Record<string, (c: Ctx) => Promise<Case>> = {
  "contacts/actions.ts#updateContactAction": async ({ target }) => {
    const id = await newContact(target);
    const { updateContactAction } = await import("@/app/staff/contacts/actions");
    const c = await t.db.contact.findUniqueOrThrow({ where: { id } });
    const name = `Changed ${id}`;
    return {
      run: () =>
        updateContactAction(
          IDLE,
          form({
            id,
            name,
            email: c.email,
            phone: "",
            jobTitle: "",
            language: c.language,
            category: c.category,
          }),
        ),
      tookEffect: async () => (await contactName(id)) === name,
    };
  },
  "contacts/actions.ts#changeSubscriptionAction": async ({ target }) => {
    const id = await newContact(target);
    const { changeSubscriptionAction } = await import("@/app/staff/contacts/actions");
    return {
      run: () => changeSubscriptionAction(form({ id, topicId: w.newsletter, state: "UNSUBSCRIBED" })),
      tookEffect: async () =>
        (
          await t.db.subscription.findUniqueOrThrow({
            where: { contactId_topicId: { contactId: id, topicId: w.newsletter } },
          })
        ).state === "UNSUBSCRIBED",
    };
  },
  "contacts/actions.ts#revokeLinksAction": async ({ target }) => {
    const id = await newContact(target);
    const { revokeLinksAction } = await import("@/app/staff/contacts/actions");
    return {
      run: () => revokeLinksAction(form({ id })),
      tookEffect: async () => (await t.db.contact.findUniqueOrThrow({ where: { id } })).tokenVersion > 1,
    };
  },
  "contacts/actions.ts#endRoleAction": async ({ target }) => {
    const id = await newContact(target);
    const { endRoleAction } = await import("@/app/staff/contacts/actions");
    return {
      run: () => endRoleAction(form({ id, roleId: `${id}_r`, endsOn: "2026-06-30" })),
      tookEffect: async () => (await t.db.contactRole.findUniqueOrThrow({ where: { id: `${id}_r` } })).endsOn !== null,
    };
  },
  "contacts/actions.ts#eraseContactAction": async ({ target }) => {
    const id = await newContact(target);
    const { eraseContactAction } = await import("@/app/staff/contacts/actions");
    return {
      run: () => eraseContactAction(IDLE, form({ id, channel: "EMAIL", confirm: "on" })),
      tookEffect: async () => (await t.db.contact.count({ where: { id } })) === 0,
    };
  },
  "contacts/[id]/note-actions.ts#addNoteAction": async ({ target }) => {
    const id = await newContact(target);
    const { addNoteAction } = await import("@/app/staff/contacts/[id]/note-actions");
    return {
      run: () => addNoteAction(IDLE, form({ id, body: "Ringde och bad om ny faktura.", uiLang: "en" })),
      tookEffect: async () => (await t.db.staffNote.count({ where: { contactId: id } })) === 1,
    };
  },
  "contacts/[id]/note-actions.ts#deleteNoteAction": async ({ target }) => {
    const id = await newContact(target);
    const note = await t.db.staffNote.create({
      data: { contactId: id, authorId: w.callers.ADMIN, body: "Gammal anteckning." },
    });
    const { deleteNoteAction } = await import("@/app/staff/contacts/[id]/note-actions");
    return {
      run: () => deleteNoteAction(form({ id, noteId: note.id })),
      tookEffect: async () => (await t.db.staffNote.count({ where: { id: note.id } })) === 0,
    };
  },
  "contacts/[id]/roles/actions.ts#addRoleAction": async ({ target }) => {
    const id = await newContact(target);
    const { addRoleAction } = await import("@/app/staff/contacts/[id]/roles/actions");
    const where = { contactId: id, organisationId: w.nordlys, type: "BILLING_CONTACT" as const };
    return {
      run: () =>
        addRoleAction(
          IDLE,
          form({ id, organisationId: w.nordlys, type: "BILLING_CONTACT", title: "", startsOn: "2026-01-01" }),
        ),
      tookEffect: async () => (await t.db.contactRole.count({ where })) === 1,
    };
  },
  "contacts/new/actions.ts#createContactAction": async ({ target }) => {
    const email = `mx_new_${unique()}@matrix.example`;
    const { createContactAction } = await import("@/app/staff/contacts/new/actions");
    return {
      run: () =>
        createContactAction(
          IDLE,
          form({
            name: "Ny Kontakt",
            email,
            phone: "",
            jobTitle: "",
            language: "sv",
            category: "CUSTOMER_CONTACT",
            sourceType: "NAMED_BY_CUSTOMER",
            organisationId: orgOf(target),
            roleType: "TECHNICAL_CONTACT",
          }),
        ),
      tookEffect: async () => (await t.db.contact.count({ where: { email } })) === 1,
    };
  },
  "import/actions.ts#importAction": async ({ target }) => {
    const id = await newContact(target);
    const c = await t.db.contact.findUniqueOrThrow({ where: { id } });
    const name = `Imported ${id}`;
    const { importAction } = await import("@/app/staff/import/actions");
    const { initialImportState } = await import("@/app/staff/import/state");
    return {
      run: () =>
        importAction(
          initialImportState(),
          form({
            intent: "import",
            csv: `Namn;E-post\n${name};${c.email}\n`,
            category: "CUSTOMER_CONTACT",
            sourceType: "IMPORTED",
            sourceDetail: "CRM export",
            sourceDate: "",
            duplicates: "update",
            overrideReason: "",
          }),
        ),
      tookEffect: async () => (await contactName(id)) === name,
    };
  },
  "organisations/actions.ts#saveOrganisationAction": async ({ target }) => {
    const id = `mx_o_${unique()}`;
    const manager = target === "own" ? w.callers.ACCOUNT_MANAGER : w.johan;
    await t.db.organisation.create({
      data: { id, name: `Org ${id}`, relationship: "CUSTOMER", accountManagerId: manager },
    });
    const { saveOrganisationAction } = await import("@/app/staff/organisations/actions");
    const name = `Renamed ${id}`;
    return {
      run: () =>
        saveOrganisationAction(
          IDLE,
          form({
            id,
            name,
            orgNumber: "",
            relationship: "CUSTOMER",
            relationshipStart: "",
            relationshipEnd: "",
            accountManagerId: manager,
          }),
        ),
      tookEffect: async () => (await t.db.organisation.findUniqueOrThrow({ where: { id } })).name === name,
    };
  },
  "organisations/actions.ts#assignAccountManagerAction": async ({ target }) => {
    const id = `mx_o_${unique()}`;
    const manager = target === "own" ? w.callers.ACCOUNT_MANAGER : w.johan;
    await t.db.organisation.create({
      data: { id, name: `Org ${id}`, relationship: "CUSTOMER", accountManagerId: manager },
    });
    const { assignAccountManagerAction } = await import("@/app/staff/organisations/actions");
    return {
      run: () => assignAccountManagerAction(form({ ids: [id], accountManagerId: "none", back: "q=x" })),
      tookEffect: async () => (await t.db.organisation.findUniqueOrThrow({ where: { id } })).accountManagerId === null,
    };
  },
  "mailings/actions.ts#saveMailingAction": async ({ callerId, target }) => {
    const id = await newMailing(target === "own" ? callerId : otherStaff(callerId));
    const m = await t.db.mailing.findUniqueOrThrow({ where: { id } });
    const { saveMailingAction } = await import("@/app/staff/mailings/actions");
    const subjectSv = `Nytt ämne ${id}`;
    return {
      run: () =>
        saveMailingAction(
          IDLE,
          form({
            id,
            intent: "save",
            name: m.name,
            topicId: m.topicId,
            segmentId: m.segmentId,
            fromName: m.fromName ?? "",
            replyTo: m.replyTo ?? "",
            subjectSv,
            subjectEn: m.subjectEn,
            preheaderSv: m.preheaderSv ?? "",
            preheaderEn: m.preheaderEn ?? "",
            bodySv: m.bodySv,
            bodyEn: m.bodyEn,
            template: m.template ?? "",
          }),
        ),
      tookEffect: async () => (await t.db.mailing.findUniqueOrThrow({ where: { id } })).subjectSv === subjectSv,
    };
  },
  "mailings/actions.ts#previewMailingAction": async () => {
    const { previewMailingAction } = await import("@/app/staff/mailings/actions");
    let result: unknown;
    return {
      run: async () =>
        (result = await previewMailingAction(
          form({
            topicId: w.newsletter,
            subjectSv: "Hej",
            subjectEn: "Hello",
            bodySv: "Text",
            bodyEn: "Text",
            template: "",
          }),
        )),
      tookEffect: async () => (result as { ok: boolean }).ok === true,
    };
  },
  "mailings/actions.ts#countRecipientsAction": async () => {
    const { countRecipientsAction } = await import("@/app/staff/mailings/actions");
    let result: unknown;
    return {
      run: async () => (result = await countRecipientsAction(w.segment, w.newsletter)),
      tookEffect: async () => typeof result === "number",
    };
  },
  "mailings/control-actions.ts#controlMailingAction": async ({ callerId, target }) => {
    const id = await newMailing(target === "own" ? callerId : otherStaff(callerId), "SENDING");
    const { controlMailingAction } = await import("@/app/staff/mailings/control-actions");
    return {
      run: () => controlMailingAction(id, "pause"),
      tookEffect: async () => (await t.db.mailing.findUniqueOrThrow({ where: { id } })).status === "PAUSED",
    };
  },
  "mailings/held-actions.ts#decideHeldBatchAction": async ({ callerId, target }) => {
    const id = await newMailing(target === "own" ? callerId : otherStaff(callerId), "SENDING");
    // A batch whose outcome is unknown past the provider's idempotency window (an erased recipient: no contact).
    const held = await t.db.delivery.create({ data: { mailingId: id, batch: 0, status: "HELD" } });
    const { decideHeldBatchAction } = await import("@/app/staff/mailings/held-actions");
    return {
      run: () => decideHeldBatchAction(form({ mailingId: id, batch: "0", decision: "skip" })),
      tookEffect: async () => (await t.db.delivery.findUniqueOrThrow({ where: { id: held.id } })).status === "FAILED",
    };
  },
  "segments/actions.ts#saveSegmentAction": async ({ callerId, target }) => {
    const id = await newSegment(target === "own" ? callerId : otherStaff(callerId));
    const { saveSegmentAction } = await import("@/app/staff/segments/actions");
    const name = `Segment ${id}`;
    return {
      run: () => saveSegmentAction(IDLE, form({ id, name, categories: "CUSTOMER_CONTACT" })),
      tookEffect: async () => (await t.db.segment.findUniqueOrThrow({ where: { id } })).name === name,
    };
  },
  "segments/actions.ts#archiveSegmentAction": async ({ callerId, target }) => {
    const id = await newSegment(target === "own" ? callerId : otherStaff(callerId));
    const { archiveSegmentAction } = await import("@/app/staff/segments/actions");
    return {
      run: () => archiveSegmentAction(form({ id, archived: "on" })),
      tookEffect: async () => (await t.db.segment.findUniqueOrThrow({ where: { id } })).archivedAt !== null,
    };
  },
  "topics/actions.ts#saveTopicAction": async () => {
    const key = `mx-${unique()}`;
    const topic = await t.db.topic.create({
      data: {
        key,
        nameSv: "Ämne",
        nameEn: "Topic",
        descriptionSv: "Beskrivning",
        descriptionEn: "Description",
        purpose: "SERVICE_NOTICES",
        isMarketing: false,
      },
    });
    const { saveTopicAction } = await import("@/app/staff/topics/actions");
    return {
      run: () =>
        saveTopicAction(
          IDLE,
          form({
            id: topic.id,
            key,
            nameSv: "Nytt ämne",
            nameEn: "Topic",
            descriptionSv: "Beskrivning",
            descriptionEn: "Description",
            purpose: "SERVICE_NOTICES",
            sortOrder: "0",
          }),
        ),
      tookEffect: async () => (await t.db.topic.findUniqueOrThrow({ where: { id: topic.id } })).nameSv === "Nytt ämne",
    };
  },
  "policy/preview/actions.tsx#previewPolicyDraftAction": async () => {
    const { previewPolicyDraftAction } = await import("@/app/staff/policy/preview/actions");
    const draft = readFileSync(
      path.resolve(import.meta.dirname, "../../lib/policy/files/fictional-example.yaml"),
      "utf8",
    );
    let status = "";
    return {
      run: async () => {
        const state = await previewPolicyDraftAction(
          { status: "idle", message: "", problems: [], preview: null, draft: "" },
          form({ draft }),
        );
        status = state.status;
        return state;
      },
      tookEffect: async () => status === "valid",
    };
  },
  "privacy-requests/[id]/actions.ts#updateRequest": async ({ callerId, target }) => {
    const id = await newRequest(target === "own" ? callerId : otherStaff(callerId));
    const { updateRequest } = await import("@/app/staff/privacy-requests/[id]/actions");
    return {
      run: () => updateRequest(IDLE, form({ id, status: "RECEIVED", handlerId: "", outcome: "", uiLang: "en" })),
      tookEffect: async () => (await t.db.privacyRequest.findUniqueOrThrow({ where: { id } })).status === "RECEIVED",
    };
  },
  "privacy-requests/[id]/actions.ts#extendRequest": async ({ callerId, target }) => {
    const id = await newRequest(target === "own" ? callerId : otherStaff(callerId));
    const { extendRequest } = await import("@/app/staff/privacy-requests/[id]/actions");
    return {
      run: () =>
        extendRequest(IDLE, form({ id, months: "1", reason: "Many systems to search through.", uiLang: "en" })),
      tookEffect: async () => (await t.db.privacyRequest.findUniqueOrThrow({ where: { id } })).extendedDueAt !== null,
    };
  },
  "privacy-requests/[id]/actions.ts#completeRequest": async ({ callerId, target }) => {
    const id = await newRequest(target === "own" ? callerId : otherStaff(callerId));
    const { completeRequest } = await import("@/app/staff/privacy-requests/[id]/actions");
    return {
      run: () => completeRequest(IDLE, form({ id, status: "COMPLETED", outcome: "Answered.", uiLang: "en" })),
      tookEffect: async () => (await t.db.privacyRequest.findUniqueOrThrow({ where: { id } })).status === "COMPLETED",
    };
  },
  "privacy-requests/[id]/actions.ts#replyToRequest": async ({ callerId, target }) => {
    const id = await newRequest(target === "own" ? callerId : otherStaff(callerId));
    const person = await makeContact(t.db);
    await t.db.privacyRequest.update({ where: { id }, data: { contactId: person.id } });
    const { replyToRequest } = await import("@/app/staff/privacy-requests/[id]/actions");
    return {
      run: () => replyToRequest(IDLE, form({ id, template: "received", message: "", uiLang: "en" })),
      tookEffect: async () =>
        (await t.db.auditEvent.count({ where: { action: "privacy_request.replied", subjectId: id } })) === 1 &&
        (await t.db.queuedMail.count({ where: { to: { has: person.email } } })) === 1,
    };
  },
  "privacy-requests/new/actions.ts#recordRequest": async () => {
    const reference = `mx-ref-${unique()}`;
    const { recordRequest } = await import("@/app/staff/privacy-requests/new/actions");
    return {
      run: () =>
        recordRequest(
          IDLE,
          form({
            type: "ACCESS",
            channel: "PHONE",
            receivedOn: new Date().toISOString().slice(0, 10),
            email: "",
            reference,
            uiLang: "en",
          }),
        ),
      tookEffect: async () => (await t.db.privacyRequest.count({ where: { subjectRef: reference } })) === 1,
    };
  },
  "retention/actions.ts#placeHold": async ({ target }) => {
    const contact = await makeContact(t.db, { organisationId: target === "own" ? w.nordlys : w.kvarnby });
    const endsOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const { placeHold } = await import("@/app/staff/retention/actions");
    return {
      run: () =>
        placeHold(IDLE, form({ target: "contact", email: contact.email, reason: "Dispute D-1", endsOn, uiLang: "en" })),
      tookEffect: async () => (await t.db.legalHold.count({ where: { contactId: contact.id } })) === 1,
    };
  },
  "retention/actions.ts#releaseHold": async ({ callerId, target }) => {
    const contact = await makeContact(t.db, { organisationId: w.nordlys });
    const hold = await t.db.legalHold.create({
      data: {
        contactId: contact.id,
        reason: "Audit A-1",
        endsOn: new Date(Date.now() + 30 * 86_400_000),
        createdById: target === "own" ? callerId : otherStaff(callerId),
      },
    });
    const { releaseHold } = await import("@/app/staff/retention/actions");
    return {
      run: () => releaseHold(form({ id: hold.id, uiLang: "en" })),
      tookEffect: async () => (await t.db.legalHold.findUniqueOrThrow({ where: { id: hold.id } })).releasedAt !== null,
    };
  },
  "retention/actions.ts#setRegistrationNoticeAction": async () => {
    const on = async () => (await t.db.registerSetting.findUnique({ where: { id: 1 } }))?.registrationNoticeOn ?? true;
    const wanted = !(await on());
    const { setRegistrationNoticeAction } = await import("@/app/staff/retention/actions");
    return {
      run: () => setRegistrationNoticeAction(form({ on: wanted ? "on" : "off", uiLang: "en" })),
      tookEffect: async () => (await on()) === wanted,
    };
  },
  "incidents/new/actions.ts#recordIncidentAction": async () => {
    const title = `mx incident ${unique()}`;
    const { recordIncidentAction } = await import("@/app/staff/incidents/new/actions");
    return {
      run: () => recordIncidentAction(IDLE, form({ ...incidentForm(), title, uiLang: "en" })),
      tookEffect: async () => (await t.db.incident.count({ where: { title } })) === 1,
    };
  },
  "incidents/[id]/actions.ts#updateIncidentAction": async ({ callerId, target }) => {
    const id = await newIncident(target === "own" ? callerId : otherStaff(callerId));
    const { updateIncidentAction } = await import("@/app/staff/incidents/[id]/actions");
    const fields = { ...incidentForm(), risk: "HIGH_RISK", peopleStatus: "PLANNED", peopleNotifiedAt: "", note: "" };
    return {
      run: () => updateIncidentAction(IDLE, form({ ...fields, id, uiLang: "en" })),
      tookEffect: async () => (await t.db.incident.findUniqueOrThrow({ where: { id } })).risk === "HIGH_RISK",
    };
  },
  "incidents/[id]/actions.ts#addAffectedAction": async ({ callerId, target }) => {
    const id = await newIncident(target === "own" ? callerId : otherStaff(callerId));
    const person = await makeContact(t.db);
    const { addAffectedAction } = await import("@/app/staff/incidents/[id]/actions");
    return {
      run: () => addAffectedAction(IDLE, form({ id, by: "list", addresses: person.email, uiLang: "en" })),
      tookEffect: async () => (await t.db.incidentContact.count({ where: { incidentId: id } })) === 1,
    };
  },
  "incidents/[id]/actions.ts#notifyPeopleAction": async ({ callerId, target }) => {
    const id = await newIncident(target === "own" ? callerId : otherStaff(callerId));
    await t.db.incident.update({ where: { id }, data: { risk: "HIGH_RISK" } });
    const person = await makeContact(t.db);
    await t.db.incidentContact.create({ data: { incidentId: id, contactId: person.id } });
    const { notifyPeopleAction } = await import("@/app/staff/incidents/[id]/actions");
    return {
      run: () => notifyPeopleAction(form({ id, uiLang: "en" })),
      tookEffect: async () => (await t.db.incident.findUniqueOrThrow({ where: { id } })).notificationMailingId !== null,
    };
  },
  "incidents/[id]/actions.ts#recordNotifiedAction": async ({ callerId, target }) => {
    const id = await newIncident(target === "own" ? callerId : otherStaff(callerId));
    const { recordNotifiedAction } = await import("@/app/staff/incidents/[id]/actions");
    const notifiedAt = toStockholmLocalTime(new Date(Date.now() - 60_000));
    return {
      run: () => recordNotifiedAction(IDLE, form({ id, notifiedAt, reference: "IMY-1", uiLang: "en" })),
      tookEffect: async () => (await t.db.incident.findUniqueOrThrow({ where: { id } })).authorityStatus === "NOTIFIED",
    };
  },
  "incidents/[id]/actions.ts#recordNotNotifiedAction": async ({ callerId, target }) => {
    const id = await newIncident(target === "own" ? callerId : otherStaff(callerId));
    const { recordNotNotifiedAction } = await import("@/app/staff/incidents/[id]/actions");
    return {
      run: () => recordNotNotifiedAction(IDLE, form({ id, reason: "Encrypted; no risk to people.", uiLang: "en" })),
      tookEffect: async () =>
        (await t.db.incident.findUniqueOrThrow({ where: { id } })).authorityStatus === "NOT_NOTIFIED",
    };
  },
  "incidents/[id]/actions.ts#closeIncidentAction": async ({ callerId, target }) => {
    const id = await newIncident(target === "own" ? callerId : otherStaff(callerId), "NOT_NOTIFIED");
    const { closeIncidentAction } = await import("@/app/staff/incidents/[id]/actions");
    return {
      run: () => closeIncidentAction(IDLE, form({ id, note: "", uiLang: "en" })),
      tookEffect: async () => (await t.db.incident.findUniqueOrThrow({ where: { id } })).closedAt !== null,
    };
  },
  "api-keys/actions.ts#createKey": async () => {
    const name = `mx key ${unique()}`;
    const { createKey } = await import("@/app/staff/api-keys/actions");
    return {
      run: () => createKey(IDLE, form({ name, scope: "READ", uiLang: "en" })),
      tookEffect: async () => (await t.db.apiKey.count({ where: { name } })) === 1,
    };
  },
  "api-keys/actions.ts#revokeKey": async ({ callerId, target }) => {
    const key = await t.db.apiKey.create({
      data: {
        name: "to revoke",
        prefix: `tk_${unique()}`,
        secretHash: "x",
        scope: "READ",
        createdById: target === "own" ? callerId : otherStaff(callerId),
      },
    });
    const { revokeKey } = await import("@/app/staff/api-keys/actions");
    return {
      run: () => revokeKey(form({ id: key.id, uiLang: "en" })),
      tookEffect: async () => (await t.db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt !== null,
    };
  },
  "webhooks/actions.ts#createEndpoint": async () => {
    const name = `mx hook ${unique()}`;
    const { createEndpoint } = await import("@/app/staff/webhooks/actions");
    return {
      run: () =>
        createEndpoint(
          IDLE,
          form({ name, url: "https://crm.example.com/hook", eventTypes: "contact.erased", uiLang: "en" }),
        ),
      tookEffect: async () => (await t.db.webhookEndpoint.count({ where: { name } })) === 1,
    };
  },
  "webhooks/actions.ts#updateEndpoint": async () => {
    const endpoint = await newEndpoint();
    const name = `mx renamed ${unique()}`;
    const { updateEndpoint } = await import("@/app/staff/webhooks/actions");
    return {
      run: () =>
        updateEndpoint(
          IDLE,
          form({ id: endpoint.id, name, url: endpoint.url, eventTypes: "contact.erased", uiLang: "en" }),
        ),
      tookEffect: async () =>
        (await t.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).name === name,
    };
  },
  "webhooks/actions.ts#rotateSecret": async () => {
    const endpoint = await newEndpoint();
    const { rotateSecret } = await import("@/app/staff/webhooks/actions");
    return {
      run: () => rotateSecret(IDLE, form({ id: endpoint.id, uiLang: "en" })),
      tookEffect: async () =>
        (await t.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).secret !== endpoint.secret,
    };
  },
  "webhooks/actions.ts#endpointCommand": async () => {
    const endpoint = await newEndpoint();
    const { endpointCommand } = await import("@/app/staff/webhooks/actions");
    return {
      run: () => endpointCommand(form({ id: endpoint.id, command: "disable", uiLang: "en" })),
      tookEffect: async () => !(await t.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).enabled,
    };
  },
  "users/actions.ts#inviteStaffAction": async () => {
    const email = `mx.invite.${unique()}@elastx.example`;
    const { inviteStaffAction } = await import("@/app/staff/users/actions");
    return {
      run: () => inviteStaffAction(IDLE, form({ email, name: "Ny Kollega", role: "SUPPORT", uiLang: "en" })),
      tookEffect: async () => (await t.db.staffUser.count({ where: { email } })) === 1,
    };
  },
  "users/actions.ts#changeStaffRoleAction": async ({ callerId, target }) => {
    const id = target === "own" ? callerId : await newStaff();
    const before = (await t.db.staffUser.findUniqueOrThrow({ where: { id } })).role;
    const role = before === "MARKETING" ? "SUPPORT" : "MARKETING";
    const { changeStaffRoleAction } = await import("@/app/staff/users/actions");
    return {
      run: () => changeStaffRoleAction(form({ id, role, uiLang: "en" })),
      tookEffect: async () => (await t.db.staffUser.findUniqueOrThrow({ where: { id } })).role !== before,
    };
  },
  "users/actions.ts#deactivateStaffAction": async ({ callerId, target }) => {
    const id = target === "own" ? callerId : await newStaff();
    const { deactivateStaffAction } = await import("@/app/staff/users/actions");
    return {
      run: () => deactivateStaffAction(form({ id, uiLang: "en" })),
      tookEffect: async () => !(await t.db.staffUser.findUniqueOrThrow({ where: { id } })).active,
    };
  },
  "users/actions.ts#reactivateStaffAction": async ({ callerId, target }) => {
    // One's own account is active while signed in, so "own" asks to reactivate oneself: nothing to do.
    const id = target === "own" ? callerId : await newStaff(false);
    const before = (await t.db.staffUser.findUniqueOrThrow({ where: { id } })).updatedAt;
    const { reactivateStaffAction } = await import("@/app/staff/users/actions");
    return {
      run: () => reactivateStaffAction(form({ id, uiLang: "en" })),
      tookEffect: async () => {
        const u = await t.db.staffUser.findUniqueOrThrow({ where: { id } });
        return u.active && u.updatedAt.getTime() !== before.getTime();
      },
    };
  },
  "_components/sign-out.ts#signOut": async ({ callerId }) => {
    const sessionToken = `mx_session_${unique()}`;
    await t.db.session.create({
      data: { sessionToken, userId: callerId, expires: new Date(Date.now() + 3_600_000) },
    });
    session.sessionToken = session.staffId ? sessionToken : null;
    const { signOut } = await import("@/app/staff/_components/sign-out");
    return {
      run: () => signOut(),
      tookEffect: async () => (await t.db.session.count({ where: { sessionToken } })) === 0,
    };
  },
};

/** Runs the action; a redirect (Next's thrown NEXT_REDIRECT) is an answer, any other throw fails the test. */
async function call(c: Case): Promise<void> {
  try {
    await c.run();
  } catch (e) {
    const digest = (e as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return;
    throw e;
  }
}

/** Every exported action of every "use server" file under app/staff, as "relative/path.ts#export". */
async function discoverActions(): Promise<string[]> {
  const root = path.resolve(import.meta.dirname, "../../app/staff");
  const files = readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .filter((f) => /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(path.join(root, f), "utf8")));
  const found: string[] = [];
  for (const file of files) {
    const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod))
      if (typeof value === "function") found.push(`${file.split(path.sep).join("/")}#${name}`);
  }
  return found.sort();
}

beforeAll(async () => {
  t = await createTestDb();
});
beforeEach(async () => {
  w = await makeWorld();
});
afterAll(async () => t?.close());

describe("staff server actions × roles × own and foreign resource", () => {
  it("every staff server action has its row in the matrix, and every row an action", async () => {
    const found = await discoverActions();
    expect(found).toEqual(Object.keys(MATRIX).sort());
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const roles = ROLES;
  for (const [action, [own, foreign]] of Object.entries(MATRIX)) {
    it(action, async () => {
      const outcome: string[] = [];
      const expected: string[] = [];
      for (const target of ["own", "foreign"] as const) {
        for (const role of [...roles, null]) {
          const callerId = role ? w.callers[role] : w.callers.ADMIN;
          session.staffId = role ? callerId : null;
          session.sessionToken = null;
          const c = await CASES[action]!({ role: role ?? A, callerId, target, n: 0 });
          await call(c);
          const cell = `${target} ${role ?? "signed out"}`;
          outcome.push(`${cell}: ${(await c.tookEffect()) ? "took effect" : "refused"}`);
          const allowed = role !== null && (target === "own" ? own : foreign).includes(role);
          expected.push(`${cell}: ${allowed ? "took effect" : "refused"}`);
        }
      }
      expect(outcome).toEqual(expected);
    });
  }
});

// The security review's findings (issue 10, finding 1), each as an account manager's tampered request. Each of these
// took effect before the per-resource loaders.
describe("an account manager cannot reach another organisation's contacts by editing a hidden field", () => {
  const asKarin = () => {
    session.staffId = w.callers.ACCOUNT_MANAGER;
    session.sessionToken = null;
  };
  const subscriptionState = async (contactId: string) =>
    (
      await t.db.subscription.findUniqueOrThrow({
        where: { contactId_topicId: { contactId, topicId: w.newsletter } },
      })
    ).state;

  it("a contact with no organisation: subscriptions, links and notes stay as they are", async () => {
    const id = await newContact("none");
    const { changeSubscriptionAction, revokeLinksAction } = await import("@/app/staff/contacts/actions");
    const { addNoteAction } = await import("@/app/staff/contacts/[id]/note-actions");
    asKarin();
    await call({
      run: () => changeSubscriptionAction(form({ id, topicId: w.newsletter, state: "UNSUBSCRIBED" })),
      tookEffect: async () => false,
    });
    await call({ run: () => revokeLinksAction(form({ id })), tookEffect: async () => false });
    await call({
      run: () => addNoteAction(IDLE, form({ id, body: "x", uiLang: "en" })),
      tookEffect: async () => false,
    });
    expect(await subscriptionState(id)).toBe("SUBSCRIBED");
    expect((await t.db.contact.findUniqueOrThrow({ where: { id } })).tokenVersion).toBe(1);
    expect(await t.db.staffNote.count({ where: { contactId: id } })).toBe(0);
  });

  it("adding a role at one's own organisation to a foreign contact does not hand the contact over", async () => {
    const id = await newContact("foreign");
    const { addRoleAction } = await import("@/app/staff/contacts/[id]/roles/actions");
    const { changeSubscriptionAction } = await import("@/app/staff/contacts/actions");
    asKarin();
    const state = await addRoleAction(
      IDLE,
      form({ id, organisationId: w.nordlys, type: "OTHER", title: "", startsOn: "2026-01-01" }),
    );
    expect(state).toMatchObject({ status: "forbidden" });
    await call({
      run: () => changeSubscriptionAction(form({ id, topicId: w.newsletter, state: "UNSUBSCRIBED" })),
      tookEffect: async () => false,
    });
    expect(await t.db.contactRole.count({ where: { contactId: id } })).toBe(1);
    expect(await subscriptionState(id)).toBe("SUBSCRIBED");
  });

  it("an ended role at one's own organisation does not reach a contact now at another organisation", async () => {
    const id = await newContact("own", { roleEnded: true });
    await t.db.contactRole.create({
      data: { contactId: id, organisationId: w.kvarnby, type: "OTHER", startsOn: new Date("2025-02-01") },
    });
    const { revokeLinksAction } = await import("@/app/staff/contacts/actions");
    asKarin();
    await call({ run: () => revokeLinksAction(form({ id })), tookEffect: async () => false });
    expect((await t.db.contact.findUniqueOrThrow({ where: { id } })).tokenVersion).toBe(1);
  });

  it("the CSV import refuses, per row with its reason, rows that would update or attach outside one's organisations", async () => {
    const foreign = await newContact("foreign");
    const own = await newContact("own");
    const [f, o] = await Promise.all([foreign, own].map((id) => t.db.contact.findUniqueOrThrow({ where: { id } })));
    const newAtKvarnby = `mx_new_${unique()}@matrix.example`;
    const newWithout = `mx_new_${unique()}@matrix.example`;
    const newAtNew = `mx_new_${unique()}@matrix.example`;
    const orgName = `Ny Kund ${unique()}`;
    const csv = [
      "Namn;E-post;Organisation",
      `Overwritten;${f!.email};`,
      `Own Updated;${o!.email};`,
      `Ny Person;${newAtKvarnby};${w.kvarnbyName}`,
      `Utan Org;${newWithout};`,
      `Ny Kund;${newAtNew};${orgName}`,
    ].join("\n");
    const { importAction } = await import("@/app/staff/import/actions");
    const { initialImportState } = await import("@/app/staff/import/state");
    const fields = {
      csv,
      category: "CUSTOMER_CONTACT",
      sourceType: "IMPORTED",
      sourceDetail: "CRM export",
      sourceDate: "",
      duplicates: "update",
      overrideReason: "",
    };
    asKarin();
    const preview = await importAction(initialImportState(), form({ ...fields, intent: "preview" }));
    expect(preview.errorRows).toEqual([
      { row: 2, field: "Email", reason: "The contact belongs to an organisation you do not manage." },
      { row: 4, field: "Organisation", reason: "The organisation has another account manager." },
      { row: 5, field: "Organisation", reason: "Give an organisation you manage." },
    ]);
    const result = await importAction(preview, form({ ...fields, intent: "import" }));
    expect(result.result).toMatchObject({ created: 1, updated: 1, refused: 3 });
    expect(await contactName(foreign)).toBe(f!.name);
    expect(await contactName(own)).toBe("Own Updated");
    expect(await t.db.contact.count({ where: { email: { in: [newAtKvarnby, newWithout] } } })).toBe(0);
    const created = await t.db.organisation.findFirstOrThrow({ where: { name: orgName } });
    expect(created.accountManagerId).toBe(w.callers.ACCOUNT_MANAGER);
  });
});

// /api/v1: every route and method × every kind of caller, through the real route handlers. API keys, not staff roles,
// are the callers here: READ may read, WRITE may read and write; no key, a wrong key and a revoked key get nothing.
// "own" is a contact the call names that exists, "foreign" an id that does not (a guessed or tampered id).
type ApiCaller = "none" | "wrong" | "revoked" | "READ" | "WRITE";
const API_CALLERS: ApiCaller[] = ["none", "wrong", "revoked", "READ", "WRITE"];
// route (file under app/api/v1, then method) → HTTP status per caller, for [own, foreign].
const API_MATRIX: Record<string, [own: Record<ApiCaller, number>, foreign: Record<ApiCaller, number>]> = {
  "changes/route.ts#GET": [
    { none: 401, wrong: 401, revoked: 401, READ: 200, WRITE: 200 },
    { none: 401, wrong: 401, revoked: 401, READ: 200, WRITE: 200 },
  ],
  "contacts/route.ts#GET": [
    { none: 401, wrong: 401, revoked: 401, READ: 200, WRITE: 200 },
    { none: 401, wrong: 401, revoked: 401, READ: 200, WRITE: 200 },
  ],
  "contacts/route.ts#PUT": [
    { none: 401, wrong: 401, revoked: 401, READ: 403, WRITE: 200 },
    { none: 401, wrong: 401, revoked: 401, READ: 403, WRITE: 201 },
  ],
  "contacts/[id]/route.ts#GET": [
    { none: 401, wrong: 401, revoked: 401, READ: 200, WRITE: 200 },
    { none: 401, wrong: 401, revoked: 401, READ: 404, WRITE: 404 },
  ],
  "contacts/[id]/subscriptions/route.ts#PUT": [
    { none: 401, wrong: 401, revoked: 401, READ: 403, WRITE: 200 },
    { none: 401, wrong: 401, revoked: 401, READ: 403, WRITE: 404 },
  ],
  "contacts/[id]/roles/route.ts#PUT": [
    { none: 401, wrong: 401, revoked: 401, READ: 403, WRITE: 201 },
    { none: 401, wrong: 401, revoked: 401, READ: 403, WRITE: 404 },
  ],
  // No resource in the path: "foreign" is an organisation number the register does not hold yet (created).
  "organisations/route.ts#PUT": [
    { none: 401, wrong: 401, revoked: 401, READ: 403, WRITE: 200 },
    { none: 401, wrong: 401, revoked: 401, READ: 403, WRITE: 201 },
  ],
  "topics/route.ts#GET": [
    { none: 401, wrong: 401, revoked: 401, READ: 200, WRITE: 200 },
    { none: 401, wrong: 401, revoked: 401, READ: 200, WRITE: 200 },
  ],
  "privacy-requests/route.ts#POST": [
    { none: 401, wrong: 401, revoked: 401, READ: 403, WRITE: 201 },
    { none: 401, wrong: 401, revoked: 401, READ: 403, WRITE: 201 },
  ],
  "suppressions/check/route.ts#POST": [
    { none: 401, wrong: 401, revoked: 401, READ: 200, WRITE: 200 },
    { none: 401, wrong: 401, revoked: 401, READ: 200, WRITE: 200 },
  ],
  // The API's description is public, like any OpenAPI document.
  "openapi.json/route.ts#GET": [
    { none: 200, wrong: 200, revoked: 200, READ: 200, WRITE: 200 },
    { none: 200, wrong: 200, revoked: 200, READ: 200, WRITE: 200 },
  ],
};

type RouteModule = Record<
  string,
  (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>
>;
const API_ROOT = path.resolve(import.meta.dirname, "../../app/api/v1");

async function discoverRoutes(): Promise<string[]> {
  const files = readdirSync(API_ROOT, { recursive: true, encoding: "utf8" }).filter((f) => /(^|\/)route\.ts$/.test(f));
  const found: string[] = [];
  for (const file of files) {
    const mod = (await import(/* @vite-ignore */ path.join(API_ROOT, file))) as Record<string, unknown>;
    for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"])
      if (typeof mod[method] === "function") found.push(`${file.split(path.sep).join("/")}#${method}`);
  }
  return found.sort();
}

describe("/api/v1 routes × API keys × existing and unknown resource", () => {
  const keys: Partial<Record<ApiCaller, string>> = { none: undefined, wrong: "tk_00000000_notakey" };
  beforeEach(async () => {
    const { createApiKey } = await import("@/lib/api-keys/create-api-key");
    const { revokeApiKey } = await import("@/lib/api-keys/revoke-api-key");
    const actor = { type: "STAFF" as const, id: w.callers.ADMIN };
    for (const scope of ["READ", "WRITE"] as const) {
      const r = await createApiKey({
        db: t.db,
        input: { name: `matrix ${scope}`, scope },
        actor,
        createdById: actor.id,
      });
      if (!r.ok) throw new Error("key");
      keys[scope] = r.key;
    }
    const revoked = await createApiKey({ db: t.db, input: { name: "matrix revoked", scope: "WRITE" }, actor });
    if (!revoked.ok) throw new Error("key");
    await revokeApiKey({ db: t.db, id: revoked.id, actor });
    keys.revoked = revoked.key;
  });

  it("every route has its row, and every row a route", async () => {
    expect(await discoverRoutes()).toEqual(Object.keys(API_MATRIX).sort());
  });

  for (const [route, [own, foreign]] of Object.entries(API_MATRIX)) {
    it(route, async () => {
      const newsletterKey = (await t.db.topic.findUniqueOrThrow({ where: { id: w.newsletter } })).key;
      // An organisation with a number, for the role and organisation routes (a new role each call: 201).
      const matrixNumber = orgNumber();
      const matrixOrg = {
        ...(await makeOrganisation(t.db, { orgNumber: matrixNumber, relationship: "CUSTOMER" })),
        orgNumber: matrixNumber,
        relationship: "CUSTOMER",
      };
      const [file, method] = route.split("#") as [string, string];
      const mod = (await import(/* @vite-ignore */ path.join(API_ROOT, file))) as RouteModule;
      const outcome: string[] = [];
      const expected: string[] = [];
      for (const target of ["own", "foreign"] as const) {
        for (const caller of API_CALLERS) {
          const existing = await newContact("own");
          const email = target === "own" ? `${existing}@matrix.example` : `mx_api_${unique()}@matrix.example`;
          const id = target === "own" ? existing : `mx_missing_${unique()}`;
          const body: Record<string, unknown> = {
            "contacts/route.ts#PUT": {
              email,
              name: "Api Person",
              language: "sv",
              category: "PROSPECT",
              source: { type: "IMPORTED", detail: "CRM" },
            },
            "privacy-requests/route.ts#POST": {
              type: "ACCESS",
              channel: "EMAIL",
              email,
            },
            "suppressions/check/route.ts#POST": { email },
            "contacts/[id]/roles/route.ts#PUT": {
              organisation: matrixOrg.orgNumber,
              type: "TECHNICAL_CONTACT",
              startsOn: "2026-01-01",
            },
            "organisations/route.ts#PUT": {
              orgNumber: target === "own" ? matrixOrg.orgNumber : orgNumber(),
              name: matrixOrg.name,
              relationship: matrixOrg.relationship,
            },
            "contacts/[id]/subscriptions/route.ts#PUT": {
              topic: newsletterKey,
              state: "UNSUBSCRIBED",
              requestedVia: "EMAIL",
            },
          }[route] as Record<string, unknown>;
          const headers: Record<string, string> = { "content-type": "application/json" };
          if (keys[caller]) headers.authorization = `Bearer ${keys[caller]}`;
          const query = route === "changes/route.ts#GET" ? "?since=2026-01-01T00:00:00Z" : "";
          const url = `http://localhost/api/v1/${file.replace(/\/?route\.ts$/, "").replace("[id]", id)}${query}`;
          const request = new Request(url, { method, headers, body: body ? JSON.stringify(body) : undefined });
          const response = await mod[method]!(request, { params: Promise.resolve({ id }) });
          if (response.status >= 400 && response.status !== 404 && route !== "openapi.json/route.ts#GET") {
            const error = (await response.json()) as { error?: { code?: string } };
            expect(typeof error.error?.code, `${route} ${caller}: a JSON error with a code`).toBe("string");
          }
          outcome.push(`${target} ${caller}: ${response.status}`);
          expected.push(`${target} ${caller}: ${(target === "own" ? own : foreign)[caller]}`);
        }
      }
      expect(outcome).toEqual(expected);
    });
  }
});

// Staff download routes of a contact's evidence (lib/evidence/): contacts.readFull decides (not limited to one's own
// organisations, as reading is not), so marketing and the signed out are refused, own and foreign contact alike.
// Written out, not derived from lib/auth/permissions.ts.
describe("staff evidence downloads × roles × own and foreign contact", () => {
  const EVIDENCE_ROUTES = {
    "contacts/[id]/evidence.json": { own: [A, P, M, S], foreign: [A, P, M, S] },
    "contacts/[id]/evidence.csv": { own: [A, P, M, S], foreign: [A, P, M, S] },
  } as const satisfies Record<string, { own: readonly Role[]; foreign: readonly Role[] }>;

  for (const [route, allowed] of Object.entries(EVIDENCE_ROUTES)) {
    it(route, async () => {
      const format = route.endsWith(".json") ? "json" : "csv";
      const handler =
        format === "json"
          ? (await import("@/app/staff/contacts/[id]/evidence.json/route")).GET
          : (await import("@/app/staff/contacts/[id]/evidence.csv/route")).GET;
      const outcome: string[] = [];
      const expected: string[] = [];
      for (const target of ["own", "foreign"] as const) {
        for (const role of [...ROLES, null]) {
          session.staffId = role ? w.callers[role] : null;
          session.sessionToken = null;
          const id = await newContact(target);
          const before = await t.db.auditEvent.count({ where: { subjectId: id, action: "contact.evidence_exported" } });
          const res = await handler(new Request(`http://localhost/staff/contacts/${id}/evidence.${format}`), {
            params: Promise.resolve({ id }),
          });
          const after = await t.db.auditEvent.count({ where: { subjectId: id, action: "contact.evidence_exported" } });
          const cell = `${target} ${role ?? "signed out"}`;
          const tookEffect = res.status === 200 && after === before + 1;
          outcome.push(`${cell}: ${tookEffect ? "downloaded" : `refused ${res.status}`}`);
          const ok = role !== null && (allowed[target] as readonly Role[]).includes(role);
          expected.push(`${cell}: ${ok ? "downloaded" : `refused ${role === null ? 401 : 403}`}`);
        }
      }
      expect(outcome).toEqual(expected);
    });
  }
});

// The operator endpoints (README, "Monitoring"): only METRICS_TOKEN reads /api/metrics, whoever else asks, an API key
// and a signed-in admin included; live and ready are public and say only pass or fail.
describe("operator endpoints × callers", () => {
  type OpsCaller = "none" | "wrong token" | "API key" | "staff admin" | "metrics token";
  const OPS_MATRIX: Record<string, Record<OpsCaller, number>> = {
    "metrics#GET": { none: 401, "wrong token": 401, "API key": 401, "staff admin": 401, "metrics token": 200 },
    "health/live#GET": { none: 200, "wrong token": 200, "API key": 200, "staff admin": 200, "metrics token": 200 },
    "health/ready#GET": { none: 200, "wrong token": 200, "API key": 200, "staff admin": 200, "metrics token": 200 },
  };

  it("answer each caller as the matrix says", async () => {
    const { createApiKey } = await import("@/lib/api-keys/create-api-key");
    const actor = { type: "STAFF" as const, id: w.callers.ADMIN };
    const key = await createApiKey({ db: t.db, input: { name: "ops matrix", scope: "WRITE" }, actor });
    if (!key.ok) throw new Error("key");
    // A worker beating, so ready answers 200 and the matrix shows who may ask, not whether a worker runs.
    await recordWorkerHeartbeat(t.db, newHeartbeatIdentity("worker"));
    const handlers: Record<string, (request: Request) => Response | Promise<Response>> = {
      "metrics#GET": (await import("@/app/api/metrics/route")).GET,
      "health/live#GET": (await import("@/app/api/health/live/route")).GET,
      "health/ready#GET": (await import("@/app/api/health/ready/route")).GET,
    };
    const authorization: Record<OpsCaller, string | null> = {
      none: null,
      "wrong token": `Bearer ${METRICS_TOKEN}x`,
      "API key": `Bearer ${key.key}`,
      "staff admin": null,
      "metrics token": `Bearer ${METRICS_TOKEN}`,
    };
    const outcome: string[] = [];
    const expected: string[] = [];
    for (const [route, statuses] of Object.entries(OPS_MATRIX)) {
      for (const caller of Object.keys(statuses) as OpsCaller[]) {
        session.staffId = caller === "staff admin" ? w.callers.ADMIN : null;
        const headers = authorization[caller] ? { authorization: authorization[caller] } : undefined;
        const url = `http://localhost/api/${route.split("#")[0]}`;
        const response = await handlers[route]!(new Request(url, { headers }));
        if (response.status >= 400) {
          const error = (await response.json()) as { error?: { code?: string } };
          expect(typeof error.error?.code, `${route} ${caller}: a JSON error with a code`).toBe("string");
        }
        outcome.push(`${route} ${caller}: ${response.status}`);
        expected.push(`${route} ${caller}: ${statuses[caller]}`);
      }
    }
    session.staffId = null;
    expect(outcome).toEqual(expected);
  });
});
