"use client";
// Tabs for a long staff page, on React Aria Components (arrow keys move between tabs, Home/End, the panel follows
// focus; roles and names as the ARIA tabs pattern asks). The panels are server-rendered and handed in as nodes; only
// the selected one is in the page. The selected tab is also in the URL (?tab=…), so a reload, a shared link or an
// action that comes back to the page lands on the same tab.
import type { ReactNode } from "react";
import { useState } from "react";
import { Tab, TabList, TabPanel, Tabs, type Key } from "react-aria-components";
import "./tabs.css";

export type PageTab = { id: string; label: string; content: ReactNode };

export function PageTabs(props: { label: string; tabs: PageTab[]; selected: string }) {
  const [selected, setSelected] = useState<Key>(
    props.tabs.some((t) => t.id === props.selected) ? props.selected : props.tabs[0]!.id,
  );
  return (
    <Tabs
      className="kit-tabs"
      selectedKey={selected}
      onSelectionChange={(key) => {
        setSelected(key);
        const url = new URL(window.location.href);
        url.searchParams.set("tab", String(key));
        url.searchParams.delete("status");
        url.searchParams.delete("error");
        url.hash = "";
        window.history.replaceState(window.history.state, "", url);
      }}
    >
      <TabList aria-label={props.label} className="kit-tabs__list">
        {props.tabs.map((t) => (
          <Tab key={t.id} id={t.id} className="kit-tabs__tab">
            {t.label}
          </Tab>
        ))}
      </TabList>
      {props.tabs.map((t) => (
        <TabPanel key={t.id} id={t.id} className="kit-tabs__panel">
          {t.content}
        </TabPanel>
      ))}
    </Tabs>
  );
}
