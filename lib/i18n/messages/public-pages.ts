// Messages of one feature area, sv first; en is typed by sv so a missing key fails the typecheck.
export const sv = {};

export const en: typeof sv = {};
