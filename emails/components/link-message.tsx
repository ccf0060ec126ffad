// The body every "here is your link" mail shares: heading, text, a button, the URL written out for clients that hide
// buttons, and what to do if the person did not ask for it. Templates pass their own words.
import { Button, Heading, Link, Text } from "react-email";
import { colors } from "./theme";

export type LinkMessageProps = {
  heading: string;
  body: string;
  url: string;
  button: string;
  fallback: string;
  note: string;
};

export function LinkMessage({ heading, body, url, button, fallback, note }: LinkMessageProps) {
  return (
    <>
      <Heading as="h1" style={{ color: colors.text, fontSize: "24px", lineHeight: "32px", margin: "0 0 16px" }}>
        {heading}
      </Heading>
      <Text style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 24px" }}>{body}</Text>
      <Button
        href={url}
        style={{
          backgroundColor: colors.link,
          borderRadius: "6px",
          color: colors.buttonText,
          fontSize: "16px",
          fontWeight: 600,
          padding: "12px 20px",
          textDecoration: "none",
        }}
      >
        {button}
      </Button>
      <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: "24px 0 4px" }}>
        {fallback}
      </Text>
      <Text style={{ fontSize: "14px", lineHeight: "20px", margin: "0 0 16px", wordBreak: "break-all" }}>
        <Link href={url} style={{ color: colors.link, textDecoration: "underline" }}>
          {url}
        </Link>
      </Text>
      <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: 0 }}>{note}</Text>
    </>
  );
}
