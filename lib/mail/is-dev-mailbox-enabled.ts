import "server-only";
import { getConfig, type Config } from "@/lib/env/config";

/**
 * The dev mailbox (/dev/mail, /api/dev/mail) shows every stored mail, secure links included, to anyone who can reach
 * the server. It exists only with the outbox transport and never in production (lib/env/config.ts refuses it there).
 */
export function isDevMailboxEnabled(config: Pick<Config, "mail" | "devMailbox"> = getConfig()): boolean {
  return config.mail.transport === "outbox" && config.devMailbox;
}
