// `npm run create-admin`: creates an administrator account. Never a default password: it is typed
// (asked twice, not echoed) or given in ADMIN_PASSWORD for scripted deployments.
//   npm run create-admin -- --username quantri --name "Nguyễn Văn A" [--email a@example.vn] [--unit long-bien]
// Database: DATABASE_URL, else the embedded one in $DATA_DIR (stop `npm start` first: PGlite serves
// one process at a time).
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { pgAdapter } from "../lib/db-adapter";
import { AccountError, createAccount } from "../lib/auth/accounts";
import { PrismaClient } from "../lib/generated/prisma/client";
import { ROOT, startEmbeddedPostgres } from "./lib/db-tools.mjs";

function ask(question: string, hidden: boolean): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (hidden) {
    // echo nothing while the password is typed
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.includes(question)) process.stdout.write(question);
    };
  }
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stdout.write("\n");
      resolve(answer);
    }),
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      username: { type: "string" },
      name: { type: "string" },
      email: { type: "string" },
      unit: { type: "string", default: "long-bien" },
    },
  });
  const interactive = process.stdin.isTTY;
  const username = values.username ?? (interactive ? await ask("Tên đăng nhập: ", false) : "");
  const name = values.name ?? (interactive ? await ask("Họ và tên: ", false) : username);
  if (!username) throw new AccountError("Thiếu --username.");
  let password = process.env.ADMIN_PASSWORD ?? "";
  if (!password) {
    if (!interactive) throw new AccountError("Không có terminal để nhập mật khẩu: đặt ADMIN_PASSWORD.");
    password = await ask("Mật khẩu (ít nhất 10 ký tự): ", true);
    if ((await ask("Nhập lại mật khẩu: ", true)) !== password) throw new AccountError("Mật khẩu nhập lại không khớp.");
  }

  let url = process.env.DATABASE_URL;
  let embedded: { url: string; stop: () => Promise<void> } | null = null;
  if (!url) {
    const dataRoot = path.resolve(ROOT, process.env.DATA_DIR || ".data");
    const pid = Number(
      fs.existsSync(path.join(dataRoot, "pglite.lock"))
        ? fs.readFileSync(path.join(dataRoot, "pglite.lock"), "utf8")
        : 0,
    );
    if (pid && isAlive(pid))
      throw new AccountError(
        `Cơ sở dữ liệu nhúng đang được \`npm start\` (tiến trình ${pid}) dùng: hãy dừng máy chủ trước.`,
      );
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataRoot, "pglite") });
    url = embedded.url;
  }
  const prisma = new PrismaClient({ adapter: pgAdapter({ connectionString: url, max: 2 }) });
  try {
    const unit = await prisma.orgUnit.findUnique({ where: { slug: values.unit! }, select: { id: true, name: true } });
    if (!unit) throw new AccountError(`Không có đơn vị “${values.unit}” (đã chạy migration và seed chưa?).`);
    const { id } = await createAccount(prisma, {
      username,
      name,
      email: values.email,
      password,
      roles: [{ role: "ADMINISTRATOR", orgUnitId: unit.id }],
    });
    await prisma.accessLog.create({
      data: { event: "ACCOUNT_CREATED", userId: id, target: `user ${id}`, detail: "npm run create-admin" },
    });
    console.log(`Đã tạo tài khoản quản trị “${username.toLowerCase()}” trên ${unit.name}.`);
  } finally {
    await prisma.$disconnect();
    await embedded?.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof AccountError ? `LỖI: ${e.message}` : e instanceof Error ? `LỖI: ${e.message}` : e);
  process.exit(1);
});
