"use client";
// The side navigation's links. A client component only to mark the current section (aria-current) as staff move
// between pages; the links and their labels are decided on the server (by the caller's permissions).
import Link from "@/app/_components/link";
import { usePathname } from "next/navigation";

export type NavGroup = { label: string | null; links: { href: string; label: string }[] };

/** The link that owns the current path: the longest href that is the path or a prefix of it at a "/". */
function currentHref(path: string, hrefs: string[]): string | null {
  const matches = hrefs.filter((h) => path === h || path.startsWith(`${h}/`));
  return matches.sort((a, b) => b.length - a.length)[0] ?? null;
}

export function StaffNav({ label, groups }: { label: string; groups: NavGroup[] }) {
  const path = usePathname();
  const current = currentHref(
    path,
    groups.flatMap((g) => g.links.map((l) => l.href)),
  );
  return (
    <nav aria-label={label} className="staff-nav">
      {groups.map((group, i) => (
        <div key={group.label ?? i} className="staff-nav__group">
          {group.label ? <p className="staff-nav__heading">{group.label}</p> : null}
          <ul>
            {group.links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} aria-current={link.href === current ? "page" : undefined}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
