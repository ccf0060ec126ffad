// npm run db:seed: the demo register (idempotent).
import { createDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { seedDemo } from "./seed-demo";

const { db, close } = await createDb(getConfig().database);
try {
  const r = await seedDemo({ db });
  console.log(
    `Demo data: created ${r.organisations} organisations, ${r.contacts} contacts, ${r.roles} roles, ${r.topics} topics, ${r.subscriptions} subscriptions, ${r.staff} staff users (existing rows left as they were).`,
  );
} finally {
  await close();
}
