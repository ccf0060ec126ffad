"use client";
// Picks one or several organisations by typing part of a name or number: a React Aria combobox (keyboard, screen
// reader and touch behaviour from the library, not hand-made) over /staff/organisations/search, which answers the first
// 20 matches, so no page renders the whole register as <option>s. The choice is submitted as hidden inputs named
// `name` (one per organisation), so the surrounding form, GET filter or server action, reads it like a <select>.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import {
  Button,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Tag,
  TagGroup,
  TagList,
  Text,
  type Key,
} from "react-aria-components";

export type PickedOrganisation = { id: string; name: string; orgNumber?: string | null };

const DEBOUNCE_MS = 200;

export function OrganisationPicker(props: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  multiple?: boolean;
  /** What the form already holds (from the URL or a saved filter), named on the server. */
  initial: PickedOrganisation[];
  /** Called after the choice changed (the segment builder recounts). */
  onChange?: (chosen: PickedOrganisation[]) => void;
  searchUrl?: string;
  /** A message from the server about this field (the form's answer). */
  error?: string;
}) {
  const t = useTranslations("staff.kit.organisationPicker");
  const [chosen, setChosen] = useState<PickedOrganisation[]>(props.initial);
  const [input, setInput] = useState(props.multiple ? "" : (props.initial[0]?.name ?? ""));
  const [matches, setMatches] = useState<PickedOrganisation[]>([]);
  const [phase, setPhase] = useState<"idle" | "searching" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<AbortController | null>(null);

  function choose(next: PickedOrganisation[]) {
    setChosen(next);
    props.onChange?.(next);
  }

  useEffect(() => () => inFlight.current?.abort(), []);

  function search(term: string) {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      inFlight.current?.abort();
      const ac = new AbortController();
      inFlight.current = ac;
      setPhase("searching");
      try {
        const res = await fetch(`${props.searchUrl ?? "/staff/organisations/search"}?q=${encodeURIComponent(term)}`, {
          signal: ac.signal,
          headers: { Accept: "application/json" },
        });
        const body = (await res.json()) as { ok: boolean; organisations?: PickedOrganisation[] };
        if (!res.ok || !body.ok) throw new Error(`search ${res.status}`);
        setMatches(body.organisations ?? []);
        setPhase("idle");
      } catch (e) {
        if ((e as Error).name !== "AbortError") setPhase("failed");
      }
    }, DEBOUNCE_MS);
  }

  function onInputChange(value: string) {
    setInput(value);
    // Typing over a single picker's choice drops it until another is picked: the form never submits an organisation
    // the field no longer names (an empty field means "all").
    if (!props.multiple && chosen.length && value !== chosen[0]?.name) choose([]);
    // React Aria writes the picked name into the field too: that is no new search (whose late answer could open the
    // list again over a form about to be submitted).
    if (matches.some((m) => m.name === value) || (!props.multiple && value === chosen[0]?.name)) return;
    search(value);
  }

  function onPick(key: Key | null) {
    if (key === null) {
      if (!props.multiple && chosen.length) choose([]);
      return;
    }
    const picked = matches.find((m) => m.id === key) ?? chosen.find((c) => c.id === key);
    if (!picked) return;
    if (props.multiple) {
      if (!chosen.some((x) => x.id === picked.id)) choose([...chosen, picked]);
      setInput("");
    } else {
      choose([picked]);
      setInput(picked.name);
    }
  }

  // The single picker's chosen organisation stays in the collection so the combobox can show its name.
  const items = props.multiple ? matches : [...chosen.filter((c) => !matches.some((m) => m.id === c.id)), ...matches];
  const hintId = props.hint ? `${props.id}-hint` : undefined;

  return (
    <div className="field org-picker">
      <ComboBox
        id={props.id}
        items={items}
        inputValue={input}
        onInputChange={onInputChange}
        value={props.multiple ? null : (chosen[0]?.id ?? null)}
        onChange={onPick}
        onOpenChange={(open) => {
          if (open && phase !== "searching" && matches.length === 0) search(input);
        }}
        menuTrigger="focus"
        allowsEmptyCollection
        isInvalid={Boolean(props.error)}
        className="org-picker__combobox"
      >
        <Label className="field__label">{props.label}</Label>
        {props.hint ? (
          <Text slot="description" id={hintId} className="field__hint">
            {props.hint}
          </Text>
        ) : null}
        <div className="org-picker__row">
          <Input className="field__input" placeholder={t("placeholder")} />
          <Button className="org-picker__button" aria-label={t("showMatches")}>
            <span aria-hidden="true">▾</span>
          </Button>
        </div>
        <FieldError className="field__error">{props.error}</FieldError>
        <Popover className="org-picker__popover" placement="bottom start">
          <ListBox<PickedOrganisation>
            className="org-picker__list"
            renderEmptyState={() => (
              <p className="org-picker__empty">
                {phase === "searching" ? t("searching") : phase === "failed" ? t("failed") : t("noMatches")}
              </p>
            )}
          >
            {(o) => (
              <ListBoxItem id={o.id} textValue={o.name} className="org-picker__option">
                <span>{o.name}</span>
                {o.orgNumber ? <span className="org-picker__number">{o.orgNumber}</span> : null}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      <p role="status" className="visually-hidden">
        {phase === "failed" ? t("failed") : ""}
      </p>
      {props.multiple ? (
        <TagGroup
          aria-label={t("chosen")}
          className="org-picker__tags"
          onRemove={(keys) => choose(chosen.filter((x) => !keys.has(x.id)))}
        >
          <TagList items={chosen} renderEmptyState={() => <span className="muted">{t("none")}</span>}>
            {(o) => (
              <Tag id={o.id} textValue={o.name} className="org-picker__tag">
                {o.name}
                <Button slot="remove" className="org-picker__remove" aria-label={t("remove", { name: o.name })}>
                  <span aria-hidden="true">×</span>
                </Button>
              </Tag>
            )}
          </TagList>
        </TagGroup>
      ) : null}
      {chosen.map((c) => (
        <input key={c.id} type="hidden" name={props.name} value={c.id} />
      ))}
    </div>
  );
}
