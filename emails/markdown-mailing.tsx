import { Markdown } from "react-email";
import { EmailFooter, footerPreviewProps, type EmailFooterProps } from "./components/footer";
import { EmailLayout } from "./components/layout";
import { colors } from "./components/theme";

export type MarkdownMailingProps = EmailFooterProps & {
  /** The subject, used as the document title. */
  title: string;
  /** Inbox preview line (preheader). */
  preview: string;
  /** Staff-written Markdown; raw HTML has been escaped before it gets here. */
  markdown: string;
};

const previewProps: MarkdownMailingProps = {
  ...footerPreviewProps,
  title: "News from Elastx",
  preview: "Three things we shipped in November",
  markdown:
    "## Hello!\n\nWe shipped **three** things this month:\n\n- object storage in Sundsvall\n- a new control panel\n- [status page](https://status.example.com)",
};

/** A mailing written in Markdown by marketing, in the shared layout with the personal footer. */
export default function MarkdownMailingEmail({
  title = previewProps.title,
  preview = previewProps.preview,
  markdown = previewProps.markdown,
  preferencesUrl = previewProps.preferencesUrl,
  unsubscribeUrl = previewProps.unsubscribeUrl,
  reason = previewProps.reason,
  language = previewProps.language,
}: Partial<MarkdownMailingProps>) {
  return (
    <EmailLayout
      language={language}
      title={title}
      preview={preview}
      footer={
        <EmailFooter
          preferencesUrl={preferencesUrl}
          unsubscribeUrl={unsubscribeUrl}
          reason={reason}
          language={language}
        />
      }
    >
      <Markdown
        markdownContainerStyles={{ color: colors.text, fontSize: "16px", lineHeight: "24px" }}
        markdownCustomStyles={{ link: { color: colors.link, textDecoration: "underline" } }}
      >
        {markdown}
      </Markdown>
    </EmailLayout>
  );
}

MarkdownMailingEmail.PreviewProps = previewProps;
