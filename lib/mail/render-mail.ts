import "server-only";
import type { ReactElement } from "react";
import { render } from "react-email";

/** Every mail goes out as HTML and plain text, rendered from the same element. */
export async function renderMail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}
