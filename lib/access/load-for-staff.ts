// The shared shape of the loaders for the workspace's team resources (mailings, segments, topics, privacy requests,
// API keys, staff accounts): the permission decides, before the lookup, so a role without it cannot even learn
// whether an id exists; then the resource is found or not. Resources owned per organisation (contacts,
// organisations) have their own loaders with the ownership rule.
import { can, type Permission, type StaffPrincipal } from "@/lib/auth/permissions";
import { FORBIDDEN, NOT_FOUND, type Refusal } from "./refusal";

export async function loadForStaff<T>(
  staff: StaffPrincipal,
  permission: Permission,
  id: string,
  find: (id: string) => Promise<T | null>,
): Promise<{ ok: true; value: T } | Refusal> {
  if (!can(staff, permission)) return FORBIDDEN;
  if (typeof id !== "string" || id === "") return NOT_FOUND;
  const value = await find(id);
  return value ? { ok: true, value } : NOT_FOUND;
}
