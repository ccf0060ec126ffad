"use client";
// An error in a layout itself: the section's frame is gone, so this brings the main landmark.
import { ErrorView } from "@/app/_components/error-view";

export default function RootError(props: { error: unknown; retry: () => void }) {
  return (
    <main id="main" tabIndex={-1} className="container site-main">
      <ErrorView {...props} />
    </main>
  );
}
