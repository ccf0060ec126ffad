// What the new and edit segment pages hand to the builder: options in the staff member's language (its texts come
// from the catalogue through EDITOR_MESSAGES), the
// values to start from (a saved segment, or a filter submitted with "show count"), and the first count.
import { nameOrganisations } from "@/lib/organisations/name-organisations";
import "server-only";
import { getPolicy } from "@/lib/policy/current-policy";
import { categoryOptions } from "@/lib/policy/policy-labels";
import type { Db } from "@/lib/db/client";
import type { Language } from "@/lib/i18n/languages";
import { textsAt } from "@/lib/i18n/texts-at";
import { translatorFor } from "@/lib/i18n/translator";
import { filterFromForm, searchParamsForm } from "@/lib/segments/filter-from-form";
import { previewSegment, type SegmentPreview } from "@/lib/segments/preview-segment";
import type { SegmentFilter } from "@/lib/segments/segment-filter";
import { RELATIONSHIPS, ROLE_TYPES, SOURCE_TYPES } from "@/lib/enums";
import { listTopics } from "@/lib/topics/list-topics";
import type { FilterValues } from "./segment-editor";

type Query = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

function valuesOf(f: Partial<SegmentFilter>): FilterValues {
  return {
    categories: f.categories ?? [],
    relationships: f.relationships ?? [],
    organisationIds: f.organisationIds ?? [],
    roleTypes: f.roleTypes ?? [],
    roleStatus: f.roleStatus ?? "current",
    topicIds: f.topicIds ?? [],
    languages: f.languages ?? [],
    sourceTypes: f.sourceTypes ?? [],
    sourceDetail: f.sourceDetail ?? "",
    createdFrom: f.createdFrom ?? "",
    createdTo: f.createdTo ?? "",
    lastActivityFrom: f.lastActivityFrom ?? "",
    lastActivityTo: f.lastActivityTo ?? "",
  };
}

export async function editorProps(opts: {
  db: Db;
  lang: Language;
  query: Query;
  saved?: { id: string; name: string; filter: SegmentFilter | null };
}) {
  const { db, lang, query } = opts;
  const t = translatorFor(lang);
  const s = t;
  const errorTexts = textsAt(lang, "segments.errors");
  const submitted = first(query.preview) === "1";
  const rawFilter = submitted || !opts.saved ? filterFromForm(searchParamsForm(query)) : (opts.saved.filter ?? {});
  const topic = first(query.topic);
  const name = submitted ? first(query.name) : (opts.saved?.name ?? "");
  const preview: SegmentPreview = await previewSegment({ db, filter: rawFilter, topicId: topic || null });
  const localised: SegmentPreview = preview.ok
    ? preview
    : {
        ok: false,
        fieldErrors: Object.fromEntries(
          Object.entries(preview.fieldErrors).map(([k, c]) => [k, errorTexts[c] ?? t("segments.errorFallback")]),
        ),
      };

  const chosenOrgs = (rawFilter as Partial<SegmentFilter>).organisationIds ?? [];
  const [topics, organisations] = await Promise.all([
    listTopics({ db }),
    // A register holds tens of thousands of organisations: only the chosen ones are named here; the picker searches.
    nameOrganisations({ db, ids: chosenOrgs }),
  ]);

  return {
    countUrl: "/staff/segments/count",
    initial: { id: opts.saved?.id, name, topic, filter: valuesOf(rawFilter as Partial<SegmentFilter>) },
    initialPreview: localised,
    options: {
      categories: categoryOptions(getPolicy(), lang),
      relationships: RELATIONSHIPS.map((k) => ({ value: k, label: t(`enums.relationship.label.${k}`) })),
      roleTypes: ROLE_TYPES.map((k) => ({ value: k, label: t(`enums.roleType.label.${k}`) })),
      roleStatuses: (["current", "ended", "any"] as const).map((k) => ({
        value: k,
        label: s(`segments.segments.roleStatusOption.${k}`),
      })),
      organisations,
      topics: topics.map((x) => ({ value: x.id, label: lang === "sv" ? x.nameSv : x.nameEn })),
      languages: (["sv", "en"] as const).map((k) => ({ value: k, label: t(`register.languages.${k}`) })),
      sourceTypes: SOURCE_TYPES.map((k) => ({ value: k, label: t(`enums.sourceType.label.${k}`) })),
    },
  };
}

/** What the segment editor and its count panel translate on the client. */
export const EDITOR_MESSAGES = [
  "segments.segments",
  "segments.invalid",
  "enums.exclusionReason.group",
  "enums.suppressionReason.label",
  "register.languages",
  "staff.kit.organisationPicker",
];
