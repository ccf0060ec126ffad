// The outcome of a button on a detail page (end role, change subscription, revoke links), carried in the redirect's
// query string and announced by a status region.
export function Notice({ message, error }: { message?: string; error?: boolean }) {
  return (
    <div role={error ? "alert" : "status"} className="send-link__status" data-testid="notice">
      {message ? <p>{message}</p> : null}
    </div>
  );
}
