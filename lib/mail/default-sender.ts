// Who mail comes from when a message names no sender: MAIL_FROM if the deployment sets it, else the policy file's
// brand.sender. Two sources, so neither reads the other: the configuration (lib/env/config.ts) keeps MAIL_FROM as
// given, the policy file its sender, and this is the one place that chooses.
import "server-only";
import { getConfig } from "@/lib/env/config";
import { getPolicy } from "@/lib/policy/current-policy";

/** '"Name" <address>', the name's quotes, brackets and line breaks dropped (the file checks only that it is there). */
export function formatSender(sender: { name: string; address: string }): string {
  const name = sender.name.replace(/["<>\\\r\n]/g, "").trim();
  return name ? `"${name}" <${sender.address}>` : sender.address;
}

/** MAIL_FROM as set, else the policy's sender. */
export function chooseSender(mailFrom: string | undefined, policySender: { name: string; address: string }): string {
  return mailFrom ?? formatSender(policySender);
}

export function defaultSender(): string {
  return chooseSender(getConfig().mail.from, getPolicy().brand.sender);
}
