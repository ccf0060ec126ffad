import "server-only";

/**
 * RFC 8058 one-click unsubscribe headers for marketing mail (not for transactional mail). The URL must accept a POST
 * with body "List-Unsubscribe=One-Click" and unsubscribe without further questions.
 */
export function buildUnsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
