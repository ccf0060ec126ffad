import { describe, expect, it } from "vitest";
import { errorLabel } from "@/lib/log/error-label";
import { RetryLater } from "@/lib/mailings/pipeline/send-mailing-batch";

describe("errorLabel", () => {
  it("names the kind and code of a failure, never its message", () => {
    const prisma = Object.assign(new Error("Unique constraint failed: Key (email)=(lena@nordlys.example)"), {
      name: "PrismaClientKnownRequestError",
      code: "P2002",
    });
    expect(errorLabel(prisma)).toBe("PrismaClientKnownRequestError P2002");
    expect(errorLabel(new Error("Recipient lena@nordlys.example refused"))).toBe("Error");
    expect(errorLabel(new RetryLater("rate_limited"))).toBe("RetryLater rate_limited");
    expect(errorLabel("lena@nordlys.example")).toBe("string");
  });
});
