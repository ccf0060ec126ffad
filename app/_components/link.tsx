// Every link in the app: next/link without prefetching. Every page here is dynamic (a session, a token, the register),
// so a prefetch is a full server render with its database reads. Next.js prefetches each link as it scrolls into view,
// twice (the route tree, then the page): a staff page with its navigation and a list of rows made some 40 renders of
// pages nobody opened, on every view, and the recipient on a phone paid for them in data. A click now fetches the one
// page it opens. ESLint refuses next/link elsewhere (eslint.config.js).
// eslint-disable-next-line no-restricted-imports -- the one module that may import next/link
import NextLink from "next/link";
import type { ComponentProps } from "react";

export default function Link(props: Omit<ComponentProps<typeof NextLink>, "prefetch">) {
  return <NextLink {...props} prefetch={false} />;
}
