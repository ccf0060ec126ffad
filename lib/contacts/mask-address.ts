// How an address is shown to someone who holds a link but has not proven they own the mailbox: enough to recognise
// it ("a•••@example.com"), not enough to learn it. The domain stays visible: it is the organisation's, not the person's.
export function maskAddress(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "•••";
  const first = Array.from(email.slice(0, at))[0] ?? "";
  return `${first}•••${email.slice(at)}`;
}
