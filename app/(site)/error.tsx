"use client";
// A failed public or recipient page: shown inside the public frame.
import { ErrorView } from "@/app/_components/error-view";

export default function SiteError(props: { error: unknown; retry: () => void }) {
  return <ErrorView {...props} />;
}
