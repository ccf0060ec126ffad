// Reading the import form's post: the file, the mapping the staff member chose, the override's rows, and where an
// options error is shown.
import { describe, expect, it } from "vitest";
import {
  columnMappingFromForm,
  formFieldOfOptionError,
  importOptionsFromForm,
  parseRowNumbers,
  readUploadedCsv,
} from "@/lib/import/read-import-form";

const values = {
  category: "PROSPECT",
  defaultLanguage: "",
  sourceType: "IMPORTED",
  sourceDetail: "CRM",
  sourceDate: "",
  duplicates: "skip",
  overrideReason: "",
  overrideRows: "",
};

describe("reading the import form", () => {
  it("takes a new upload over the kept text, refuses non-UTF-8 and an empty post", async () => {
    const upload = new File(["namn;e-post\r\n"], "a.csv");
    expect(await readUploadedCsv(upload, "kept")).toEqual({ ok: true, csv: "namn;e-post\r\n" });
    expect(await readUploadedCsv(null, "kept")).toEqual({ ok: true, csv: "kept" });
    expect(await readUploadedCsv(new File([new Uint8Array([0xff, 0xfe, 0x41])], "b.csv"), "")).toEqual({
      ok: false,
      code: "file_not_utf8",
    });
    expect(await readUploadedCsv(null, "")).toEqual({ ok: false, code: "file_required" });
  });

  it("keeps the chosen mapping while the headers stay the same, else suggests one", () => {
    const headers = ["Namn", "E-post"];
    const chosen = (i: number) => ["email", "name"][i];
    expect(columnMappingFromForm({ headers, previousHeaders: headers, chosen })).toEqual({ email: 0, name: 1 });
    expect(columnMappingFromForm({ headers, previousHeaders: ["Other", "E-post"], chosen })).toEqual({
      name: 0,
      email: 1,
    });
    // A field chosen twice counts once; an unknown field is ignored.
    expect(
      columnMappingFromForm({
        headers: ["a", "b", "c"],
        previousHeaders: ["a", "b", "c"],
        chosen: (i) => ["email", "email", "x"][i],
      }),
    ).toEqual({ email: 0 });
  });

  it("reads the override's rows and says where an options error belongs", () => {
    expect(parseRowNumbers("4, 17 23;4")).toEqual([4, 17, 23]);
    expect(parseRowNumbers("4-7")).toBeNull();
    expect(importOptionsFromForm({ ...values, overrideRows: "x" })).toEqual({
      ok: false,
      fieldErrors: { overrideRows: "override_rows_invalid" },
    });
    const read = importOptionsFromForm({ ...values, overrideReason: "Met again", overrideRows: "3" });
    expect(read.ok && read.options.suppressionOverride).toEqual({ reason: "Met again", rows: [3] });
    expect(read.ok && importOptionsFromForm(values).ok && importOptionsFromForm(values)).toMatchObject({
      options: { suppressionOverride: undefined, sourceDate: undefined, defaultLanguage: undefined },
    });
    // The default language chosen for rows without one in the file.
    expect(importOptionsFromForm({ ...values, defaultLanguage: "en" })).toMatchObject({
      options: { defaultLanguage: "en" },
    });
    expect(formFieldOfOptionError("options.suppressionOverride.reason")).toBe("overrideReason");
    expect(formFieldOfOptionError("options.suppressionOverride.rows")).toBe("overrideRows");
    expect(formFieldOfOptionError("options.sourceDetail")).toBe("sourceDetail");
    expect(formFieldOfOptionError("")).toBe("form");
  });
});
