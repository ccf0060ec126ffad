// Names, titles and organisation numbers of the synthetic register. Organisation names combine a surname or place with
// a trade and a legal form, so a substring search ("energi", "Lind", "Konsult") matches a realistic share of rows
// instead of every row or exactly one.
import { pick } from "./random";

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
  const first = pick(FIRST, i * 7),
    last = pick(LAST, i * 13);
  return {
    first,
    last,
    name: `${first} ${last}`,
    phone: i % 3 === 0 ? null : `+4670${String(1000000 + (i % 9000000)).padStart(7, "0")}`,
    jobTitle: pick(TITLES, i),
    language: (i % 5 === 0 ? "en" : "sv") as "sv" | "en",
  };
}
