// next-auth's own messages through our logger. Its default logger prints the error's message and metadata, which can
// hold the address a sign-in link was asked for; here only the code and the error's summary (the `err` serializer) are kept.
import "server-only";
import type { LoggerInstance } from "next-auth";
import { logger } from "./logger";

export const nextAuthLogger: LoggerInstance = {
  warn: (code) => logger().warn({ component: "next-auth", code }, "next-auth warning"),
  error: (code, metadata) => {
    const error = metadata instanceof Error ? metadata : metadata?.error;
    logger().error({ component: "next-auth", code, err: error }, "next-auth error");
  },
  debug: (code) => logger().debug({ component: "next-auth", code }, "next-auth debug"),
};
