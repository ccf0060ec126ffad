"use client";
// A failed staff page: shown inside the staff workspace's frame, with its navigation.
import { ErrorView } from "@/app/_components/error-view";

export default function StaffError(props: { error: unknown; retry: () => void }) {
  return <ErrorView {...props} />;
}
