// `npm run db:seed`: seeds the database at DATABASE_URL. SEED_DEMO=0 loads the reported figures alone.
import { pgAdapter } from "../../lib/db-adapter";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { parseEnv } from "../../lib/env";
import { removeDemoAccounts, syncDemoAccounts } from "./demo-accounts";
import { seed } from "./index";

async function main() {
  const env = parseEnv(process.env);
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL chưa được đặt.");
  const prisma = new PrismaClient({ adapter: pgAdapter({ connectionString: env.DATABASE_URL, max: 2 }) });
  try {
    const started = Date.now();
    const report = await seed(prisma, { demo: env.SEED_DEMO });
    const lines = Object.entries(report).map(
      ([entity, c]) => `  ${entity}: +${c.created} ~${c.updated} -${c.deleted} =${c.unchanged}`,
    );
    console.log(
      `Seed ${env.SEED_DEMO ? "(số liệu báo cáo + dữ liệu minh họa)" : "(chỉ số liệu báo cáo)"} xong trong ${Date.now() - started} ms:`,
    );
    console.log(lines.join("\n"));
    if (env.SEED_DEMO) {
      const demo = await syncDemoAccounts(prisma, env.DEMO_PASSWORD);
      if (demo.created.length) {
        console.log(`Đã tạo tài khoản minh họa (chỉ có khi nạp dữ liệu minh họa): ${demo.created.join(", ")}`);
        console.log(
          env.DEMO_PASSWORD
            ? "  mật khẩu: DEMO_PASSWORD"
            : `  mật khẩu (ngẫu nhiên, chỉ hiện lần này): ${demo.password}`,
        );
      }
    } else {
      const removed = await removeDemoAccounts(prisma);
      if (removed) console.log(`Đã xóa ${removed} tài khoản minh họa.`);
    }
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
