// The inbox preview line (preheader): hidden in the mail, shown by mail clients after the subject. Padding after it
// keeps clients from filling the rest of the preview with the mail's first words.
//
// react-email's <Preview> pads to 200 characters with five characters per step (no-break space plus four zero-width
// characters, 14 bytes of UTF-8), about 2.5 KB of every mail and, as the zero-width characters lie outside Latin-1,
// it makes the whole HTML a two-byte string in V8 (twice the memory for every copy of it on the way to the provider).
// Here each step is a no-break space (Latin-1) and a zero-width non-joiner written as an entity (ASCII), 8 bytes, up
// to 150 characters: more than inbox previews show (about 90–140 characters), the alternation still stops clients
// from collapsing the run of spaces, and the HTML stays in Latin-1 unless the content itself is not.
export const PREHEADER_MAX_LENGTH = 200;
export const PREHEADER_PADDED_LENGTH = 150;
const PADDING_STEP = "\u00a0&zwnj;";

const hidden = {
  display: "none",
  overflow: "hidden",
  lineHeight: "1px",
  opacity: 0,
  maxHeight: 0,
  maxWidth: 0,
} as const;

/** The padding after a preview text of `length` characters (HTML). */
export function preheaderPadding(length: number): string {
  return PADDING_STEP.repeat(Math.max(0, PREHEADER_PADDED_LENGTH - length));
}

/** Hidden in the HTML, left out of the plain-text part (data-skip-in-text). */
export function Preheader({ text }: { text: string }) {
  const preview = text.substring(0, PREHEADER_MAX_LENGTH);
  const padding = preheaderPadding(preview.length);
  return (
    <div style={hidden} data-skip-in-text="true">
      {preview}
      {padding ? <div dangerouslySetInnerHTML={{ __html: padding }} /> : null}
    </div>
  );
}
