// A staff page's title with its main actions beside it (wrapping below on a phone). The heading's id labels the page's
// <article>.
import type { ReactNode } from "react";

export function PageHeader(props: { id: string; title: string; children?: ReactNode }) {
  return (
    <div className="page-header">
      <h1 id={props.id}>{props.title}</h1>
      {props.children ? <div className="page-header__actions">{props.children}</div> : null}
    </div>
  );
}
