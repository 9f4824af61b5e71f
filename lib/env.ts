import { z } from "zod";

// The environment, validated once. Everything else imports `env` instead of reading process.env.
const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "DATABASE_URL phải là một URL postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /// "1"/"true" seeds demonstration data beside the reported figures; "0"/"false" the report alone.
  SEED_DEMO: z
    .enum(["0", "1", "true", "false"])
    .default("1")
    .transform((v) => v === "1" || v === "true"),
  /// Size of the connection pool (small on the embedded database, which runs one query at a time).
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /// Public transparency portal: "1" lets anyone read the dashboards and the JSON API without an
  /// account; "0" (default) asks for a session (or, on the API, an API token).
  PUBLIC_PORTAL: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  /// Secret that signs the session cookie (at least 32 characters). `npm start` generates one into
  /// $DATA_DIR/auth-secret when it is not set.
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET phải dài ít nhất 32 ký tự").optional(),
  /// Public address of the site (e.g. https://ctk.longbien.gov.vn): https makes the session cookie Secure.
  AUTH_URL: z.string().url("AUTH_URL phải là một URL").optional(),
  /// "1" when the app is behind a reverse proxy that appends the client address to X-Forwarded-For:
  /// the last entry is then the client's address (for sign-in rate limiting).
  TRUST_PROXY: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  /// Password of the demo accounts (demo data only); a random one is generated and printed when unset.
  DEMO_PASSWORD: z.string().min(10, "DEMO_PASSWORD phải dài ít nhất 10 ký tự").optional(),
  /// SMTP server of the e-mail notices, e.g. smtp://user:pass@mail.example.vn:587 (smtps:// for TLS on
  /// connect). With MAIL_FROM it turns e-mail on; without them notices stay in the app ("Việc cần làm").
  SMTP_URL: z
    .string()
    .trim()
    .refine((v) => /^smtps?:\/\//.test(v), "SMTP_URL phải là một URL smtp:// hoặc smtps://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /// Sender of the e-mail notices, e.g. "Theo dõi CTr toàn khóa <ctk@example.vn>".
  MAIL_FROM: z
    .string()
    .trim()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /// bench:scale only: a file the server appends the statements it runs to, while capture is switched
  /// on (SIGUSR2; lib/bench-sql-log.ts). Unset (always, in service): nothing is recorded.
  BENCH_SQL_LOG: z
    .string()
    .trim()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Cấu hình môi trường không hợp lệ: ${details}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv(process.env);
