// Names, titles and organisation numbers of the synthetic register. Organisation names combine a surname or place with
// a trade and a legal form, so a substring search ("energi", "Lind", "Konsult") matches a realistic share of rows
// instead of every row or exactly one.
import { pick, rand } from "./random";

export const FIRST = [
  "Anna",
  "Erik",
  "Maria",
  "Lars",
  "Karin",
  "Johan",
  "Sofia",
  "Anders",
  "Eva",
  "Per",
  "Emma",
  "Mikael",
  "Sara",
  "Nils",
  "Linnea",
  "Oskar",
  "Elin",
  "Gustav",
  "Ida",
  "Ahmed",
  "Fatima",
  "Jonas",
  "Hanna",
  "David",
  "Maja",
  "Olof",
  "Astrid",
  "Viktor",
  "Amira",
  "Henrik",
];
export const LAST = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
  "Svensson",
  "Gustafsson",
  "Pettersson",
  "Jonsson",
  "Lindberg",
  "Lindqvist",
  "Berg",
  "Holm",
  "Ek",
  "Sandberg",
  "Forsberg",
  "Hassan",
  "Ali",
  "Nyström",
  "Åberg",
  "Öberg",
  "Wallin",
];
export const TITLES = [
  "IT-chef",
  "Driftchef",
  "Systemadministratör",
  "CTO",
  "Inköpare",
  "Controller",
  "Utvecklare",
  "Säkerhetsansvarig",
  "Head of Infrastructure",
  "Projektledare",
];
const ORG_STEMS = [
  ...LAST,
  "Norrland",
  "Mälardalen",
  "Kvarnby",
  "Fjällström",
  "Havsörn",
  "Björkdal",
  "Solvik",
  "Ekeby",
  "Granlund",
  "Strand",
  "Vindö",
  "Sjöberg",
  "Lövgren",
  "Stenhammar",
  "Åsa",
  "Dalby",
  "Rosendal",
  "Hagalund",
  "Ljusne",
  "Tallbacka",
];
const ORG_TRADES = [
  "Data",
  "Energi",
  "Logistik",
  "Konsult",
  "Fintech",
  "Bygg",
  "Fastigheter",
  "Media",
  "Vård",
  "Transport",
  "Mekaniska",
  "Livsmedel",
  "Revision",
  "Systemutveckling",
  "Elteknik",
  "Skog",
  "Hotell",
  "Arkitekter",
  "Redovisning",
  "Trä",
];
const ORG_FORMS = [
  "AB",
  "AB",
  "AB",
  "AB",
  "Aktiebolag",
  "Holding AB",
  "Handelsbolag",
  "Group AB",
  "& Co AB",
  "Nordic AB",
];

/** Several organisations may share a name (as in the real world); the number tells them apart. */
export function organisationName(k: number): string {
  return `${pick(ORG_STEMS, k * 7 + (k >> 5))} ${pick(ORG_TRADES, k * 3 + (k >> 7))} ${pick(ORG_FORMS, k >> 2)}`;
}

/**
 * A valid Swedish organisationsnummer (group digit 5 = aktiebolag, Luhn check digit), distinct for every k below
 * 400 million. The series 55910… is clear of the demo organisations' numbers.
 */
export function organisationNumber(k: number): string {
  const nine = String(559_100_000 + k);
  const digits = nine + luhnDigit(nine);
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

function luhnDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < nine.length; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The person behind contact i, as the register holds them now (history entries name earlier values). */
export function personFor(i: number) {
  // Every attribute from its own hash of the index: picking them all by `i modulo` a list length made the name decide
  // the language and the role type (30 first names, 5 and 6 choices), so in name order the first 100,000 contacts were
  // all Swedish and none a system owner, and a filter walking the name index read 100,000 rows to fill a page.
  const first = FIRST[Math.floor(rand(i, 101) * FIRST.length)]!;
  const last = LAST[Math.floor(rand(i, 102) * LAST.length)]!;
  // One in four has a double surname, so names are not 750 combinations repeated a thousand times each.
  const second = rand(i, 103) < 0.25 ? ` ${LAST[Math.floor(rand(i, 104) * LAST.length)]!}` : "";
  return {
    first,
    last,
    name: `${first} ${last}${second}`,
    phone: rand(i, 105) < 1 / 3 ? null : `+4670${String(1000000 + (i % 9000000)).padStart(7, "0")}`,
    jobTitle: TITLES[Math.floor(rand(i, 106) * TITLES.length)]!,
    language: (rand(i, 107) < 0.2 ? "en" : "sv") as "sv" | "en",
  };
}
