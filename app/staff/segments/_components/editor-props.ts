// What the new and edit segment pages hand to the builder: options and texts in the staff member's language, the
// values to start from (a saved segment, or a filter submitted with "show count"), and the first count.
import { listOrganisationOptions } from "@/lib/organisations/list-organisation-options";
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Language } from "@/lib/i18n/languages";
import type { Messages } from "@/lib/i18n/messages";
import { filterFromForm, searchParamsForm } from "@/lib/segments/filter-from-form";
import { previewSegment, type SegmentPreview } from "@/lib/segments/preview-segment";
import type { SegmentFilter } from "@/lib/segments/segment-filter";
import { CATEGORIES, RELATIONSHIPS, ROLE_TYPES, SOURCE_TYPES } from "@/lib/enums";
import { listTopics } from "@/lib/topics/list-topics";
import type { EditorTexts, FilterValues } from "./segment-editor";

type Query = Record<string, string | string[] | undefined>;
// A register can hold tens of thousands of organisations; the picker lists the first ones by name plus those chosen.
const ORGANISATION_OPTIONS = 500;

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
  t: Messages;
  lang: Language;
  query: Query;
  saved?: { id: string; name: string; filter: SegmentFilter | null };
}) {
  const { db, t, lang, query } = opts;
  const s = t.segments.segments;
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
          Object.entries(preview.fieldErrors).map(([k, c]) => [k, t.segments.errors[c] ?? t.segments.errorFallback]),
        ),
      };

  const chosenOrgs = (rawFilter as Partial<SegmentFilter>).organisationIds ?? [];
  const [topics, organisations] = await Promise.all([
    listTopics({ db }),
    listOrganisationOptions({ db, take: ORGANISATION_OPTIONS, include: chosenOrgs }),
  ]);

  const texts: EditorTexts = {
    name: s.name,
    save: s.save,
    count: s.count,
    filterHeading: s.filterHeading,
    filterHint: s.filterHint,
    categories: s.categories,
    relationships: s.relationships,
    roleTypes: s.roleTypes,
    roleStatus: s.roleStatus,
    roleStatusHint: s.roleStatusHint,
    organisations: s.organisations,
    organisationsHint: s.organisationsHint,
    topicIds: s.topicIds,
    languages: s.languages,
    sourceTypes: s.sourceTypes,
    sourceDetail: s.sourceDetail,
    sourceDetailHint: s.sourceDetailHint,
    createdFrom: s.createdFrom,
    createdTo: s.createdTo,
    lastActivityFrom: s.lastActivityFrom,
    lastActivityTo: s.lastActivityTo,
    dateHint: s.dateHint,
    breakdownTopic: s.breakdownTopic,
    breakdownTopicHint: s.breakdownTopicHint,
    noTopic: s.noTopic,
    countHeading: s.countHeading,
    counting: s.counting,
    countFailed: s.countFailed,
    total: s.total,
    eligible: s.eligible,
    leftOutHeading: s.leftOutHeading,
    reason: s.reason,
    suppressedBy: s.suppressedBy,
    sampleHeading: s.sampleHeading,
    sampleCaption: s.sampleCaption,
    sampleEmpty: s.sampleEmpty,
    sampleColumns: s.sampleColumns,
    invalid: t.segments.invalid,
    languageNames: t.register.languages,
  };
  const r = t.register;
  return {
    countUrl: "/staff/segments/count",
    locale: lang === "sv" ? "sv-SE" : "en-GB",
    initial: { id: opts.saved?.id, name, topic, filter: valuesOf(rawFilter as Partial<SegmentFilter>) },
    initialPreview: localised,
    options: {
      categories: CATEGORIES.map((k) => ({ value: k, label: r.category[k] })),
      relationships: RELATIONSHIPS.map((k) => ({ value: k, label: r.relationship[k] })),
      roleTypes: ROLE_TYPES.map((k) => ({ value: k, label: r.roleType[k] })),
      roleStatuses: (["current", "ended", "any"] as const).map((k) => ({ value: k, label: s.roleStatusOption[k] })),
      organisations: organisations.map((x) => ({ value: x.id, label: x.name })),
      topics: topics.map((x) => ({ value: x.id, label: lang === "sv" ? x.nameSv : x.nameEn })),
      languages: (["sv", "en"] as const).map((k) => ({ value: k, label: r.languages[k] })),
      sourceTypes: SOURCE_TYPES.map((k) => ({ value: k, label: r.sourceType[k] })),
    },
    texts,
  };
}
